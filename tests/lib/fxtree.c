/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxtree.c — see fxtree.h. */
#include "config.h"
#include "tests/lib/fxtree.h"

#include <check.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void fxtree_make(char *root, size_t cap, const char *tag)
{
	snprintf(root, cap, "/tmp/oomtop-%s-XXXXXX", tag);
	ck_assert_msg(mkdtemp(root) != NULL, "mkdtemp %s: %s", root, strerror(errno));
}

/* mkdir -p of the directory part of path */
static void make_parents(const char *path)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof(dir), "%s", path);
	for (char *p = dir + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		ck_assert_msg(mkdir(dir, 0755) == 0 || errno == EEXIST, "mkdir %s: %s", dir, strerror(errno));
		*p = '/';
	}
}

void fxtree_write(const char *root, const char *rel, const char *text)
{
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s%s%s", root ? root : "", root ? "/" : "", rel);
	make_parents(path);
	FILE *f = fopen(path, "w");
	ck_assert_msg(f != NULL, "cannot write %s: %s", path, strerror(errno));
	fputs(text, f);
	ck_assert_msg(fclose(f) == 0, "cannot write %s", path);
}

void fxtree_symlink(const char *root, const char *rel, const char *target)
{
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	make_parents(path);
	unlink(path);
	ck_assert_msg(symlink(target, path) == 0, "symlink %s: %s", path, strerror(errno));
}

static char copy_src[PATH_MAX], copy_dst[PATH_MAX];

static int copy_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	char dst[PATH_MAX * 2];
	snprintf(dst, sizeof(dst), "%s%s", copy_dst, path + strlen(copy_src));
	if (type == FTW_D)
		return mkdir(dst, 0755) == 0 || errno == EEXIST ? 0 : -1;
	if (type != FTW_F)
		return -1;
	FILE *in = fopen(path, "rb"), *out = fopen(dst, "wb");
	int rc = in && out ? 0 : -1;
	char buf[4096];
	size_t k;
	while (rc == 0 && (k = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, k, out) != k)
			rc = -1;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		rc = -1;
	return rc;
}

void fxtree_copy(const char *src, const char *dst)
{
	snprintf(copy_src, sizeof(copy_src), "%s", src);
	snprintf(copy_dst, sizeof(copy_dst), "%s", dst);
	make_parents(copy_dst);
	ck_assert_msg(nftw(src, copy_one, 16, FTW_PHYS) == 0, "cannot copy %s to %s", src, dst);
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

void fxtree_remove(const char *root)
{
	nftw(root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
