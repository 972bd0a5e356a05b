/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "app/selfprotect.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/control/oom_adj.h"
#include "core/base/util.h"
#include "core/proc/status.h"

#ifndef MCL_ONFAULT
#define MCL_ONFAULT 4 /* Linux 4.4; older kernels answer EINVAL and we retry without */
#endif
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#define CAP_IPC_LOCK_BIT 14

static void no_log(void *arg, const char *line)
{
	(void)arg;
	(void)line; /* oomtop guarding itself is not an operator's change: not logged */
}

#ifndef UNDER_ASAN
static bool have_ipc_lock(const char *proc_root)
{
	char path[4096], buf[4096];
	snprintf(path, sizeof(path), "%s/self/status", proc_root);
	uint64_t capeff;
	return util_read_file(path, buf, sizeof(buf)) > 0 && proc_status_parse_capeff(buf, &capeff) == 0 &&
	       (capeff >> CAP_IPC_LOCK_BIT & 1);
}
#endif

static const char *lock_memory(const char *proc_root, bool *locked)
{
	*locked = false;
#ifdef UNDER_ASAN
	(void)proc_root;
	return "not under AddressSanitizer";
#else
	static char why[96];
	struct rlimit rl;
	bool unlimited = getrlimit(RLIMIT_MEMLOCK, &rl) == 0 && rl.rlim_cur == RLIM_INFINITY;
	if (!unlimited && !have_ipc_lock(proc_root)) {
		snprintf(why, sizeof(why), "needs CAP_IPC_LOCK or an unlimited RLIMIT_MEMLOCK, here %llu KiB",
			 (unsigned long long)rl.rlim_cur / 1024);
		return why;
	}
	int rc = mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT);
	if (rc != 0 && errno == EINVAL)
		rc = mlockall(MCL_CURRENT | MCL_FUTURE);
	if (rc != 0) {
		snprintf(why, sizeof(why), "mlockall: %s", strerror(errno));
		return why;
	}
	*locked = true;
	return NULL;
#endif
}

void selfprotect_apply(const char *proc_root, bool readonly, struct selfprotect *out)
{
	memset(out, 0, sizeof(*out));
	struct oom_adj_env env = {proc_root, no_log, NULL};
	struct oom_adj_result r;
	oom_adj_set(&env, getpid(), OOM_ADJ_ANY_START, SELFPROTECT_ADJ, readonly ? OOM_ADJ_F_READONLY : 0, &r);
	const char *adj_why = NULL;
	switch (r.status) {
	case OOM_ADJ_OK:
	case OOM_ADJ_UNCHANGED:
		out->adj_lowered = true;
		out->adj = SELFPROTECT_ADJ;
		break;
	case OOM_ADJ_READONLY:
		adj_why = "--readonly";
		break;
	case OOM_ADJ_BELOW_FLOOR:
		adj_why = "lowering needs CAP_SYS_RESOURCE";
		break;
	default:
		adj_why = r.message;
		break;
	}
	if (!out->adj_lowered)
		out->adj = r.old_adj;

	const char *lock_why = lock_memory(proc_root, &out->locked);

	char adj_part[160], lock_part[128];
	if (out->adj_lowered)
		snprintf(adj_part, sizeof(adj_part), "own oom_score_adj %d", SELFPROTECT_ADJ);
	else if (out->adj != OOM_ADJ_UNKNOWN)
		snprintf(adj_part, sizeof(adj_part), "own oom_score_adj stays %d (%s)", out->adj, adj_why);
	else
		snprintf(adj_part, sizeof(adj_part), "own oom_score_adj unchanged (%s)", adj_why);
	if (out->locked)
		snprintf(lock_part, sizeof(lock_part), "memory locked");
	else
		snprintf(lock_part, sizeof(lock_part), "memory not locked (%s)", lock_why);
	snprintf(out->note, sizeof(out->note), "self-protection: %s, %s", adj_part, lock_part);
}
