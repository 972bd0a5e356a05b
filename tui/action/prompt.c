/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "tui/action/prompt.h"

#include <stdio.h>
#include <string.h>

#include "tui/reaction.h"

void action_prompt_menu_open(struct tui *t, enum menu_kind k, const struct tui_menu_ops *ops)
{
	t->mode = TM_MENU;
	t->menu.kind = k;
	t->menu.ops = ops;
	t->menu.list.n = t->menu.list.sel = t->menu.list.top = 0;
}

void action_prompt_menu_add(struct tui *t, const char *item)
{
	struct listview *l = &t->menu.list;
	if (l->n >= TUI_MENU_MAX)
		return;
	snprintf(t->menu.item[l->n], sizeof(t->menu.item[0]), "%s", item);
	l->n++;
}

unsigned action_prompt_menu_choose(struct tui *t)
{
	t->mode = tui_state_home(t);
	size_t sel = t->menu.list.sel;
	if (sel >= t->menu.list.n || !t->menu.ops)
		return R_REDRAW;
	return t->menu.ops->choose(t, sel);
}

void action_prompt_open(struct tui *t, enum input_kind k, const char *initial,
                        const struct tui_prompt_ops *ops)
{
	t->mode = TM_INPUT;
	t->prompt.kind = k;
	t->prompt.ops = ops;
	snprintf(t->prompt.text, sizeof(t->prompt.text), "%s", initial);
	snprintf(t->prompt.before, sizeof(t->prompt.before), "%s", initial);
	t->status[0] = '\0';
}

unsigned action_prompt_accept(struct tui *t)
{
	return t->prompt.ops->accept(t);
}

unsigned action_prompt_cancel(struct tui *t)
{
	t->mode = tui_state_home(t);
	return t->prompt.ops->cancel ? t->prompt.ops->cancel(t) : R_REDRAW;
}

unsigned action_prompt_backspace(struct tui *t)
{
	char *s = t->prompt.text;
	size_t n = strlen(s);
	if (n == 0)
		return R_NONE;
	do
		n--;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80);
	s[n] = '\0';
	return t->prompt.ops->changed(t);
}

unsigned action_prompt_clear(struct tui *t)
{
	t->prompt.text[0] = '\0';
	return t->prompt.ops->changed(t);
}

/* The character c as UTF-8 into enc; returns its length. */
static size_t encode(unsigned c, char *enc)
{
	if (c < 0x80) {
		enc[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		enc[0] = (char)(0xc0 | (c >> 6)), enc[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		enc[0] = (char)(0xe0 | (c >> 12)), enc[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		enc[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	enc[0] = (char)(0xf0 | (c >> 18)), enc[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	enc[2] = (char)(0x80 | ((c >> 6) & 0x3f)), enc[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

unsigned action_prompt_type(struct tui *t, int wch)
{
	if (t->mode != TM_INPUT || wch < 0x20 || wch == 0x7f || (wch >= 0x80 && wch < 0xa0) ||
	    wch > 0x10ffff)
		return R_NONE;
	const struct tui_prompt_ops *ops = t->prompt.ops;
	char *s = t->prompt.text;
	size_t n = strlen(s);
	if (ops->chars && (wch >= 0x80 || !strchr(ops->chars, wch)))
		return R_NONE;
	if (ops->max_len && n >= ops->max_len)
		return R_NONE;
	char enc[4];
	size_t len = encode((unsigned)wch, enc);
	if (n + len + 1 > sizeof(t->prompt.text))
		return R_NONE;
	memcpy(s + n, enc, len);
	s[n + len] = '\0';
	return ops->changed(t);
}

void action_prompt_confirm_open(struct tui *t, const struct tui_confirm_ops *ops)
{
	t->mode = TM_CONFIRM;
	t->confirm = ops;
	t->status[0] = '\0';
}

unsigned action_prompt_confirm_yes(struct tui *t)
{
	if (t->mode != TM_CONFIRM || !t->confirm)
		return R_NONE;
	return t->confirm->yes(t);
}
