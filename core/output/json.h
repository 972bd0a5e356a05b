/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/output/json.h — a snapshot as one JSON object on one line (docs/json.md: exact field
 * names, null for unknown values). Pure. */
#ifndef OOMTOP_OUTPUT_JSON_H
#define OOMTOP_OUTPUT_JSON_H

#include "core/base/strbuf.h"
#include "core/output/output.h"

/* The format's version, the first key of every object: raised when a key changes meaning
 * (adding keys does not). 1: the first versioned format (issue 13 added the breakdown). */
#define OUTPUT_JSON_SCHEMA 1

/* Append the object for v to sb, with its trailing newline. */
void output_json(struct strbuf *sb, const struct output_view *v);

#endif
