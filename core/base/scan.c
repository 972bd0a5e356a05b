/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/base/scan.h"

#include <string.h>

bool scan_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int scan_hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool scan_u64(const char **pp, const char *end, uint64_t *out)
{
	const char *p = *pp;
	uint64_t v = 0;
	if (p >= end || !scan_is_digit(*p))
		return false;
	while (p < end && scan_is_digit(*p)) {
		unsigned d = (unsigned)(*p - '0');
		v = v > (UINT64_MAX - d) / 10 ? UINT64_MAX : v * 10 + d;
		p++;
	}
	*pp = p;
	*out = v;
	return true;
}

bool scan_lit(const char **pp, const char *end, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(end - *pp) < n || memcmp(*pp, lit, n) != 0)
		return false;
	*pp += n;
	return true;
}

bool scan_size(const char *s, uint64_t max, uint64_t *out)
{
	const char *p = s, *end = s + strlen(s);
	uint64_t v;
	if (!scan_u64(&p, end, &v))
		return false;
	unsigned shift = 0;
	if (p < end) {
		switch (*p++) {
		case 'k': case 'K': shift = 10; break;
		case 'm': case 'M': shift = 20; break;
		case 'g': case 'G': shift = 30; break;
		case 't': case 'T': shift = 40; break;
		default: return false;
		}
		/* 64MiB and 64MB read as 64M: binary units whatever the spelling */
		if (!scan_lit(&p, end, "iB"))
			scan_lit(&p, end, "B");
	}
	if (p != end || v > (max >> shift))
		return false;
	*out = v << shift;
	return true;
}

const char *scan_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}
