/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/config/conffile.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void conffile_report(const struct conffile_pos *pos, const char *fmt, ...)
{
	char m[512], msg[700];
	va_list ap;
	if (!pos->report)
		return;
	va_start(ap, fmt);
	vsnprintf(m, sizeof(m), fmt, ap);
	va_end(ap);
	snprintf(msg, sizeof(msg), "%s:%d: %s", pos->fname, pos->lineno, m);
	pos->report(pos->ud, msg);
}

int conffile_parse(const char *buf, size_t len, const char *fname, conffile_report_fn report, void *ud,
                   conffile_line_fn fn, void *obj)
{
	struct conffile_pos pos = {fname, 0, report, ud};
	int problems = 0;
	const char *p = buf, *end = buf + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char line[CONFFILE_LINE_MAX];
		pos.lineno++;
		if (memchr(p, '\0', n)) {
			conffile_report(&pos, "a NUL byte: line not read");
			problems++;
		} else if (n >= sizeof(line)) {
			conffile_report(&pos, "line too long");
			problems++;
		} else {
			memcpy(line, p, n);
			line[n] = '\0';
			problems += fn(obj, line, &pos);
		}
		p += n;
		if (p < end)
			p++; /* the newline */
	}
	return problems;
}

char *conffile_trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}
