/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_sanitize.c — what a process calls itself, made safe: escape_text
 * (batch text, core/base/escape.c), json_write_string (JSON, core/output/json_write.c) and
 * sanitize_text (the screen, tui/sanitize.c), all three on core/base/utf8.c's decoder.
 * Properties: no control byte ever comes out (ESC, CR, LF, C1), the text output is valid
 * UTF-8, the JSON literal is well-formed. */
#include "config.h"

#include <locale.h>
#include <stdbool.h>

#include "core/base/escape.h"
#include "core/output/json_write.h"
#include "tests/fuzz/fuzz.h"
#include "tui/sanitize.h"

/* Valid UTF-8 without C0/DEL/C1 controls (what may reach a terminal). */
static bool clean_utf8(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		if (c < 0x20 || c == 0x7f)
			return false;
		size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
		if (!len || i + len > n)
			return false;
		unsigned cp = len == 1 ? c : c & (0x7f >> len);
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp < 0xa0))
			return false;
		i += len;
	}
	return true;
}

/* A JSON string literal: quotes, escapes from the JSON grammar, no raw control bytes. */
static bool json_literal(const char *s, size_t n)
{
	if (n < 2 || s[0] != '"' || s[n - 1] != '"')
		return false;
	for (size_t i = 1; i < n - 1; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == '"')
			return false;
		if (c != '\\')
			continue;
		if (++i >= n - 1)
			return false;
		if (s[i] == 'u') {
			for (int k = 1; k <= 4; k++)
				if (i + k >= n - 1 || !strchr("0123456789abcdefABCDEF", s[i + k]))
					return false;
			i += 4;
		} else if (!strchr("\"\\/bfnrt", s[i])) {
			return false;
		}
	}
	return true;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* the screen runs in the user's locale: UTF-8 decides what wcwidth() accepts */
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = fuzz_cstr(data, size);
	struct strbuf sb;
	sb_init(&sb);

	escape_text(&sb, in, 0);
	FUZZ_CHECK(clean_utf8((const unsigned char *)sb.buf, sb.len));
	sb_reset(&sb);
	escape_text(&sb, in, 7);
	FUZZ_CHECK(clean_utf8((const unsigned char *)sb.buf, sb.len));

	sb_reset(&sb);
	json_write_string(&sb, in);
	FUZZ_CHECK(json_literal(sb.buf, sb.len));
	FUZZ_CHECK(clean_utf8((const unsigned char *)sb.buf, sb.len));

	char out[256];
	for (int utf8 = 0; utf8 <= 1; utf8++) {
		int cols = sanitize_text(out, sizeof(out), in, 40, utf8);
		FUZZ_CHECK(cols >= 0 && cols <= 40);
		FUZZ_CHECK(clean_utf8((const unsigned char *)out, strlen(out)));
		if (!utf8)
			for (const char *p = out; *p; p++)
				FUZZ_CHECK((unsigned char)*p < 0x80);
		(void)sanitize_text(out, 1, in, -1, utf8);
		FUZZ_CHECK(out[0] == '\0');
	}
	sb_free(&sb);
	free(in);
	return 0;
}
