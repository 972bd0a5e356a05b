/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The cgroup reader on fixture trees (tests/fixtures/cgroup/{v1,v2,hybrid}), cgroup file
 * parsers, effective limits, readable names. Finding the hierarchy: check_cgroup_discover. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cgroup/hierarchy.h"
#include "core/cgroup/name.h"
#include "core/cgroup/path.h"
#include "core/cgroup/procs.h"
#include "core/cgroup/tree.h"
#include "core/cgroup/value.h"
#include "core/base/util.h"
#include "core/model.h"
#include "tests/lib/fxtree.h"
#include "tests/unit/ck_run.h"

#define FX_V1 FIXTURES "/cgroup/v1"
#define FX_V2 FIXTURES "/cgroup/v2"
#define FX_HYBRID FIXTURES "/cgroup/hybrid"

#define D1 "2e088fe462e2a6a5b8b1b5f6a4c3a1e0f9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4"
#define D2 "7b3f0c1e9a8d4f6b2c5e1a0d9f8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d"
#define P1 "c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc"
#define K1 "9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4"
#define UID1 "1b2c3d4e_5f60_4a7b_8c9d_0e1f2a3b4c5d"
#define UIDK "8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d"
#define POD_SLICE "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" UID1 ".slice"

#define U INT64_C(9223372036854771712)
#define MiB (INT64_C(1) << 20)
#define GiB (INT64_C(1) << 30)
#define UNK VAL_UNKNOWN

/* ---------------------------------------------------------------- helpers */

static const struct cgroup_row *row_at(struct cgroup_tree *t, const char *path)
{
	size_t n;
	struct cgroup_tree_entry *e = cgroup_tree_entries(t, &n);
	int i = cgroup_tree_find(t, path);
	ck_assert_msg(i >= 0, "cgroup %s not found", path);
	ck_assert_uint_lt((size_t)i, n);
	ck_assert_str_eq(e[i].row.path, path);
	return &e[i].row;
}

/* Tree order: root first, parents before children, depth = parent's + 1, a child's path
 * is its parent's plus one component, siblings in strcmp order, and a subtree is contiguous. */
static void check_tree_order(struct cgroup_tree *t)
{
	size_t n;
	struct cgroup_tree_entry *e = cgroup_tree_entries(t, &n);
	ck_assert_uint_gt(n, 0);
	ck_assert_str_eq(e[0].row.path, "/");
	ck_assert_int_eq(e[0].row.depth, 0);
	ck_assert_int_eq(e[0].row.parent, -1);
	for (size_t i = 1; i < n; i++) {
		const struct cgroup_row *r = &e[i].row;
		ck_assert_int_ge(r->parent, 0);
		ck_assert_int_lt(r->parent, (int)i);
		const struct cgroup_row *p = &e[r->parent].row;
		ck_assert_int_eq(r->depth, p->depth + 1);
		size_t pl = strcmp(p->path, "/") == 0 ? 0 : strlen(p->path);
		ck_assert_msg(strncmp(r->path, p->path, pl) == 0 && r->path[pl] == '/' && !strchr(r->path + pl + 1, '/'),
			      "%s is not a child of %s", r->path, p->path);
		/* every row between the parent and this one is a descendant of the parent */
		for (int k = r->parent + 1; k < (int)i; k++) {
			int a = k;
			while (a > r->parent)
				a = e[a].row.parent;
			ck_assert_msg(a == r->parent, "%s breaks the subtree of %s", e[k].row.path, p->path);
		}
		/* the previous sibling sorts before this one */
		for (int k = (int)i - 1; k > r->parent; k--)
			if (e[k].row.parent == r->parent) {
				ck_assert_msg(strcmp(e[k].row.path, r->path) < 0, "%s before %s", e[k].row.path,
					      r->path);
				break;
			}
		ck_assert_int_eq(r->version, e[0].row.version);
		ck_assert_ptr_nonnull(r->name);
	}
	/* find() agrees with every entry */
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(cgroup_tree_find(t, e[i].row.path), (int)i);
}

/* The rows of the tree with effective limits, as the snapshot computes them. */
static struct cgroup_row *rows_with_effective(struct cgroup_tree *t, size_t *n)
{
	struct cgroup_tree_entry *e = cgroup_tree_entries(t, n);
	struct cgroup_row *rows = calloc(*n ? *n : 1, sizeof(*rows));
	ck_assert_ptr_nonnull(rows);
	for (size_t i = 0; i < *n; i++)
		rows[i] = e[i].row;
	cgroup_tree_effective_limits(rows, *n);
	return rows;
}

