/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/output/event.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "core/base/escape.h"
#include "core/base/util.h"
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
	json_write_i64(sb, v);
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

/* n units of unit_bytes, or VAL_UNKNOWN (unknown, negative or too big for int64_t). */
static int64_t to_bytes(int64_t n, int64_t unit_bytes)
{
	if (!val_known(n) || n < 0 || unit_bytes <= 0 || n > INT64_MAX / unit_bytes)
		return VAL_UNKNOWN;
	return n * unit_bytes;
}

void output_event_json(const struct oom_event *ev, struct strbuf *sb)
{
	int64_t page = val_known(ev->page_bytes) && ev->page_bytes > 0 ? ev->page_bytes
								      : util_page_bytes();
	bool first = true;
	sb_putc(sb, '{');
	field_i64(sb, "schema", OUTPUT_EVENT_SCHEMA, &first);
	field_double(sb, "boot_time", ev->boot_s, 6, &first);
	field_double(sb, "time", ev->time_unix_s, 3, &first);
	field_i64(sb, "victim_pid", ev->victim_pid > 0 ? ev->victim_pid : VAL_UNKNOWN, &first);
	json_str(sb, "victim_comm", ev->victim_comm, &first);
	field_i64(sb, "victim_uid", ev->victim_uid, &first);
	json_str(sb, "constraint", ev->constraint, &first);
	json_str(sb, "oom_memcg", ev->oom_memcg, &first);
	json_str(sb, "task_memcg", ev->task_memcg, &first);
	field_i64(sb, "total_vm", to_bytes(ev->total_vm_kb, 1024), &first);
	field_i64(sb, "anon_rss", to_bytes(ev->anon_rss_kb, 1024), &first);
	field_i64(sb, "file_rss", to_bytes(ev->file_rss_kb, 1024), &first);
	field_i64(sb, "shmem_rss", to_bytes(ev->shmem_rss_kb, 1024), &first);
	field_i64(sb, "pgtables", to_bytes(ev->pgtables_kb, 1024), &first);
	field_i64(sb, "oom_score_adj", ev->oom_score_adj, &first);
	json_str(sb, "invoker_comm", ev->invoker_comm, &first);
	field_i64(sb, "invoker_pid", ev->invoker_pid > 0 ? ev->invoker_pid : VAL_UNKNOWN, &first);
	json_str(sb, "gfp_mask", ev->gfp_mask, &first);
	field_i64(sb, "order", ev->order, &first);
	json_key(sb, "reaped", &first);
	sb_puts(sb, ev->reaped < 0 ? "null" : ev->reaped ? "true" : "false");
	json_str(sb, "source", oom_event_source_name(ev->source), &first);
	json_str(sb, "unit", ev->unit, &first);
	json_str(sb, "boot_id", ev->boot_id[0] ? ev->boot_id : NULL, &first);
	json_str(sb, "cgroup", ev->cgroup, &first);
	json_str(sb, "reason", ev->reason, &first);
	field_i64(sb, "tasks_omitted", ev->tasks_omitted, &first);
	json_key(sb, "tasks", &first);
	sb_putc(sb, '[');
	for (size_t i = 0; i < ev->ntasks; i++) {
		const struct oom_event_task *t = &ev->tasks[i];
		bool f = true;
		sb_puts(sb, i ? ", {" : "{");
		field_i64(sb, "pid", t->pid, &f);
		field_i64(sb, "uid", t->uid, &f);
		field_i64(sb, "tgid", t->tgid, &f);
		field_i64(sb, "total_vm", to_bytes(t->total_vm_pages, page), &f);
		field_i64(sb, "rss", to_bytes(t->rss_pages, page), &f);
		field_i64(sb, "pgtables", t->pgtables_bytes, &f);
		field_i64(sb, "swap", to_bytes(t->swapents_pages, page), &f);
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

static void text_when(const struct oom_event *ev, struct strbuf *sb)
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
}

static void text_label(struct strbuf *sb, const char *label, const char *s)
{
	if (!s)
		return;
	sb_printf(sb, " %s ", label);
	escape_text(sb, s, 0);
}

static void text_boot(const struct oom_event *ev, struct strbuf *sb)
{
	if (ev->earlier_boot)
		sb_printf(sb, ", earlier boot %.8s", ev->boot_id[0] ? ev->boot_id : "?");
}

/* 2024-02-16 14:58:29 earlyoom kill pid 29410 (cluster): mem 10.00%, swap 10.00% (SIGTERM)
 * 2022-12-04 21:15:55 systemd-oomd kill cgroup /user.slice/.../app-kitty-47f7.scope
 *   unit app-kitty-47f7.scope: memory pressure 77.97% > 50.00% for 20s, earlier boot 09a10c06 */
static void text_short(const struct oom_event *ev, struct strbuf *sb)
{
	sb_putc(sb, ' ');
	sb_puts(sb, oom_event_source_name(ev->source));
	sb_puts(sb, " kill");
	if (ev->victim_pid > 0) {
		sb_printf(sb, " pid %d (", (int)ev->victim_pid);
		escape_text(sb, ev->victim_comm, 0);
		sb_putc(sb, ')');
	}
	if (val_known(ev->victim_uid))
		sb_printf(sb, " uid %lld", (long long)ev->victim_uid);
	text_label(sb, "cgroup", ev->cgroup);
	text_label(sb, "unit", ev->unit);
	if (ev->reason) {
		sb_puts(sb, ": ");
		escape_text(sb, ev->reason, 0);
	}
	text_boot(ev, sb);
}

/* 2025-05-19 18:14:43 [139.201482] memcg kill pid 7788 (bash) uid 0 cgroup /kubepods/...
 *   unit cri-containerd-9192.scope (limit of /kubepods/...) anon 6.8G file 956K shmem 0K
 *   adj 1000, invoked by bash[7788] gfp 0xcc0(GFP_KERNEL) order 0, reaped */
void output_event_text(const struct oom_event *ev, struct strbuf *sb)
{
	text_when(ev, sb);
	if (ev->source != OOM_EVENT_SOURCE_KERNEL || ev->victim_pid <= 0) {
		text_short(ev, sb);
		return;
	}
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
	text_label(sb, "cgroup", ev->task_memcg ? ev->task_memcg : ev->cgroup);
	text_label(sb, "unit", ev->unit);
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
	text_boot(ev, sb);
}
