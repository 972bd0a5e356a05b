/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/output/text.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/cgroup/name.h"
#include "core/base/escape.h"
#include "core/base/fmt.h"
#include "core/proc/detail.h"

#define CMD_MAX_BYTES 200

/* Columns a sanitised string takes: one per UTF-8 character (escape_text leaves only
 * printable characters and ASCII escapes; wide East Asian characters count one, as the
 * output does not depend on the reader's locale). */
static size_t utf8_cols(const char *s, size_t n)
{
	size_t cols = 0;
	for (size_t i = 0; i < n; i++)
		cols += ((unsigned char)s[i] & 0xc0) != 0x80;
	return cols;
}

/* s left-aligned in width columns (padded by characters, not bytes) */
static void put_padded(struct strbuf *sb, const char *s, size_t width)
{
	size_t n = strlen(s), cols = utf8_cols(s, n);
	sb_putn(sb, s, n);
	sb_put_padded(sb, "", 0, cols < width ? width - cols : 0, true);
}

/* s as "%-W.Ps" (left) or "%Ws": padded to width, cut to precision bytes (0: no cut). */
static void put_col(struct strbuf *sb, const char *s, size_t width, size_t precision, bool left)
{
	size_t n = precision ? strnlen(s, precision) : strlen(s);
	sb_put_padded(sb, s, n, width, left);
}

/* a known number as "%Wd ", an unknown one as "-" in the same width */
static void put_known(struct strbuf *sb, int64_t v, size_t width)
{
	if (val_known(v))
		sb_put_i64_padded(sb, v, width);
	else
		sb_put_padded(sb, "-", 1, width, false);
	sb_putc(sb, ' ');
}

/* Shorten a sanitised column to at most width characters, never splitting one (escapes
 * make the text longer than the bytes escape_text was allowed). */
static void cut_utf8(struct strbuf *b, size_t width)
{
	if (!b->buf)
		return;
	size_t cols = 0, k = 0;
	for (; k < b->len; k++) {
		if (((unsigned char)b->buf[k] & 0xc0) != 0x80 && cols++ == width)
			break;
	}
	b->buf[k] = '\0';
	b->len = k;
}

static void header(struct strbuf *sb, const struct snapshot *s)
{
	const struct sys_mem *m = &s->sys;
	char up[32], tot[16], av[16], st[16], sf[16];
	char when[32] = "";
	time_t t = (time_t)s->time_unix_s;
	struct tm tm;
	if (localtime_r(&t, &tm))
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
	fmt_duration(up, sizeof(up), s->uptime_s);
	struct strbuf host;
	sb_init(&host);
	escape_text(&host, s->hostname ? s->hostname : "?", 64);
	sb_printf(sb, "oomtop - %s  %s  up %s  refresh %gs  window %gs\n", host.buf ? host.buf : "?", when, up,
		  s->interval_s, s->window_s);
	sb_free(&host);
	fmt_bytes(tot, sizeof(tot), m->mem_total_bytes);
	fmt_bytes(av, sizeof(av), m->mem_available_bytes);
	fmt_bytes(st, sizeof(st), m->swap_total_bytes);
	fmt_bytes(sf, sizeof(sf), m->swap_free_bytes);
	sb_printf(sb, "Mem: %s total, %s available%s", tot, av, m->mem_available_estimated ? " (estimated)" : "");
	if (val_known(m->zfs_arc_size_bytes)) {
		char arc[16], rec[16];
		fmt_bytes(arc, sizeof(arc), m->zfs_arc_size_bytes);
		fmt_bytes(rec, sizeof(rec), m->zfs_arc_reclaimable_bytes);
		sb_printf(sb, " (+%s of ZFS ARC %s)", rec, arc);
	}
	sb_printf(sb, "   Swap: %s total, %s free", st, sf);
	if (!isnan(m->psi_some_avg10))
		sb_printf(sb, "   PSI some %.2f full %.2f", m->psi_some_avg10,
			  isnan(m->psi_full_avg10) ? 0.0 : m->psi_full_avg10);
	sb_putc(sb, '\n');
	char slope[24], eta[24];
	fmt_bytes_rate_h(slope, sizeof(slope), isnan(m->available.per_s) ? NAN : -m->available.per_s);
	fmt_duration(eta, sizeof(eta), m->eta_exhaustion_s);
	if (val_known(m->oom_kills))
		sb_printf(sb, "OOM kills since boot: %lld", (long long)m->oom_kills);
	else
		sb_puts(sb, "OOM kills since boot: unknown (kernel < 4.13)");
	if (!isnan(m->last_oom_kill_unix_s)) {
		char ago[24];
		fmt_duration(ago, sizeof(ago), s->time_unix_s - m->last_oom_kill_unix_s);
		sb_printf(sb, " (last %s ago)", ago);
	}
	sb_printf(sb, "   used memory %s, exhausted in %s", slope, eta);
	if (m->next_victim_pid > 0)
		sb_printf(sb, "   next global victim: %d", (int)m->next_victim_pid);
	sb_putc(sb, '\n');
	for (size_t i = 0; i < s->nnotes; i++) {
		sb_puts(sb, "note: ");
		escape_text(sb, s->notes[i], 0);
		sb_putc(sb, '\n');
	}
}

