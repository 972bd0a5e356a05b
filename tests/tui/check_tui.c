/* tests/unit/check_tui.c — the screen's pure parts: sanitiser, key table, theme parser,
 * settings parser, layout, column fitting, process and cgroup views. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <unistd.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/fmt.h"
#include "core/base/util.h"
#include "core/proc/held.h"
#include "tests/tui/fixture.h"
#include "tui/adjctl.h"
#include "tui/cgview.h"
#include "tui/keymap.h"
#include "tui/layout.h"
#include "tui/procview.h"
#include "tui/rate.h"
#include "tui/sanitize.h"
#include "tui/settings.h"
#include "tui/tagset.h"
#include "tui/theme.h"
#include "tui/theme_file.h"
#include "tests/unit/ck_run.h"

/* --- sanitiser --- */

START_TEST(sanitize_controls_and_escapes)
{
	char out[128];
	int w = san_text(out, sizeof(out), "a\033[31mred\033[0m\tb\x7f", -1, true);
	ck_assert_str_eq(out, "a^[[31mred^[[0m^Ib^?");
	ck_assert_int_eq(w, (int)strlen(out));
	/* C1 CSI as UTF-8 (U+009B) and as a raw byte */
	san_text(out, sizeof(out), "x\xc2\x9b" "2Jy\x9bz", -1, true);
	ck_assert_str_eq(out, "x?2Jy?z");
}
END_TEST

START_TEST(sanitize_utf8)
{
	char out[128];
	/* valid multibyte kept, invalid and overlong bytes replaced one by one */
	int w = san_text(out, sizeof(out), "caf\xc3\xa9 \xff\xc0\xaf end", -1, true);
	ck_assert_str_eq(out, "caf\xc3\xa9 ??? end");
	ck_assert_int_eq(w, 12);
	/* ASCII terminal: every non-ASCII byte is '?' */
	san_text(out, sizeof(out), "caf\xc3\xa9", -1, false);
	ck_assert_str_eq(out, "caf??");
	/* bidi override (zero width) is not passed through */
	san_text(out, sizeof(out), "a\xe2\x80\xae" "b", -1, true);
	ck_assert_str_eq(out, "a?b");
	/* wide characters count two columns and are never split */
	w = san_text(out, sizeof(out), "\xe6\x97\xa5\xe6\x9c\xac", 3, true);
	ck_assert_str_eq(out, "\xe6\x97\xa5");
	ck_assert_int_eq(w, 2);
	ck_assert_int_eq(san_width("\xe6\x97\xa5\xe6\x9c\xac", true), 4);
}
END_TEST

START_TEST(sanitize_limits)
{
	char out[8];
	san_text(out, sizeof(out), "abcdefghijkl", -1, true);
	ck_assert_str_eq(out, "abcdefg");
	san_text(out, sizeof(out), "ab\033cd", 3, true); /* the caret pair does not fit */
	ck_assert_str_eq(out, "ab");
	san_text(out, sizeof(out), NULL, 5, true);
	ck_assert_str_eq(out, "");
	/* a truncated multibyte sequence at the end */
	san_text(out, sizeof(out), "a\xe6\x97", -1, true);
	ck_assert_str_eq(out, "a??");
}
END_TEST

/* --- key table --- */

START_TEST(keymap_no_duplicates_and_help)
{
	for (size_t i = 0; i < keymap_len; i++) {
		ck_assert_msg(keymap[i].help && keymap[i].help[0], "entry %zu has no help", i);
		ck_assert_msg((unsigned)keymap[i].action < A_COUNT, "entry %zu: bad action", i);
		for (size_t j = i + 1; j < keymap_len; j++)
			ck_assert_msg(!(keymap[i].ctx == keymap[j].ctx && keymap[i].key == keymap[j].key),
			              "key %s bound twice in %s", keymap_key_name(keymap[i].key),
			              keymap_context_title(keymap[i].ctx));
	}
}
END_TEST

START_TEST(keymap_adj_controls)
{
	/* DESIGN §5: ]/F8 +100, [/F7 -100, a types a value; presets, tags, undo are ours */
	ck_assert_int_eq(keymap_lookup(KC_PROCS, ']')->action, A_ADJ_UP);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, KEY_FN(0410 + 8))->action, A_ADJ_UP);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, '[')->action, A_ADJ_DOWN);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, KEY_FN(0410 + 7))->action, A_ADJ_DOWN);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, 'a')->action, A_ADJ_TYPE);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, 'p')->action, A_ADJ_PRESETS);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, ' ')->action, A_TAG);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, 'U')->action, A_UNTAG_ALL);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, 'z')->action, A_ADJ_UNDO);
	ck_assert_int_eq(keymap_lookup(KC_EVENTS, 'z')->action, A_ADJ_UNDO); /* from any pane */
	/* the confirmation takes y only; Enter does not confirm by reflex */
	ck_assert_int_eq(keymap_lookup(KC_CONFIRM, 'y')->action, A_CONFIRM_YES);
	ck_assert_int_eq(keymap_lookup(KC_CONFIRM, KEY_ESCAPE)->action, A_CLOSE);
	ck_assert_int_eq(keymap_lookup(KC_CONFIRM, 'n')->action, A_CLOSE);
	ck_assert_ptr_null(keymap_lookup(KC_CONFIRM, '\n'));
	/* the filter's `u` is not the undo key */
	ck_assert_int_eq(keymap_lookup(KC_PROCS, 'u')->action, A_USER_MENU);
}
END_TEST

