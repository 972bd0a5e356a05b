/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/output/text.h — a snapshot as text, like top -b: a header, the cgroups, the process
 * rows. Untrusted names are escaped (core/base/escape.h); columns are cut and padded in
 * characters. Pure. */
#ifndef OOMTOP_OUTPUT_TEXT_H
#define OOMTOP_OUTPUT_TEXT_H

#include "core/base/strbuf.h"
#include "core/output/output.h"

/* Append the whole screenful for v to sb. */
void output_text(struct strbuf *sb, const struct output_view *v);

#endif
