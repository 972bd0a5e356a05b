/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/pane/header.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/base/fmt.h"
#include "tui/draw.h"

static const char *comm_of(const struct snapshot *s, pid_t pid)
{
	for (size_t i = 0; i < s->nprocs; i++)
		if (s->procs[i]->pid == pid && s->procs[i]->state == PROC_RUNNING)
			return s->procs[i]->comm;
	return NULL;
}

static void host_line(const struct draw_ctx *dc, const struct snapshot *s, int y, int x, int w)
{
	char up[32], win[32], clock[16] = "", line[512];
	time_t now = (time_t)s->time_unix_s;
	struct tm tm;
	if (localtime_r(&now, &tm))
		strftime(clock, sizeof(clock), "%H:%M:%S", &tm);
	fmt_duration(up, sizeof(up), s->uptime_s);
	fmt_duration(win, sizeof(win), s->window_s);
	int n = draw_put(dc, y, x, w, "oomtop ", S_TITLE);
	snprintf(line, sizeof(line), "%s  up %s  every %gs  window %s", s->hostname ? s->hostname : "?",
	         up, s->interval_s, win);
	n += draw_put(dc, y, x + n, w - n, line, S_NORMAL);
	int cl = (int)strlen(clock);
	if (w - n > cl + 2)
		draw_put(dc, y, x + w - cl, cl, clock, S_DIM);
}

/* What the kernel can still hand out: MemAvailable, plus the ZFS ARC above its minimum
 * where there is one (the core's available_bytes). */
static int64_t sys_available(const struct sys_mem *m)
{
	return val_known(m->available_bytes) ? m->available_bytes : m->mem_available_bytes;
}

static bool has_arc(const struct sys_mem *m)
{
	return val_known(m->zfs_arc_size_bytes) && val_known(m->zfs_arc_reclaimable_bytes);
}

/* "Mem ███▒▒░░ 5.2G/7.7G +12M/h ETA 3h05m" in w columns; with a ZFS ARC, what is
 * available and how much of it is the ARC's ("avail 5.5G (incl. 3.0G of 4.0G ARC)"), the
 * ARC's reclaimable part lighter in the bar. The slope and ETA are the core's, on the same
 * available memory. */
static void mem_meter(const struct draw_ctx *dc, const struct snapshot *s, int y, int x, int w,
                      bool swap)
{
	const struct sys_mem *m = &s->sys;
	char used_s[16], total_s[16], rate[24], eta[24], text[3][192];
	int64_t total = swap ? m->swap_total_bytes : m->mem_total_bytes;
	int64_t avail = swap ? m->swap_free_bytes : sys_available(m);
	int64_t used = val_known(total) && val_known(avail) ? total - avail : VAL_UNKNOWN;
	double reclaimable = !swap && has_arc(m) ? (double)m->zfs_arc_reclaimable_bytes : 0;
	int n = draw_put(dc, y, x, w, swap ? "Swp " : "Mem ", S_TITLE);
	if (swap && val_known(total) && total == 0) {
		draw_put(dc, y, x + n, w - n, "none", S_DIM);
		return;
	}
	fmt_bytes(used_s, sizeof(used_s), used);
	fmt_bytes(total_s, sizeof(total_s), total);
	int ntext = 0;
	if (swap) {
		snprintf(text[ntext++], sizeof(text[0]), " %s/%s", used_s, total_s);
	} else {
		/* the used side grows as available memory shrinks */
		double per_s = -m->available.per_s;
		char tail[64], av[16], rec[16], arc[16];
		fmt_bytes_rate_h(rate, sizeof(rate), per_s);
		fmt_duration(eta, sizeof(eta), m->eta_exhaustion_s);
		snprintf(tail, sizeof(tail), "%s%s%s%s", isnan(per_s) ? "" : " ",
		         isnan(per_s) ? "" : rate, isnan(m->eta_exhaustion_s) ? "" : " ETA ",
		         isnan(m->eta_exhaustion_s) ? "" : eta);
		const char *est = m->mem_available_estimated ? "~" : "";
		if (has_arc(m)) {
			/* the longest that leaves room for a bar: the ARC's share, or only that
			 * the ARC counts, or neither */
			fmt_bytes(av, sizeof(av), avail);
			fmt_bytes(rec, sizeof(rec), m->zfs_arc_reclaimable_bytes);
			fmt_bytes(arc, sizeof(arc), m->zfs_arc_size_bytes);
			snprintf(text[ntext++], sizeof(text[0]),
			         " %s/%s%s avail %s (incl. %s of %s ARC)%s", used_s, total_s, est, av,
			         rec, arc, tail);
			snprintf(text[ntext++], sizeof(text[0]), " %s/%s%s avail %s incl. ARC%s",
			         used_s, total_s, est, av, tail);
		}
		snprintf(text[ntext++], sizeof(text[0]), " %s/%s%s%s", used_s, total_s, est, tail);
	}
	int k = 0;
	while (k + 1 < ntext && w - n - (int)strlen(text[k]) < 5)
		k++;
	int tl = (int)strlen(text[k]);
	int bw = w - n - tl;
	if (bw < 5) { /* no room for a bar: the numbers matter more */
		draw_put(dc, y, x + n, w - n, text[k] + 1, S_NORMAL);
		return;
	}
	if (bw > 60)
		bw = 60;
	enum theme_style st = swap ? S_SWAP_USED : S_MEM_USED;
	draw_bar(dc, y, x + n, bw, (double)used, reclaimable, (double)total, -1, st);
	draw_put(dc, y, x + n + bw, w - n - bw, text[k], S_NORMAL);
}