static int64_t eff_of(struct cgroup_tree *t, const struct cgroup_row *rows, const char *path)
{
	int i = cgroup_tree_find(t, path);
	ck_assert_int_ge(i, 0);
	return rows[i].effective_limit_bytes;
}

/* ---------------------------------------------------------------- parsers */

START_TEST(parse_limit_values)
{
	ck_assert(!val_known(cgroup_value_parse_limit("max\n")));
	ck_assert(!val_known(cgroup_value_parse_limit("9223372036854771712\n"))); /* v1 unlimited, 4k pages */
	ck_assert(!val_known(cgroup_value_parse_limit("9223372036854775807\n"))); /* 64k-page kernels: LONG_MAX */
	ck_assert(!val_known(cgroup_value_parse_limit("4611686018427387904\n"))); /* 2^62 */
	ck_assert_int_eq(cgroup_value_parse_limit("4611686018427387903\n"), INT64_C(4611686018427387903));
	ck_assert_int_eq(cgroup_value_parse_limit("536870912\n"), 512 * MiB);
	ck_assert_int_eq(cgroup_value_parse_limit("0\n"), 0); /* a real (if cruel) limit */
	ck_assert(!val_known(cgroup_value_parse_limit("")));
	ck_assert(!val_known(cgroup_value_parse_limit("garbage\n")));
	ck_assert(!val_known(cgroup_value_parse_limit("-1\n")));
}
END_TEST

START_TEST(parse_keyed_values)
{
	const char *events = "low 0\nhigh 17\nmax 12\noom 3\noom_kill 2\noom_group_kill 0\n";
	ck_assert_int_eq(cgroup_value_parse_keyed(events, "oom_kill"), 2);
	ck_assert_int_eq(cgroup_value_parse_keyed(events, "oom"), 3);
	ck_assert_int_eq(cgroup_value_parse_keyed(events, "high"), 17);
	ck_assert_int_eq(cgroup_value_parse_keyed(events, "low"), 0);
	ck_assert(!val_known(cgroup_value_parse_keyed(events, "oom_kil")));
	/* v1: oom_kill_disable must not be read as oom_kill */
	ck_assert_int_eq(cgroup_value_parse_keyed("oom_kill_disable 1\nunder_oom 0\noom_kill 9\n", "oom_kill"), 9);
	/* 4.12 and older memory.oom_control: no oom_kill line */
	ck_assert(!val_known(cgroup_value_parse_keyed("oom_kill_disable 0\nunder_oom 0\n", "oom_kill")));
	ck_assert(!val_known(cgroup_value_parse_keyed("", "oom_kill")));
	ck_assert(!val_known(cgroup_value_parse_keyed("oom_kill x\n", "oom_kill")));
}
END_TEST

START_TEST(effective_limits_by_hand)
{
	/* / (none) > a (1G) > a/b (4G) > a/b/c (none); / > d (none) > d/e (2M) */
	struct cgroup_row r[6] = {
		{.path = "/", .parent = -1, .limit_bytes = UNK},
		{.path = "/a", .parent = 0, .limit_bytes = GiB},
		{.path = "/a/b", .parent = 1, .limit_bytes = 4 * GiB},
		{.path = "/a/b/c", .parent = 2, .limit_bytes = UNK},
		{.path = "/d", .parent = 0, .limit_bytes = UNK},
		{.path = "/d/e", .parent = 4, .limit_bytes = 2 * MiB},
	};
	for (size_t i = 0; i < 6; i++)
		r[i].effective_limit_bytes = 12345; /* must be overwritten */
	cgroup_tree_effective_limits(r, 6);
	ck_assert(!val_known(r[0].effective_limit_bytes));
	ck_assert_int_eq(r[1].effective_limit_bytes, GiB);
	ck_assert_int_eq(r[2].effective_limit_bytes, GiB);
	ck_assert_int_eq(r[3].effective_limit_bytes, GiB);
	ck_assert(!val_known(r[4].effective_limit_bytes));
	ck_assert_int_eq(r[5].effective_limit_bytes, 2 * MiB);
}
END_TEST

/* ---------------------------------------------------------------- names */

static void check_name(const char *path, const char *want)
{
	char out[128];
	cgroup_name_readable(path, out, sizeof(out));
	ck_assert_msg(strcmp(out, want) == 0, "%s: got '%s', want '%s'", path, out, want);
}

