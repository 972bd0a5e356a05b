/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/tui/check_render.c — the screen drawn off-screen and compared with golden text.
 *
 * A fixed snapshot (fixture.c) is drawn with ncurses newterm() on /dev/null at several
 * sizes; each cell of the virtual screen is read back (mvin_wch) into UTF-8 text and
 * compared with tests/golden/NAME.txt. Trailing blanks are stripped.
 *
 * Regenerate after an intended change (then review the diff in git):
 *     OOMTOP_REGEN_GOLDEN=1 make check TESTS=tests/tui/check_render
 * On a mismatch the actual screen is written to tests/tui/NAME.actual in the build
 * tree and the first differing line is printed.
 */
#include "config.h"

#include <check.h>
#include <curses.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "core/base/strbuf.h"
#include "core/base/util.h"
#include "core/history/travel.h"
#include "tests/tui/fixture.h"
#include "tests/tui/fxhistory.h"
#include "tui/frame.h"
#include "tui/input.h"
#include "tui/keymap.h"
#include "tui/reaction.h"
#include "tui/state.h"
#include "tests/unit/ck_run.h"

#ifndef GOLDEN
#define GOLDEN "tests/golden"
#endif

static SCREEN *scr;
static FILE *out_fp, *in_fp;

static void screen_open(int cols, int lines)
{
	out_fp = fopen("/dev/null", "w");
	in_fp = fopen("/dev/null", "r");
	ck_assert(out_fp && in_fp);
	scr = newterm("xterm", out_fp, in_fp);
	ck_assert_msg(scr != NULL, "newterm(xterm) failed: terminfo missing?");
	resizeterm(lines, cols);
	ck_assert_int_eq(COLS, cols);
	ck_assert_int_eq(LINES, lines);
}

static void screen_close(void)
{
	endwin();
	delscreen(scr);
	fclose(out_fp);
	fclose(in_fp);
}

/* The virtual screen as text, one line per row, trailing blanks removed. */
static void dump(struct strbuf *sb)
{
	for (int y = 0; y < LINES; y++) {
		size_t start = sb->len;
		for (int x = 0; x < COLS; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t a;
			short pair;
			if (mvin_wch(y, x, &cc) == ERR)
				continue;
			if (getcchar(&cc, wch, &a, &pair, NULL) == ERR)
				continue;
			for (int i = 0; wch[i]; i++) {
				char mb[MB_LEN_MAX];
				mbstate_t st;
				memset(&st, 0, sizeof(st));
				size_t n = wcrtomb(mb, wch[i], &st);
				if (n != (size_t)-1)
					sb_putn(sb, mb, n);
			}
			int w = wcwidth(wch[0]);
			if (w > 1)
				x += w - 1;
		}
		while (sb->len > start && sb->buf[sb->len - 1] == ' ')
			sb->len--;
		sb_putc(sb, '\n');
	}
}

typedef void (*scene_fn)(struct tui *t);

static void compare(const char *name, const char *actual)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s.txt", GOLDEN, name);
	if (getenv("OOMTOP_REGEN_GOLDEN")) {
		FILE *f = fopen(path, "w");
		ck_assert_msg(f != NULL, "cannot write %s", path);
		fputs(actual, f);
		fclose(f);
		return;
	}
	size_t len;
	char *want = util_slurp(path, &len);
	ck_assert_msg(want != NULL, "missing golden file %s (OOMTOP_REGEN_GOLDEN=1 makes it)", path);
	if (strcmp(want, actual) != 0) {
		char apath[4096];
		snprintf(apath, sizeof(apath), "tests/tui/%s.actual", name);
		FILE *f = fopen(apath, "w");
		if (f) {
			fputs(actual, f);
			fclose(f);
		}
		int line = 1;
		const char *a = actual, *w = want;
		while (*a && *a == *w) {
			if (*a == '\n')
				line++;
			a++, w++;
		}
		const char *al = a, *wl = w;
		while (al > actual && al[-1] != '\n')
			al--;
		while (wl > want && wl[-1] != '\n')
			wl--;
		ck_abort_msg("%s differs at line %d (actual in %s)\n want: %.*s\n  got: %.*s", path,
		             line, apath, (int)strcspn(wl, "\n"), wl, (int)strcspn(al, "\n"), al);
	}
	free(want);
}

