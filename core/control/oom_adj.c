/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/control/oom_adj.c — the only writer: /proc/PID/oom_score_adj (the steps: oom_adj.h). */
#include "config.h"
#include "core/control/oom_adj.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include "core/cgroup/name.h"
#include "core/base/scan.h"
#include "core/proc/stat.h"
#include "core/proc/status.h"
#include "core/base/escape.h"
#include "core/base/util.h"

#define CAP_BIT_DAC_OVERRIDE 1  /* linux/capability.h CAP_DAC_OVERRIDE */
#define CAP_BIT_SYS_RESOURCE 24 /* linux/capability.h CAP_SYS_RESOURCE */

/* ---- pure helpers ------------------------------------------------------------------- */

bool oom_adj_in_range(long value)
{
	return value >= OOM_ADJ_MIN && value <= OOM_ADJ_MAX;
}

int oom_adj_step(int cur, int delta)
{
	long v = (long)cur + delta;
	if (v < OOM_ADJ_MIN)
		v = OOM_ADJ_MIN;
	if (v > OOM_ADJ_MAX)
		v = OOM_ADJ_MAX;
	return (int)v;
}

bool oom_adj_needs_confirm(int old_adj, int new_adj)
{
	if (new_adj > OOM_ADJ_PROTECT_LEVEL)
		return false;
	return old_adj == OOM_ADJ_UNKNOWN || old_adj > OOM_ADJ_PROTECT_LEVEL;
}

/* "0\n", "-1000\n" */
int oom_adj_parse_value(const char *buf, int *value)
{
	const char *p = buf;
	int64_t v;
	if (!util_parse_i64(&p, &v))
		return -EINVAL;
	while (*p == ' ' || *p == '\n' || *p == '\t')
		p++;
	if (*p || v < INT32_MIN || v > INT32_MAX)
		return -EINVAL;
	*value = (int)v;
	return 0;
}