static void cgroups(struct strbuf *sb, const struct snapshot *s)
{
	if (!s->cgroup_version) {
		sb_puts(sb, "\nCgroups: no memory controller\n");
		return;
	}
	sb_printf(sb, "\nCgroups (v%d, %zu):\n", s->cgroup_version, s->ncgroups);
	/* WSET is the working set (usage - inactive file): %LIM, SLOPE and ETA are on it. ETA
	 * is the limit hit first, "^" when it is an ancestor's; "high" when memory.high throttles
	 * the cgroup (then the kernel slows it down and the ETA is no guide). */
	sb_printf(sb, "%-32s %7s %7s %7s %7s %7s %5s %7s %9s %7s %5s %5s %5s %7s %s\n", "NAME", "USAGE", "WSET",
		  "LIMIT", "HIGH", "EFFLIM", "%LIM", "SWAP", "SLOPE", "ETA", "OOM", "PSI", "PROCS", "VICTIM", "PATH");
	for (size_t i = 0; i < s->ncgroups; i++) {
		const struct cgroup_row *c = &s->cgroups[i];
		char us[16], ws[16], li[16], hi[16], el[16], pct[16] = "-", sw[16], sl[24], eta[24], oom[16] = "-",
			psi[16] = "-", vic[16] = "-";
		fmt_bytes(us, sizeof(us), c->usage_bytes);
		fmt_bytes(ws, sizeof(ws), c->working_set_bytes);
		fmt_bytes(li, sizeof(li), c->limit_bytes);
		fmt_bytes(hi, sizeof(hi), c->high_bytes);
		fmt_bytes(el, sizeof(el), c->effective_limit_bytes);
		fmt_bytes(sw, sizeof(sw), c->swap_bytes);
		if (val_known(c->working_set_bytes) && val_known(c->effective_limit_bytes) && c->effective_limit_bytes > 0)
			snprintf(pct, sizeof(pct), "%.0f",
				 100.0 * (double)c->working_set_bytes / (double)c->effective_limit_bytes);
		fmt_bytes_rate_h(sl, sizeof(sl), c->working_set_slope.per_s);
		if (c->throttled) {
			snprintf(eta, sizeof(eta), "high");
		} else {
			fmt_duration(eta, sizeof(eta), c->eta_to_limit_s);
			if (!isnan(c->eta_to_limit_s) && c->limited_by >= 0 && (size_t)c->limited_by != i)
				strncat(eta, "^", sizeof(eta) - strlen(eta) - 1);
		}
		if (val_known(c->oom_kills))
			snprintf(oom, sizeof(oom), "%lld", (long long)c->oom_kills);
		if (!isnan(c->psi_some_avg10))
			snprintf(psi, sizeof(psi), "%.1f", c->psi_some_avg10);
		if (c->next_victim_pid > 0)
			snprintf(vic, sizeof(vic), "%d", (int)c->next_victim_pid);
		struct strbuf name;
		sb_init(&name);
		sb_printf(&name, "%*s", c->depth * 2 > 16 ? 16 : c->depth * 2, "");
		escape_text(&name, c->name ? c->name : "?", 60);
		put_padded(sb, name.buf ? name.buf : "", 32);
		sb_free(&name);
		sb_printf(sb, " %7s %7s %7s %7s %7s %5s %7s %9s %7s %5s %5s %5lld %7s ", us, ws, li, hi, el, pct, sw, sl,
			  eta, oom, psi, (long long)c->nprocs, vic);
		escape_text(sb, c->path, 0);
		sb_putc(sb, '\n');
	}
}