START_TEST(readable_names)
{
	check_name("/", "/");
	check_name("", "/");
	check_name("/system.slice/nas-agent.service", "nas-agent.service");
	check_name("/system.slice/nas-agent.service/", "nas-agent.service");
	check_name("/system.slice", "system.slice");
	check_name("/user.slice/user-1000.slice/session-3.scope", "session-3.scope");
	check_name("/docker/" D1, "docker 2e088fe462e2");
	check_name("/system.slice/docker-" D1 ".scope", "docker 2e088fe462e2");
	check_name("/machine.slice/libpod-" P1 ".scope", "podman c0ffee001122");
	check_name("/system.slice/containerd.service/cri-containerd-" K1 ".scope", "containerd 9f8e7d6c5b4a");
	check_name("/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" UID1 ".slice/crio-" K1
		   ".scope",
		   "cri-o 9f8e7d6c5b4a");
	check_name(POD_SLICE, "pod 1b2c3d4e");
	check_name("/kubepods.slice/kubepods-pod" UID1 ".slice", "pod 1b2c3d4e");
	check_name("/kubepods.slice/kubepods-burstable.slice", "kubepods-burstable.slice");
	check_name("/kubepods/burstable/pod" UIDK, "pod 8a7b6c5d");
	check_name("/kubepods/burstable/pod" UIDK "/" K1, "container 9f8e7d6c5b4a");
	check_name("/lxc.payload.web", "lxc web");
	/* near misses stay as they are */
	check_name("/system.slice/docker-notahexid.scope", "docker-notahexid.scope");
	check_name("/system.slice/docker.service", "docker.service");
	check_name("/docker", "docker");
	check_name("/system.slice/libpod-conmon-" P1 ".scope", "libpod-conmon-" P1 ".scope");
	check_name("/podcast.slice", "podcast.slice");
}
END_TEST

START_TEST(readable_name_truncates_safely)
{
	char out[8];
	memset(out, 'Z', sizeof(out));
	cgroup_name_readable("/system.slice/nas-agent.service", out, sizeof(out));
	ck_assert_str_eq(out, "nas-age");
	char one[1] = {'Z'};
	cgroup_name_readable("/x", one, sizeof(one));
	ck_assert_int_eq(one[0], '\0');
}
END_TEST

/* ---------------------------------------------------------------- v2 tree */

