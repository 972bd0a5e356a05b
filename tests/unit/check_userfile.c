/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/base/userfile: files a user controls are read and written as the careful Unix tools
 * do — a FIFO, a device, a directory or a huge file is refused without blocking or being
 * read; a write never follows a planted symlink, never lands in a directory or over a file
 * another user owns, and never leaves a half-written file or a temporary behind. */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/userfile.h"
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

static char root[128], why[400];

static void setup(void)
{
	fxtree_make(root, sizeof(root), "userfile");
}

static void teardown(void)
{
	fxtree_remove(root);
}

static const char *at(const char *rel)
{
	static char p[4][512];
	static int k;
	k = (k + 1) % 4;
	snprintf(p[k], sizeof(p[k]), "%s/%s", root, rel);
	return p[k];
}

static int rd(const char *path, size_t max, char **buf, size_t *len)
{
	why[0] = '\0';
	return userfile_read(path, max, buf, len, why, sizeof(why));
}

START_TEST(reads_a_regular_file_whole_nul_bytes_included)
{
	fxtree_write(root, "rc", "delay=3\n");
	char *buf;
	size_t len;
	ck_assert_int_eq(rd(at("rc"), 1024, &buf, &len), 0);
	ck_assert_uint_eq(len, 8);
	ck_assert_str_eq(buf, "delay=3\n");
	free(buf);
	int fd = open(at("nul"), O_WRONLY | O_CREAT, 0644);
	ck_assert_int_eq(write(fd, "a=1\n\0b=2\n", 9), 9);
	close(fd);
	ck_assert_int_eq(rd(at("nul"), 1024, &buf, &len), 0);
	ck_assert_uint_eq(len, 9); /* the NUL is the parser's to report, not a silent end */
	ck_assert_int_eq(memcmp(buf, "a=1\n\0b=2\n", 9), 0);
	free(buf);
}
END_TEST

START_TEST(refuses_fifo_device_directory_and_huge_files_without_blocking)
{
	char *buf;
	size_t len;
	ck_assert_int_eq(mkfifo(at("fifo"), 0644), 0); /* nobody writes it: a blocking open would hang */
	ck_assert_int_eq(rd(at("fifo"), 1024, &buf, &len), -EINVAL);
	ck_assert_ptr_nonnull(strstr(why, "a FIFO, not a regular file"));
	ck_assert_ptr_null(buf);
	ck_assert_int_eq(rd("/dev/zero", 1024, &buf, &len), -EINVAL);
	ck_assert_ptr_nonnull(strstr(why, "a device"));
	ck_assert_int_eq(rd(root, 1024, &buf, &len), -EINVAL);
	ck_assert_ptr_nonnull(strstr(why, "a directory"));
	fxtree_write(root, "big", "0123456789");
	ck_assert_int_eq(rd(at("big"), 9, &buf, &len), -EFBIG);
	ck_assert_ptr_nonnull(strstr(why, "10 bytes, more than the 9 allowed"));
	ck_assert_int_eq(rd(at("big"), 10, &buf, &len), 0);
	free(buf);
	ck_assert_int_eq(rd(at("missing"), 10, &buf, &len), -ENOENT);
}
END_TEST

/* The files in dir, for "nothing left behind". */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		n += de->d_name[0] != '.' || (de->d_name[1] && strcmp(de->d_name, "..") != 0);
	closedir(d);
	return n;
}