static void processes(struct strbuf *sb, const struct output_view *v)
{
	const struct snapshot *s = v->snap;
	size_t live = 0;
	for (size_t i = 0; i < s->nprocs; i++)
		live += s->procs[i]->state == PROC_RUNNING && !s->procs[i]->kernel_thread;
	sb_printf(sb, "\nProcesses: %zu user-space, %zu kernel threads; %zu shown\n", live, s->nkernel_threads,
		  v->nrows);
	sb_printf(sb, "%8s %-10s %-20s %6s %8s %6s %5s %5s %5s %7s %4s %s\n", "PID", "USER", "CGROUP", "RSS", "RSS/h",
		  "SWAP", "SCORE", "ADJ", "FDS", "FD/h", "THR", "COMMAND");
	struct strbuf user, cgs; /* scratch, reused for every row */
	sb_init(&user);
	sb_init(&cgs);
	for (size_t i = 0; i < v->nrows; i++) {
		const struct proc_row *p = v->rows[i];
		char rss[16], rh[24], sw[16], fh[24];
		char mark = p->state == PROC_OOM_KILLED ? 'K' : p->state == PROC_EXITED ? 'x' : p->next_victim ? '*' : ' ';
		fmt_bytes(rss, sizeof(rss), p->rss_bytes);
		fmt_bytes_rate_h(rh, sizeof(rh), p->rss_slope.per_s);
		fmt_bytes(sw, sizeof(sw), p->swap_bytes);
		fmt_count_rate_h(fh, sizeof(fh), p->fd_slope.per_s);
		char cg[128] = "-";
		if (p->cgroup)
			cgroup_name_readable(p->cgroup, cg, sizeof(cg));
		sb_reset(&user);
		sb_reset(&cgs);
		escape_text(&user, p->user ? p->user : "?", 40); /* UTF-8: up to 4 bytes a character */
		escape_text(&cgs, cg, 80);
		cut_utf8(&user, 10);
		cut_utf8(&cgs, 20);
		/* "%c%7d %-10.10s %-20.20s %6s %8s %6s %5s %5s %5s %7s %4s " without printf, the two
		 * texts counted in characters */
		sb_putc(sb, mark);
		sb_put_i64_padded(sb, p->pid, 7);
		sb_putc(sb, ' ');
		put_padded(sb, user.buf ? user.buf : "", 10);
		sb_putc(sb, ' ');
		put_padded(sb, cgs.buf ? cgs.buf : "", 20);
		sb_putc(sb, ' ');
		put_col(sb, rss, 6, 0, false);
		sb_putc(sb, ' ');
		put_col(sb, rh, 8, 0, false);
		sb_putc(sb, ' ');
		put_col(sb, sw, 6, 0, false);
		sb_putc(sb, ' ');
		put_known(sb, p->oom_score, 5);
		put_known(sb, p->oom_score_adj, 5);
		put_known(sb, p->fds, 5);
		put_col(sb, fh, 7, 0, false);
		sb_putc(sb, ' ');
		put_known(sb, p->threads, 4);
		if (p->cmdline && p->cmdline[0]) {
			escape_text(sb, p->cmdline, CMD_MAX_BYTES);
		} else {
			sb_putc(sb, '[');
			escape_text(sb, p->comm ? p->comm : "?", 0);
			sb_putc(sb, ']');
		}
		sb_putc(sb, '\n');
	}
	sb_free(&user);
	sb_free(&cgs);
}

