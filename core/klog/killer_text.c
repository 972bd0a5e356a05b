/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/killer_text.h"

#include <string.h>

#include "core/base/scan.h"

void killer_step_init(struct killer_step *st)
{
	memset(st, 0, sizeof(*st));
	st->uid = INT64_MIN;
}

size_t killer_text_clean(const char *text, char *out, size_t outlen)
{
	if (outlen == 0)
		return 0;
	size_t o = 0;
	if (text) {
		const unsigned char *p = (const unsigned char *)text;
		while (*p && o + 1 < outlen) {
			if (*p == 0x1b) { /* ESC [ params final, or ESC and one more byte */
				p++;
				if (*p == '[') {
					p++;
					while (*p && (*p < 0x40 || *p > 0x7e))
						p++;
				}
				if (*p)
					p++;
				continue;
			}
			if (*p < 0x20 && *p != '\t') {
				p++;
				continue;
			}
			out[o++] = (char)*p++;
		}
	}
	while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\t'))
		o--;
	out[o] = '\0';
	return o;
}

void killer_text_copy(char *dst, size_t cap, const char *s, size_t n)
{
	if (cap == 0)
		return;
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

void killer_text_squeeze(const char *s, size_t len, char *out, size_t outlen)
{
	size_t o = 0;
	bool blank = false;
	if (outlen == 0)
		return;
	for (size_t i = 0; i < len && s[i] && o + 1 < outlen; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			blank = o > 0;
			continue;
		}
		if (blank && o + 2 < outlen)
			out[o++] = ' ';
		blank = false;
		out[o++] = s[i];
	}
	out[o] = '\0';
}

bool killer_text_int(const char **pp, int64_t *out)
{
	const char *p = *pp;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!scan_is_digit(*p))
		return false;
	int64_t v = 0;
	while (scan_is_digit(*p)) {
		v = v * 10 + (*p - '0');
		if (v > INT32_MAX)
			return false;
		p++;
	}
	*out = v;
	*pp = p;
	return true;
}
