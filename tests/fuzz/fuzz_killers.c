/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_killers.c — any bytes, split at newlines, fed line by line to the three
 * user-space killers' parsers (core/klog/killer_earlyoom.c, killer_oomd.c,
 * killer_nohang.c). Properties: a kill names a positive pid or none, a kill of
 * systemd-oomd names a cgroup or says why not, every string is NUL-terminated within its
 * buffer. */
#include "config.h"

#include <string.h>

#include "core/klog/killer_earlyoom.h"
#include "core/klog/killer_nohang.h"
#include "core/klog/killer_oomd.h"
#include "tests/fuzz/fuzz.h"

static void check_step(const struct killer_step *st)
{
	FUZZ_CHECK(st->pid >= 0);
	FUZZ_CHECK(memchr(st->comm, '\0', sizeof(st->comm)) != NULL);
	FUZZ_CHECK(memchr(st->cgroup, '\0', sizeof(st->cgroup)) != NULL);
	FUZZ_CHECK(memchr(st->reason, '\0', sizeof(st->reason)) != NULL);
	FUZZ_CHECK(st->kind >= KILLER_STEP_NONE && st->kind <= KILLER_STEP_DONE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	struct killer_earlyoom eo;
	struct killer_nohang nh;
	killer_earlyoom_init(&eo);
	killer_nohang_init(&nh);
	for (char *line = buf, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		struct killer_step st;
		killer_earlyoom_feed(&eo, line, &st);
		check_step(&st);
		if (st.kind == KILLER_STEP_KILL)
			FUZZ_CHECK(st.pid > 0);
		killer_oomd_feed(line, &st);
		check_step(&st);
		if (st.kind == KILLER_STEP_KILL)
			FUZZ_CHECK(st.done && st.pid == 0 && (st.cgroup[0] == '/' || strstr(st.reason, "under")));
		killer_nohang_feed(&nh, line, &st);
		check_step(&st);
		FUZZ_CHECK(memchr(eo.trigger, '\0', sizeof(eo.trigger)) != NULL);
	}
	free(buf);
	return 0;
}