static void render_of(const char *name, int cols, int lines, bool utf8,
		      const struct snapshot *(*snap)(void), scene_fn scene)
{
	struct tui t;
	ck_assert_int_eq(tui_state_init(&t, NULL, utf8), 0);
	t.dc.no_color = true;
	screen_open(cols, lines);
	draw_ctx_theme(&t.dc, &t.theme);
	t.cols = cols;
	t.lines = lines;
	tui_state_set_snapshot(&t, snap());
	if (scene)
		scene(&t);
	tui_state_relayout(&t, cols, lines);
	frame_draw(&t);
	struct strbuf sb;
	sb_init(&sb);
	dump(&sb);
	screen_close();
	ck_assert(!sb.oom);
	compare(name, sb.buf);
	sb_free(&sb);
	tui_state_free(&t);
}

static void render(const char *name, int cols, int lines, bool utf8, scene_fn scene)
{
	render_of(name, cols, lines, utf8, fixture_snapshot, scene);
}

/* Keys as the loop hands them over (input_key), then what the loop does before drawing. */
static void run_keys(struct tui *t, const int *keys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(t->mode == TM_INPUT || keymap_lookup(keymap_context(t), keys[i]),
		              "key %d unbound", keys[i]);
		unsigned r = input_key(t, keys[i], keys[i]);
		if (r & R_REVIEW)
			tui_state_review(t);
		tui_state_relayout(t, t->cols, t->lines);
	}
}

static void scene_episode(struct tui *t)
{
	static const int keys[] = {'\t', '\n'}; /* focus the OOM pane, open the newest kill */
	run_keys(t, keys, 2);
	ck_assert_int_eq(t->mode, TM_EPISODE);
}

static void scene_help(struct tui *t)
{
	static const int keys[] = {'?'};
	run_keys(t, keys, 1);
}

static void scene_cgroup_only(struct tui *t)
{
	/* focus cgroups, go to nas-agent.service, show only its processes */
	static const int keys[] = {KEY_FN(KEY_BTAB), KEY_FN(KEY_DOWN), KEY_FN(KEY_DOWN), '\n'};
	run_keys(t, keys, 4);
	ck_assert_str_eq(t->pv.cgroup, "/system.slice/nas-agent.service");
}

/* The cgroup pane's sort menu: F6 with the cgroup pane focused sorts the cgroups. */
static void scene_cgroup_sort_menu(struct tui *t)
{
	static const int keys[] = {KEY_FN(KEY_BTAB), KEY_FN(KEY_F(6))};
	run_keys(t, keys, 2);
	ck_assert_int_eq(t->mode, TM_MENU);
	ck_assert_int_eq(t->menu.kind, MENU_CGROUP_SORT);
}

/* The flat list soonest first, chosen in the menu; user-1000.slice selected: its ETA is
 * user.slice's ("^"), and the status line says so. */
static void scene_cgroups_by_eta(struct tui *t)
{
	static const int sort[] = {KEY_FN(KEY_BTAB), KEY_FN(KEY_F(6)), KEY_FN(KEY_DOWN), '\n'};
	static const int select[] = {KEY_FN(KEY_HOME), KEY_FN(KEY_DOWN), KEY_FN(KEY_DOWN)};
	run_keys(t, sort, sizeof(sort) / sizeof(sort[0]));
	ck_assert(!t->cv.tree);
	ck_assert_int_eq(t->cv.sort, CGSORT_ETA);
	t->now_ms = 10000; /* the sort's message has been read: the next key clears it */
	run_keys(t, select, sizeof(select) / sizeof(select[0]));
	ck_assert_str_eq(cgview_selected(&t->cv, t->snap)->path, "/user.slice/user-1000.slice");
}

