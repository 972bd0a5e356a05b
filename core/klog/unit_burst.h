/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/unit_burst.h — one moment of systemd's "A process of this unit has been killed
 * by the OOM killer." messages, resolved into kills. Pure.
 *
 * PID 1 notices an OOM kill through the memory.events of every cgroup that holds the
 * victim, so one kill is reported for the victim's unit and each ancestor at once:
 *     user-1021.slice, system-postgresql.slice, user@1021.service, user.slice, system.slice
 * are two kills, one in user@1021.service and one in system-postgresql.slice. A user
 * manager reports its own units (app-x.scope, app.slice) of the same moment. Each unit
 * that no other unit of the moment sits inside is one kill; where a unit sits comes from
 * systemd's naming rules (core/klog/unit_name.h), and a service whose slice its name does
 * not tell (Slice=) is placed in a slice of the moment that holds nothing else.
 */
#ifndef OOMTOP_UNIT_BURST_H
#define OOMTOP_UNIT_BURST_H

#include <stdbool.h>
#include <stddef.h>

#include "core/klog/unit_name.h"

#define UNIT_BURST_GAP_S 2.0 /* messages further apart are different moments */
#define UNIT_BURST_MAX 64

struct unit_burst_node {
	char unit[UNIT_NAME_MAX];
	char manager[UNIT_NAME_MAX]; /* "" PID 1, "user@1000.service" a user manager */
	double t;
	char *text;
	int parent; /* after resolving: the nearest ancestor of the moment, or -1 */
	bool claimed;
};

struct unit_burst {
	struct unit_burst_node *node;
	size_t n, cap;
	char boot_id[33];
	double first, last;
};

void unit_burst_init(struct unit_burst *b);

/* Would a message of boot boot_id at time t about unit (of manager) belong to this moment
 * (or is it empty)? Not when the moment already has that unit: a moment names each unit
 * once, so a second message about it is the next kill. */
bool unit_burst_fits(const struct unit_burst *b, const char *boot_id, double t, const char *unit,
		     const char *manager);

/* Adds a message (the text is copied). Returns false when out of memory or full. */
bool unit_burst_add(struct unit_burst *b, const char *boot_id, double t, const char *unit,
		    const char *manager, const char *text);

/* Removes message i (a kill's line came and took it). */
void unit_burst_remove(struct unit_burst *b, size_t i);

/* Calls row() once per kill of the moment: chain[0] is the innermost unit's message, the
 * others its ancestors' (nearest first), n of them. Then empties the burst. */
typedef void (*unit_burst_row_fn)(void *ctx, const struct unit_burst *b, const int *chain, size_t n);
void unit_burst_resolve(struct unit_burst *b, unit_burst_row_fn row, void *ctx);

void unit_burst_free(struct unit_burst *b);

#endif
