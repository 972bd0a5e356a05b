/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_smaps.c — /proc/PID/smaps_rollup and smaps → proc_smaps_parse
 * (core/proc/smaps.c). */
#include "config.h"

#include <errno.h>

#include "core/model.h"
#include "core/proc/smaps.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	struct proc_smaps m;
	int rc = proc_smaps_parse(buf, &m);
	FUZZ_CHECK(rc == 0 || rc == -EINVAL);
	FUZZ_CHECK((rc == 0) == val_known(m.pss_bytes));
	/* sizes in bytes: whole KiB, never negative (sums saturate) */
	int64_t v[] = {m.rss_bytes,       m.pss_bytes,  m.pss_anon_bytes, m.pss_file_bytes,
		       m.pss_shmem_bytes, m.swap_bytes, m.swap_pss_bytes};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		FUZZ_CHECK(!val_known(v[i]) || v[i] >= 0);
	free(buf);
	return 0;
}
