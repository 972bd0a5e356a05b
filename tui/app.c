/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/app.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/escape.h"
#include "core/base/util.h"
#include "core/collector.h"
#include "tui/action/travel.h"
#include "tui/config/theme_file.h"
#include "tui/draw.h"
#include "tui/frame.h"
#include "tui/input.h"
#include "tui/keymap.h"
#include "tui/reaction.h"
#include "tui/screen.h"
#include "tui/state.h"

/* News of a kill brings a refresh forward, but not closer than this to the last one. */
#define NEWS_MIN_MS 250

void tui_config_defaults(struct tui_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	settings_defaults(&cfg->set);
	cfg->stop_fd = -1;
	cfg->at_unix_s = NAN;
}

/* Problems in the theme file: printed to stderr before the screen starts (they stay
 * readable after it ends) and the first shown in the status line. */
struct problems {
	char first[512];
	int n;
};

static void report_stderr(void *ud, const char *msg)
{
	struct problems *p = ud;
	char safe[4096];
	fprintf(stderr, "oomtop: %s\n", escape_text_buf(safe, sizeof(safe), msg, 0));
	if (p->n++ == 0)
		snprintf(p->first, sizeof(p->first), "%s", msg);
}

/* What wget_wch returned → input.h. */
static unsigned handle_key(struct tui *t, int rc, wint_t wch)
{
	int key;
	if (rc == KEY_CODE_YES) {
		if (wch == KEY_RESIZE)
			return R_RELAYOUT | R_CLEAR | R_REDRAW;
		if (wch == KEY_MOUSE) {
			MEVENT ev;
			if (getmouse(&ev) != OK)
				return R_NONE;
			if (ev.bstate & BUTTON4_PRESSED)
				return input_wheel(t, ev.y, ev.x, -1);
			if (ev.bstate & BUTTON5_PRESSED)
				return input_wheel(t, ev.y, ev.x, 1);
			if (ev.bstate & BUTTON1_PRESSED)
				return input_click(t, ev.y, ev.x);
			return R_NONE;
		}
		key = KEY_FN((int)wch);
	} else {
		key = (int)wch == '\r' ? '\n' : (int)wch;
	}
	return input_key(t, key, (int)wch);
}

/* The state, from the configuration. Returns 0 or -ENOMEM. */
static int start(struct tui *t, const struct tui_config *cfg)
{
	if (tui_state_init(t, &cfg->set, screen_utf8()) < 0)
		return -ENOMEM;
	if (tui_state_filter(t, &cfg->filter) < 0) {
		tui_state_free(t);
		return -ENOMEM;
	}
	t->dc.no_color = cfg->no_color;
	t->readonly = cfg->readonly;
	travel_attach(&t->travel, cfg->history, cfg->history_why);
	return 0;
}

static void draw(struct tui *t)
{
	frame_draw(t);
	wnoutrefresh(stdscr);
	doupdate();
}