static void put(char *dst, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void put(char *dst, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(dst, len, fmt, ap);
	va_end(ap);
}

/* "pid 42 (sshd)" or "pid 42"; the name escaped */
static void who_str(char *dst, size_t len, pid_t pid, const char *comm)
{
	char name[64];
	if (comm && *comm)
		snprintf(dst, len, "pid %d (%s)", (int)pid, escape_text_buf(name, sizeof(name), comm, 0));
	else
		snprintf(dst, len, "pid %d", (int)pid);
}

bool oom_adj_is_special(pid_t pid, pid_t ppid, unsigned long stat_flags, char *why, size_t len)
{
	if (pid == 1) {
		put(why, len, "it is init: every process it starts later inherits its oom_score_adj");
		return true;
	}
	if ((stat_flags & PROC_STAT_PF_KTHREAD) || pid == 2 || ppid == 2) {
		put(why, len, "it is a kernel thread: the OOM killer never chooses one, the value does nothing");
		return true;
	}
	return false;
}

static bool is_gone_errno(int err)
{
	return err == ESRCH || err == ENOENT;
}

void oom_adj_explain(const struct oom_adj_attempt *a, struct oom_adj_result *out)
{
	char who[64];
	who_str(who, sizeof(who), a->pid, a->comm);
	out->err = a->err;
	out->detail[0] = '\0';

	if (a->err == 0) {
		if (a->read_back == OOM_ADJ_UNKNOWN || a->read_back == a->new_adj) {
			out->status = OOM_ADJ_OK;
			if (a->old_adj != OOM_ADJ_UNKNOWN)
				put(out->message, sizeof(out->message),
				    "%s: oom_score_adj %d -> %d", who, a->old_adj, a->new_adj);
			else
				put(out->message, sizeof(out->message),
				    "%s: oom_score_adj set to %d", who, a->new_adj);
			if (a->caller_sys_resource)
				put(out->detail, sizeof(out->detail),
				    "Written with CAP_SYS_RESOURCE, so the kernel also set this "
				    "process's "
				    "floor (oom_score_adj_min) to %d: writers without "
				    "CAP_SYS_RESOURCE can no "
				    "longer lower it below %d.%s",
				    a->new_adj, a->new_adj,
				    a->new_adj <= OOM_ADJ_PROTECT_LEVEL
				        ? " It is now nearly unkillable, and every child it starts "
				          "inherits that."
				        : "");
			else if (a->new_adj <= OOM_ADJ_PROTECT_LEVEL)
				put(out->detail, sizeof(out->detail),
				    "It is now nearly unkillable, and every child it starts "
				    "inherits that.");
		} else {
			out->status = OOM_ADJ_MISMATCH;
			put(out->message, sizeof(out->message),
			    "%s: wrote %d but oom_score_adj reads %d", who, a->new_adj,
			    a->read_back);
			put(out->detail, sizeof(out->detail),
			    "Another writer changed it at the same moment (a service manager, "
			    "earlyoom, systemd-oomd, or a process sharing its memory with this "
			    "one).");
		}
		return;
	}

	if (is_gone_errno(a->err)) {
		out->status = OOM_ADJ_GONE;
		put(out->message, sizeof(out->message), "refused: %s is gone (the process exited)",
		    who);
		if (a->err == ENOENT)
			put(out->detail, sizeof(out->detail),
			    "Nothing was written. /proc/%d does not exist (or /proc's hidepid "
			    "hides it from you).",
			    (int)a->pid);
		else
			put(out->detail, sizeof(out->detail),
			    "Nothing was written. It has exited (a zombie still waiting for its "
			    "parent to reap it counts as gone).");
		return;
	}

	if (a->err == EINVAL && a->step == OOM_ADJ_STEP_WRITE) {
		out->status = OOM_ADJ_OUT_OF_RANGE;
		put(out->message, sizeof(out->message),
		    "refused: the kernel rejected %d for %s (accepted: %d to %d)", a->new_adj, who,
		    OOM_ADJ_MIN, OOM_ADJ_MAX);
		return;
	}

	if (a->err == EACCES && a->step == OOM_ADJ_STEP_WRITE && !a->caller_sys_resource) {
		/* fs/proc/base.c __set_oom_adj: (short)oom_adj < task->signal->oom_score_adj_min &&
		 * !capable(CAP_SYS_RESOURCE) → -EACCES. The only EACCES on the write path. */
		out->status = OOM_ADJ_BELOW_FLOOR;
		if (a->old_adj != OOM_ADJ_UNKNOWN)
			put(out->message, sizeof(out->message),
			    "refused: lowering %s from %d to %d needs CAP_SYS_RESOURCE "
			    "(below its oom_score_adj_min)",
			    who, a->old_adj, a->new_adj);
		else
			put(out->message, sizeof(out->message),
			    "refused: lowering %s to %d needs CAP_SYS_RESOURCE "
			    "(below its oom_score_adj_min)",
			    who, a->new_adj);
		char range[64] = "";
		if (a->old_adj != OOM_ADJ_UNKNOWN && a->old_adj > a->new_adj)
			snprintf(range, sizeof(range), " (here: between %d and %d)", a->new_adj + 1,
			         a->old_adj);
		put(out->detail, sizeof(out->detail),
		    "Without CAP_SYS_RESOURCE the kernel refuses an oom_score_adj below the "
		    "process's floor, oom_score_adj_min%s. The floor is the last value written by "
		    "a writer that had CAP_SYS_RESOURCE (a service manager's OOMScoreAdjust=, for "
		    "example), and children inherit it. oomtop runs without CAP_SYS_RESOURCE (root "
		    "alone is not enough when a container or the bounding set drops it). Raising "
		    "always works; a raise made with CAP_SYS_RESOURCE also raises the floor.",
		    range);
		return;
	}

	if (a->err == EACCES && a->step == OOM_ADJ_STEP_OPEN_WRITE && !a->caller_dac_override) {
		/* The file is 0644, owned by the task's euid — or by root when the task is not
		 * dumpable (fs/proc/base.c task_dump_owner). */
		bool other_user = a->target_euid != (uid_t)-1 && a->target_euid != a->caller_euid;
		bool root_owned = a->file_owner != (uid_t)-1 && a->file_owner != a->target_euid &&
		                  a->file_owner != a->caller_euid;
		if (other_user) {
			out->status = OOM_ADJ_NOT_OWNER;
			put(out->message, sizeof(out->message),
			    "refused: %s is another user's process (uid %u; you are uid %u)", who,
			    (unsigned)a->target_euid, (unsigned)a->caller_euid);
			put(out->detail, sizeof(out->detail),
			    "/proc/%d/oom_score_adj can be written only by the process's owner, or "
			    "by "
			    "root (CAP_DAC_OVERRIDE). Run oomtop as root or as uid %u.",
			    (int)a->pid, (unsigned)a->target_euid);
			return;
		}
		if (root_owned) {
			out->status = OOM_ADJ_NOT_DUMPABLE;
			put(out->message, sizeof(out->message),
			    "refused: %s is not dumpable, so its /proc files belong to root", who);
			put(out->detail, sizeof(out->detail),
			    "The process runs as your user but is marked non-dumpable (it gained "
			    "privileges at exec — setuid, setgid, file capabilities — or called "
			    "prctl(PR_SET_DUMPABLE, 0)); the kernel then makes /proc/%d/* owned by "
			    "root. Only root (CAP_DAC_OVERRIDE) can change its oom_score_adj.",
			    (int)a->pid);
			return;
		}
	}

	if (a->err == EACCES || a->err == EPERM) {
		out->status = OOM_ADJ_DENIED;
		put(out->message, sizeof(out->message),
		    "refused: the kernel denied changing oom_score_adj of %s (%s)", who,
		    strerror(a->err));
		put(out->detail, sizeof(out->detail),
		    "Not explained by ownership or by the oom_score_adj_min floor: a read-only "
		    "/proc, a security module (SELinux, AppArmor), or a user namespace without "
		    "the capability.");
		return;
	}

	out->status = OOM_ADJ_FAILED;
	put(out->message, sizeof(out->message), "failed: oom_score_adj of %s: %s", who,
	    strerror(a->err));
}

char *oom_adj_persist_hint(const char *cgroup_path, int value, char *buf, size_t len)
{
	char name[128] = "";
	if (!len)
		return buf;
	if (cgroup_path)
		cgroup_name_readable(cgroup_path, name, sizeof(name));
	size_t nl = strlen(name);
	bool kube = cgroup_path && strstr(cgroup_path, "kubepods");
	if (nl > 8 && strcmp(name + nl - 8, ".service") == 0) {
		bool user = strstr(cgroup_path, "/user@") != NULL;
		snprintf(buf, len,
		         "to keep %d after a restart: systemctl%s edit %s, then [Service] "
		         "OOMScoreAdjust=%d",
		         value, user ? " --user" : "", name, value);
	} else if (kube || scan_starts(name, "containerd ") || scan_starts(name, "cri-o ")) {
		snprintf(
		    buf, len,
		    "Kubernetes sets oom_score_adj from the pod's QoS class when the container "
		    "starts: change the pod's resources (requests/limits) instead");
	} else if (scan_starts(name, "docker ")) {
		snprintf(buf, len,
		         "to keep %d: recreate %s with docker run --oom-score-adj=%d (compose: "
		         "oom_score_adj: %d)",
		         value, name, value, value);
	} else if (scan_starts(name, "podman ")) {
		snprintf(buf, len, "to keep %d: recreate %s with podman run --oom-score-adj=%d",
		         value, name, value);
	} else if (scan_starts(name, "lxc ")) {
		snprintf(buf, len, "to keep %d: lxc.proc.oom_score_adj = %d in the config of %s",
		         value, value, name);
	} else {
		snprintf(buf, len,
		         "lost when the process restarts: start it with choom -n %d -- COMMAND, or "
		         "set it in whatever starts it",
		         value);
	}
	return buf;
}

/* ---- I/O ---------------------------------------------------------------------------- */

struct caller {
	uid_t euid;
	bool sys_resource, dac_override;
};

static void caller_read(const char *proc_root, struct caller *c)
{
	char path[512], buf[4096];
	uint64_t capeff = 0;
	c->euid = geteuid();
	snprintf(path, sizeof(path), "%s/self/status", proc_root);
	if (util_read_file(path, buf, sizeof(buf)) > 0)
		proc_status_parse_capeff(buf, &capeff);
	c->sys_resource = (capeff >> CAP_BIT_SYS_RESOURCE) & 1;
	c->dac_override = (capeff >> CAP_BIT_DAC_OVERRIDE) & 1;
}

/* -ESRCH for a zombie: it has exited, only its parent has not reaped it yet; the kernel
 * would still take the write (the signal struct lives on) but it means nothing. */
static int read_identity(int dirfd, char *comm, size_t commlen, uint64_t *start, struct proc_stat *stat_out)
{
	char buf[1024];
	ssize_t n = util_read_file_at(dirfd, "stat", buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	struct proc_stat st;
	if (proc_stat_parse(buf, &st) < 0)
		return -ESRCH; /* an empty stat: the task is being torn down */
	if (st.state == 'Z' || st.state == 'X')
		return -ESRCH;
	if (comm && commlen)
		snprintf(comm, commlen, "%s", st.comm);
	*start = st.start_ticks;
	if (stat_out)
		*stat_out = st;
	return 0;
}

static int read_adj(int dirfd, int *value)
{
	char buf[32];
	ssize_t n = util_read_file_at(dirfd, "oom_score_adj", buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	return oom_adj_parse_value(buf, value);
}

static void log_change(const struct oom_adj_env *env, const struct caller *c,
                       const struct oom_adj_result *r)
{
	char user[64] = "?";
	struct passwd pw, *pwp = NULL;
	char pwbuf[1024];
	if (getpwuid_r(c->euid, &pw, pwbuf, sizeof(pwbuf), &pwp) == 0 && pwp)
		snprintf(user, sizeof(user), "%s", pw.pw_name);
	char line[400], comm[64], who[128];
	snprintf(
	    line, sizeof(line),
	    "oomtop: uid %u (%s) set oom_score_adj of pid %d (%s, start %" PRIu64 ") from %d to %d",
	    (unsigned)c->euid, escape_text_buf(who, sizeof(who), user, 0), (int)r->pid,
	    escape_text_buf(comm, sizeof(comm), r->comm, 0), r->start_ticks, r->old_adj, r->new_adj);
	if (env && env->log_line)
		env->log_line(env->log_arg, line);
	else
		syslog(LOG_AUTHPRIV | LOG_NOTICE, "%s", line);
}

static void result_init(struct oom_adj_result *out, pid_t pid)
{
	memset(out, 0, sizeof(*out));
	out->pid = pid;
	out->old_adj = OOM_ADJ_UNKNOWN;
	out->new_adj = OOM_ADJ_UNKNOWN;
}

enum oom_adj_status oom_adj_set(const struct oom_adj_env *env, pid_t pid,
                                uint64_t expected_start_ticks, int value, unsigned flags,
                                struct oom_adj_result *out)
{
	const char *proc_root = env && env->proc_root ? env->proc_root : "/proc";
	result_init(out, pid);

	if (flags & OOM_ADJ_F_READONLY) {
		out->status = OOM_ADJ_READONLY;
		put(out->message, sizeof(out->message),
		    "refused: read-only mode (--readonly): oomtop changes nothing");
		put(out->detail, sizeof(out->detail),
		    "oomtop was started with --readonly, which refuses every write. Start it "
		    "without --readonly to change oom_score_adj.");
		return out->status;
	}
	if (!oom_adj_in_range(value) || pid <= 0) {
		out->status = OOM_ADJ_OUT_OF_RANGE;
		if (pid <= 0)
			put(out->message, sizeof(out->message), "refused: %d is not a process id",
			    (int)pid);
		else
			put(out->message, sizeof(out->message),
			    "refused: oom_score_adj must be between %d and %d (asked %d)",
			    OOM_ADJ_MIN, OOM_ADJ_MAX, value);
		put(out->detail, sizeof(out->detail),
		    "%d means never kill, 0 is neutral, %d means kill first.", OOM_ADJ_MIN,
		    OOM_ADJ_MAX);
		return out->status;
	}

	struct caller caller;
	caller_read(proc_root, &caller);
	struct oom_adj_attempt a = {
	    .pid = pid,
	    .comm = out->comm,
	    .old_adj = OOM_ADJ_UNKNOWN,
	    .new_adj = value,
	    .read_back = OOM_ADJ_UNKNOWN,
	    .caller_euid = caller.euid,
	    .target_euid = (uid_t)-1,
	    .file_owner = (uid_t)-1,
	    .caller_sys_resource = caller.sys_resource,
	    .caller_dac_override = caller.dac_override,
	};

	char path[512];
	snprintf(path, sizeof(path), "%s/%d", proc_root, (int)pid);
	/* Everything below goes through this handle: if the process dies, the handle goes stale
	 * (ESRCH/ENOENT) instead of silently pointing at a new process with the same pid. */
	int dirfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		a.step = OOM_ADJ_STEP_OPEN_DIR;
		a.err = errno;
		oom_adj_explain(&a, out);
		return out->status;
	}

	int wfd = -1;
	struct proc_stat pst;
	int rc = read_identity(dirfd, out->comm, sizeof(out->comm), &out->start_ticks, &pst);
	if (rc < 0) {
		a.step = OOM_ADJ_STEP_IDENTITY;
		a.err = -rc;
		goto explain;
	}
	if (expected_start_ticks != OOM_ADJ_ANY_START && out->start_ticks != expected_start_ticks)
		goto reused;
	char why_special[160];
	if (!(flags & OOM_ADJ_F_FORCE) && oom_adj_is_special(pid, pst.ppid, pst.flags, why_special, sizeof(why_special))) {
		char who[96];
		who_str(who, sizeof(who), pid, out->comm);
		out->status = OOM_ADJ_SPECIAL;
		put(out->message, sizeof(out->message), "refused: %s: %s", who, why_special);
		put(out->detail, sizeof(out->detail),
		    "Nothing was written. To change it anyway, confirm on the screen, or give "
		    "--force with --set-adj.");
		close(dirfd);
		return out->status;
	}

	char buf[4096];
	if (util_read_file_at(dirfd, "status", buf, sizeof(buf)) > 0)
		proc_status_parse_euid(buf, &a.target_euid);
	struct stat st;
	if (fstatat(dirfd, "oom_score_adj", &st, 0) == 0)
		a.file_owner = st.st_uid;

	rc = read_adj(dirfd, &out->old_adj);
	if (rc < 0) {
		a.step = OOM_ADJ_STEP_READ_OLD;
		a.err = -rc;
		goto explain;
	}
	a.old_adj = out->old_adj;
	if (out->old_adj == value) {
		out->status = OOM_ADJ_UNCHANGED;
		out->new_adj = value;
		char who[64];
		who_str(who, sizeof(who), pid, out->comm);
		put(out->message, sizeof(out->message), "%s: oom_score_adj is already %d", who,
		    value);
		close(dirfd);
		return out->status;
	}

	wfd = openat(dirfd, "oom_score_adj", O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (wfd < 0) {
		a.step = OOM_ADJ_STEP_OPEN_WRITE;
		a.err = errno;
		goto explain;
	}
	/* Identity again, immediately before the write. */
	uint64_t start_now;
	rc = read_identity(dirfd, NULL, 0, &start_now, NULL);
	if (rc < 0) {
		a.step = OOM_ADJ_STEP_IDENTITY;
		a.err = -rc;
		goto explain;
	}
	if (start_now != out->start_ticks)
		goto reused;

	char val[16];
	int len = snprintf(val, sizeof(val), "%d\n", value);
	ssize_t w = write(wfd, val, (size_t)len);
	if (w != len) {
		a.step = OOM_ADJ_STEP_WRITE;
		a.err = w < 0 ? errno : EIO;
		goto explain;
	}
	close(wfd);
	wfd = -1;

	int back;
	rc = read_adj(dirfd, &back);
	if (rc < 0) {
		/* Written, then gone before we could look: the write did happen. */
		a.read_back = OOM_ADJ_UNKNOWN;
	} else {
		a.read_back = back;
	}
	out->new_adj = rc < 0 ? value : back;
	a.step = OOM_ADJ_STEP_READ_BACK;
	a.err = 0;
	oom_adj_explain(&a, out);
	log_change(env, &caller, out);
	close(dirfd);
	return out->status;

reused : {
	char now[16] = "";
	uint64_t st_now = 0;
	read_identity(dirfd, now, sizeof(now), &st_now, NULL);
	out->status = OOM_ADJ_REUSED;
	char esc[64];
	put(out->message, sizeof(out->message),
	    "refused: pid %d is now another process (%s), not the one selected", (int)pid,
	    escape_text_buf(esc, sizeof(esc), now[0] ? now : out->comm, 0));
	put(out->detail, sizeof(out->detail),
	    "The selected process exited and its pid was reused: its start time was %" PRIu64
	    ", now %" PRIu64 ". Nothing was written.",
	    expected_start_ticks, out->start_ticks);
	if (wfd >= 0)
		close(wfd);
	close(dirfd);
	return out->status;
}
explain:
	if (wfd >= 0)
		close(wfd);
	close(dirfd);
	oom_adj_explain(&a, out);
	return out->status;
}

/* ---- undo --------------------------------------------------------------------------- */

void oom_adj_undo_begin(struct oom_adj_undo *u)
{
	u->n = 0;
	u->truncated = false;
}

void oom_adj_undo_add(struct oom_adj_undo *u, const struct oom_adj_result *r)
{
	if (r->status != OOM_ADJ_OK || r->old_adj == OOM_ADJ_UNKNOWN)
		return;
	if (u->n >= OOM_ADJ_UNDO_MAX) {
		u->truncated = true;
		return;
	}
	struct oom_adj_undo_entry *e = &u->e[u->n++];
	e->pid = r->pid;
	e->start_ticks = r->start_ticks;
	e->old_adj = r->old_adj;
	e->new_adj = r->new_adj;
	memcpy(e->comm, r->comm, sizeof(e->comm));
}

size_t oom_adj_undo_apply(const struct oom_adj_env *env, struct oom_adj_undo *u, unsigned flags,
                          struct oom_adj_result *results)
{
	size_t restored = 0, kept = 0, n = u->n;
	for (size_t i = 0; i < n; i++) {
		struct oom_adj_result r;
		struct oom_adj_undo_entry e = u->e[i];
		oom_adj_set(env, e.pid, e.start_ticks, e.old_adj, flags, &r);
		if (results)
			results[i] = r;
		if (r.status == OOM_ADJ_OK || r.status == OOM_ADJ_UNCHANGED ||
		    r.status == OOM_ADJ_GONE || r.status == OOM_ADJ_REUSED) {
			/* done, or nothing left to undo */
			if (r.status == OOM_ADJ_OK || r.status == OOM_ADJ_UNCHANGED)
				restored++;
			continue;
		}
		u->e[kept++] = e;
	}
	u->n = kept;
	return restored;
}
