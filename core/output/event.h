/* core/output/event.h — renderings of one OOM event: the `--events --format json` line
 * (DESIGN §4, exact field names, null for unknown) and a readable one-line text form.
 *
 * Both append to a strbuf (core/base/strbuf.h) without a trailing newline. Strings from
 * the log are raw bytes: JSON escapes them (control characters as \u00XX, invalid UTF-8 as
 * \ufffd); the text form shows control bytes and invalid UTF-8 as \xNN, so no escape
 * sequence reaches a terminal. Task-table memory columns are pages in the log; JSON gives
 * total_vm and rss in bytes assuming 4 KiB pages (the log does not say the page size),
 * swapents as a count.
 */
#ifndef OOMTOP_OUTPUT_EVENT_H
#define OOMTOP_OUTPUT_EVENT_H

#include "core/klog/oom_event.h"
#include "core/base/strbuf.h"

#define OUTPUT_EVENT_PAGE_BYTES 4096

void output_event_json(const struct oom_event *ev, struct strbuf *sb);
void output_event_text(const struct oom_event *ev, struct strbuf *sb);

#endif
