#include "config.h"
#include "oom_event_fmt.h"

#include <math.h>
#include <string.h>
#include <time.h>

/* Length of the valid UTF-8 sequence at s (≤ n bytes), or 0 if invalid (overlong forms,
 * surrogates and code points past U+10FFFF are invalid). */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len;
	unsigned cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

void json_put_string(struct strbuf *sb, const char *s, size_t len)
{
	if (!s) {
		sb_puts(sb, "null");
		return;
	}
	const unsigned char *u = (const unsigned char *)s;
	sb_putc(sb, '"');
	for (size_t i = 0; i < len;) {
		unsigned char c = u[i];
		if (c == '"' || c == '\\') {
			sb_putc(sb, '\\');
			sb_putc(sb, (char)c);
			i++;
		} else if (c == '\n') {
			sb_puts(sb, "\\n");
			i++;
		} else if (c == '\t') {
			sb_puts(sb, "\\t");
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			sb_printf(sb, "\\u%04x", c);
			i++;
		} else {
			size_t l = utf8_valid_len(u + i, len - i);
			if (l == 0) {
				sb_puts(sb, "\\ufffd");
				i++;
			} else {
				sb_putn(sb, s + i, l);
				i += l;
			}
		}
	}
	sb_putc(sb, '"');
}

void text_put_sanitized(struct strbuf *sb, const char *s)
{
	if (!s) {
		sb_putc(sb, '-');
		return;
	}
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		size_t l = u[i] < 0x20 || u[i] == 0x7f ? 0 : utf8_valid_len(u + i, n - i);
		/* C1 controls (U+0080–U+009F) are escape sequences on some terminals */
		if (l == 2 && u[i] == 0xc2 && u[i + 1] < 0xa0)
			l = 0;
		if (l == 0) {
			sb_printf(sb, "\\x%02x", u[i]);
			i++;
		} else {
			sb_putn(sb, s + i, l);
			i += l;
		}
	}
}

static void json_key(struct strbuf *sb, const char *key, bool *first)
{
	if (!*first)
		sb_puts(sb, ", ");
	*first = false;
	sb_printf(sb, "\"%s\": ", key);
}

static void json_i64(struct strbuf *sb, const char *key, int64_t v, bool *first)
{
	json_key(sb, key, first);
	if (val_known(v))
		sb_printf(sb, "%lld", (long long)v);
	else
		sb_puts(sb, "null");
}

static void json_str(struct strbuf *sb, const char *key, const char *s, bool *first)
{
	json_key(sb, key, first);
	json_put_string(sb, s, s ? strlen(s) : 0);
}

static void json_double(struct strbuf *sb, const char *key, double v, int decimals, bool *first)
{
	json_key(sb, key, first);
	if (isfinite(v))
		sb_printf(sb, "%.*f", decimals, v);
	else
		sb_puts(sb, "null");
}

static int64_t pages_to_bytes(int64_t pages)
{
	if (!val_known(pages) || pages < 0 || pages > INT64_MAX / OOM_EVENT_PAGE_BYTES)
		return VAL_UNKNOWN;
	return pages * OOM_EVENT_PAGE_BYTES;
}

void oom_event_format_json(const struct oom_event *ev, struct strbuf *sb)
{
	bool first = true;
	sb_putc(sb, '{');
	json_double(sb, "boot_time", ev->boot_s, 6, &first);
	json_double(sb, "time", ev->time_unix_s, 3, &first);
	json_i64(sb, "victim_pid", ev->victim_pid > 0 ? ev->victim_pid : VAL_UNKNOWN, &first);
	json_str(sb, "victim_comm", ev->victim_comm, &first);
	json_i64(sb, "victim_uid", ev->victim_uid, &first);
	json_str(sb, "constraint", ev->constraint, &first);
	json_str(sb, "oom_memcg", ev->oom_memcg, &first);
	json_str(sb, "task_memcg", ev->task_memcg, &first);
	json_i64(sb, "total_vm_kb", ev->total_vm_kb, &first);
	json_i64(sb, "anon_rss_kb", ev->anon_rss_kb, &first);
	json_i64(sb, "file_rss_kb", ev->file_rss_kb, &first);
	json_i64(sb, "shmem_rss_kb", ev->shmem_rss_kb, &first);
	json_i64(sb, "pgtables_kb", ev->pgtables_kb, &first);
	json_i64(sb, "oom_score_adj", ev->oom_score_adj, &first);
	json_str(sb, "invoker_comm", ev->invoker_comm, &first);
	json_i64(sb, "invoker_pid", ev->invoker_pid > 0 ? ev->invoker_pid : VAL_UNKNOWN, &first);
	json_str(sb, "gfp_mask", ev->gfp_mask, &first);
	json_i64(sb, "order", ev->order, &first);
	json_key(sb, "reaped", &first);
	sb_puts(sb, ev->reaped < 0 ? "null" : ev->reaped ? "true" : "false");
	json_key(sb, "tasks", &first);
	sb_putc(sb, '[');
	for (size_t i = 0; i < ev->ntasks; i++) {
		const struct oom_task *t = &ev->tasks[i];
		bool f = true;
		sb_puts(sb, i ? ", {" : "{");
		json_i64(sb, "pid", t->pid, &f);
		json_i64(sb, "uid", t->uid, &f);
		json_i64(sb, "tgid", t->tgid, &f);
		json_i64(sb, "total_vm", pages_to_bytes(t->total_vm_pages), &f);
		json_i64(sb, "rss", pages_to_bytes(t->rss_pages), &f);
		json_i64(sb, "pgtables_bytes", t->pgtables_bytes, &f);
		json_i64(sb, "swapents", t->swapents_pages, &f);
		json_i64(sb, "oom_score_adj", t->oom_score_adj, &f);
		json_str(sb, "name", t->name, &f);
		sb_putc(sb, '}');
	}
	sb_puts(sb, "]}");
}

