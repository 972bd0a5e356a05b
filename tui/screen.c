/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/screen.h"
#include "tui/term_fallback.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static bool active;
static SCREEN *scr;
static struct termios saved_tio;
static bool have_tio;
static char reset_seq[256];
static size_t reset_len;

/* What the crash handler writes (see screen_emergency_restore): computed at init. */
void screen_emergency_restore(void)
{
	/* async-signal-safe only: write(2), tcsetattr(3) (tcsetattr is a plain ioctl) */
	if (!active)
		return;
	if (reset_len && write(STDOUT_FILENO, reset_seq, reset_len) < 0) {
		/* nothing more can be done */
	}
	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
}

static void add_cap(const char *cap)
{
	const char *s = tigetstr((char *)cap);
	if (!s || s == (char *)-1)
		return;
	size_t l = strlen(s);
	if (reset_len + l < sizeof(reset_seq)) {
		memcpy(reset_seq + reset_len, s, l);
		reset_len += l;
	}
}

static void add_raw(const char *s)
{
	size_t l = strlen(s);
	if (reset_len + l < sizeof(reset_seq)) {
		memcpy(reset_seq + reset_len, s, l);
		reset_len += l;
	}
}

bool screen_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* newterm() found no description for $TERM: a static binary on a box without a terminfo
 * database. Retry with the closest description built into the binary (term_fallback.h),
 * handed to ncurses through TERMINFO for the one call, then TERMINFO is put back as it
 * was (child processes, such as a shell, see the user's environment). */
static SCREEN *newterm_builtin(void)
{
	const char *name = NULL;
	const char *data = term_fallback(getenv("TERM"), &name);
	if (!data)
		return NULL;
	const char *old = getenv("TERMINFO");
	char *saved = old ? strdup(old) : NULL;
	if (old && !saved)
		return NULL;
	SCREEN *s = NULL;
	if (setenv("TERMINFO", data, 1) == 0)
		s = newterm(name, stdout, stdin);
	if (saved)
		setenv("TERMINFO", saved, 1);
	else
		unsetenv("TERMINFO");
	free(saved);
	return s;
}

int screen_init(char *err, size_t errlen)
{
	if (active)
		return 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen, "the screen needs a terminal (use --batch for output to a pipe)");
		return -1;
	}
	have_tio = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
	if (!(scr = newterm(NULL, stdout, stdin)) && !(scr = newterm_builtin())) {
		const char *term = getenv("TERM");
		snprintf(err, errlen, "cannot use the terminal type '%s'", term ? term : "(unset)");
		return -1;
	}
	active = true;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	if (has_colors()) {
		start_color();
		use_default_colors();
	}
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);

	/* what a crash handler writes: mouse off, attributes off, cursor on, keypad off,
	 * leave the alternate screen, newline */
	reset_len = 0;
	add_raw("\033[?1000l\033[?1002l\033[?1006l");
	add_cap("sgr0");
	add_cap("cnorm");
	add_cap("rmkx");
	add_cap("rmcup");
	add_raw("\r\n");

	return 0;
}

void screen_end(void)
{
	if (!active)
		return;
	mousemask(0, NULL);
	curs_set(1);
	endwin();
	delscreen(scr);
	scr = NULL;
	active = false;
	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
}

void screen_size(int *cols, int *lines)
{
	*cols = COLS;
	*lines = LINES;
}