START_TEST(writes_atomically_creating_the_directory)
{
	why[0] = '\0';
	ck_assert_int_eq(userfile_write(at("a/b/oomtop"), "oomtoprc", "delay=2\n", 8, 0644, 0, why, sizeof(why)), 0);
	char *buf;
	size_t len;
	ck_assert_int_eq(rd(at("a/b/oomtop/oomtoprc"), 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "delay=2\n");
	free(buf);
	struct stat st;
	ck_assert_int_eq(stat(at("a/b/oomtop/oomtoprc"), &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644 & ~umask(022));
	umask(022);
	ck_assert_int_eq(userfile_write(at("a/b/oomtop"), "oomtoprc", "delay=5\n", 8, 0644, 0, why, sizeof(why)), 0);
	ck_assert_int_eq(rd(at("a/b/oomtop/oomtoprc"), 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "delay=5\n");
	free(buf);
	ck_assert_int_eq(entries(at("a/b/oomtop")), 1); /* no temporary left */
}
END_TEST

START_TEST(never_writes_through_a_symlink)
{
	fxtree_write(root, "victim", "precious\n");
	fxtree_symlink(root, "cfg/oomtoprc", at("victim"));
	ck_assert_int_eq(userfile_write(at("cfg"), "oomtoprc", "x\n", 2, 0644, 0, why, sizeof(why)), -ELOOP);
	ck_assert_ptr_nonnull(strstr(why, "is a symbolic link: not replaced"));
	char *buf;
	size_t len;
	ck_assert_int_eq(rd(at("victim"), 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "precious\n");
	free(buf);
	ck_assert_int_eq(entries(at("cfg")), 1); /* only the link: no temporary */

	/* the directory itself a symlink */
	ck_assert_int_eq(mkdir(at("real"), 0755), 0);
	fxtree_symlink(root, "linkdir", at("real"));
	ck_assert_int_eq(userfile_write(at("linkdir"), "oomtoprc", "x\n", 2, 0644, 0, why, sizeof(why)), -ELOOP);
	ck_assert_int_eq(entries(at("real")), 0);

	/* a FIFO at the name: refused, not opened (an open would hang) */
	ck_assert_int_eq(mkdir(at("cfg2"), 0755), 0);
	ck_assert_int_eq(mkfifo(at("cfg2/oomtoprc"), 0644), 0);
	ck_assert_int_eq(userfile_write(at("cfg2"), "oomtoprc", "x\n", 2, 0644, 0, why, sizeof(why)), -EINVAL);
	ck_assert_ptr_nonnull(strstr(why, "a FIFO"));
}
END_TEST

/* As root with a HOME another user owns (sudo keeps HOME): refuse to write there. */
START_TEST(refuses_a_directory_or_file_of_another_user)
{
	if (geteuid() != 0)
		return; /* chown needs root; as a user every directory we can write is ours */
	ck_assert_int_eq(mkdir(at("theirs"), 0755), 0);
	ck_assert_int_eq(chown(at("theirs"), 65534, 65534), 0);
	ck_assert_int_eq(userfile_write(at("theirs"), "oomtoprc", "x\n", 2, 0644, 0, why, sizeof(why)), -EPERM);
	ck_assert_ptr_nonnull(strstr(why, "belongs to uid 65534, not to uid 0"));
	ck_assert_int_eq(entries(at("theirs")), 0);
	fxtree_write(root, "mine/oomtoprc", "old\n");
	ck_assert_int_eq(chown(at("mine/oomtoprc"), 65534, 65534), 0);
	ck_assert_int_eq(userfile_write(at("mine"), "oomtoprc", "x\n", 2, 0644, 0, why, sizeof(why)), -EPERM);
	char *buf;
	size_t len;
	ck_assert_int_eq(rd(at("mine/oomtoprc"), 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "old\n");
	free(buf);
}
END_TEST

/* --output=FILE (USERFILE_NAMED): the operator named the place. Its directory may belong
 * to another user (node_exporter's) and be reached through a symlink, but must exist; the
 * target is still never a symlink or a FIFO, and is still replaced whole. */
START_TEST(a_named_file_may_go_where_the_operator_says)
{
	unsigned named = USERFILE_NAMED | USERFILE_NO_SYNC;
	/* a missing directory is an error, not created (a typo must not make directories) */
	ck_assert_int_eq(userfile_write(at("no/such/dir"), "oomtop.prom", "x\n", 2, 0644, named, why, sizeof(why)),
			 -ENOENT);
	ck_assert_ptr_nonnull(strstr(why, "no/such/dir"));
	struct stat st;
	ck_assert_int_eq(stat(at("no"), &st), -1);

	/* through a symlinked directory */
	ck_assert_int_eq(mkdir(at("real"), 0755), 0);
	fxtree_symlink(root, "linkdir", at("real"));
	ck_assert_int_eq(userfile_write(at("linkdir"), "oomtop.prom", "a 1\n", 4, 0644, named, why, sizeof(why)), 0);
	char *buf;
	size_t len;
	ck_assert_int_eq(rd(at("real/oomtop.prom"), 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "a 1\n");
	free(buf);

	/* the target is still never a symlink or a FIFO */
	fxtree_write(root, "victim", "precious\n");
	fxtree_symlink(root, "out/oomtop.prom", at("victim"));
	ck_assert_int_eq(userfile_write(at("out"), "oomtop.prom", "x\n", 2, 0644, named, why, sizeof(why)), -ELOOP);
	ck_assert_int_eq(mkfifo(at("out/fifo.prom"), 0644), 0);
	ck_assert_int_eq(userfile_write(at("out"), "fifo.prom", "x\n", 2, 0644, named, why, sizeof(why)), -EINVAL);
	ck_assert_int_eq(rd(at("victim"), 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "precious\n");
	free(buf);
	ck_assert_int_eq(userfile_write(at("out"), "a/b", "x\n", 2, 0644, named, why, sizeof(why)), -EINVAL);

	if (geteuid() != 0)
		return; /* chown needs root */
	/* node_exporter's directory, and a file in it, belonging to its own user */
	ck_assert_int_eq(mkdir(at("textfile"), 0755), 0);
	fxtree_write(root, "textfile/oomtop.prom", "old 1\n");
	ck_assert_int_eq(chown(at("textfile"), 65534, 65534), 0);
	ck_assert_int_eq(chown(at("textfile/oomtop.prom"), 65534, 65534), 0);
	ck_assert_int_eq(userfile_write(at("textfile"), "oomtop.prom", "new 1\n", 6, 0644, 0, why, sizeof(why)), -EPERM);
	ck_assert_int_eq(userfile_write(at("textfile"), "oomtop.prom", "new 2\n", 6, 0644, named, why, sizeof(why)), 0);
	ck_assert_int_eq(rd(at("textfile/oomtop.prom"), 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "new 2\n");
	free(buf);
	ck_assert_int_eq(entries(at("textfile")), 1); /* no temporary left */
}
END_TEST

/* Text made in pieces: until commit a reader sees the old file whole; abort leaves it. */
START_TEST(pieces_appear_at_once_on_commit)
{
	fxtree_write(root, "d/f", "old\n");
	struct userfile_out w;
	ck_assert_int_eq(userfile_begin(&w, at("d"), "f", 0644, 0, why, sizeof(why)), 0);
	ck_assert_int_eq(userfile_append(&w, "one ", 4), 0);
	ck_assert_int_eq(userfile_append(&w, "two\n", 4), 0);
	char *buf;
	size_t len;
	ck_assert_int_eq(rd(at("d/f"), 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "old\n");
	free(buf);
	ck_assert_int_eq(entries(at("d")), 2); /* the file and the temporary */
	ck_assert_int_eq(userfile_commit(&w, why, sizeof(why)), 0);
	ck_assert_int_eq(rd(at("d/f"), 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "one two\n");
	free(buf);
	ck_assert_int_eq(entries(at("d")), 1);

	ck_assert_int_eq(userfile_begin(&w, at("d"), "f", 0644, 0, why, sizeof(why)), 0);
	ck_assert_int_eq(userfile_append(&w, "half", 4), 0);
	userfile_abort(&w);
	ck_assert_int_eq(rd(at("d/f"), 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "one two\n");
	free(buf);
	ck_assert_int_eq(entries(at("d")), 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("userfile");
	TCase *tc = tcase_create("userfile");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, reads_a_regular_file_whole_nul_bytes_included);
	tcase_add_test(tc, refuses_fifo_device_directory_and_huge_files_without_blocking);
	tcase_add_test(tc, writes_atomically_creating_the_directory);
	tcase_add_test(tc, never_writes_through_a_symlink);
	tcase_add_test(tc, refuses_a_directory_or_file_of_another_user);
	tcase_add_test(tc, a_named_file_may_go_where_the_operator_says);
	tcase_add_test(tc, pieces_appear_at_once_on_commit);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