START_TEST(tree_v2_fixture)
{
	struct cgroup_tree *t = cgroup_tree_new(FX_V2, 2);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(cgroup_tree_refresh(t, 1000), 0);
	size_t n;
	struct cgroup_tree_entry *e = cgroup_tree_entries(t, &n);
	static const char *const order[] = {
		"/",
		"/kubepods.slice",
		"/kubepods.slice/kubepods-burstable.slice",
		POD_SLICE,
		POD_SLICE "/cri-containerd-" K1 ".scope",
		"/machine.slice",
		"/machine.slice/libpod-" P1 ".scope",
		"/system.slice",
		"/system.slice/docker-" D1 ".scope",
		"/system.slice/limited.slice",
		"/system.slice/limited.slice/worker.service",
		"/system.slice/limited.slice/worker.service/job",
		"/system.slice/nas-agent.service",
		"/user.slice",
		"/user.slice/user-1000.slice",
	};
	ck_assert_uint_eq(n, sizeof(order) / sizeof(order[0]));
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(e[i].row.path, order[i]);
	check_tree_order(t);
	ck_assert_int_eq(e[4].row.depth, 4);
	ck_assert_int_eq(e[4].row.parent, 3);
	ck_assert_int_eq(e[12].row.parent, 7);
	ck_assert_int_eq(e[13].row.parent, 0);

	/* the root: no memory.current/memory.max (as on real v2 roots), PSI present */
	const struct cgroup_row *r = row_at(t, "/");
	ck_assert_int_eq(r->version, 2);
	ck_assert(!val_known(r->usage_bytes));
	ck_assert(!val_known(r->limit_bytes));
	ck_assert_double_eq_tol(r->psi_some_avg10, 0.25, 1e-9);
	ck_assert_str_eq(r->name, "/");

	r = row_at(t, "/system.slice/nas-agent.service");
	ck_assert_int_eq(r->usage_bytes, 215040000);
	ck_assert_int_eq(r->limit_bytes, 512 * MiB);
	ck_assert_int_eq(r->high_bytes, 384 * MiB);
	ck_assert_int_eq(r->swap_bytes, 4096);
	ck_assert_int_eq(r->oom_kills, 2);
	ck_assert_double_eq_tol(r->psi_some_avg10, 1.5, 1e-9);
	ck_assert_str_eq(r->name, "nas-agent.service");
	ck_assert(isnan(r->usage_slope.per_s));
	ck_assert(isnan(r->eta_to_limit_s));

	r = row_at(t, "/system.slice");
	ck_assert_int_eq(r->usage_bytes, GiB);
	ck_assert(!val_known(r->limit_bytes)); /* "max" */
	ck_assert(!val_known(r->high_bytes));  /* "max" */
	ck_assert_int_eq(r->swap_bytes, 0);
	ck_assert_int_eq(r->oom_kills, 0);
	ck_assert_double_eq_tol(r->psi_some_avg10, 0.0, 1e-9);

	/* a cgroup with none of the files: everything unknown, nothing 0 */
	r = row_at(t, "/user.slice/user-1000.slice");
	ck_assert(!val_known(r->usage_bytes));
	ck_assert(!val_known(r->limit_bytes));
	ck_assert(!val_known(r->high_bytes));
	ck_assert(!val_known(r->swap_bytes));
	ck_assert(!val_known(r->oom_kills));
	ck_assert(isnan(r->psi_some_avg10));
	ck_assert_str_eq(r->name, "user-1000.slice");

	r = row_at(t, POD_SLICE "/cri-containerd-" K1 ".scope");
	ck_assert_int_eq(r->oom_kills, 3);
	ck_assert_double_eq_tol(r->psi_some_avg10, 2.0, 1e-9);
	ck_assert_str_eq(r->name, "containerd 9f8e7d6c5b4a");
	ck_assert_str_eq(row_at(t, POD_SLICE)->name, "pod 1b2c3d4e");
	ck_assert_str_eq(row_at(t, "/machine.slice/libpod-" P1 ".scope")->name, "podman c0ffee001122");
	ck_assert_str_eq(row_at(t, "/system.slice/docker-" D1 ".scope")->name, "docker 2e088fe462e2");

	/* effective limits: the tightest on the path */
	struct cgroup_row *rows = rows_with_effective(t, &n);
	ck_assert(!val_known(eff_of(t, rows, "/")));
	ck_assert(!val_known(eff_of(t, rows, "/system.slice")));
	ck_assert_int_eq(eff_of(t, rows, "/system.slice/nas-agent.service"), 512 * MiB);
	ck_assert_int_eq(eff_of(t, rows, "/system.slice/limited.slice"), GiB);
	ck_assert_int_eq(eff_of(t, rows, "/system.slice/limited.slice/worker.service"), GiB); /* own: 4G */
	ck_assert_int_eq(eff_of(t, rows, "/system.slice/limited.slice/worker.service/job"), GiB);
	ck_assert_int_eq(eff_of(t, rows, "/kubepods.slice/kubepods-burstable.slice"), 2 * GiB);
	ck_assert_int_eq(eff_of(t, rows, POD_SLICE), 1536 * MiB);
	ck_assert_int_eq(eff_of(t, rows, POD_SLICE "/cri-containerd-" K1 ".scope"), 1536 * MiB);
	ck_assert(!val_known(eff_of(t, rows, "/user.slice/user-1000.slice")));
	free(rows);

	/* find: exact paths only */
	ck_assert_int_eq(cgroup_tree_find(t, "/system.slice/"), -1);
	ck_assert_int_eq(cgroup_tree_find(t, "/system"), -1);
	ck_assert_int_eq(cgroup_tree_find(t, "/nope"), -1);
	ck_assert_int_eq(cgroup_tree_find(t, ""), -1);
	cgroup_tree_free(t);
}
END_TEST

/* ---------------------------------------------------------------- v1 tree */

