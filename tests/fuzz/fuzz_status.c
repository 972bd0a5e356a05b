/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_status.c — /proc/PID/status → proc_status_parse, and the effective uid
 * and capabilities the oom_score_adj writer reads from the same file (core/proc/status.c). */
#include "config.h"

#include <errno.h>

#include "core/model.h"
#include "core/proc/status.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	struct proc_status s;
	if (proc_status_parse(buf, &s) == 0) {
		FUZZ_CHECK(val_known(s.threads));
		FUZZ_CHECK(s.state == '?' || (s.state >= 'A' && s.state <= 'Z'));
	}
	uid_t euid = 12345;
	int r = proc_status_parse_euid(buf, &euid);
	FUZZ_CHECK(r == 0 || (r == -EINVAL && euid == 12345));
	uint64_t cap = 7;
	r = proc_status_parse_capeff(buf, &cap);
	FUZZ_CHECK(r == 0 || (r == -EINVAL && cap == 7));
	free(buf);
	return 0;
}
