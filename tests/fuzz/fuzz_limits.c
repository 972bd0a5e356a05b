/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_limits.c — /proc/PID/limits → proc_limits_parse (core/proc/limits.c). */
#include "config.h"

#include <errno.h>

#include "core/model.h"
#include "core/proc/limits.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	struct proc_limits l;
	int rc = proc_limits_parse(buf, &l);
	FUZZ_CHECK(rc == 0 || rc == -EINVAL);
	if (rc == 0) {
		/* values are counts, never negative; unknown only past INT64_MAX */
		FUZZ_CHECK(!val_known(l.nofile_soft) || l.nofile_soft >= 0);
		FUZZ_CHECK(!val_known(l.nofile_hard) || l.nofile_hard >= 0);
		int64_t lim = proc_limits_fd_limit(&l);
		FUZZ_CHECK(!val_known(lim) || (lim >= 0 && lim != PROC_LIMITS_UNLIMITED));
	} else {
		FUZZ_CHECK(!val_known(l.nofile_soft) && !val_known(l.nofile_hard));
	}
	free(buf);
	return 0;
}
