/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/sanitize.h"

#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "core/base/utf8.h"

/* One source unit rendered: its output bytes and width. */
struct piece {
	char out[8];
	size_t outlen;
	int cols;
	size_t inlen;
};

static void next_piece(const unsigned char *s, bool utf8, struct piece *p)
{
	unsigned char c = s[0];
	if (c < 0x20 || c == 0x7f) {
		p->out[0] = '^';
		p->out[1] = c == 0x7f ? '?' : (char)(c + '@');
		p->outlen = 2, p->cols = 2, p->inlen = 1;
		return;
	}
	if (c < 0x80) {
		p->out[0] = (char)c;
		p->outlen = 1, p->cols = 1, p->inlen = 1;
		return;
	}
	p->out[0] = '?';
	p->outlen = 1, p->cols = 1, p->inlen = 1;
	if (!utf8)
		return;
	uint32_t cp;
	size_t n = utf8_decode(s, SIZE_MAX, &cp); /* s is NUL-terminated */
	if (n == 0)
		return; /* skip one byte, resynchronise on the next */
	p->inlen = n;
	if (cp >= 0x80 && cp < 0xa0)
		return; /* C1 control: CSI (U+009B) would start a sequence */
	int w = wcwidth((wchar_t)cp);
	if (w <= 0)
		return; /* unprintable, combining, bidi control */
	memcpy(p->out, s, n);
	p->outlen = n, p->cols = w;
}

int sanitize_text(char *dst, size_t cap, const char *src, int max_cols, bool utf8)
{
	size_t len = 0;
	int cols = 0;
	if (cap == 0)
		return 0;
	const unsigned char *s = (const unsigned char *)(src ? src : "");
	while (*s) {
		struct piece p;
		next_piece(s, utf8, &p);
		if (max_cols >= 0 && cols + p.cols > max_cols)
			break;
		if (len + p.outlen + 1 > cap)
			break;
		memcpy(dst + len, p.out, p.outlen);
		len += p.outlen;
		cols += p.cols;
		s += p.inlen;
	}
	dst[len] = '\0';
	return cols;
}

int sanitize_width(const char *src, bool utf8)
{
	int cols = 0;
	const unsigned char *s = (const unsigned char *)(src ? src : "");
	while (*s) {
		struct piece p;
		next_piece(s, utf8, &p);
		cols += p.cols;
		s += p.inlen;
	}
	return cols;
}
