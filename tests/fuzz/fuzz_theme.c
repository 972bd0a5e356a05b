/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_theme.c — a .theme file → theme_file_parse and theme_color_parse
 * (tui/theme_file.c). Every problem is reported as one "FILE:LINE: message" line. */
#include "config.h"

#include "tests/fuzz/fuzz.h"
#include "tui/config/theme_file.h"

static void on_problem(void *ud, const char *msg)
{
	(*(int *)ud)++;
	FUZZ_CHECK(strncmp(msg, "fuzz.theme:", 11) == 0);
	FUZZ_CHECK(strchr(msg, '\n') == NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	struct theme t;
	memset(&t, 0, sizeof(t));
	int reported = 0;
	int n = theme_file_parse(&t, buf, size, "fuzz.theme", on_problem, &reported);
	FUZZ_CHECK(n == reported);
	struct theme_color c;
	(void)theme_color_parse(buf, &c);
	free(buf);
	return 0;
}