START_TEST(keymap_design_keys)
{
	/* DESIGN §5: the htop habits are bound where the operator expects them */
	ck_assert_int_eq(keymap_lookup(KC_PROCS, 'q')->action, A_QUIT);
	ck_assert_int_eq(keymap_lookup(KC_EVENTS, KEY_FN(0410 + 10))->action, A_QUIT); /* F10 */
	ck_assert_int_eq(keymap_lookup(KC_PROCS, '?')->action, A_HELP);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, '/')->action, A_SEARCH);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, '\\')->action, A_FILTER);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, '<')->action, A_SORT_PREV);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, '>')->action, A_SORT_NEXT);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, '\t')->action, A_FOCUS_NEXT);
	ck_assert_int_eq(keymap_lookup(KC_PROCS, 'u')->action, A_USER_MENU);
	ck_assert_int_eq(keymap_lookup(KC_CGROUPS, '\n')->action, A_CGROUP_ONLY);
	ck_assert_int_eq(keymap_lookup(KC_EVENTS, '\n')->action, A_EVENT_OPEN);
	/* modal views do not fall through: q closes the episode, it does not quit */
	ck_assert_int_eq(keymap_lookup(KC_EPISODE, 'q')->action, A_CLOSE);
	ck_assert_ptr_null(keymap_lookup(KC_EPISODE, '/'));
}
END_TEST

/* --- themes --- */

struct reports {
	char msg[8][256];
	int n;
};

static void collect(void *ud, const char *msg)
{
	struct reports *r = ud;
	if (r->n < 8)
		snprintf(r->msg[r->n], sizeof(r->msg[0]), "%s", msg);
	r->n++;
}

START_TEST(theme_parse_good)
{
	struct theme t;
	struct reports r = {.n = 0};
	theme_defaults(&t);
	const char *buf = "# a comment\n"
	                  "\n"
	                  "theme[main_bg]=\"#102030\"\n"
	                  "  theme[oom_event] = \"bright_red\"  # trailing comment\n"
	                  "theme[main_fg]=\"\"\n"
	                  "theme[ghost]=Default\n";
	ck_assert_int_eq(theme_parse(&t, buf, "x.theme", collect, &r), 0);
	ck_assert_int_eq(r.n, 0);
	ck_assert_int_eq(t.col[C_MAIN_BG].kind, TCOL_RGB);
	ck_assert_uint_eq(t.col[C_MAIN_BG].rgb, 0x102030);
	ck_assert_int_eq(t.col[C_OOM_EVENT].kind, TCOL_INDEX);
	ck_assert_int_eq(t.col[C_OOM_EVENT].index, 9);
	ck_assert_int_eq(t.col[C_MAIN_FG].kind, TCOL_DEFAULT);
	ck_assert_int_eq(t.col[C_GHOST].kind, TCOL_DEFAULT);
}
END_TEST

START_TEST(theme_parse_bad_reports_file_line)
{
	struct theme t, d;
	struct reports r = {.n = 0};
	theme_defaults(&t);
	theme_defaults(&d);
	const char *buf = "theme[main_bg]=\"#102030\"\n"
	                  "theme[no_such_key]=\"#ffffff\"\n"
	                  "theme[selected_bg]=\"#12345\"\n"
	                  "theme[oom_event]=\"reddish\"\n"
	                  "this is not a theme line\n"
	                  "theme[ghost]=\"#zzzzzz\"\n"
	                  "theme[title]=\"#ff0000\" junk\n";
	ck_assert_int_eq(theme_parse(&t, buf, "bad.theme", collect, &r), 6);
	ck_assert_int_eq(r.n, 6);
	ck_assert_str_eq(r.msg[0], "bad.theme:2: unknown key 'no_such_key'");
	ck_assert(strncmp(r.msg[1], "bad.theme:3: bad value '#12345' for selected_bg", 47) == 0);
	ck_assert(strncmp(r.msg[2], "bad.theme:4: bad value 'reddish' for oom_event", 46) == 0);
	ck_assert(strncmp(r.msg[3], "bad.theme:5: ", 13) == 0);
	ck_assert(strncmp(r.msg[4], "bad.theme:6: bad value", 22) == 0);
	ck_assert(strncmp(r.msg[5], "bad.theme:7: ", 13) == 0);
	/* good lines applied, bad ones kept their defaults */
	ck_assert_uint_eq(t.col[C_MAIN_BG].rgb, 0x102030);
	ck_assert(memcmp(&t.col[C_SELECTED_BG], &d.col[C_SELECTED_BG], sizeof(d.col[0])) == 0);
	ck_assert(memcmp(&t.col[C_OOM_EVENT], &d.col[C_OOM_EVENT], sizeof(d.col[0])) == 0);
	ck_assert(memcmp(&t.col[C_TITLE], &d.col[C_TITLE], sizeof(d.col[0])) == 0);
}
END_TEST

START_TEST(theme_defaults_all_parse)
{
	/* every built-in default is a valid value (theme_defaults relies on it) */
	for (int i = 0; i < C_COUNT; i++)
		ck_assert_ptr_nonnull(theme_color_key((enum theme_color_id)i));
	ck_assert_int_eq(theme_color_from_key("main_fg"), C_MAIN_FG);
	ck_assert_int_eq(theme_color_from_key("nope"), -1);
}
END_TEST