static void oom_line(const struct draw_ctx *dc, const struct snapshot *s, int y, int x, int w)
{
	const struct sys_mem *m = &s->sys;
	char buf[512], ago[32];
	int n = 0;
	if (!isnan(m->psi_some_avg10)) {
		n += draw_put(dc, y, x + n, w - n, "PSI ", S_TITLE);
		snprintf(buf, sizeof(buf), "some %.2f%% full %.2f%%   ", m->psi_some_avg10,
		         m->psi_full_avg10);
		n += draw_put(dc, y, x + n, w - n, buf,
		              m->psi_some_avg10 >= 10.0 ? S_LIMIT_NEAR : S_NORMAL);
	}
	n += draw_put(dc, y, x + n, w - n, "OOM kills ", S_TITLE);
	if (!val_known(m->oom_kills)) {
		n += draw_put(dc, y, x + n, w - n, "? (no oom_kill in vmstat)   ", S_DIM);
	} else {
		snprintf(buf, sizeof(buf), "%lld", (long long)m->oom_kills);
		n += draw_put(dc, y, x + n, w - n, buf, m->oom_kills > 0 ? S_OOM : S_NORMAL);
		if (!isnan(m->last_oom_kill_unix_s)) {
			fmt_duration(ago, sizeof(ago), s->time_unix_s - m->last_oom_kill_unix_s);
			snprintf(buf, sizeof(buf), ", last %s ago", ago);
			n += draw_put(dc, y, x + n, w - n, buf, S_NORMAL);
		}
		n += draw_put(dc, y, x + n, w - n, "   ", S_NORMAL);
	}
	if (m->next_victim_pid > 0) {
		const char *c = comm_of(s, m->next_victim_pid);
		n += draw_put(dc, y, x + n, w - n, "next victim ", S_TITLE);
		snprintf(buf, sizeof(buf), "%d %s", (int)m->next_victim_pid, c ? c : "");
		draw_put(dc, y, x + n, w - n, buf, S_VICTIM);
	}
}

