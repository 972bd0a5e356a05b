/* core/snapshot.h — the collector: one call per refresh turns the machine's state into a
 * `struct snapshot` (core/model.h).
 *
 * Call order: collector_new() once; collector_refresh() per tick; collector_snapshot()
 * any time after the first refresh (the pointer and every string in it stay valid until
 * the next collector_refresh() or collector_free()); collector_free() at the end.
 * Never exits, never prints: problems become snapshot notes or a -errno return.
 */
#ifndef OOMTOP_SNAPSHOT_H
#define OOMTOP_SNAPSHOT_H

#include "core/model.h"

struct collector_config {
	const char *proc_root;   /* "/proc" unless a test points elsewhere */
	const char *cgroup_root; /* memory hierarchy mount; NULL = discover (libcgroup + mountinfo) */
	int cgroup_version;      /* with cgroup_root: 1 or 2 */
	double interval_s;       /* refresh interval asked for (reported in the snapshot) */
	double window_s;         /* leak-rate window */
	double ghost_ttl_s;      /* how long an exited process stays as a ghost row */
	bool follow_kmsg;        /* read OOM events from the kernel log as well */
	const char *kmsg_path;   /* with follow_kmsg: NULL = /dev/kmsg (then klogctl) */
	const char *extra_note;  /* NULL, or one line added to every snapshot's notes (copied):
	                          * what main learnt at start (core/selfprotect.h) */
};

/* Defaults: /proc, discovery, 1 s, 300 s window, 60 s ghosts, kernel log followed. */
void collector_config_defaults(struct collector_config *cfg);

struct collector;

/* Returns NULL with a message in err (one line) when it cannot start at all. */
struct collector *collector_new(const struct collector_config *cfg, char *err, size_t errlen);

/* Collect one snapshot. Returns 0, or -errno when /proc itself could not be read. */
int collector_refresh(struct collector *c);

const struct snapshot *collector_snapshot(const struct collector *c);

/* File descriptor that becomes readable when new kernel-log records arrive (or -1):
 * the screen polls it next to the keyboard so a kill shows up before the next tick. */
int collector_event_fd(const struct collector *c);

void collector_free(struct collector *c);

#endif
