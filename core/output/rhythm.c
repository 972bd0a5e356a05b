/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/output/rhythm.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "core/base/escape.h"
#include "core/base/fmt.h"
#include "core/output/event.h"
#include "core/output/json_write.h"

char *output_rhythm_clock(char *buf, size_t n, double t, double now_unix_s)
{
	time_t tt = (time_t)t;
	struct tm tm;
	snprintf(buf, n, "-");
	if (isfinite(t) && localtime_r(&tt, &tm))
		strftime(buf, n, fabs(now_unix_s - t) < 86400 ? "%H:%M" : "%Y-%m-%d %H:%M", &tm);
	return buf;
}

static void clock_time(struct strbuf *sb, double t, double now)
{
	char buf[32];
	sb_puts(sb, output_rhythm_clock(buf, sizeof(buf), t, now));
}

void output_rhythm_text(const struct rhythm *r, const char *label, double now_unix_s,
			struct strbuf *sb)
{
	char d[32], s[32];
	escape_text(sb, label, 0);
	sb_printf(sb, ": %zu kill%s", r->kills, r->kills == 1 ? "" : "s");
	if (isnan(r->last_unix_s))
		return;
	if (r->episodes <= 1) {
		sb_puts(sb, r->kills > 1 ? " at once, " : ", ");
		clock_time(sb, r->last_unix_s, now_unix_s);
		return;
	}
	if (r->episodes != r->kills)
		sb_printf(sb, " (%zu episodes)", r->episodes);
	sb_printf(sb, " in %s, every %s", fmt_duration(d, sizeof(d), r->last_unix_s - r->first_unix_s),
		  fmt_duration(s, sizeof(s), r->interval_s));
	if (isnan(r->spread_s))
		sb_puts(sb, " (one interval)");
	else
		sb_printf(sb, " ± %s", fmt_duration(s, sizeof(s), r->spread_s));
	sb_puts(sb, ", last ");
	clock_time(sb, r->last_unix_s, now_unix_s);
	sb_puts(sb, ", next ≈ ");
	clock_time(sb, r->next_unix_s, now_unix_s);
	if (r->next_unix_s < now_unix_s)
		sb_puts(sb, " (overdue)");
}

static void key_double(struct strbuf *sb, const char *key, double v)
{
	sb_printf(sb, ", \"%s\": ", key);
	json_write_double(sb, v);
}

void output_rhythm_json(const struct rhythm *r, const char *unit, const char *process,
			double now_unix_s, struct strbuf *sb)
{
	sb_printf(sb, "{\"schema\": %d, \"unit\": ", OUTPUT_EVENT_SCHEMA);
	json_write_string(sb, unit);
	sb_puts(sb, ", \"process\": ");
	json_write_string(sb, process);
	sb_printf(sb, ", \"kills\": %zu, \"episodes\": %zu", r->kills, r->episodes);
	key_double(sb, "first", r->first_unix_s);
	key_double(sb, "last", r->last_unix_s);
	key_double(sb, "interval", r->interval_s);
	key_double(sb, "spread", r->spread_s);
	key_double(sb, "next", r->next_unix_s);
	sb_puts(sb, ", \"overdue\": ");
	sb_puts(sb, isnan(r->next_unix_s) ? "null" : r->next_unix_s < now_unix_s ? "true" : "false");
	sb_putc(sb, '}');
}