START_TEST(theme_files_shipped_parse_cleanly)
{
	static const char *const names[] = {"default", "light", "mono", "high-contrast"};
	for (size_t i = 0; i < 4; i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/themes/%s.theme", SRCDIR, names[i]);
		struct theme t;
		struct reports r = {.n = 0};
		int problems = -1;
		ck_assert_int_eq(theme_load(&t, path, collect, &r, &problems), 0);
		ck_assert_msg(problems == 0, "%s: %s", path, r.msg[0]);
		if (i == 0) { /* default.theme equals the built-in defaults */
			struct theme d;
			theme_defaults(&d);
			ck_assert(memcmp(t.col, d.col, sizeof(d.col)) == 0);
		}
		/* every key is set explicitly in each shipped theme */
		size_t len;
		char *buf = util_slurp(path, &len);
		ck_assert_ptr_nonnull(buf);
		for (int k = 0; k < C_COUNT; k++) {
			char key[64];
			snprintf(key, sizeof(key), "theme[%s]", theme_color_key((enum theme_color_id)k));
			ck_assert_msg(strstr(buf, key) != NULL, "%s lacks %s", path, key);
		}
		free(buf);
	}
}
END_TEST

START_TEST(theme_colour_mapping)
{
	ck_assert_int_eq(theme_rgb_to_256(0x000000), 16);
	ck_assert_int_eq(theme_rgb_to_256(0xffffff), 231);
	ck_assert_int_eq(theme_rgb_to_256(0xff0000), 196);
	ck_assert_int_eq(theme_rgb_to_256(0x5fafd7), 16 + 36 * 1 + 6 * 3 + 4);
	ck_assert_int_eq(theme_rgb_to_256(0x808080), 244);
	ck_assert_int_eq(theme_rgb_to_8(0xff5f5f), 1); /* red */
	ck_assert_int_eq(theme_rgb_to_8(0x5faf5f), 2); /* green */
	ck_assert_int_eq(theme_rgb_to_8(0xffaf00), 3); /* amber → yellow */
	ck_assert_int_eq(theme_rgb_to_8(0xff87d7), 5); /* pink → magenta */
	ck_assert_int_eq(theme_rgb_to_8(0x5fafd7), 6); /* cyan */
	ck_assert_int_eq(theme_rgb_to_8(0x1c1c1c), 0); /* dark grey → black */
	ck_assert_int_eq(theme_rgb_to_8(0x808080), 7); /* grey → white */
}
END_TEST

/* --- settings --- */

START_TEST(settings_parse_and_roundtrip)
{
	struct settings s, back;
	struct reports r = {.n = 0};
	settings_defaults(&s);
	const char *buf = "# comment\n"
	                  "delay=2.5\n"
	                  "window = 600\n"
	                  "sort=-rss\n"
	                  "columns=pid,rss,rss_slope,command\n"
	                  "panes=procs,events\n"
	                  "theme=light\n"
	                  "threshold=90\n"
	                  "tree=0\n";
	ck_assert_int_eq(settings_parse(&s, buf, "rc", collect, &r), 0);
	ck_assert(fabs(s.delay_s - 2.5) < 1e-9);
	ck_assert(fabs(s.window_s - 600) < 1e-9);
	ck_assert_int_eq(s.sort, SORT_RSS);
	ck_assert(s.sort_reverse);
	ck_assert(s.columns[PCOL_PID] && s.columns[PCOL_RSS] && !s.columns[PCOL_USER]);
	ck_assert(!s.panes[PANE_CGROUPS] && s.panes[PANE_PROCS] && s.panes[PANE_EVENTS]);
	ck_assert_str_eq(s.theme, "light");
	ck_assert(!s.tree);
	char text[2048];
	settings_format(&s, text, sizeof(text));
	settings_defaults(&back);
	ck_assert_int_eq(settings_parse(&back, text, "rc2", collect, &r), 0);
	ck_assert(memcmp(&s, &back, sizeof(s)) == 0);

	/* found by fuzzing: a theme name that is itself quoted lost a pair of quotes at
	 * every save */
	ck_assert_int_eq(settings_parse(&s, "theme=\"\"\"\"\"\n", "rc3", collect, &r), 0);
	ck_assert_str_eq(s.theme, "\"\"\"");
	settings_format(&s, text, sizeof(text));
	settings_defaults(&back);
	ck_assert_int_eq(settings_parse(&back, text, "rc4", collect, &r), 0);
	ck_assert_str_eq(back.theme, "\"\"\"");
}
END_TEST

