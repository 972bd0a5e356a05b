/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/control/oom_adj.h — the ONLY writer in oomtop: sets /proc/PID/oom_score_adj.
 *
 * One change, in this order (oom_adj_set):
 *   1. --readonly refuses before any I/O;
 *   2. the value must be in OOM_ADJ_MIN..OOM_ADJ_MAX;
 *   3. /proc/PID is opened as a directory and every later file is opened through that
 *      handle, so a pid that dies and is reused in between cannot be written by mistake
 *      (the kernel answers ESRCH/ENOENT on the dead directory);
 *   4. identity: /proc/PID/stat starttime must equal the one the caller saw, read again
 *      immediately before the write (a reused pid is refused); pid 1 and kernel threads
 *      are refused unless OOM_ADJ_F_FORCE (init passes its value to every process it starts
 *      later; the OOM killer never chooses a kernel thread, so a value there does nothing);
 *   5. write "VALUE\n", read the file back, compare;
 *   6. a change is logged to syslog (LOG_AUTHPRIV|LOG_NOTICE): who (uid and user),
 *      which process (pid, comm, start), old and new value.
 * Every refusal is explained in words in the result: what the kernel checks, and why it
 * said no (see oom_adj_explain() for the cases and the kernel code they come from).
 * Process names in messages and in the log line are escaped (core/base/escape.h): a comm
 * is any 15 bytes a process chose, terminal escapes included.
 *
 * Pure parts (range check, error classification, the words, confirmation and step rules,
 * the value file) are separate functions so tests exercise them without a process; the
 * stat and status files are read with core/proc/stat.h and status.h.
 * Nothing here exits or prints; nothing needs a terminal.
 */
#ifndef OOMTOP_OOM_ADJ_H
#define OOMTOP_OOM_ADJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define OOM_ADJ_MIN (-1000) /* never chosen by the OOM killer */
#define OOM_ADJ_MAX 1000    /* chosen first */
/* At or below this a process is "nearly unkillable", and every child it starts inherits
 * that: the screen asks for confirmation before a change crosses into it. */
#define OOM_ADJ_PROTECT_LEVEL (-900)
/* expected_start_ticks meaning "whatever process has this pid now" (the command line, which
 * names a pid and nothing else). */
#define OOM_ADJ_ANY_START UINT64_MAX
/* oom_adj_result.old_adj / new_adj when not known. */
#define OOM_ADJ_UNKNOWN INT32_MIN

enum oom_adj_flags {
	OOM_ADJ_F_READONLY = 1u << 0, /* --readonly: refuse every write */
	OOM_ADJ_F_FORCE = 1u << 1,    /* write pid 1 and kernel threads too (--force, or confirmed) */
};

enum oom_adj_status {
	OOM_ADJ_OK = 0,       /* written and read back equal */
	OOM_ADJ_UNCHANGED,    /* it already had that value: nothing written, nothing logged */
	OOM_ADJ_READONLY,     /* refused: --readonly */
	OOM_ADJ_OUT_OF_RANGE, /* refused: value outside -1000..1000 */
	OOM_ADJ_GONE,         /* refused: the process exited (ESRCH/ENOENT, or a zombie) */
	OOM_ADJ_REUSED, /* refused: the pid now belongs to another process (start time differs) */
	OOM_ADJ_SPECIAL, /* refused without OOM_ADJ_F_FORCE: pid 1 (init) or a kernel thread */
	OOM_ADJ_BELOW_FLOOR,  /* refused: lowering below oom_score_adj_min without CAP_SYS_RESOURCE
	                       */
	OOM_ADJ_NOT_OWNER,    /* refused: another user's process, and no CAP_DAC_OVERRIDE */
	OOM_ADJ_NOT_DUMPABLE, /* refused: non-dumpable process, its /proc files belong to root */
	OOM_ADJ_DENIED,       /* refused: another EACCES/EPERM (read-only /proc, security module) */
	OOM_ADJ_MISMATCH,     /* written, but the value read back differs (a concurrent writer?) */
	OOM_ADJ_FAILED,       /* any other error (err says which) */
};