/* A ZFS machine: the ARC above its minimum counts as available, and the meter says so. */
static void scene_zfs_arc(struct tui *t)
{
	static struct snapshot copy;
	copy = *t->snap;
	copy.sys.zfs_arc_size_bytes = 4LL << 30;
	copy.sys.zfs_arc_reclaimable_bytes = 3LL << 30;
	copy.sys.available_bytes = copy.sys.mem_available_bytes + (3LL << 30);
	copy.sys.eta_exhaustion_s = (double)copy.sys.available_bytes / (12.0 * 1024 * 1024) * 3600;
	tui_state_set_snapshot(t, &copy);
}

/* The oom_score_adj dialogs (nothing is written: no scene presses y). The first row is
 * the OOM-killed ghost; Down selects the leaker 4242, the victim of nas-agent.service. */
static void scene_adj_typed(struct tui *t)
{
	static const int keys[] = {KEY_FN(KEY_DOWN), 'a', '-', '1', '0', '0', '0'};
	run_keys(t, keys, sizeof(keys) / sizeof(keys[0]));
	ck_assert_int_eq(t->mode, TM_INPUT);
	ck_assert_int_eq(t->adj.plan.t[0].pid, 4242);
}

static void scene_adj_confirm(struct tui *t)
{
	static const int keys[] = {KEY_FN(KEY_DOWN), 'a', '-', '9', '5', '0', '\n'};
	run_keys(t, keys, sizeof(keys) / sizeof(keys[0]));
	ck_assert_int_eq(t->mode, TM_CONFIRM);
}

static void scene_adj_presets_tagged(struct tui *t)
{
	/* tag the leaker and the row below it, then the preset menu on "sacrifice" */
	static const int keys[] = {KEY_FN(KEY_DOWN), ' ', ' ', 'p', KEY_FN(KEY_DOWN)};
	run_keys(t, keys, sizeof(keys) / sizeof(keys[0]));
	ck_assert_uint_eq(t->adj.tags.n, 2);
	ck_assert_int_eq(t->mode, TM_MENU);
}

/* --- history mode: a recorded moment of the fixture machine (fxhistory.h) --- */

static const char *history_db;
static struct history_travel *recording;

static void recording_open(void)
{
	char err[600];
	history_db = fxhistory_make();
	ck_assert_msg(history_travel_open(&recording, history_db, err, sizeof(err)) == 0, "%s", err);
}

static void recording_close(void)
{
	history_travel_close(recording);
	fxhistory_remove(history_db);
}

/* Live at the fixture's clock, then two moments back and a minute more: 2m10s ago, the
 * header says so in the history colours, the panes show the moment (the agent smaller,
 * its slope of then), the status line says it is not live, the key bar how to get back. */
static void scene_history(struct tui *t)
{
	static const int keys[] = {',', ',', 'b'};
	travel_attach(&t->travel, recording, NULL);
	tui_state_live_snapshot(t, t->snap);
	run_keys(t, keys, sizeof(keys) / sizeof(keys[0]));
	ck_assert(t->travel.on);
	ck_assert_int_eq(t->travel.moment, FXHISTORY_NOW - 130);
	t->status[0] = '\0';
}

START_TEST(history_80x24)
{
	recording_open();
	render("history-80x24", 80, 24, true, scene_history);
	recording_close();
}
END_TEST

START_TEST(history_200x50)
{
	recording_open();
	render("history-200x50", 200, 50, true, scene_history);
	recording_close();
}
END_TEST

START_TEST(adj_typed_120x40)
{
	render("adj-typed-120x40", 120, 40, true, scene_adj_typed);
}
END_TEST