/* --detail: a second table, one row per printed process with its costly fields read: PSS
 * and its parts, the fd limits and ETA, the fds by kind ("~" after a sampled count). */
static void details(struct strbuf *sb, const struct output_view *v)
{
	sb_printf(sb, "\nDetail (smaps_rollup, fd kinds):\n%8s %-15s %6s %6s %6s %6s %7s %5s %6s %6s %7s %6s %6s %6s %6s %6s\n",
		  "PID", "COMMAND", "PSS", "ANON", "FILE", "SHMEM", "SWAPPSS", "FDS", "LIMIT", "HARD", "FD ETA", "SOCKET",
		  "PIPE", "FILE", "ANON_I", "OTHER");
	struct strbuf comm;
	sb_init(&comm);
	for (size_t i = 0; i < v->nrows; i++) {
		const struct proc_row *p = v->rows[i];
		const struct proc_detail *d =
			p->state == PROC_RUNNING ? proc_details_find(v->snap, p->pid, p->start_ticks) : NULL;
		if (!d)
			continue;
		char b[5][16], eta[16];
		fmt_bytes(b[0], sizeof(b[0]), d->pss_bytes);
		fmt_bytes(b[1], sizeof(b[1]), d->pss_anon_bytes);
		fmt_bytes(b[2], sizeof(b[2]), d->pss_file_bytes);
		fmt_bytes(b[3], sizeof(b[3]), d->pss_shmem_bytes);
		fmt_bytes(b[4], sizeof(b[4]), d->swap_pss_bytes);
		fmt_duration(eta, sizeof(eta), p->fd_eta_s);
		sb_reset(&comm);
		escape_text(&comm, p->comm ? p->comm : "?", 40);
		cut_utf8(&comm, 15);
		sb_put_i64_padded(sb, p->pid, 8);
		sb_putc(sb, ' ');
		put_padded(sb, comm.buf ? comm.buf : "", 15);
		for (int k = 0; k < 4; k++) {
			sb_putc(sb, ' ');
			put_col(sb, b[k], 6, 0, false);
		}
		sb_putc(sb, ' ');
		put_col(sb, b[4], 7, 0, false);
		sb_putc(sb, ' ');
		put_known(sb, p->fds, 5);
		put_known(sb, p->fd_limit, 6);
		put_known(sb, d->fd_limit_hard, 6);
		put_col(sb, eta, 7, 0, false);
		for (int k = 0; k < FD_KIND_COUNT; k++) {
			char n[32];
			if (val_known(d->fd_kinds[k]))
				snprintf(n, sizeof(n), "%s%lld", d->sampled ? "~" : "", (long long)d->fd_kinds[k]);
			else
				snprintf(n, sizeof(n), "-");
			sb_putc(sb, ' ');
			put_col(sb, n, 6, 0, false);
		}
		if (d->sampled)
			sb_printf(sb, "  sampled: %lld of %lld fds read", (long long)d->links_read,
				  (long long)d->fds_listed);
		sb_putc(sb, '\n');
	}
	sb_free(&comm);
}

void output_text(struct strbuf *sb, const struct output_view *v)
{
	header(sb, v->snap);
	cgroups(sb, v->snap);
	processes(sb, v);
	if (v->detail)
		details(sb, v);
	sb_putc(sb, '\n');
}
