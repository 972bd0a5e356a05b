/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/output/event.h — renderings of one OOM event: the `--events --format json` line
 * (docs/json.md, exact field names, null for unknown) and a readable one-line text form.
 *
 * Both append to a strbuf (core/base/strbuf.h) without a trailing newline. Strings from
 * the log are raw bytes: JSON escapes them (control characters as \u00XX, invalid UTF-8 as
 * \ufffd); the text form shows control bytes and invalid UTF-8 as \xNN, so no escape
 * sequence reaches a terminal.
 *
 * JSON sizes are bytes: the kill line's kB × 1024, and the task table's pages × the page
 * size the log implies (oom_event.page_bytes), else the running kernel's — never an
 * assumed 4 KiB. Every object carries "schema": OUTPUT_EVENT_SCHEMA.
 */
#ifndef OOMTOP_OUTPUT_EVENT_H
#define OOMTOP_OUTPUT_EVENT_H

#include "core/base/strbuf.h"
#include "core/klog/oom_event.h"

/* 1: sizes in kB and pages (*_kb keys); 2: sizes in bytes (total_vm, anon_rss, ...; task
 * rows total_vm, rss, pgtables, swap) and the journal's source, unit, boot_id, cgroup,
 * reason. */
#define OUTPUT_EVENT_SCHEMA 2

void output_event_json(const struct oom_event *ev, struct strbuf *sb);
void output_event_text(const struct oom_event *ev, struct strbuf *sb);

#endif