static void compact_line(const struct draw_ctx *dc, const struct snapshot *s, int y, int x, int w)
{
	const struct sys_mem *m = &s->sys;
	char buf[256];
	int n = 0;
	int64_t tot = m->mem_total_bytes, av = sys_available(m);
	n += draw_put(dc, y, x, w, "Mem ", S_TITLE);
	if (val_known(tot) && val_known(av) && tot > 0)
		snprintf(buf, sizeof(buf), "%.0f%% ", 100.0 * (double)(tot - av) / (double)tot);
	else
		snprintf(buf, sizeof(buf), "- ");
	n += draw_put(dc, y, x + n, w - n, buf, S_NORMAL);
	if (val_known(m->swap_total_bytes) && m->swap_total_bytes > 0 && val_known(m->swap_free_bytes)) {
		n += draw_put(dc, y, x + n, w - n, "Swp ", S_TITLE);
		snprintf(buf, sizeof(buf), "%.0f%% ",
		         100.0 * (double)(m->swap_total_bytes - m->swap_free_bytes) /
		                 (double)m->swap_total_bytes);
		n += draw_put(dc, y, x + n, w - n, buf, S_NORMAL);
	}
	n += draw_put(dc, y, x + n, w - n, "OOM ", S_TITLE);
	fmt_count(buf, sizeof(buf), m->oom_kills);
	draw_put(dc, y, x + n, w - n, buf, val_known(m->oom_kills) && m->oom_kills ? S_OOM : S_NORMAL);
}

/* How long before now the moment shown is: "20m30s ago" ("" without a clock). */
static void ago_text(const struct travel *tv, char *buf, size_t n)
{
	char span[32];
	double d = tv->now_unix_s - (double)tv->moment;
	if (isnan(d))
		buf[0] = '\0';
	else
		snprintf(buf, n, "%s %s", travel_span(span, sizeof(span), d),
		         d >= 0 ? "ago" : "ahead");
}

/* History mode: the host line in the history colours, saying which moment is shown and
 * how long ago, that it is recorded (not live), and how to get back. */
static void history_line(const struct draw_ctx *dc, const struct travel *tv,
                         const struct snapshot *s, int y, int x, int w)
{
	char when[32], ago[40], up[32], win[32], line[512];
	travel_clock(when, sizeof(when), (double)tv->moment);
	ago_text(tv, ago, sizeof(ago));
	fmt_duration(up, sizeof(up), s->uptime_s);
	fmt_duration(win, sizeof(win), s->window_s);
	draw_fill(dc, y, x, w, S_HISTORY);
	if (w >= 60)
		snprintf(line, sizeof(line), "RECORDED %s%s%s  %s  up %s  window %s", when,
		         ago[0] ? ", " : "", ago, s->hostname ? s->hostname : "?", up, win);
	else
		snprintf(line, sizeof(line), "REC %s %s", when, ago);
	int n = draw_put(dc, y, x, w, line, S_HISTORY);
	static const char hint[] = "L live";
	int hl = (int)sizeof(hint) - 1;
	if (w - n > hl + 2)
		draw_put(dc, y, x + w - hl, hl, hint, S_HISTORY);
}

/* The one-line header in history mode: "REC 02:13:05" before the summary. */
static int history_mark(const struct draw_ctx *dc, const struct travel *tv, int y, int x, int w)
{
	char when[32], mark[48];
	travel_clock(when, sizeof(when), (double)tv->moment);
	snprintf(mark, sizeof(mark), "REC %s", strlen(when) > 11 ? when + 11 : when);
	int n = draw_put(dc, y, x, w, mark, S_HISTORY);
	return n + draw_put(dc, y, x + n, w - n, " ", S_NORMAL);
}

void pane_header_draw(struct tui *t, struct rect r)
{
	const struct draw_ctx *dc = &t->dc;
	const struct snapshot *s = t->snap;
	const struct travel *tv = &t->travel;
	if (r.h == 0 || !s)
		return;
	int y = r.y;
	if (r.h == 1) {
		int n = tv->on ? history_mark(dc, tv, y, r.x, r.w) : 0;
		compact_line(dc, s, y, r.x + n, r.w - n);
		return;
	}
	if (tv->on)
		history_line(dc, tv, s, y++, r.x, r.w);
	else
		host_line(dc, s, y++, r.x, r.w);
	if (r.h == 2) {
		compact_line(dc, s, y, r.x, r.w);
		return;
	}
	if (r.h == 3) {
		int half = (r.w - 2) / 2;
		mem_meter(dc, s, y, r.x, half, false);
		mem_meter(dc, s, y, r.x + half + 2, r.w - half - 2, true);
		y++;
	} else {
		mem_meter(dc, s, y++, r.x, r.w, false);
		mem_meter(dc, s, y++, r.x, r.w, true);
	}
	oom_line(dc, s, y, r.x, r.w);
}
