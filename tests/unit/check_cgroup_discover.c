/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Finding the memory cgroup hierarchy (core/cgroup/hierarchy.h) from a fake proc root's
 * self/mountinfo: v1, v2, hybrid, inside a container, none, escaped mount points; and
 * paths relative to the hierarchy's root (core/cgroup/path.h). */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cgroup/hierarchy.h"
#include "core/cgroup/path.h"
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

#define FX_V1 FIXTURES "/cgroup/v1"
#define FX_V2 FIXTURES "/cgroup/v2"
#define FX_HYBRID FIXTURES "/cgroup/hybrid"
#define D1 "2e088fe462e2a6a5b8b1b5f6a4c3a1e0f9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4"

/* A fake proc root: <dir>/self/mountinfo with the given text. */
static char *fake_proc(const char *mountinfo)
{
	char *dir = strdup("/tmp/oomtop-proc-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char p[PATH_MAX];
	snprintf(p, sizeof(p), "%s/self", dir);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	if (mountinfo) {
		snprintf(p, sizeof(p), "%s/self/mountinfo", dir);
		fxtree_write(NULL, p, mountinfo);
	}
	return dir;
}

/* mountinfo escapes space, tab, newline and backslash as \ooo */
static void mi_escape(char *out, size_t cap, const char *s)
{
	size_t n = 0;
	for (; *s && n + 5 < cap; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\\')
			n += (size_t)snprintf(out + n, cap - n, "\\%03o", (unsigned char)*s);
		else
			out[n++] = *s;
	}
	out[n] = '\0';
}

static char *mountinfo_text(const char *v1_memory, const char *v1_root, const char *v2, const char *v2_root)
{
	static char buf[8192];
	char e[PATH_MAX * 4];
	size_t n = (size_t)snprintf(buf, sizeof(buf),
				    "22 27 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw\n"
				    "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
				    "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n");
	if (v1_memory) {
		mi_escape(e, sizeof(e), v1_memory);
		n += (size_t)snprintf(buf + n, sizeof(buf) - n,
				      "35 31 0:32 %s %s rw,nosuid,nodev,noexec,relatime shared:14 - cgroup cgroup rw,memory\n",
				      v1_root ? v1_root : "/", e);
	}
	if (v2) {
		mi_escape(e, sizeof(e), v2);
		n += (size_t)snprintf(buf + n, sizeof(buf) - n,
				      "41 31 0:38 %s %s rw,nosuid,nodev,noexec,relatime shared:19 - cgroup2 cgroup2 rw,nsdelegate\n",
				      v2_root ? v2_root : "/", e);
	}
	return buf;
}

START_TEST(discover_v1)
{
	char *proc = fake_proc(mountinfo_text(FX_V1, NULL, NULL, NULL));
	struct cgroup_hierarchy h;
	ck_assert_int_eq(cgroup_hierarchy_discover(proc, &h), 0);
	ck_assert_int_eq(h.version, 1);
	ck_assert_str_eq(h.mount, FX_V1);
	ck_assert_str_eq(h.mount_root, "/");
	fxtree_remove(proc);
	free(proc);
}
END_TEST

START_TEST(discover_v2)
{
	char *proc = fake_proc(mountinfo_text(NULL, NULL, FX_V2, NULL));
	struct cgroup_hierarchy h;
	ck_assert_int_eq(cgroup_hierarchy_discover(proc, &h), 0);
	ck_assert_int_eq(h.version, 2);
	ck_assert_str_eq(h.mount, FX_V2);
	ck_assert_str_eq(h.mount_root, "/");
	fxtree_remove(proc);
	free(proc);
}
END_TEST

START_TEST(discover_hybrid)
{
	/* this machine's shape: v1 memory, cgroup2 "unified" without the memory controller */
	char *proc = fake_proc(mountinfo_text(FX_HYBRID "/memory", NULL, FX_HYBRID "/unified", NULL));
	struct cgroup_hierarchy h;
	ck_assert_int_eq(cgroup_hierarchy_discover(proc, &h), 0);
	ck_assert_int_eq(h.version, 1);
	ck_assert_str_eq(h.mount, FX_HYBRID "/memory");
	fxtree_remove(proc);
	free(proc);
}
END_TEST

START_TEST(discover_container_root)
{
	char *proc = fake_proc(mountinfo_text(FX_V1, "/docker/" D1, NULL, NULL));
	struct cgroup_hierarchy h;
	ck_assert_int_eq(cgroup_hierarchy_discover(proc, &h), 0);
	ck_assert_int_eq(h.version, 1);
	ck_assert_str_eq(h.mount, FX_V1);
	ck_assert_str_eq(h.mount_root, "/docker/" D1);
	char out[256];
	cgroup_path_relative(&h, "/docker/" D1 "/app", out, sizeof(out));
	ck_assert_str_eq(out, "/app");
	fxtree_remove(proc);
	free(proc);

	proc = fake_proc(mountinfo_text(NULL, NULL, FX_V2, "/system.slice/docker-" D1 ".scope"));
	ck_assert_int_eq(cgroup_hierarchy_discover(proc, &h), 0);
	ck_assert_int_eq(h.version, 2);
	ck_assert_str_eq(h.mount_root, "/system.slice/docker-" D1 ".scope");
	fxtree_remove(proc);
	free(proc);
}
END_TEST

START_TEST(discover_none)
{
	struct cgroup_hierarchy h;
	/* cgroup2 mounted, but its root does not offer memory; no v1 memory hierarchy */
	char *proc = fake_proc(mountinfo_text(NULL, NULL, FX_HYBRID "/unified", NULL));
	ck_assert_int_eq(cgroup_hierarchy_discover(proc, &h), -ENOENT);
	ck_assert_int_eq(h.version, 0);
	ck_assert_ptr_nonnull(strstr(h.why, "no memory controller"));
	ck_assert_ptr_nonnull(strstr(h.why, FX_HYBRID "/unified"));
	fxtree_remove(proc);
	free(proc);

	/* no cgroup mount at all */
	proc = fake_proc(mountinfo_text(NULL, NULL, NULL, NULL));
	ck_assert_int_eq(cgroup_hierarchy_discover(proc, &h), -ENOENT);
	ck_assert_int_eq(h.version, 0);
	ck_assert_str_eq(h.why, "no memory cgroup hierarchy is mounted");
	fxtree_remove(proc);
	free(proc);

	/* no mountinfo to read */
	proc = fake_proc(NULL);
	ck_assert_int_eq(cgroup_hierarchy_discover(proc, &h), -ENOENT);
	ck_assert_int_eq(h.version, 0);
	ck_assert_ptr_nonnull(strstr(h.why, "cannot read"));
	ck_assert_ptr_nonnull(strstr(h.why, "/self/mountinfo"));
	ck_assert_ptr_nonnull(strstr(h.why, "No such file"));
	fxtree_remove(proc);
	free(proc);
}
END_TEST

START_TEST(discover_escaped_mount_point)
{
	char tmp[] = "/tmp/oomtop-esc-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	char root[PATH_MAX];
	snprintf(root, sizeof(root), "%s/my cgroup\\v2", tmp);
	fxtree_copy(FX_V2, root);
	char *proc = fake_proc(mountinfo_text(NULL, NULL, root, NULL));
	struct cgroup_hierarchy h;
	ck_assert_int_eq(cgroup_hierarchy_discover(proc, &h), 0);
	ck_assert_int_eq(h.version, 2);
	ck_assert_str_eq(h.mount, root);
	fxtree_remove(proc);
	free(proc);
	fxtree_remove(tmp);
}
END_TEST

START_TEST(path_relative_cases)
{
	struct cgroup_hierarchy h = {.version = 2};
	char out[256];
	strcpy(h.mount_root, "/a/b");
	cgroup_path_relative(&h, "/a/b", out, sizeof(out));
	ck_assert_str_eq(out, "/");
	cgroup_path_relative(&h, "/a/b/c/d", out, sizeof(out));
	ck_assert_str_eq(out, "/c/d");
	cgroup_path_relative(&h, "/a/bc", out, sizeof(out));
	ck_assert_str_eq(out, "/a/bc");
	cgroup_path_relative(&h, "/x", out, sizeof(out));
	ck_assert_str_eq(out, "/x");
	strcpy(h.mount_root, "/");
	cgroup_path_relative(&h, "/", out, sizeof(out));
	ck_assert_str_eq(out, "/");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cgroup_discover");
	TCase *tc = tcase_create("discover");
	tcase_add_test(tc, discover_v1);
	tcase_add_test(tc, discover_v2);
	tcase_add_test(tc, discover_hybrid);
	tcase_add_test(tc, discover_container_root);
	tcase_add_test(tc, discover_none);
	tcase_add_test(tc, discover_escaped_mount_point);
	tcase_add_test(tc, path_relative_cases);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