START_TEST(settings_held_kmem)
{
	struct settings s, back;
	struct reports r = {.n = 0};
	char text[2048];
	settings_defaults(&s);
	ck_assert_uint_eq(s.held_kmem_bytes, PROC_HELD_KMEM_DEFAULT_BYTES);
	ck_assert(!(s.given & SETTING_HELD_KMEM));
	/* not set in the file: not written, so a saved file does not fix the default */
	settings_format(&s, text, sizeof(text));
	ck_assert_ptr_null(strstr(text, "held_kmem"));
	static const struct {
		const char *line;
		uint64_t bytes;
		const char *written;
	} ok[] = {
		{"held_kmem=0\n", 0, "held_kmem=0\n"},
		{"held_kmem=2M\n", 2 << 20, "held_kmem=2M\n"},
		{"held_kmem = 512k\n", 512 << 10, "held_kmem=512K\n"},
		{"held_kmem=1536\n", 1536, "held_kmem=1536\n"},
		{"held_kmem=1G\n", 1 << 30, "held_kmem=1024M\n"},
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		settings_defaults(&s);
		ck_assert_int_eq(settings_parse(&s, ok[i].line, "rc", collect, &r), 0);
		ck_assert_uint_eq(s.held_kmem_bytes, ok[i].bytes);
		ck_assert(s.given & SETTING_HELD_KMEM);
		settings_format(&s, text, sizeof(text));
		ck_assert_msg(strstr(text, ok[i].written) != NULL, "%s written as:\n%s", ok[i].line, text);
		settings_defaults(&back);
		ck_assert_int_eq(settings_parse(&back, text, "rc2", collect, &r), 0);
		ck_assert_uint_eq(back.held_kmem_bytes, s.held_kmem_bytes);
		ck_assert(back.given & SETTING_HELD_KMEM);
	}
	/* a bad value is reported with its line and leaves the default */
	settings_defaults(&s);
	r.n = 0;
	ck_assert_int_eq(settings_parse(&s, "delay=2\nheld_kmem=2G\nheld_kmem=8MB\n", "rc", collect, &r), 2);
	ck_assert_str_eq(r.msg[0], "rc:2: bad value '2G' for held_kmem (0 to 1G: bytes, or K, M, G)");
	ck_assert_str_eq(r.msg[1], "rc:3: bad value '8MB' for held_kmem (0 to 1G: bytes, or K, M, G)");
	ck_assert_uint_eq(s.held_kmem_bytes, PROC_HELD_KMEM_DEFAULT_BYTES);
	ck_assert(!(s.given & SETTING_HELD_KMEM));
}
END_TEST

START_TEST(settings_bad_lines)
{
	struct settings s, d;
	struct reports r = {.n = 0};
	settings_defaults(&s);
	settings_defaults(&d);
	const char *buf = "delay=0\n"
	                  "sort=bogus\n"
	                  "colour=red\n"
	                  "columns=pid,nope\n"
	                  "no equals sign\n"
	                  "threshold=80\n";
	ck_assert_int_eq(settings_parse(&s, buf, "/home/x/.config/oomtop/oomtoprc", collect, &r), 5);
	ck_assert(strncmp(r.msg[0], "/home/x/.config/oomtop/oomtoprc:1: bad value '0' for delay", 58) == 0);
	ck_assert(strncmp(r.msg[1], "/home/x/.config/oomtop/oomtoprc:2: unknown sort key 'bogus'", 59) == 0);
	ck_assert_str_eq(r.msg[2], "/home/x/.config/oomtop/oomtoprc:3: unknown setting 'colour'");
	ck_assert_str_eq(r.msg[3], "/home/x/.config/oomtop/oomtoprc:4: unknown column 'nope'");
	ck_assert(s.delay_s == d.delay_s && s.sort == d.sort);
	ck_assert(memcmp(s.columns, d.columns, sizeof(s.columns)) == 0);
}
END_TEST

/* --- layout --- */

static void check_no_overlap(const struct layout *l, int cols, int lines)
{
	struct rect rs[6] = {l->header, l->pane[0], l->pane[1], l->pane[2], l->status, l->keybar};
	for (int i = 0; i < 6; i++) {
		if (!rs[i].h)
			continue;
		ck_assert(rs[i].y >= 0 && rs[i].y + rs[i].h <= lines && rs[i].x + rs[i].w <= cols);
		for (int j = i + 1; j < 6; j++) {
			if (!rs[j].h)
				continue;
			ck_assert_msg(rs[i].y + rs[i].h <= rs[j].y || rs[j].y + rs[j].h <= rs[i].y,
			              "rects %d and %d overlap at %dx%d", i, j, cols, lines);
		}
	}
}

START_TEST(layout_sizes)
{
	struct layout_in in = {.cols = 80, .lines = 24, .visible = {true, true, true},
	                       .focus = PANE_PROCS, .want = {7, 200, 2}};
	struct layout l;
	layout_compute(&in, &l);
	/* 80x24: all three panes, processes get the most */
	ck_assert_int_gt(l.pane[PANE_CGROUPS].h, 1);
	ck_assert_int_gt(l.pane[PANE_EVENTS].h, 1);
	ck_assert_int_ge(l.pane[PANE_PROCS].h, l.pane[PANE_CGROUPS].h);
	ck_assert_int_eq(l.keybar.y, 23);
	ck_assert_int_eq(l.status.y, 22);
	check_no_overlap(&l, 80, 24);
	/* zoom: the focused pane takes the body */
	in.zoom = true;
	layout_compute(&in, &l);
	ck_assert_int_eq(l.pane[PANE_CGROUPS].h, 0);
	ck_assert_int_eq(l.pane[PANE_PROCS].h, 24 - 2 - l.header.h);
	/* small: one pane, smaller header */
	in.zoom = false;
	in.cols = 40, in.lines = 12;
	layout_compute(&in, &l);
	ck_assert_int_eq(l.header.h, 2);
	ck_assert_int_eq(l.pane[PANE_CGROUPS].h, 0);
	ck_assert_int_gt(l.pane[PANE_PROCS].h, 0);
	/* every size from 1x1 to 200x60 is sane */
	for (int w = 1; w <= 200; w += 7)
		for (int h = 1; h <= 60; h++) {
			in.cols = w, in.lines = h;
			for (int f = 0; f < PANE_COUNT; f++) {
				in.focus = (enum pane_id)f;
				layout_compute(&in, &l);
				check_no_overlap(&l, w, h);
			}
		}
}
END_TEST

