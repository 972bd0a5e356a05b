/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/term_check.c — see term_check.h. Its own file: <term.h> defines macros named like
 * ordinary words (lines, columns) that the rest of tui uses as variables. */
#include "config.h"
#include "tui/term_check.h"

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

int term_check_usable(char *err, size_t errlen)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen, "the screen needs a terminal: use --batch for output to a pipe or a file");
		return -1;
	}
	const char *term = getenv("TERM");
	if (!term || !term[0]) {
		snprintf(err, errlen, "TERM is not set: the screen needs a terminal that can move the cursor "
		                      "(set TERM, or use --batch for plain output)");
		return -1;
	}
	if (strcmp(term, "dumb") == 0) {
		snprintf(err, errlen, "TERM=dumb cannot move the cursor, which the screen needs: use --batch "
		                      "for plain output (or run it in a real terminal)");
		return -1;
	}
	int e = 0;
	if (setupterm(term, STDOUT_FILENO, &e) != OK)
		return 0; /* no description here: screen_init says so, or uses a built-in one */
	const char *cup = tigetstr("cup");
	bool can_address = cup && cup != (const char *)-1 && cup[0];
	bool hardcopy = tigetflag("hc") > 0;
	del_curterm(cur_term);
	if (!can_address || hardcopy) {
		snprintf(err, errlen, "the terminal type '%s' cannot move the cursor, which the screen needs: "
		                      "use --batch for plain output",
		         term);
		return -1;
	}
	return 0;
}
