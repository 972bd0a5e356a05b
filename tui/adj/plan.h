/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui/adj/plan.h — an oom_score_adj change being prepared on the screen (tui/adj/ is the
 * whole feature: this plan, the tags, the dialogs, the actions): which processes, from
 * what, to what; the value typed in the `a` dialog; the presets; when to ask for
 * confirmation; the preview of the kernel's next victim. No curses, no I/O: the write
 * itself is core/control/oom_adj.h's oom_adj_set(), called by tui/adj/action.c with the
 * plan's targets.
 *
 * Call order: adj_plan_begin → adj_plan_add (per target) → [adj_plan_set_value when the
 * value is typed later] → adj_plan_needs_confirm / adj_plan_preview → actions write. */
#ifndef OOMTOP_TUI_ADJ_PLAN_H
#define OOMTOP_TUI_ADJ_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/model.h"
#include "core/control/oom_adj.h"

#define ADJ_PLAN_MAX OOM_ADJ_UNDO_MAX

enum adj_op {
	ADJ_OP_STEP, /* ]/[ : each target moves by arg from its own value, clamped */
	ADJ_OP_SET,  /* `a`, presets: each target gets arg */
};

struct adj_target {
	pid_t pid;
	uint64_t start_ticks; /* identity the writer re-checks */
	int old_adj;          /* as the snapshot showed it */
	int new_adj;
	char comm[16];
};

struct adj_plan {
	enum adj_op op;
	int arg;        /* delta for STEP, value for SET */
	bool tagged;    /* targets are the tagged rows (a group: always confirmed) */
	size_t n;
	size_t skipped; /* rows left out: value unknown, ghost, or more than ADJ_PLAN_MAX */
	struct adj_target t[ADJ_PLAN_MAX];
};

/* The preset menu (`p`), in this order. */
struct adj_plan_preset {
	const char *name;
	int value;
	const char *what; /* a few words on what it means */
};
extern const struct adj_plan_preset adj_plan_presets[];
extern const size_t adj_plan_presets_len;

/* Start an empty plan. */
void adj_plan_begin(struct adj_plan *pl, enum adj_op op, int arg, bool tagged);
/* Add a process row. Ghosts, kernel threads and rows whose oom_score_adj is unknown are
 * counted in skipped. Returns 0, or -EINVAL (skipped) / -ENOSPC (plan full, skipped). */
int adj_plan_add(struct adj_plan *pl, const struct proc_row *p);
/* Make the plan a SET to value (the `a` dialog, once a value is typed). */
void adj_plan_set_value(struct adj_plan *pl, int value);
/* How many targets would actually change (new != old). */
size_t adj_plan_changes(const struct adj_plan *pl);
/* A target the writer refuses without OOM_ADJ_F_FORCE (pid 1: init, whose value every
 * process it starts later inherits), or -1; the words of the consequence into why. */
int adj_plan_special(const struct adj_plan *pl, char *why, size_t len);
/* Ask first: a tagged group, any target crossing into ≤ OOM_ADJ_PROTECT_LEVEL
 * (oom_adj_needs_confirm), or a special target (adj_plan_special). A confirmed plan is
 * written with OOM_ADJ_F_FORCE. */
bool adj_plan_needs_confirm(const struct adj_plan *pl);
/* Any target entering the protected zone (for the dialog's warning). */
bool adj_plan_enters_protection(const struct adj_plan *pl);

/* The `a` dialog's text → value. Accepts optional blanks and a sign: "-950", "+100",
 * " 0 ". Returns 0 and sets *value; else -EINVAL (empty, not a number) or -ERANGE
 * (outside -1000..1000) with the reason in why (≤ whylen, may be NULL). */
int adj_plan_parse_value(const char *text, int *value, char *why, size_t whylen);

/* The effect of the plan on the kernel's choice, one line per scope it touches: each
 * target's tightest scope (badness_proc_scope), then the whole system, without
 * duplicates:
 *   "next victim in nas-agent.service would become 4243 nas-helper (was 4242 leaky)"
 *   "next victim in the system stays 4242 leaky"
 * Lines go into lines[i] (each ADJ_PLAN_PREVIEW_LEN); at most max lines, the last one saying
 * how many scopes were left out when there are more. Returns the number of lines. */
#define ADJ_PLAN_PREVIEW_LEN 200
size_t adj_plan_preview(const struct snapshot *s, const struct adj_plan *pl,
                        char (*lines)[ADJ_PLAN_PREVIEW_LEN], size_t max);

#endif