START_TEST(layout_hidden_panes)
{
	struct layout_in in = {.cols = 120, .lines = 40, .visible = {false, true, false},
	                       .focus = PANE_PROCS, .want = {7, 200, 2}};
	struct layout l;
	layout_compute(&in, &l);
	ck_assert_int_eq(l.pane[PANE_CGROUPS].h, 0);
	ck_assert_int_eq(l.pane[PANE_EVENTS].h, 0);
	ck_assert_int_eq(l.pane[PANE_PROCS].h, 40 - 2 - l.header.h);
	in.visible[PANE_PROCS] = false, in.visible[PANE_EVENTS] = true, in.visible[PANE_CGROUPS] = true;
	in.focus = PANE_CGROUPS;
	layout_compute(&in, &l);
	ck_assert_int_eq(l.pane[PANE_PROCS].h, 0);
	ck_assert_int_eq(l.pane[PANE_CGROUPS].h + l.pane[PANE_EVENTS].h, 40 - 2 - l.header.h);
}
END_TEST

START_TEST(fit_columns_drops_by_priority)
{
	struct col_spec spec[4] = {{5, 7, 100, false}, {8, 20, 10, false}, {4, 4, 50, false},
	                           {8, 8, 90, true}};
	int w[4];
	ck_assert_int_eq(layout_fit_columns(spec, NULL, 4, 80, w), 4);
	ck_assert_int_eq(w[0], 7);
	ck_assert_int_eq(w[1], 20);
	ck_assert_int_eq(w[0] + w[1] + w[2] + w[3] + 3, 80); /* the fill column takes the rest */
	ck_assert_int_eq(layout_fit_columns(spec, NULL, 4, 20, w), 3);
	ck_assert_int_eq(w[1], 0); /* lowest priority dropped first */
	ck_assert_int_le(w[0] + w[2] + w[3] + 2, 20);
	ck_assert_int_eq(layout_fit_columns(spec, NULL, 4, 3, w), 0);
}
END_TEST

/* --- views --- */

START_TEST(procview_sort_filter_follow)
{
	const struct snapshot *s = fixture_snapshot();
	struct procview pv;
	procview_init(&pv);
	ck_assert_int_eq(procview_update(&pv, s), 0);
	/* default: leak rate first; the OOM-killed ghost grew fastest, then the leaker */
	ck_assert_int_eq(pv.rows[0]->pid, 4100);
	ck_assert_int_eq(pv.rows[1]->pid, 4242);
	/* kernel threads hidden by default */
	for (size_t i = 0; i < pv.n; i++)
		ck_assert(!pv.rows[i]->kernel_thread);
	/* select the leaker, re-sort by pid: the selection follows the process */
	ck_assert(procview_select_pid(&pv, 4242));
	pv.sort = SORT_PID;
	procview_update(&pv, s);
	ck_assert_int_eq(procview_selected(&pv)->pid, 4242);
	ck_assert_uint_ne(pv.sel, 1);
	/* a text filter narrows */
	snprintf(pv.text, sizeof(pv.text), "nas");
	procview_update(&pv, s);
	ck_assert_uint_ge(pv.n, 2);
	for (size_t i = 0; i < pv.n; i++)
		ck_assert(strstr(pv.rows[i]->cmdline, "nas") || strstr(pv.rows[i]->cgroup, "nas"));
	/* search wraps and moves the selection */
	pv.text[0] = '\0';
	procview_update(&pv, s);
	ck_assert(procview_search(&pv, "vim", true));
	ck_assert_int_eq(procview_selected(&pv)->pid, 3150);
	ck_assert(!procview_search(&pv, "no-such-thing", true));
	/* cgroup subtree */
	procview_set_cgroup(&pv, "/user.slice");
	procview_update(&pv, s);
	for (size_t i = 0; i < pv.n; i++)
		ck_assert(strncmp(pv.rows[i]->cgroup, "/user.slice", 11) == 0);
	procview_free(&pv);
}
END_TEST

static struct proc_row fx_rows[32];
static struct proc_row *fx_ptrs[32];

/* A private copy of the fixture that a test may change. */
static struct snapshot fx_copy(void)
{
	const struct snapshot *fx = fixture_snapshot();
	ck_assert_uint_le(fx->nprocs, 32);
	for (size_t i = 0; i < fx->nprocs; i++) {
		fx_rows[i] = *fx->procs[i];
		fx_ptrs[i] = &fx_rows[i];
	}
	struct snapshot s = *fx;
	s.procs = fx_ptrs;
	return s;
}

/* Issue 5 "a leaking process is near the top by default": at start no slope is known, so
 * the list sorts by pid and pid 1 is first. When the slopes arrive, the selection must
 * not follow pid 1 down the list (scrolling the leaker out of sight): until the operator
 * moves it, it stays on the first row. After that it follows the chosen process, and the
 * view scrolls only as far as needed to keep it visible. */