/* Which step an errno came from: the same EACCES means different things at open and write. */
enum oom_adj_step {
	OOM_ADJ_STEP_OPEN_DIR,   /* opening /proc/PID */
	OOM_ADJ_STEP_IDENTITY,   /* reading /proc/PID/stat */
	OOM_ADJ_STEP_READ_OLD,   /* reading oom_score_adj before */
	OOM_ADJ_STEP_OPEN_WRITE, /* open(oom_score_adj, O_WRONLY): DAC check on the inode owner */
	OOM_ADJ_STEP_WRITE,      /* write(): the kernel's __set_oom_adj checks */
	OOM_ADJ_STEP_READ_BACK,  /* reading oom_score_adj after */
};

/* What the writer knew when something went wrong; input of the pure explanation. */
struct oom_adj_attempt {
	pid_t pid;
	const char *comm;       /* may be NULL (not read yet) */
	int old_adj;            /* OOM_ADJ_UNKNOWN when not read */
	int new_adj;            /* the value asked for */
	int read_back;          /* OOM_ADJ_UNKNOWN unless the write went through */
	enum oom_adj_step step; /* where err happened */
	int err;                /* positive errno, 0 for "no error" */
	uid_t caller_euid;
	uid_t target_euid;        /* (uid_t)-1 when unknown */
	uid_t file_owner;         /* owner of /proc/PID/oom_score_adj, (uid_t)-1 when unknown */
	bool caller_sys_resource; /* CAP_SYS_RESOURCE in the caller's effective set */
	bool caller_dac_override; /* CAP_DAC_OVERRIDE in the caller's effective set */
};

#define OOM_ADJ_MSG_LEN 200
#define OOM_ADJ_DETAIL_LEN 600

struct oom_adj_result {
	enum oom_adj_status status;
	int err; /* positive errno behind a refusal, 0 otherwise */
	pid_t pid;
	uint64_t start_ticks; /* the identity that was checked (0 when not read) */
	char comm[16];        /* "" when not read */
	int old_adj;          /* before; OOM_ADJ_UNKNOWN when not read */
	int new_adj;          /* read back after; OOM_ADJ_UNKNOWN when nothing was written */
	/* One line, ≤ OOM_ADJ_MSG_LEN, fit for a status line: "pid 42 (sshd): oom_score_adj 0 →
	 * 500" or "refused: …" naming the reason (CAP_SYS_RESOURCE, another user's process, …). */
	char message[OOM_ADJ_MSG_LEN];
	/* The longer why and what to do instead (may be ""): for stderr, a help dialog. */
	char detail[OOM_ADJ_DETAIL_LEN];
};

/* Where the writer looks and how it logs. NULL env = defaults ("/proc", syslog). */
struct oom_adj_env {
	const char *proc_root; /* "/proc" unless a test points at a fixture tree */
	/* Called once per change with the whole log line (no trailing newline);
	 * NULL = syslog(LOG_AUTHPRIV | LOG_NOTICE, "%s", line). */
	void (*log_line)(void *arg, const char *line);
	void *log_arg;
};

/* Set oom_score_adj of pid to value (see the steps above). expected_start_ticks is the
 * /proc/PID/stat starttime the caller saw (proc_row.start_ticks), or OOM_ADJ_ANY_START.
 * flags: enum oom_adj_flags. Fills *out completely and returns out->status. */
enum oom_adj_status oom_adj_set(const struct oom_adj_env *env, pid_t pid,
                                uint64_t expected_start_ticks, int value, unsigned flags,
                                struct oom_adj_result *out);

/* ---- undo: the last change (one write, or one batch over tagged rows) ---------------- */

#define OOM_ADJ_UNDO_MAX 256