static void text_kb(struct strbuf *sb, const char *label, int64_t kb)
{
	sb_printf(sb, " %s ", label);
	if (!val_known(kb)) {
		sb_putc(sb, '-');
		return;
	}
	static const char units[] = "KMGTP";
	double v = (double)kb;
	int u = 0;
	while (v >= 1024 && u < 4) {
		v /= 1024;
		u++;
	}
	if (u == 0 || v >= 100)
		sb_printf(sb, "%.0f%c", v, units[u]);
	else
		sb_printf(sb, "%.1f%c", v, units[u]);
}

/* 2025-05-19 18:14:43 [139.201482] memcg kill pid 7788 (bash) uid 0 cgroup /kubepods/...
 *   (limit of /kubepods/...) anon 6.8G file 956K shmem 0K adj 1000, invoked by bash[7788]
 *   gfp 0xcc0(GFP_KERNEL) order 0, reaped */
void oom_event_format_text(const struct oom_event *ev, struct strbuf *sb)
{
	char when[64] = "-";
	if (isfinite(ev->time_unix_s)) {
		time_t t = (time_t)ev->time_unix_s;
		struct tm tm;
		if (localtime_r(&t, &tm))
			strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
	}
	sb_puts(sb, when);
	if (isfinite(ev->boot_s))
		sb_printf(sb, " [%.6f]", ev->boot_s);
	const char *scope = "kill";
	if (ev->constraint && strcmp(ev->constraint, "CONSTRAINT_MEMCG") == 0)
		scope = "memcg kill";
	else if (ev->constraint && strcmp(ev->constraint, "CONSTRAINT_NONE") == 0)
		scope = "global kill";
	else if (ev->constraint)
		scope = ev->constraint;
	sb_puts(sb, " ");
	text_put_sanitized(sb, scope);
	sb_printf(sb, " pid %d (", (int)ev->victim_pid);
	text_put_sanitized(sb, ev->victim_comm);
	sb_putc(sb, ')');
	if (val_known(ev->victim_uid))
		sb_printf(sb, " uid %lld", (long long)ev->victim_uid);
	if (ev->task_memcg) {
		sb_puts(sb, " cgroup ");
		text_put_sanitized(sb, ev->task_memcg);
	}
	if (ev->oom_memcg) {
		sb_puts(sb, " (limit of ");
		text_put_sanitized(sb, ev->oom_memcg);
		sb_putc(sb, ')');
	}
	text_kb(sb, "anon", ev->anon_rss_kb);
	text_kb(sb, "file", ev->file_rss_kb);
	text_kb(sb, "shmem", ev->shmem_rss_kb);
	sb_puts(sb, " adj ");
	if (val_known(ev->oom_score_adj))
		sb_printf(sb, "%lld", (long long)ev->oom_score_adj);
	else
		sb_putc(sb, '-');
	if (ev->invoker_comm) {
		sb_puts(sb, ", invoked by ");
		text_put_sanitized(sb, ev->invoker_comm);
		if (ev->invoker_pid > 0)
			sb_printf(sb, "[%d]", (int)ev->invoker_pid);
		if (ev->gfp_mask) {
			sb_puts(sb, " gfp ");
			text_put_sanitized(sb, ev->gfp_mask);
		}
		if (val_known(ev->order))
			sb_printf(sb, " order %lld", (long long)ev->order);
	}
	if (ev->reaped >= 0)
		sb_puts(sb, ev->reaped ? ", reaped" : ", reaper failed");
}
