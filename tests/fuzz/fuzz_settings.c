/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_settings.c — an oomtoprc → settings_parse (tui/settings.c). Whatever
 * it accepted, settings_format writes a file that parses again without a problem and
 * to the same text (the S key must never save a file oomtop then rejects). */
#include "config.h"

#include "tests/fuzz/fuzz.h"
#include "tui/config/settings.h"

static void on_problem(void *ud, const char *msg)
{
	(*(int *)ud)++;
	FUZZ_CHECK(strchr(msg, '\n') == NULL);
}

static char text1[8192], text2[8192];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	struct settings s, again;
	settings_defaults(&s);
	int reported = 0;
	int n = settings_parse(&s, buf, size, "oomtoprc", on_problem, &reported);
	FUZZ_CHECK(n == reported);
	settings_format(&s, text1, sizeof(text1));
	settings_defaults(&again);
	reported = 0;
	FUZZ_CHECK(settings_parse(&again, text1, strlen(text1), "saved", on_problem, &reported) == 0);
	settings_format(&again, text2, sizeof(text2));
	FUZZ_CHECK(strcmp(text1, text2) == 0);
	free(buf);
	return 0;
}