int tui_run(struct collector *c, const struct tui_config *cfg)
{
	struct tui_config defaults;
	if (!cfg) {
		tui_config_defaults(&defaults);
		cfg = &defaults;
	}
	setlocale(LC_ALL, "");
	struct problems probs = {"", 0};
	struct tui t;
	if (start(&t, cfg) < 0) {
		fprintf(stderr, "oomtop: out of memory\n");
		return 1;
	}
	int tprob = 0;
	int rc = theme_file_load(&t.theme, t.set.theme, report_stderr, &probs, &tprob);
	if (rc < 0) {
		char msg[600];
		snprintf(msg, sizeof(msg), "theme '%s': %s; using the default colours", t.set.theme,
		         rc == -ENOENT ? "not found in the theme folders" : strerror(-rc));
		report_stderr(&probs, msg);
	}
	t.now_ms = util_mono_ms();
	if (cfg->first_problem && cfg->first_problem[0])
		tui_state_status(&t, STATUS_ERROR, "%s", cfg->first_problem);
	else if (probs.n)
		tui_state_status(&t, STATUS_ERROR, "%s%s", probs.first,
		           probs.n > 1 ? " (and more: see stderr after quitting)" : "");

	rc = collector_refresh(c);
	if (rc < 0) {
		fprintf(stderr, "oomtop: cannot read the process table: %s\n", strerror(-rc));
		tui_state_free(&t);
		return 1;
	}
	long refreshes = 1;

	char err[256];
	if (screen_init(err, sizeof(err)) < 0) {
		fprintf(stderr, "oomtop: %s\n", err);
		tui_state_free(&t);
		return 1;
	}
	draw_ctx_theme(&t.dc, &t.theme);
	int cols, lines;
	screen_size(&cols, &lines);
	t.cols = cols;
	t.lines = lines;
	tui_state_live_snapshot(&t, collector_snapshot(c));
	if (!isnan(cfg->at_unix_s)) /* --at: open at that recorded moment */
		action_travel_at(&t, cfg->at_unix_s);

	int status = 0;
	int64_t last_refresh = util_mono_ms();
	unsigned flags = R_REDRAW;
	bool quit = cfg->iterations > 0 && refreshes >= cfg->iterations;
	bool kill_news = false; /* the kill source has news of a kill for the next refresh */
	while (!quit) {
		t.now_ms = util_mono_ms();
		if (flags & R_RETHEME)
			draw_ctx_theme(&t.dc, &t.theme);
		if (flags & R_REVIEW)
			tui_state_review(&t);
		if (flags & (R_RELAYOUT | R_REVIEW)) {
			screen_size(&cols, &lines);
			tui_state_relayout(&t, cols, lines);
		}
		if (flags & R_CLEAR)
			clearok(curscr, TRUE);
		if (flags & (R_REDRAW | R_REVIEW | R_RELAYOUT | R_RETHEME))
			draw(&t);
		flags = 0;

		/* until the tick, or, with news of a kill (or a saved log still being read, a
		 * tenth of a second per refresh), until the refresh may come forward */
		int64_t delay_ms = (int64_t)(t.set.delay_s * 1000.0);
		bool soon = kill_news || (t.snap && val_known(t.snap->events_replay_total_bytes));
		int64_t due_ms = last_refresh + (soon && delay_ms > NEWS_MIN_MS ? NEWS_MIN_MS : delay_ms);
		int64_t wait = due_ms - t.now_ms;
		/* the kill source is watched until it has news (then the refresh reads it) */
		struct pollfd pfd[3] = {
			{.fd = STDIN_FILENO, .events = POLLIN},
			{.fd = cfg->stop_fd, .events = POLLIN},
			{.fd = kill_news ? -1 : collector_event_fd(c), .events = POLLIN},
		};
		int nfds = pfd[2].fd >= 0 ? 3 : 2;
		int n = wait > 0 ? poll(pfd, (nfds_t)nfds, (int)(wait > 60000 ? 60000 : wait)) : 0;
		if (n < 0 && errno != EINTR) {
			status = 1;
			break;
		}
		int sig = cfg->stop_signal ? cfg->stop_signal() : 0;
		if (sig) {
			status = 128 + sig;
			break;
		}
		/* the source woke: is it about a kill? (the journal wakes on any write) */
		if (n > 0 && nfds == 3 && (pfd[2].revents & (POLLIN | POLLHUP | POLLERR)) &&
		    collector_wake(c) > 0)
			kill_news = true;
		t.now_ms = util_mono_ms();
		/* news of a kill brings the refresh forward, at most 4 times a second */
		bool due = t.now_ms - last_refresh >= delay_ms ||
		           (soon && t.now_ms - last_refresh >= NEWS_MIN_MS);
		if (n > 0 && (pfd[0].revents & (POLLHUP | POLLERR)) && !(pfd[0].revents & POLLIN)) {
			status = 1; /* the terminal went away */
			break;
		}
		/* keys: everything that is waiting, then one redraw */
		for (;;) {
			wint_t wch;
			int krc = wget_wch(stdscr, &wch);
			if (krc == ERR)
				break;
			flags |= handle_key(&t, krc, wch);
			if (flags & R_QUIT)
				break;
		}
		if (flags & R_QUIT)
			break;
		if (flags & R_REFRESH)
			due = true;
		if (due) {
			/* the detail view's process, if one is open: its costly fields */
			if (collector_watch(c, t.detail.pid, t.detail.start_ticks) < 0)
				tui_state_status(&t, STATUS_ERROR, "out of memory watching pid %d", (int)t.detail.pid);
			rc = collector_refresh(c);
			last_refresh = t.now_ms;
			/* a kill the source holds a moment longer comes at the next one */
			kill_news = collector_wake(c) > 0;
			refreshes++;
			if (rc < 0)
				tui_state_status(&t, STATUS_ERROR, "refresh failed: %s", strerror(-rc));
			tui_state_live_snapshot(&t, collector_snapshot(c));
			flags |= R_REDRAW;
			if (cfg->iterations > 0 && refreshes >= cfg->iterations)
				quit = true;
		}
		/* clear an old message after a while even without keys */
		if (t.status[0] && t.mode == TM_MAIN && t.now_ms - t.status_t_ms > 10000) {
			t.status[0] = '\0';
			flags |= R_REDRAW;
		}
	}
	if (quit) /* -n reached: show the last snapshot before leaving */
		draw(&t);
	screen_end();
	tui_state_free(&t);
	return status;
}