START_TEST(tree_v1_fixture)
{
	struct cgroup_tree *t = cgroup_tree_new(FX_V1, 1);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(cgroup_tree_refresh(t, 1000), 0);
	size_t n;
	struct cgroup_tree_entry *e = cgroup_tree_entries(t, &n);
	static const char *const order[] = {
		"/",
		"/docker",
		"/docker/" D1,
		"/docker/" D2,
		"/kubepods",
		"/kubepods/burstable",
		"/kubepods/burstable/pod" UIDK,
		"/kubepods/burstable/pod" UIDK "/" K1,
		"/process_api",
		"/process_api/aa92a4bb5bc085bcc5a5ecf987516281",
		"/system.slice",
		"/system.slice/nas-agent.service",
		"/user.slice",
	};
	ck_assert_uint_eq(n, sizeof(order) / sizeof(order[0]));
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(e[i].row.path, order[i]);
	check_tree_order(t);

	const struct cgroup_row *r = row_at(t, "/");
	ck_assert_int_eq(r->version, 1);
	ck_assert_int_eq(r->usage_bytes, 5000000000);
	ck_assert(!val_known(r->limit_bytes)); /* 9223372036854771712 */
	ck_assert_int_eq(r->swap_bytes, 100000000);
	ck_assert_int_eq(r->oom_kills, 4);
	ck_assert(!val_known(r->high_bytes)); /* v1 has no high */
	ck_assert(isnan(r->psi_some_avg10));  /* nor PSI */

	r = row_at(t, "/docker/" D1);
	ck_assert_int_eq(r->usage_bytes, 100 * MiB);
	ck_assert_int_eq(r->limit_bytes, 256 * MiB);
	ck_assert_int_eq(r->swap_bytes, 110000000 - 100 * MiB);
	ck_assert_int_eq(r->oom_kills, 1);
	ck_assert_str_eq(r->name, "docker 2e088fe462e2");
	ck_assert_str_eq(row_at(t, "/docker/" D2)->name, "docker 7b3f0c1e9a8d");

	/* swap accounting off (no memsw file), 4.12-style oom_control missing: unknown */
	r = row_at(t, "/system.slice/nas-agent.service");
	ck_assert_int_eq(r->usage_bytes, 215040000);
	ck_assert(!val_known(r->limit_bytes));
	ck_assert(!val_known(r->swap_bytes));
	ck_assert(!val_known(r->oom_kills));

	r = row_at(t, "/user.slice");
	ck_assert(!val_known(r->usage_bytes));
	ck_assert(!val_known(r->limit_bytes));
	ck_assert(!val_known(r->swap_bytes));
	ck_assert(!val_known(r->oom_kills));

	ck_assert_str_eq(row_at(t, "/kubepods/burstable/pod" UIDK)->name, "pod 8a7b6c5d");
	ck_assert_str_eq(row_at(t, "/kubepods/burstable/pod" UIDK "/" K1)->name, "container 9f8e7d6c5b4a");
	ck_assert_int_eq(row_at(t, "/process_api/aa92a4bb5bc085bcc5a5ecf987516281")->oom_kills, 2);

	struct cgroup_row *rows = rows_with_effective(t, &n);
	ck_assert(!val_known(eff_of(t, rows, "/")));
	ck_assert(!val_known(eff_of(t, rows, "/docker")));
	ck_assert_int_eq(eff_of(t, rows, "/docker/" D1), 256 * MiB);
	ck_assert(!val_known(eff_of(t, rows, "/docker/" D2)));
	ck_assert_int_eq(eff_of(t, rows, "/process_api/aa92a4bb5bc085bcc5a5ecf987516281"), GiB); /* own 2G */
	ck_assert_int_eq(eff_of(t, rows, "/kubepods/burstable/pod" UIDK "/" K1), 512 * MiB);
	free(rows);
	cgroup_tree_free(t);
}
END_TEST

START_TEST(tree_hybrid_fixture)
{
	/* hybrid: the memory controller is on the v1 hierarchy; read it as v1 */
	struct cgroup_tree *t = cgroup_tree_new(FX_HYBRID "/memory", 1);
	ck_assert_int_eq(cgroup_tree_refresh(t, 1), 0);
	size_t n;
	cgroup_tree_entries(t, &n);
	ck_assert_uint_eq(n, 5);
	check_tree_order(t);
	ck_assert_int_eq(row_at(t, "/process_api")->limit_bytes, GiB);
	ck_assert_int_eq(row_at(t, "/system.slice/nas-agent.service")->depth, 2);
	cgroup_tree_free(t);
}
END_TEST

START_TEST(tree_missing_mount)
{
	struct cgroup_tree *t = cgroup_tree_new(FIXTURES "/cgroup/does-not-exist", 2);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(cgroup_tree_refresh(t, 1), -ENOENT);
	size_t n = 99;
	cgroup_tree_entries(t, &n);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(cgroup_tree_find(t, "/"), -1);
	cgroup_tree_free(t);
}
END_TEST

