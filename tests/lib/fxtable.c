/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxtable.c — see fxtable.h. */
#include "config.h"
#include "tests/lib/fxtable.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/model.h"

int fxtable_split(char *line, char **cols, int max)
{
	int n = 0;
	for (char *p = line; n < max;) {
		cols[n++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

int64_t fxtable_cell(const char *s)
{
	if (strcmp(s, "-") == 0)
		return VAL_UNKNOWN;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	ck_assert_msg(errno == 0 && *end == '\0' && end != s, "bad number '%s' in a table", s);
	return (int64_t)v;
}

char *fxtable_slurp(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	size_t len;
	char *buf = util_slurp(path, &len);
	ck_assert_msg(buf != NULL, "cannot read %s", path);
	return buf;
}

int fxtable_count(const char *dir)
{
	DIR *d = opendir(dir);
	ck_assert_msg(d != NULL, "cannot open %s", dir);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.' || (l > 3 && strcmp(e->d_name + l - 3, ".md") == 0) ||
		    (l > 4 && strcmp(e->d_name + l - 4, ".tsv") == 0))
			continue;
		n++;
	}
	closedir(d);
	return n;
}
