/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/action/prefs.h"

#include <stdio.h>
#include <string.h>

#include "tui/action/prompt.h"
#include "tui/config/theme_file.h"
#include "tui/reaction.h"

/* The first problem of a theme file goes to the status line. */
static void report_first(void *ud, const char *msg)
{
	struct tui *t = ud;
	if (t->status_level != STATUS_ERROR || !t->status[0])
		tui_state_status(t, STATUS_ERROR, "%s", msg);
}

static unsigned switch_theme(struct tui *t, const char *name)
{
	struct theme th;
	int problems = 0;
	t->status[0] = '\0';
	t->status_level = STATUS_INFO;
	int rc = theme_file_load(&th, name, report_first, t, &problems);
	if (rc < 0) {
		tui_state_status(t, STATUS_ERROR, "theme %s: not found in the theme folders", name);
		return R_REDRAW;
	}
	t->theme = th;
	snprintf(t->set.theme, sizeof(t->set.theme), "%s", name);
	if (problems == 0)
		tui_state_status(t, STATUS_INFO, "theme %s%s", name,
		                 t->dc.no_color ? " (colours are off: --no-color or NO_COLOR)"
		                                : "");
	return R_RETHEME | R_REDRAW;
}

static unsigned theme_chosen(struct tui *t, size_t i)
{
	char name[64];
	snprintf(name, sizeof(name), "%s", t->menu.item[i]);
	return switch_theme(t, name);
}

unsigned action_prefs_theme_menu(struct tui *t)
{
	static const struct tui_menu_ops ops = {.choose = theme_chosen};
	const char *names[64];
	size_t n = theme_file_list(names, 64);
	action_prompt_menu_open(t, MENU_THEME, &ops);
	for (size_t i = 0; i < n; i++) {
		action_prompt_menu_add(t, names[i]);
		if (strcmp(names[i], t->theme.name) == 0)
			t->menu.list.sel = i;
	}
	return R_REDRAW;
}

unsigned action_prefs_theme_next(struct tui *t)
{
	const char *names[64];
	size_t n = theme_file_list(names, 64), cur = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], t->theme.name) == 0)
			cur = i;
	char name[64];
	snprintf(name, sizeof(name), "%s", names[(cur + 1) % n]);
	return switch_theme(t, name);
}

unsigned action_prefs_save(struct tui *t)
{
	char path[4200] = "oomtoprc", why[400];
	int rc = settings_save(&t->set, path, sizeof(path), why, sizeof(why));
	if (rc < 0)
		tui_state_status(t, STATUS_ERROR, "settings not saved: %s", why);
	else
		tui_state_status(t, STATUS_INFO, "settings saved to %s", path);
	return R_REDRAW;
}