/* ---------------------------------------------------------------- refresh over time */

/* Pages move between the active and inactive lists without usage moving (a cgroup that
 * reads its cache again): a cgroup with a limit of its own re-reads memory.stat every
 * refresh, so its working set (what its ETA comes from) follows at once; one without a
 * limit keeps the last breakdown until usage moves or its turn comes. */
START_TEST(limited_cgroups_read_their_breakdown_every_refresh)
{
	char tmp[] = "/tmp/oomtop-cgstat-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	char root[PATH_MAX], p[PATH_MAX * 2];
	snprintf(root, sizeof(root), "%s/v2", tmp);
	fxtree_copy(FX_V2, root);
	const char *nas = "/system.slice/nas-agent.service"; /* memory.max 512 MiB */
	snprintf(p, sizeof(p), "%s/system.slice/memory.stat", root); /* no limit of its own */
	fxtree_write(NULL, p, "anon 1000000\nfile 50000000\ninactive_file 40000000\nshmem 0\n");

	struct cgroup_tree *t = cgroup_tree_new(root, 2);
	ck_assert_int_eq(cgroup_tree_refresh(t, 1000), 0);
	ck_assert_int_eq(row_at(t, nas)->working_set_bytes, 215040000 - 17203200);
	ck_assert_int_eq(row_at(t, "/system.slice")->working_set_bytes, 1073741824 - 40000000);

	/* the cache is read again: most of it turns active, usage stays */
	snprintf(p, sizeof(p), "%s%s/memory.stat", root, nas);
	char *stat = util_slurp(p, NULL);
	ck_assert_ptr_nonnull(stat);
	char *at = strstr(stat, "inactive_file 17203200");
	ck_assert_ptr_nonnull(at);
	memcpy(at, "inactive_file 00001024", strlen("inactive_file 17203200"));
	fxtree_write(NULL, p, stat);
	free(stat);
	snprintf(p, sizeof(p), "%s/system.slice/memory.stat", root);
	fxtree_write(NULL, p, "anon 1000000\nfile 50000000\ninactive_file 1024\nshmem 0\n");

	ck_assert_int_eq(cgroup_tree_refresh(t, 2000), 0);
	ck_assert_int_eq(row_at(t, nas)->working_set_bytes, 215040000 - 1024);
	ck_assert_int_eq(row_at(t, "/system.slice")->working_set_bytes, 1073741824 - 40000000);

	cgroup_tree_free(t);
	fxtree_remove(tmp);
}
END_TEST

static void collect_pid(void *ctx, pid_t pid)
{
	char *out = ctx;
	snprintf(out + strlen(out), 256 - strlen(out), "%d,", (int)pid);
}

START_TEST(procs_parse_and_who_is_where)
{
	char got[256] = "";
	cgroup_procs_parse("1\n212\n8127\n", collect_pid, got);
	ck_assert_str_eq(got, "1,212,8127,");
	got[0] = '\0';
	/* not pids: skipped, the rest still read; no newline at the end */
	cgroup_procs_parse("\n0\nx12\n12x\n-5\n99999999999\n7\n 8\n30", collect_pid, got);
	ck_assert_str_eq(got, "7,30,");
	got[0] = '\0';
	cgroup_procs_parse("", collect_pid, got);
	ck_assert_str_eq(got, "");

	/* a tree: the root's own, two children; 500 listed twice (v1: threads of one
	 * process in two cgroups): answered by none; a cgroup without the file skipped */
	char root[PATH_MAX];
	fxtree_make(root, sizeof(root), "procs");
	fxtree_write(root, "cgroup.procs", "1\n2\n500\n");
	fxtree_write(root, "system.slice/cgroup.procs", "300\n301\n");
	fxtree_write(root, "user.slice/app/cgroup.procs", "400\n500\n");
	fxtree_write(root, "gone/memory.current", "0\n");
	const char *paths[] = {"/", "/system.slice", "/user.slice/app", "/gone"};
	struct cgroup_procs *m = cgroup_procs_new();
	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(cgroup_procs_read(m, root, paths, 4), 0);
	ck_assert_str_eq(cgroup_procs_find(m, 1), "/");
	ck_assert_str_eq(cgroup_procs_find(m, 2), "/");
	ck_assert_str_eq(cgroup_procs_find(m, 300), "/system.slice");
	ck_assert_str_eq(cgroup_procs_find(m, 301), "/system.slice");
	ck_assert_str_eq(cgroup_procs_find(m, 400), "/user.slice/app");
	ck_assert_ptr_null(cgroup_procs_find(m, 500));
	ck_assert_ptr_null(cgroup_procs_find(m, 3));
	ck_assert_ptr_null(cgroup_procs_find(m, 999));
	/* read again: what moved is where it is now, what left is gone */
	fxtree_write(root, "system.slice/cgroup.procs", "301\n");
	fxtree_write(root, "user.slice/app/cgroup.procs", "300\n");
	ck_assert_int_eq(cgroup_procs_read(m, root, paths, 4), 0);
	ck_assert_str_eq(cgroup_procs_find(m, 300), "/user.slice/app");
	ck_assert_ptr_null(cgroup_procs_find(m, 400));
	ck_assert_str_eq(cgroup_procs_find(m, 500), "/"); /* listed once now */
	/* a root that lists many: the buffer grows */
	char big[200000] = "";
	size_t len = 0;
	for (int pid = 10000; pid < 30000; pid++)
		len += (size_t)snprintf(big + len, sizeof(big) - len, "%d\n", pid);
	fxtree_write(root, "cgroup.procs", big);
	ck_assert_int_eq(cgroup_procs_read(m, root, paths, 1), 0);
	ck_assert_str_eq(cgroup_procs_find(m, 10000), "/");
	ck_assert_str_eq(cgroup_procs_find(m, 29999), "/");
	ck_assert_ptr_null(cgroup_procs_find(m, 30000));
	cgroup_procs_free(m);
	fxtree_remove(root);
}
END_TEST