START_TEST(procview_stays_on_top_until_moved)
{
	struct snapshot s = fx_copy();
	struct proc_row *rows = fx_rows;
	for (size_t i = 0; i < s.nprocs; i++) {
		rows[i].rss_slope.per_s = NAN;
		rows[i].rss_slope.fit = NAN;
	}
	struct procview pv;
	procview_init(&pv);
	ck_assert_int_eq(procview_update(&pv, &s), 0);
	procview_scroll(&pv, 3);
	ck_assert_uint_eq(pv.sel, 0);
	pid_t first = procview_selected(&pv)->pid;
	/* the slopes arrive: the leaker (4242) and the OOM-killed ghost sort first */
	s = fx_copy();
	procview_update(&pv, &s);
	procview_scroll(&pv, 3);
	ck_assert_uint_eq(pv.sel, 0);
	ck_assert_uint_eq(pv.top, 0);
	ck_assert_int_eq(procview_selected(&pv)->pid, 4100);
	ck_assert_int_ne(procview_selected(&pv)->pid, first);
	/* the operator moves to the leaker: from now on it is followed */
	procview_move(&pv, 1);
	ck_assert_int_eq(procview_selected(&pv)->pid, 4242);
	/* its slope drops to nothing: it sorts further down, the view scrolls just enough */
	for (size_t i = 0; i < s.nprocs; i++)
		if (rows[i].pid == 4242)
			rows[i].rss_slope.per_s = -1.0;
	procview_update(&pv, &s);
	procview_scroll(&pv, 3);
	ck_assert_int_eq(procview_selected(&pv)->pid, 4242);
	ck_assert_uint_gt(pv.sel, 2);
	ck_assert_uint_eq(pv.top, pv.sel - 2); /* selection on the last visible row */
	/* Home: back to the first row, and it stays there across refreshes */
	procview_follow_top(&pv);
	procview_update(&pv, &s);
	procview_scroll(&pv, 3);
	ck_assert_uint_eq(pv.sel, 0);
	ck_assert_uint_eq(pv.top, 0);
	ck_assert_int_eq(procview_selected(&pv)->pid, pv.rows[0]->pid);
	procview_free(&pv);
}
END_TEST

/* --- oom_score_adj controls: tags, plans, the typed value, the preview --- */

static struct proc_row *fx_row(struct snapshot *s, pid_t pid)
{
	for (size_t i = 0; i < s->nprocs; i++)
		if (s->procs[i]->pid == pid)
			return s->procs[i];
	ck_abort_msg("pid %d not in the fixture", (int)pid);
	return NULL;
}

START_TEST(tagset_follows_processes)
{
	struct snapshot s = fx_copy();
	struct tagset ts;
	tagset_clear(&ts);
	ck_assert_int_eq(tagset_toggle(&ts, 4242, 5000), 1);
	ck_assert_int_eq(tagset_toggle(&ts, 3150, 7100), 1);
	ck_assert_int_eq(tagset_toggle(&ts, 2001, 3000), 1);
	ck_assert_int_eq(tagset_toggle(&ts, 3150, 7100), 0); /* Space again untags */
	ck_assert(tagset_has(&ts, 4242, 5000));
	ck_assert(!tagset_has(&ts, 3150, 7100));
	ck_assert(!tagset_has(&ts, 4242, 4999)); /* the same pid, another process */
	ck_assert_uint_eq(tagset_prune(&ts, &s), 0);
	/* a refresh: 2001 exited (a ghost now), pid 4242 was reused by a new process */
	fx_row(&s, 2001)->state = PROC_EXITED;
	fx_row(&s, 4242)->start_ticks = 9999;
	ck_assert_uint_eq(tagset_prune(&ts, &s), 2);
	ck_assert_uint_eq(ts.n, 0);
	/* bounded */
	for (int i = 0; i < TAGSET_MAX; i++)
		ck_assert_int_eq(tagset_toggle(&ts, 100000 + i, 1), 1);
	ck_assert_int_eq(tagset_toggle(&ts, 99, 1), -ENOSPC);
	ck_assert_uint_eq(ts.n, TAGSET_MAX);
}
END_TEST

START_TEST(adj_value_parser)
{
	int v = 7;
	char why[128];
	ck_assert_int_eq(adj_parse_value("500", &v, why, sizeof(why)), 0);
	ck_assert_int_eq(v, 500);
	ck_assert_str_eq(why, "");
	ck_assert_int_eq(adj_parse_value("-950", &v, why, sizeof(why)), 0);
	ck_assert_int_eq(v, -950);
	ck_assert_int_eq(adj_parse_value(" +100 ", &v, why, sizeof(why)), 0);
	ck_assert_int_eq(v, 100);
	ck_assert_int_eq(adj_parse_value("-1000", &v, NULL, 0), 0);
	ck_assert_int_eq(v, -1000);
	ck_assert_int_eq(adj_parse_value("1000", &v, NULL, 0), 0);
	v = 7;
	ck_assert_int_eq(adj_parse_value("", &v, why, sizeof(why)), -EINVAL);
	ck_assert_ptr_nonnull(strstr(why, "-1000 to 1000"));
	ck_assert_int_eq(adj_parse_value("-", &v, why, sizeof(why)), -EINVAL);
	ck_assert_int_eq(adj_parse_value("12a", &v, why, sizeof(why)), -EINVAL);
	ck_assert_int_eq(adj_parse_value("1 2", &v, why, sizeof(why)), -EINVAL);
	ck_assert_int_eq(adj_parse_value("--5", &v, why, sizeof(why)), -EINVAL);
	ck_assert_ptr_nonnull(strstr(why, "not a number"));
	ck_assert_int_eq(adj_parse_value("1001", &v, why, sizeof(why)), -ERANGE);
	ck_assert_ptr_nonnull(strstr(why, "out of range"));
	ck_assert_int_eq(adj_parse_value("-1001", &v, why, sizeof(why)), -ERANGE);
	ck_assert_int_eq(adj_parse_value("99999999999999999999", &v, why, sizeof(why)), -ERANGE);
	ck_assert_int_eq(v, 7); /* untouched on failure */
}
END_TEST

