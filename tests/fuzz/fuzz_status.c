/* tests/fuzz/fuzz_status.c — /proc/PID/status → status_parse (core/proc_parse.c). */
#include "config.h"

#include "core/model.h"
#include "core/proc/parse.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	struct proc_sample s;
	if (status_parse(buf, &s) == 0) {
		FUZZ_CHECK(val_known(s.threads));
		FUZZ_CHECK(s.state == '?' || (s.state >= 'A' && s.state <= 'Z'));
	}
	free(buf);
	return 0;
}
