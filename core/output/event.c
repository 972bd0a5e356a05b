#include "config.h"
#include "core/output/event.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "core/base/escape.h"
#include "core/output/json_write.h"

static void json_key(struct strbuf *sb, const char *key, bool *first)
{
	if (!*first)
		sb_puts(sb, ", ");
	*first = false;
	sb_printf(sb, "\"%s\": ", key);
}

static void field_i64(struct strbuf *sb, const char *key, int64_t v, bool *first)
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
	json_write_string(sb, s);
}

static void field_double(struct strbuf *sb, const char *key, double v, int decimals, bool *first)
{
	json_key(sb, key, first);
	if (isfinite(v))
		sb_printf(sb, "%.*f", decimals, v);
	else
		sb_puts(sb, "null");
}

static int64_t pages_to_bytes(int64_t pages)
{
	if (!val_known(pages) || pages < 0 || pages > INT64_MAX / OUTPUT_EVENT_PAGE_BYTES)
		return VAL_UNKNOWN;
	return pages * OUTPUT_EVENT_PAGE_BYTES;
}

void output_event_json(const struct oom_event *ev, struct strbuf *sb)
{
	bool first = true;
	sb_putc(sb, '{');
	field_double(sb, "boot_time", ev->boot_s, 6, &first);
	field_double(sb, "time", ev->time_unix_s, 3, &first);
	field_i64(sb, "victim_pid", ev->victim_pid > 0 ? ev->victim_pid : VAL_UNKNOWN, &first);
	json_str(sb, "victim_comm", ev->victim_comm, &first);
	field_i64(sb, "victim_uid", ev->victim_uid, &first);
	json_str(sb, "constraint", ev->constraint, &first);
	json_str(sb, "oom_memcg", ev->oom_memcg, &first);
	json_str(sb, "task_memcg", ev->task_memcg, &first);
	field_i64(sb, "total_vm_kb", ev->total_vm_kb, &first);
	field_i64(sb, "anon_rss_kb", ev->anon_rss_kb, &first);
	field_i64(sb, "file_rss_kb", ev->file_rss_kb, &first);
	field_i64(sb, "shmem_rss_kb", ev->shmem_rss_kb, &first);
	field_i64(sb, "pgtables_kb", ev->pgtables_kb, &first);
	field_i64(sb, "oom_score_adj", ev->oom_score_adj, &first);
	json_str(sb, "invoker_comm", ev->invoker_comm, &first);
	field_i64(sb, "invoker_pid", ev->invoker_pid > 0 ? ev->invoker_pid : VAL_UNKNOWN, &first);
	json_str(sb, "gfp_mask", ev->gfp_mask, &first);
	field_i64(sb, "order", ev->order, &first);
	json_key(sb, "reaped", &first);
	sb_puts(sb, ev->reaped < 0 ? "null" : ev->reaped ? "true" : "false");
	json_key(sb, "tasks", &first);
	sb_putc(sb, '[');
	for (size_t i = 0; i < ev->ntasks; i++) {
		const struct oom_event_task *t = &ev->tasks[i];
		bool f = true;
		sb_puts(sb, i ? ", {" : "{");
		field_i64(sb, "pid", t->pid, &f);
		field_i64(sb, "uid", t->uid, &f);
		field_i64(sb, "tgid", t->tgid, &f);
		field_i64(sb, "total_vm", pages_to_bytes(t->total_vm_pages), &f);
		field_i64(sb, "rss", pages_to_bytes(t->rss_pages), &f);
		field_i64(sb, "pgtables_bytes", t->pgtables_bytes, &f);
		field_i64(sb, "swapents", t->swapents_pages, &f);
		field_i64(sb, "oom_score_adj", t->oom_score_adj, &f);
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
void output_event_text(const struct oom_event *ev, struct strbuf *sb)
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
	escape_text(sb, scope, 0);
	sb_printf(sb, " pid %d (", (int)ev->victim_pid);
	escape_text(sb, ev->victim_comm, 0);
	sb_putc(sb, ')');
	if (val_known(ev->victim_uid))
		sb_printf(sb, " uid %lld", (long long)ev->victim_uid);
	if (ev->task_memcg) {
		sb_puts(sb, " cgroup ");
		escape_text(sb, ev->task_memcg, 0);
	}
	if (ev->oom_memcg) {
		sb_puts(sb, " (limit of ");
		escape_text(sb, ev->oom_memcg, 0);
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
		escape_text(sb, ev->invoker_comm, 0);
		if (ev->invoker_pid > 0)
			sb_printf(sb, "[%d]", (int)ev->invoker_pid);
		if (ev->gfp_mask) {
			sb_puts(sb, " gfp ");
			escape_text(sb, ev->gfp_mask, 0);
		}
		if (val_known(ev->order))
			sb_printf(sb, " order %lld", (long long)ev->order);
	}
	if (ev->reaped >= 0)
		sb_puts(sb, ev->reaped ? ", reaped" : ", reaper failed");
}