/* The descriptor limit under which exactly `k` descriptors are free (those open now at
 * lower numbers counted: Check's own may sit anywhere). */
static rlim_t limit_with_free(int k)
{
	bool used[4096] = {false};
	DIR *d = opendir("/proc/self/fd");
	ck_assert_ptr_nonnull(d);
	for (struct dirent *de; (de = readdir(d));) {
		int fd = atoi(de->d_name);
		if (de->d_name[0] != '.' && fd != dirfd(d) && fd < 4096)
			used[fd] = true;
	}
	closedir(d);
	int free_below = 0;
	for (int lim = 0; lim < 4096; lim++) {
		if (free_below == k)
			return (rlim_t)lim;
		free_below += !used[lim];
	}
	ck_abort_msg("no such limit");
	return 0;
}

/* With too few file descriptors (a tiny ulimit -n) the walk cannot open every directory:
 * what it could not read is counted, never silently missing; with enough again, all of it. */
START_TEST(a_walk_short_of_descriptors_counts_what_it_missed)
{
	struct cgroup_tree *t = cgroup_tree_new(FX_V2, 2);
	ck_assert_int_eq(cgroup_tree_refresh(t, 1000), 0);
	size_t all;
	cgroup_tree_entries(t, &all);
	ck_assert_uint_eq(cgroup_tree_unread(t), 0);

	struct rlimit old, low;
	ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &old), 0);
	low = old;
	low.rlim_cur = limit_with_free(1); /* the root opens, and nothing while it is open */
	ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &low), 0);
	int rc = cgroup_tree_refresh(t, 2000);
	size_t n, unread = cgroup_tree_unread(t);
	cgroup_tree_entries(t, &n);
	ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &old), 0);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_lt(n, all);
	ck_assert_uint_gt(unread, 0);

	ck_assert_int_eq(cgroup_tree_refresh(t, 3000), 0);
	cgroup_tree_entries(t, &n);
	ck_assert_uint_eq(n, all);
	ck_assert_uint_eq(cgroup_tree_unread(t), 0);
	cgroup_tree_free(t);
}
END_TEST

