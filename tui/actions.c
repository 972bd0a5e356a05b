/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/actions.h"

#include "tui/action/cgroups.h"
#include "tui/action/detail.h"
#include "tui/action/events.h"
#include "tui/action/find.h"
#include "tui/action/nav.h"
#include "tui/action/prefs.h"
#include "tui/action/procs.h"
#include "tui/action/prompt.h"
#include "tui/action/travel.h"
#include "tui/adj/action.h"
#include "tui/reaction.h"
#include "tui/state.h"

typedef unsigned (*action_fn)(struct tui *);

static const action_fn action_table[A_COUNT] = {
#define X(id, fn) [id] = fn,
	ACTIONS(X)
#undef X
};

unsigned actions_run(struct tui *t, enum action a)
{
	if ((unsigned)a >= A_COUNT || !action_table[a])
		return R_NONE;
	/* a message stays until the next key once it has been seen for a while */
	if (t->status[0] && t->now_ms - t->status_t_ms > 3000)
		t->status[0] = '\0';
	if (t->travel.on && actions_live_only(a)) {
		tui_state_status(t, STATUS_ERROR,
		                 "history: oom_score_adj is changed only live (L returns to live)");
		return R_REDRAW;
	}
	return action_table[a](t);
}

bool actions_live_only(enum action a)
{
	switch (a) {
	case A_ADJ_UP:
	case A_ADJ_DOWN:
	case A_ADJ_TYPE:
	case A_ADJ_PRESETS:
	case A_ADJ_UNDO:
	case A_TAG:
	case A_CONFIRM_YES: return true;
	default: return false;
	}
}