START_TEST(adj_confirm_80x24)
{
	render("adj-confirm-80x24", 80, 24, true, scene_adj_confirm);
}
END_TEST

START_TEST(adj_presets_tagged_80x24)
{
	render("adj-presets-tagged-80x24", 80, 24, true, scene_adj_presets_tagged);
}
END_TEST

START_TEST(main_120x40)
{
	render("main-120x40", 120, 40, true, NULL);
}
END_TEST

START_TEST(main_80x24)
{
	render("main-80x24", 80, 24, true, NULL);
}
END_TEST

START_TEST(main_200x50)
{
	render("main-200x50", 200, 50, true, NULL);
}
END_TEST

START_TEST(main_40x12)
{
	render("main-40x12", 40, 12, true, NULL);
}
END_TEST

START_TEST(ascii_80x24)
{
	render("ascii-80x24", 80, 24, false, NULL);
}
END_TEST

START_TEST(episode_120x40)
{
	render("episode-120x40", 120, 40, true, scene_episode);
}
END_TEST

START_TEST(help_80x24)
{
	render("help-80x24", 80, 24, true, scene_help);
}
END_TEST

/* As a user the kernel log is closed to (dmesg_restrict): the OOM pane says why it is
 * empty and what is still counted. */
static void scene_events_unavailable(struct tui *t)
{
	static struct snapshot copy;
	copy = *t->snap;
	copy.events = NULL;
	copy.nevents = 0;
	copy.events_unavailable = "cannot read the kernel log (/dev/kmsg: Operation not permitted): "
				  "kernel.dmesg_restrict=1 lets only processes with CAP_SYSLOG read it";
	t->snap = &copy;
}

START_TEST(events_unavailable_80x24)
{
	render("events-unavailable-80x24", 80, 24, true, scene_events_unavailable);
}
END_TEST

START_TEST(cgroup_only_120x40)
{
	render("cgroup-only-120x40", 120, 40, true, scene_cgroup_only);
}
END_TEST

START_TEST(cgroup_sort_menu_80x24)
{
	render("cgroup-sort-menu-80x24", 80, 24, true, scene_cgroup_sort_menu);
}
END_TEST

START_TEST(cgroups_by_eta_80x24)
{
	render("cgroups-by-eta-80x24", 80, 24, true, scene_cgroups_by_eta);
}
END_TEST

START_TEST(zfs_arc_80x24)
{
	render("zfs-arc-80x24", 80, 24, true, scene_zfs_arc);
}
END_TEST

START_TEST(zfs_arc_120x40)
{
	render("zfs-arc-120x40", 120, 40, true, scene_zfs_arc);
}
END_TEST

/* --- kills read from the journal (fixture_journal_snapshot) --- */

/* The OOM pane zoomed, on the oldest kill: an earlier boot's (marked b, dimmed), whose
 * boot the status line names. */
static void scene_journal_zoomed(struct tui *t)
{
	static const int keys[] = {'\t', 'm', KEY_FN(KEY_END)};
	run_keys(t, keys, sizeof(keys) / sizeof(keys[0]));
	ck_assert_int_eq(t->focus, PANE_EVENTS);
	ck_assert(evview_at(&t->ev, t->snap, t->ev.list.sel)->earlier_boot);
}

static void scene_journal_focused(struct tui *t)
{
	static const int keys[] = {'\t'};
	run_keys(t, keys, 1);
}

/* F5 in the OOM pane: the kills by unit, photo.service (most kills) selected. */
static void scene_units(struct tui *t)
{
	static const int keys[] = {'\t', KEY_FN(KEY_F(5)), KEY_FN(KEY_HOME)};
	run_keys(t, keys, sizeof(keys) / sizeof(keys[0]));
	ck_assert_int_eq(t->mode, TM_UNITS);
	ck_assert_str_eq(unitview_at(&t->uv, t->uv.list.sel)->name, "photo.service");
}