struct oom_adj_undo_entry {
	pid_t pid;
	uint64_t start_ticks;
	int old_adj; /* the value to restore */
	int new_adj; /* what we set: an undo after someone else changed it again still restores */
	char comm[16];
};

struct oom_adj_undo {
	size_t n;
	bool truncated; /* a batch larger than OOM_ADJ_UNDO_MAX: only the first ones are undoable */
	struct oom_adj_undo_entry e[OOM_ADJ_UNDO_MAX];
};

/* Start a new "last change" (forgets the previous one). Call before each write or batch. */
void oom_adj_undo_begin(struct oom_adj_undo *u);
/* Remember r if it changed something (status OK); other results are ignored. */
void oom_adj_undo_add(struct oom_adj_undo *u, const struct oom_adj_result *r);
/* Restore every remembered process (same identity checks, same logging). results may be
 * NULL or hold u->n entries. Returns how many were restored; entries restored are dropped,
 * refused ones stay so the caller can show why and try again. */
size_t oom_adj_undo_apply(const struct oom_adj_env *env, struct oom_adj_undo *u, unsigned flags,
                          struct oom_adj_result *results);

/* ---- pure helpers (no I/O) --------------------------------------------------------- */

/* A runtime change is lost when the process restarts. How to make value stick, derived
 * from the process's cgroup path (NULL = unknown); one line into buf (≤ len), returns buf.
 *   /system.slice/nginx.service               → systemctl edit nginx.service … OOMScoreAdjust=
 *   …/user@1000.service/…/app.service         → systemctl --user edit app.service …
 *   docker / podman containers                → --oom-score-adj= when the container is made
 *   Kubernetes (kubepods, cri-containerd, crio) → the kubelet sets it from the QoS class
 *   lxc.payload.NAME                          → lxc.proc.oom_score_adj in its config
 *   anything else                             → choom -n VALUE -- COMMAND */
char *oom_adj_persist_hint(const char *cgroup_path, int value, char *buf, size_t len);

/* true when value is in OOM_ADJ_MIN..OOM_ADJ_MAX. */
bool oom_adj_in_range(long value);
/* cur + delta clamped to the range (the screen's ]/[ keys: 950 + 100 → 1000). */
int oom_adj_step(int cur, int delta);
/* A change from old to new that enters the nearly-unkillable zone (≤ -900) from above:
 * the screen confirms it first. Unknown old counts as "from above". */
bool oom_adj_needs_confirm(int old_adj, int new_adj);

/* Classify a failed (or completed) attempt and write message/detail into out (which must
 * already hold pid/comm/old/new). Kernel facts behind the words (fs/proc/base.c):
 *  - open(O_WRONLY): the file is mode 0644 owned by the task's euid, or by root when the
 *    task is not dumpable; without CAP_DAC_OVERRIDE that is EACCES (another user's process,
 *    or a non-dumpable one of your own user);
 *  - write(): __set_oom_adj refuses with EACCES a value below signal->oom_score_adj_min
 *    unless the writer has CAP_SYS_RESOURCE; a write made WITH CAP_SYS_RESOURCE also sets
 *    oom_score_adj_min to the new value (a privileged raise raises the floor);
 *  - ESRCH/ENOENT anywhere: the task has exited. */
void oom_adj_explain(const struct oom_adj_attempt *a, struct oom_adj_result *out);

/* Whether pid/flags (stat) is a process a change needs forcing for: pid 1, whose value
 * every process it starts later inherits, or a kernel thread (PF_KTHREAD, pid 2 and its
 * children), which the OOM killer never chooses. The words for each, for a refusal or a
 * confirmation, into why (≤ len). */
bool oom_adj_is_special(pid_t pid, pid_t ppid, unsigned long stat_flags, char *why, size_t len);

/* oom_score_adj as the kernel prints it, strictly: "-1000\n" → -1000; -EINVAL for anything
 * else (the writer compares what it reads back with what it wrote). */
int oom_adj_parse_value(const char *buf, int *value);

#endif
