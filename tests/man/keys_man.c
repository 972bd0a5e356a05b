/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/man/keys_man.c — print the KEYS section of oomtop.1 from the one key table
 * (tui/keymap.c), the way the help screen lists it: per context, each action once with
 * all its keys. `make man-keys` puts it into oomtop.1; tests/man/keys_man.sh fails when
 * the man page and the table drift apart. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tui/keymap.h"

/* roff: backslash and minus escaped, no control character at a line start */
static void roff(const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

int main(void)
{
	puts(".SH KEYS");
	puts("Generated from the key table (tui/keymap.c) by \\fBmake man\\-keys\\fR; the help "
	     "screen (\\fB?\\fR, \\fBF1\\fR) shows the same list.");
	for (int ctx = 0; ctx < KC_COUNT; ctx++) {
		printf(".SS ");
		roff(keymap_context_title((enum key_context)ctx));
		putchar('\n');
		for (size_t k = 0; k < keymap_len; k++) {
			if ((int)keymap[k].ctx != ctx || !keymap_first_of_action(k))
				continue;
			char keys[64];
			keymap_keys_of(k, keys, sizeof(keys));
			puts(".TP");
			printf(".B ");
			roff(keys);
			putchar('\n');
			roff(keymap[k].help);
			putchar('\n');
		}
	}
	return 0;
}