static void scene_unit_kills(struct tui *t)
{
	static const int keys[] = {'\t', 'r', KEY_FN(KEY_HOME), '\n'};
	run_keys(t, keys, sizeof(keys) / sizeof(keys[0]));
	ck_assert_int_eq(t->mode, TM_UNIT_KILLS);
	ck_assert_uint_eq(t->ukills.list.n, 6);
}

/* The newest photo.service kill, opened from its unit's kills: systemd's messages about
 * the unit, the task table in 16 KiB pages. */
static void scene_episode_journal(struct tui *t)
{
	static const int keys[] = {'\t', 'r', KEY_FN(KEY_HOME), '\n', '\n'};
	run_keys(t, keys, sizeof(keys) / sizeof(keys[0]));
	ck_assert_int_eq(t->mode, TM_EPISODE);
	ck_assert_int_eq(t->episode.back, TM_UNIT_KILLS);
}

/* systemd-oomd's kill of a whole scope: its own lines and the user manager's message. */
static void scene_episode_oomd(struct tui *t)
{
	static const int keys[] = {'\t', KEY_FN(KEY_DOWN), '\n'};
	run_keys(t, keys, sizeof(keys) / sizeof(keys[0]));
	ck_assert_int_eq(t->mode, TM_EPISODE);
	ck_assert_int_eq(t->snap->events[t->episode.index].source, OOM_EVENT_SOURCE_SYSTEMD_OOMD);
}

START_TEST(journal_80x24)
{
	render_of("journal-80x24", 80, 24, true, fixture_journal_snapshot, scene_journal_zoomed);
}
END_TEST

START_TEST(journal_120x40)
{
	render_of("journal-120x40", 120, 40, true, fixture_journal_snapshot, scene_journal_focused);
}
END_TEST

START_TEST(units_80x24)
{
	render_of("units-80x24", 80, 24, true, fixture_journal_snapshot, scene_units);
}
END_TEST

START_TEST(unit_kills_80x24)
{
	render_of("unit-kills-80x24", 80, 24, true, fixture_journal_snapshot, scene_unit_kills);
}
END_TEST

START_TEST(episode_journal_120x40)
{
	render_of("episode-journal-120x40", 120, 40, true, fixture_journal_snapshot, scene_episode_journal);
}
END_TEST

START_TEST(episode_oomd_80x24)
{
	render_of("episode-oomd-80x24", 80, 24, true, fixture_journal_snapshot, scene_episode_oomd);
}
END_TEST

/* --- one process opened (fixture_detail_snapshot) --- */

/* Down to the leaking agent (the first row is the OOM-killed ghost), Enter. */
static void scene_detail(struct tui *t)
{
	static const int keys[] = {KEY_FN(KEY_DOWN), '\n'};
	run_keys(t, keys, sizeof(keys) / sizeof(keys[0]));
	ck_assert_int_eq(t->mode, TM_DETAIL);
	ck_assert_int_eq(t->detail.pid, 4242);
}

/* The agent exited while its view was open, and its ghost row is gone too. */
static void scene_detail_exited(struct tui *t)
{
	scene_detail(t);
	tui_state_set_snapshot(t, fixture_detail_exited_snapshot());
	ck_assert_int_eq(t->mode, TM_DETAIL);
}

/* The adj keys work from the view: `a` opens the value dialog over it. */
static void scene_detail_adj(struct tui *t)
{
	static const int keys[] = {'a', '5', '0', '0'};
	scene_detail(t);
	run_keys(t, keys, sizeof(keys) / sizeof(keys[0]));
	ck_assert_int_eq(t->mode, TM_INPUT);
	ck_assert_int_eq(t->adj.plan.t[0].pid, 4242);
}

START_TEST(detail_80x24)
{
	render_of("detail-80x24", 80, 24, true, fixture_detail_snapshot, scene_detail);
}
END_TEST

START_TEST(detail_200x50)
{
	render_of("detail-200x50", 200, 50, true, fixture_detail_snapshot, scene_detail);
}
END_TEST