START_TEST(tree_refresh_follows_changes)
{
	char tmp[] = "/tmp/oomtop-cgtree-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	char root[PATH_MAX], p[PATH_MAX * 2];
	snprintf(root, sizeof(root), "%s/v2", tmp);
	fxtree_copy(FX_V2, root);

	struct cgroup_tree *t = cgroup_tree_new(root, 2);
	ck_assert_int_eq(cgroup_tree_refresh(t, 1000), 0);
	size_t n1;
	cgroup_tree_entries(t, &n1);
	ck_assert_uint_eq(n1, 15);
	check_tree_order(t);

	/* second refresh, nothing changed: same rows, same names */
	ck_assert_int_eq(cgroup_tree_refresh(t, 2000), 0);
	size_t n2;
	cgroup_tree_entries(t, &n2);
	ck_assert_uint_eq(n2, n1);
	check_tree_order(t);
	ck_assert_str_eq(row_at(t, "/system.slice/docker-" D1 ".scope")->name, "docker 2e088fe462e2");
	ck_assert_str_eq(row_at(t, POD_SLICE)->name, "pod 1b2c3d4e");
	ck_assert_str_eq(row_at(t, "/")->name, "/");

	/* the container goes away, a unit appears, a value changes */
	snprintf(p, sizeof(p), "%s/system.slice/docker-" D1 ".scope", root);
	fxtree_remove(p);
	snprintf(p, sizeof(p), "%s/system.slice/backup.service", root);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof(p), "%s/system.slice/backup.service/memory.current", root);
	fxtree_write(NULL, p, "4096\n");
	snprintf(p, sizeof(p), "%s/system.slice/backup.service/memory.max", root);
	fxtree_write(NULL, p, "8192\n");
	snprintf(p, sizeof(p), "%s/system.slice/nas-agent.service/memory.current", root);
	fxtree_write(NULL, p, "300000000\n");

	ck_assert_int_eq(cgroup_tree_refresh(t, 3000), 0);
	size_t n3;
	struct cgroup_tree_entry *e = cgroup_tree_entries(t, &n3);
	ck_assert_uint_eq(n3, 15);
	check_tree_order(t);
	ck_assert_int_eq(cgroup_tree_find(t, "/system.slice/docker-" D1 ".scope"), -1);
	int b = cgroup_tree_find(t, "/system.slice/backup.service");
	ck_assert_int_ge(b, 0);
	ck_assert_int_eq(e[b].row.parent, cgroup_tree_find(t, "/system.slice"));
	ck_assert_int_eq(e[b].row.depth, 2);
	ck_assert_int_eq(e[b].row.usage_bytes, 4096);
	ck_assert_int_eq(e[b].row.limit_bytes, 8192);
	ck_assert_str_eq(e[b].row.name, "backup.service");
	/* backup.service sorts first among system.slice's children now */
	ck_assert_int_eq(b, cgroup_tree_find(t, "/system.slice") + 1);
	ck_assert_int_eq(row_at(t, "/system.slice/nas-agent.service")->usage_bytes, 300000000);
	/* names survive a third generation (they are carried over, not re-derived once) */
	ck_assert_str_eq(row_at(t, "/system.slice/nas-agent.service")->name, "nas-agent.service");
	ck_assert_str_eq(row_at(t, POD_SLICE "/cri-containerd-" K1 ".scope")->name, "containerd 9f8e7d6c5b4a");
	ck_assert_int_eq(cgroup_tree_refresh(t, 4000), 0);
	ck_assert_str_eq(row_at(t, "/system.slice/backup.service")->name, "backup.service");
	ck_assert_str_eq(row_at(t, "/machine.slice/libpod-" P1 ".scope")->name, "podman c0ffee001122");

	/* the whole hierarchy vanishes: an error, and the last good rows stay readable */
	fxtree_remove(root);
	ck_assert_int_eq(cgroup_tree_refresh(t, 5000), -ENOENT);
	size_t n5;
	cgroup_tree_entries(t, &n5);
	ck_assert_uint_eq(n5, 15);
	ck_assert_str_eq(row_at(t, "/system.slice/backup.service")->name, "backup.service");

	cgroup_tree_free(t);
	fxtree_remove(tmp);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cgroups");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, parse_limit_values);
	tcase_add_test(tc, parse_keyed_values);
	tcase_add_test(tc, effective_limits_by_hand);
	tcase_add_test(tc, readable_names);
	tcase_add_test(tc, readable_name_truncates_safely);
	suite_add_tcase(s, tc);
	tc = tcase_create("tree");
	tcase_add_test(tc, tree_v2_fixture);
	tcase_add_test(tc, tree_v1_fixture);
	tcase_add_test(tc, tree_hybrid_fixture);
	tcase_add_test(tc, tree_missing_mount);
	tcase_add_test(tc, tree_refresh_follows_changes);
	tcase_add_test(tc, limited_cgroups_read_their_breakdown_every_refresh);
	tcase_add_test(tc, procs_parse_and_who_is_where);
	tcase_add_test(tc, a_walk_short_of_descriptors_counts_what_it_missed);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
