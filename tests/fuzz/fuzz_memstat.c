/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_memstat.c — the memory breakdown parsers: a cgroup's memory.stat read as
 * v1 and as v2 (core/cgroup/stat.c) and ZFS arcstats (core/sys/arcstats.c), with the
 * working set and the ARC's reclaimable part computed from what they return. Seeds: the
 * real files of tests/fixtures/{memstat,arcstats} and tests/fuzz/seeds/memstat/. */
#include "config.h"

#include <errno.h>

#include "core/cgroup/stat.h"
#include "core/model.h"
#include "core/sys/arcstats.h"
#include "tests/fuzz/fuzz.h"

static bool byte_count(int64_t v) { return !val_known(v) || v >= 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	for (int version = 1; version <= 2; version++) {
		struct cgroup_stat st;
		int r = cgroup_stat_parse(buf, version, &st);
		FUZZ_CHECK(r == 0 || r == -EINVAL);
		const int64_t f[] = {st.anon_bytes, st.file_bytes, st.file_inactive_bytes,
				     st.shmem_bytes, st.kernel_bytes, st.sock_bytes};
		for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
			FUZZ_CHECK(byte_count(f[i]));
			FUZZ_CHECK(r == 0 || !val_known(f[i])); /* not a memory.stat: nothing known */
		}
		if (version == 1)
			FUZZ_CHECK(!val_known(st.kernel_bytes) && !val_known(st.sock_bytes));
		int64_t usage = (int64_t)size * 4096;
		int64_t ws = cgroup_stat_working_set(usage, st.file_inactive_bytes);
		FUZZ_CHECK(val_known(ws) == val_known(st.file_inactive_bytes));
		FUZZ_CHECK(!val_known(ws) || (ws >= 0 && ws <= usage));
	}
	int64_t arc_size, c_min;
	int r = arcstats_parse(buf, &arc_size, &c_min);
	FUZZ_CHECK(r == 0 || r == -EINVAL);
	FUZZ_CHECK(byte_count(arc_size) && byte_count(c_min));
	FUZZ_CHECK(r != 0 || (val_known(arc_size) && val_known(c_min)));
	int64_t rec = arcstats_reclaimable(arc_size, c_min);
	FUZZ_CHECK(val_known(rec) == (r == 0));
	FUZZ_CHECK(!val_known(rec) || (rec >= 0 && rec <= arc_size));
	free(buf);
	return 0;
}