START_TEST(adj_plan_steps_and_confirms)
{
	struct snapshot s = fx_copy();
	static struct adj_plan pl;
	/* ] on one process at 500: 600, no question asked */
	fx_row(&s, 4243)->oom_score_adj = 500;
	adj_plan_begin(&pl, ADJ_OP_STEP, 100, false);
	ck_assert_int_eq(adj_plan_add(&pl, fx_row(&s, 4243)), 0);
	ck_assert_int_eq(pl.t[0].old_adj, 500);
	ck_assert_int_eq(pl.t[0].new_adj, 600);
	ck_assert_uint_eq(pl.t[0].start_ticks, 5001);
	ck_assert_str_eq(pl.t[0].comm, "nas-helper");
	ck_assert(!adj_plan_needs_confirm(&pl));
	/* clamped at the top: nothing would change */
	fx_row(&s, 4243)->oom_score_adj = 1000;
	adj_plan_begin(&pl, ADJ_OP_STEP, 100, false);
	adj_plan_add(&pl, fx_row(&s, 4243));
	ck_assert_int_eq(pl.t[0].new_adj, 1000);
	ck_assert_uint_eq(adj_plan_changes(&pl), 0);
	/* [ from -800 enters the protected zone: asks */
	fx_row(&s, 4243)->oom_score_adj = -800;
	adj_plan_begin(&pl, ADJ_OP_STEP, -100, false);
	adj_plan_add(&pl, fx_row(&s, 4243));
	ck_assert_int_eq(pl.t[0].new_adj, -900);
	ck_assert(adj_plan_needs_confirm(&pl));
	ck_assert(adj_plan_enters_protection(&pl));
	/* within the zone already: no question (the operator was asked on the way in) */
	fx_row(&s, 4243)->oom_score_adj = -900;
	adj_plan_begin(&pl, ADJ_OP_STEP, -100, false);
	adj_plan_add(&pl, fx_row(&s, 4243));
	ck_assert(!adj_plan_needs_confirm(&pl));
	/* a typed value replaces the step */
	adj_plan_set_value(&pl, 300);
	ck_assert_int_eq(pl.op, ADJ_OP_SET);
	ck_assert_int_eq(pl.t[0].new_adj, 300);
	/* a tagged group always asks; ghosts and kernel threads are left out */
	adj_plan_begin(&pl, ADJ_OP_STEP, 100, true);
	ck_assert_int_eq(adj_plan_add(&pl, fx_row(&s, 4242)), 0);
	ck_assert_int_eq(adj_plan_add(&pl, fx_row(&s, 4100)), -EINVAL); /* OOM-killed ghost */
	ck_assert_int_eq(adj_plan_add(&pl, fx_row(&s, 2)), -EINVAL);    /* kthreadd */
	ck_assert_uint_eq(pl.n, 1);
	ck_assert_uint_eq(pl.skipped, 2);
	ck_assert(adj_plan_needs_confirm(&pl));
	/* presets: protect, neutral, sacrifice */
	ck_assert_uint_eq(adj_presets_len, 3);
	ck_assert_int_eq(adj_presets[0].value, -900);
	ck_assert_int_eq(adj_presets[1].value, 0);
	ck_assert_int_eq(adj_presets[2].value, 1000);
}
END_TEST

START_TEST(adj_preview_names_the_new_victim)
{
	if (sysconf(_SC_PAGESIZE) != 4096)
		return; /* the fixture's numbers assume 4 KiB pages */
	struct snapshot s = fx_copy();
	static struct adj_plan pl;
	char lines[4][ADJ_PREVIEW_LEN];
	/* protecting the leaker hands its role to nas-helper in its cgroup, and to the
	 * docker app (110M + 4M swap) on the whole machine */
	adj_plan_begin(&pl, ADJ_OP_SET, -1000, false);
	adj_plan_add(&pl, fx_row(&s, 4242));
	size_t n = adj_preview(&s, &pl, lines, 4);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(lines[0], "next victim in nas-agent.service would become 4243 nas-helper "
	                           "(was 4242 leaky)");
	ck_assert_str_eq(lines[1], "next victim in the system would become 2001 python3 "
	                           "(was 4242 leaky)");
	/* a small change that does not move the ranking */
	adj_plan_set_value(&pl, 100);
	n = adj_preview(&s, &pl, lines, 4);
	ck_assert_str_eq(lines[0], "next victim in nas-agent.service stays 4242 leaky");
	ck_assert_str_eq(lines[1], "next victim in the system stays 4242 leaky");
	/* a tagged group stepped each by its own value, across two cgroup scopes */
	adj_plan_begin(&pl, ADJ_OP_STEP, 1000, true);
	adj_plan_add(&pl, fx_row(&s, 4243)); /* nas-agent.service */
	adj_plan_add(&pl, fx_row(&s, 2001)); /* docker: alone in its scope */
	n = adj_preview(&s, &pl, lines, 4);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(lines[0], "next victim in nas-agent.service would become 4243 nas-helper "
	                           "(was 4242 leaky)");
	ck_assert_str_eq(lines[1], "next victim in docker 2e088fe462e2 stays 2001 python3");
	ck_assert_ptr_nonnull(strstr(lines[2], "the system would become"));
	/* at most max lines: the last says what was left out */
	n = adj_preview(&s, &pl, lines, 2);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(lines[1], "... and 2 more scopes");
	/* the process exited since the plan was made */
	fx_row(&s, 4243)->state = PROC_EXITED;
	fx_row(&s, 2001)->state = PROC_EXITED;
	n = adj_preview(&s, &pl, lines, 4);
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_nonnull(strstr(lines[0], "gone"));
	/* the snapshot itself was not touched by any preview */
	ck_assert_int_eq(fx_row(&s, 4242)->oom_score_adj, 0);
}
END_TEST