START_TEST(detail_ascii_80x24)
{
	render_of("detail-ascii-80x24", 80, 24, false, fixture_detail_snapshot, scene_detail);
}
END_TEST

START_TEST(detail_exited_80x24)
{
	render_of("detail-exited-80x24", 80, 24, true, fixture_detail_snapshot, scene_detail_exited);
}
END_TEST

START_TEST(detail_adj_120x40)
{
	render_of("detail-adj-120x40", 120, 40, true, fixture_detail_snapshot, scene_detail_adj);
}
END_TEST

START_TEST(tiny_screens_do_not_crash)
{
	/* every size from 1x1 up to 30x12 draws without touching outside the screen: the
	 * main screen, and the journal's kills in the OOM pane, by unit, one unit's, an
	 * episode; a recorded moment; one process opened, and exited */
	static const scene_fn scenes[] = {NULL, scene_journal_zoomed, scene_units, scene_unit_kills,
					  scene_episode_journal, scene_episode_oomd, scene_history,
					  scene_detail, scene_detail_exited};
	recording_open();
	for (size_t k = 0; k < sizeof(scenes) / sizeof(scenes[0]); k++)
		for (int w = 1; w <= 30; w += 3)
			for (int h = 1; h <= 12; h++) {
				struct tui t;
				ck_assert_int_eq(tui_state_init(&t, NULL, true), 0);
				t.dc.no_color = true;
				screen_open(w, h);
				draw_ctx_theme(&t.dc, &t.theme);
				t.cols = w, t.lines = h;
				bool detail = scenes[k] == scene_detail || scenes[k] == scene_detail_exited;
				bool journal = k && scenes[k] != scene_history && !detail;
				tui_state_set_snapshot(&t, detail    ? fixture_detail_snapshot()
				                           : journal ? fixture_journal_snapshot()
				                                     : fixture_snapshot());
				if (scenes[k])
					scenes[k](&t);
				frame_draw(&t);
				screen_close();
				tui_state_free(&t);
			}
	recording_close();
}
END_TEST

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		fprintf(stderr, "C.UTF-8 locale missing\n");
		return 77;
	}
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("screens");
	tcase_add_test(tc, main_120x40);
	tcase_add_test(tc, adj_typed_120x40);
	tcase_add_test(tc, adj_confirm_80x24);
	tcase_add_test(tc, adj_presets_tagged_80x24);
	tcase_add_test(tc, main_80x24);
	tcase_add_test(tc, main_200x50);
	tcase_add_test(tc, detail_80x24);
	tcase_add_test(tc, detail_200x50);
	tcase_add_test(tc, detail_ascii_80x24);
	tcase_add_test(tc, detail_exited_80x24);
	tcase_add_test(tc, detail_adj_120x40);
	tcase_add_test(tc, main_40x12);
	tcase_add_test(tc, ascii_80x24);
	tcase_add_test(tc, episode_120x40);
	tcase_add_test(tc, help_80x24);
	tcase_add_test(tc, cgroup_only_120x40);
	tcase_add_test(tc, events_unavailable_80x24);
	tcase_add_test(tc, cgroup_sort_menu_80x24);
	tcase_add_test(tc, cgroups_by_eta_80x24);
	tcase_add_test(tc, zfs_arc_80x24);
	tcase_add_test(tc, zfs_arc_120x40);
	tcase_add_test(tc, journal_80x24);
	tcase_add_test(tc, journal_120x40);
	tcase_add_test(tc, units_80x24);
	tcase_add_test(tc, unit_kills_80x24);
	tcase_add_test(tc, episode_journal_120x40);
	tcase_add_test(tc, episode_oomd_80x24);
	tcase_add_test(tc, history_80x24);
	tcase_add_test(tc, history_200x50);
	tcase_add_test(tc, tiny_screens_do_not_crash);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
