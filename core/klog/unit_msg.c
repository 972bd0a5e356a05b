/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/unit_msg.h"

#include <stdio.h>
#include <string.h>

#include "core/base/scan.h"

#define ID_OOM_KILLED "fe6faa94e7774663a0da52717891d8ef"  /* SD_MESSAGE_UNIT_OUT_OF_MEMORY */
#define ID_OOMD_KILLED "d989611b15e44c9dbf31e3c81256e4ed" /* SD_MESSAGE_UNIT_OOMD_KILL */
#define ID_UNIT_RESULT "d9b373ed55a64feb8242e02dbe79a49c" /* SD_MESSAGE_UNIT_FAILURE_RESULT */

static bool id_is(const char *id, const char *want) { return id && strcmp(id, want) == 0; }

bool unit_msg_parse(const struct unit_msg_fields *f, struct unit_msg *out)
{
	memset(out, 0, sizeof(*out));
	out->nprocs = -1;
	const char *msg = f->message ? f->message : "";
	const char *colon = strstr(msg, ": ");
	const char *body = msg;
	if (colon && unit_name_valid(msg, (size_t)(colon - msg))) {
		snprintf(out->unit, sizeof(out->unit), "%.*s", (int)(colon - msg), msg);
		body = colon + 2;
	}
	if (f->unit && unit_name_valid(f->unit, strlen(f->unit)))
		snprintf(out->unit, sizeof(out->unit), "%s", f->unit);
	if (!out->unit[0])
		return false;

	/* x.service: A process of this unit has been killed by the OOM killer. */
	if (id_is(f->message_id, ID_OOM_KILLED) ||
	    scan_starts(body, "A process of this unit has been killed by the OOM killer")) {
		out->kind = UNIT_MSG_OOM_KILLED;
		return true;
	}
	/* app-kitty-47f7.scope: systemd-oomd killed 65 process(es) in this unit.
	 * x.service: systemd-oomd killed some process(es) in this unit.       (count unknown) */
	if (id_is(f->message_id, ID_OOMD_KILLED) || scan_starts(body, "systemd-oomd killed ")) {
		const char *p = body + 20;
		long long n = 0;
		int used = 0;
		if (scan_starts(body, "systemd-oomd killed ") &&
		    sscanf(p, "%lld process%n", &n, &used) == 1 && used > 0 && n >= 0)
			out->nprocs = n;
		if (id_is(f->message_id, ID_OOMD_KILLED) || strstr(p, "process(es) in this unit")) {
			out->kind = UNIT_MSG_OOMD_KILLED;
			return true;
		}
	}
	/* x.service: Failed with result 'oom-kill'. */
	if ((id_is(f->message_id, ID_UNIT_RESULT) && f->unit_result &&
	     strcmp(f->unit_result, "oom-kill") == 0) ||
	    scan_starts(body, "Failed with result 'oom-kill'")) {
		out->kind = UNIT_MSG_RESULT_OOM;
		return true;
	}
	/* x.service: Main process exited, code=killed, status=9/KILL
	 * x.service: main process exited, code=killed, status=9/KILL             (systemd < 220) */
	if (scan_starts(body, "Main process exited, code=killed, status=") ||
	    scan_starts(body, "main process exited, code=killed, status=")) {
		int sig = 0;
		if (sscanf(body + 41, "%d", &sig) == 1 && sig > 0 && sig < 128) {
			out->kind = UNIT_MSG_EXIT_KILLED;
			out->signal = sig;
			return true;
		}
	}
	out->kind = UNIT_MSG_OTHER;
	return true;
}
