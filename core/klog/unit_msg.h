/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/unit_msg.h — systemd's own messages about a unit (PID 1 with UNIT=, a user
 * manager with USER_UNIT=; the text starts "<unit>: "), and which of them speak of an OOM
 * kill (systemd src/core/unit.c, service.c, scope.c; MESSAGE_IDs from sd-messages.h). Pure.
 *
 *   x.service: A process of this unit has been killed by the OOM killer.  (v243+: the
 *     kernel's OOM killer killed in this unit's cgroup — PID 1 also names every ancestor)
 *   app-kitty-47f7.scope: systemd-oomd killed 65 process(es) in this unit.        (v248+)
 *   x.service: Failed with result 'oom-kill'.                                     (v243+)
 *   x.service: Main process exited, code=killed, status=9/KILL      (v220+; "main process"
 *     before): UNIT_MSG_EXIT_KILLED — SIGKILL from anyone looks the same, so never a kill
 *     itself; right after a kill that names no unit (a 3.x kernel, earlyoom) it names it.
 * Everything else with a unit ("Consumed 5h 50min CPU time.", "Deactivated successfully.")
 * is UNIT_MSG_OTHER: kept with a kill of that unit, never a kill itself.
 */
#ifndef OOMTOP_UNIT_MSG_H
#define OOMTOP_UNIT_MSG_H

#include <stdbool.h>
#include <stdint.h>

#include "core/klog/unit_name.h"

enum unit_msg_kind {
	UNIT_MSG_NONE,        /* not about a unit */
	UNIT_MSG_OOM_KILLED,  /* the kernel's OOM killer killed a process of the unit */
	UNIT_MSG_OOMD_KILLED, /* systemd-oomd killed the unit's processes */
	UNIT_MSG_RESULT_OOM,  /* the unit failed because of an OOM kill */
	UNIT_MSG_EXIT_KILLED, /* its main process died of a signal */
	UNIT_MSG_OTHER,       /* anything else about the unit */
};

/* The journal fields the decision needs; NULL when the entry has none. */
struct unit_msg_fields {
	const char *message;
	const char *unit;        /* UNIT= (PID 1) or USER_UNIT= (a user manager) */
	const char *message_id;  /* MESSAGE_ID= */
	const char *unit_result; /* UNIT_RESULT= */
};

struct unit_msg {
	enum unit_msg_kind kind;
	char unit[UNIT_NAME_MAX];
	int64_t nprocs; /* UNIT_MSG_OOMD_KILLED: processes killed; -1 "some" or not said */
	int signal;     /* UNIT_MSG_EXIT_KILLED: the signal number (9 SIGKILL, 15 SIGTERM) */
};

/* Returns true (kind != UNIT_MSG_NONE) when the entry is about a unit: the unit field, or
 * a "<unit>: " prefix of the message that looks like a unit name. */
bool unit_msg_parse(const struct unit_msg_fields *f, struct unit_msg *out);

#endif
