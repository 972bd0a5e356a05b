#include "config.h"
#include "tui/sanitize.h"

#include <stdint.h>
#include <string.h>
#include <wchar.h>

/* Decode one UTF-8 sequence at s. Returns its length (1..4) and sets *cp, or 0 when the
 * bytes are not a valid, shortest-form encoding of a scalar value. */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t len;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		len = 2, v = c & 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3, v = c & 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0; /* also catches a NUL cut short */
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

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
	size_t n = utf8_decode(s, &cp);
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

int san_text(char *dst, size_t cap, const char *src, int max_cols, bool utf8)
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

int san_width(const char *src, bool utf8)
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
