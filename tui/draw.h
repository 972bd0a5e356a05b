/* tui/draw.h — drawing helpers and the pane drawers. Everything drawn goes through
 * draw_text, which runs the sanitiser: no byte from a process or the kernel log reaches
 * the terminal unfiltered. Drawers write into stdscr and never refresh. */
#ifndef OOMTOP_TUI_DRAW_H
#define OOMTOP_TUI_DRAW_H

#include <stdbool.h>

#include "tui/layout.h"
#include "tui/config/theme.h"

struct tui;

enum align { AL_LEFT, AL_RIGHT };

/* Spaces over w cells. */
void draw_fill(int y, int x, int w, enum theme_style st);
/* Sanitised, clipped to w columns, padded with spaces to exactly w. Returns columns of
 * text drawn (before padding). */
int draw_text(const struct tui *t, int y, int x, int w, const char *s, enum theme_style st,
              enum align al);
int draw_textf(const struct tui *t, int y, int x, int w, enum theme_style st, enum align al,
               const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Sanitised, clipped, not padded; returns columns drawn. */
int draw_put(const struct tui *t, int y, int x, int maxw, const char *s, enum theme_style st);

/* A bar of w cells: `used` of `total` filled in st, the rest empty; a mark at `mark`
 * (same unit; negative: none). Without colours the fill is still visible (glyphs). */
void draw_bar(const struct tui *t, int y, int x, int w, double used, double total, double mark,
              enum theme_style st);

/* Attribute for a style, switched to the selection colours for the selected row. */
enum theme_style draw_row_style(enum theme_style st, bool selected);

void pane_header_draw(struct tui *t, struct rect r);
void pane_cgroups_draw(struct tui *t, struct rect r);
void pane_procs_draw(struct tui *t, struct rect r);
void pane_events_draw(struct tui *t, struct rect r);
void pane_episode_draw(struct tui *t, struct rect r);
void dialog_help_draw(struct tui *t, struct rect r);
void dialog_menu_draw(struct tui *t, struct rect r);
/* The oom_score_adj dialogs over the panes: the `a` value prompt (its preview follows the
 * typed value) and the confirmation of a prepared change (t->plan). */
void dialog_adj_draw(struct tui *t, struct rect r);
/* The preset menu (`p`): the menu, then the preview of the highlighted preset. */
void dialog_adj_menu_draw(struct tui *t, struct rect r);

/* Help lines generated from the key table (and the legend). Returns the count; line i
 * into buf. Pure apart from the table. */
int help_lines(void);
void help_line(int i, char *buf, size_t n, bool *is_title);

/* Processes pane: the column under screen column x of its header, or -1. */
int pane_procs_column_at(const struct tui *t, int x);

#endif