START_TEST(cgview_tree_collapse_flat)
{
	const struct snapshot *s = fixture_snapshot();
	struct cgview v;
	cgview_init(&v);
	ck_assert_int_eq(cgview_update(&v, s), 0);
	ck_assert_uint_eq(v.n, s->ncgroups);
	/* select /system.slice and collapse it */
	ck_assert(cgview_select_path(&v, s, "/system.slice"));
	ck_assert(cgview_set_collapsed(&v, s, true));
	cgview_update(&v, s);
	ck_assert_uint_eq(v.n, s->ncgroups - 3);
	ck_assert_str_eq(cgview_selected(&v, s)->path, "/system.slice");
	ck_assert(cgview_set_collapsed(&v, s, false));
	cgview_update(&v, s);
	ck_assert_uint_eq(v.n, s->ncgroups);
	/* flat: fullest first (nas-agent at 85% of its limit) */
	v.tree = false;
	cgview_update(&v, s);
	ck_assert_str_eq(s->cgroups[v.rows[0]].path, "/system.slice/nas-agent.service");
	ck_assert(fabs(cgview_pct(&s->cgroups[2]) - 84.96) < 0.1);
	cgview_free(&v);
}
END_TEST

START_TEST(rate_classes)
{
	struct slope steep = {200.0 * 1024 * 1024 / 3600, 0.95};
	struct slope rising = {5.0 * 1024 * 1024 / 3600, 0.9};
	struct slope noisy = {5.0 * 1024 * 1024 / 3600, 0.2};
	struct slope falling = {-5.0 * 1024 * 1024 / 3600, 0.9};
	struct slope flat = {100.0 / 3600, 0.9};
	struct slope unknown = {NAN, NAN};
	ck_assert_int_eq(rate_classify(&steep, true), RATE_STEEP);
	ck_assert_int_eq(rate_classify(&rising, true), RATE_RISING);
	ck_assert_int_eq(rate_classify(&noisy, true), RATE_NOISY);
	ck_assert_int_eq(rate_classify(&falling, true), RATE_FALLING);
	ck_assert_int_eq(rate_classify(&flat, true), RATE_FLAT);
	ck_assert_int_eq(rate_classify(&unknown, true), RATE_UNKNOWN);
	char buf[32];
	ck_assert_str_eq(fmt_bytes_rate_h(buf, sizeof(buf), 210.0 * 1024 * 1024 / 3600), "+210M/h");
	ck_assert_str_eq(fmt_count(buf, sizeof(buf), VAL_UNKNOWN), "-");
}
END_TEST

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	Suite *s = suite_create("tui");
	TCase *tc = tcase_create("pure");
	tcase_add_test(tc, sanitize_controls_and_escapes);
	tcase_add_test(tc, sanitize_utf8);
	tcase_add_test(tc, sanitize_limits);
	tcase_add_test(tc, keymap_no_duplicates_and_help);
	tcase_add_test(tc, keymap_adj_controls);
	tcase_add_test(tc, keymap_design_keys);
	tcase_add_test(tc, theme_parse_good);
	tcase_add_test(tc, theme_parse_bad_reports_file_line);
	tcase_add_test(tc, theme_defaults_all_parse);
	tcase_add_test(tc, theme_files_shipped_parse_cleanly);
	tcase_add_test(tc, theme_colour_mapping);
	tcase_add_test(tc, settings_parse_and_roundtrip);
	tcase_add_test(tc, settings_bad_lines);
	tcase_add_test(tc, settings_held_kmem);
	tcase_add_test(tc, layout_sizes);
	tcase_add_test(tc, layout_hidden_panes);
	tcase_add_test(tc, fit_columns_drops_by_priority);
	tcase_add_test(tc, procview_sort_filter_follow);
	tcase_add_test(tc, procview_stays_on_top_until_moved);
	tcase_add_test(tc, cgview_tree_collapse_flat);
	tcase_add_test(tc, tagset_follows_processes);
	tcase_add_test(tc, adj_value_parser);
	tcase_add_test(tc, adj_plan_steps_and_confirms);
	tcase_add_test(tc, adj_preview_names_the_new_victim);
	tcase_add_test(tc, rate_classes);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
