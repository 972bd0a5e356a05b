/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/tui/check_tui_config.c — what the screen reads and must never trust: the
 * sanitiser (every byte drawn goes through it), the key table, the theme and settings
 * parsers, the shipped themes. */
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
#include "tui/adj/plan.h"
#include "tui/model/cgview.h"
#include "tui/keymap.h"
#include "tui/layout.h"
#include "tui/listview.h"
#include "tui/model/evview.h"
#include "tui/model/procview.h"
#include "tui/model/rate.h"
#include "tui/sanitize.h"
#include "tui/config/settings.h"
#include "tui/adj/tags.h"
#include "tui/config/theme.h"
#include "tui/config/theme_file.h"
#include "tui/input.h"
#include "tui/reaction.h"
#include "tui/state.h"
#include "tests/unit/ck_run.h"

/* --- sanitiser --- */

START_TEST(sanitize_controls_and_escapes)
{
	char out[128];
	int w = sanitize_text(out, sizeof(out), "a\033[31mred\033[0m\tb\x7f", -1, true);
	ck_assert_str_eq(out, "a^[[31mred^[[0m^Ib^?");
	ck_assert_int_eq(w, (int)strlen(out));
	/* C1 CSI as UTF-8 (U+009B) and as a raw byte */
	sanitize_text(out, sizeof(out), "x\xc2\x9b" "2Jy\x9bz", -1, true);
	ck_assert_str_eq(out, "x?2Jy?z");
}
END_TEST

START_TEST(sanitize_utf8)
{
	char out[128];
	/* valid multibyte kept, invalid and overlong bytes replaced one by one */
	int w = sanitize_text(out, sizeof(out), "caf\xc3\xa9 \xff\xc0\xaf end", -1, true);
	ck_assert_str_eq(out, "caf\xc3\xa9 ??? end");
	ck_assert_int_eq(w, 12);
	/* ASCII terminal: every non-ASCII byte is '?' */
	sanitize_text(out, sizeof(out), "caf\xc3\xa9", -1, false);
	ck_assert_str_eq(out, "caf??");
	/* bidi override (zero width) is not passed through */
	sanitize_text(out, sizeof(out), "a\xe2\x80\xae" "b", -1, true);
	ck_assert_str_eq(out, "a?b");
	/* wide characters count two columns and are never split */
	w = sanitize_text(out, sizeof(out), "\xe6\x97\xa5\xe6\x9c\xac", 3, true);
	ck_assert_str_eq(out, "\xe6\x97\xa5");
	ck_assert_int_eq(w, 2);
	ck_assert_int_eq(sanitize_width("\xe6\x97\xa5\xe6\x9c\xac", true), 4);
}
END_TEST

START_TEST(sanitize_limits)
{
	char out[8];
	sanitize_text(out, sizeof(out), "abcdefghijkl", -1, true);
	ck_assert_str_eq(out, "abcdefg");
	sanitize_text(out, sizeof(out), "ab\033cd", 3, true); /* the caret pair does not fit */
	ck_assert_str_eq(out, "ab");
	sanitize_text(out, sizeof(out), NULL, 5, true);
	ck_assert_str_eq(out, "");
	/* a truncated multibyte sequence at the end */
	sanitize_text(out, sizeof(out), "a\xe6\x97", -1, true);
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
	/* oomtop(1) CHANGING OOM_SCORE_ADJ: ]/F8 +100, [/F7 -100, a types a value; presets, tags, undo are ours */
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
	/* oomtop(1) KEYS: the htop habits are bound where the operator expects them */
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
	ck_assert_int_eq(theme_file_parse(&t, buf, strlen(buf), "x.theme", collect, &r), 0);
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
	ck_assert_int_eq(theme_file_parse(&t, buf, strlen(buf), "bad.theme", collect, &r), 6);
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
		ck_assert_int_eq(theme_file_load(&t, path, collect, &r, &problems), 0);
		ck_assert_msg(problems == 0, "%s: %s", path, r.msg[0]);
		if (i == 0) { /* default.theme equals the built-in defaults */
			struct theme d;
			theme_defaults(&d);
			ck_assert(memcmp(t.col, d.col, sizeof(d.col)) == 0);
		}
		/* the reclaimable part of a bar is told apart from the used part by colour
		 * (mono: by its glyph and the dim attribute) */
		if (strcmp(names[i], "mono") != 0) {
			const struct theme_color *u = &t.col[C_MEM_USED], *c = &t.col[C_MEM_RECLAIM];
			ck_assert_msg(c->kind != TCOL_DEFAULT &&
			                      (c->kind != u->kind || c->rgb != u->rgb || c->index != u->index),
			              "%s: mem_reclaimable looks like mem_used", path);
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

/* Themes come from the user's folder, $OOMTOP_THEMEDIR and the configured data dir only:
 * never from beside the binary (an installed /usr/bin/oomtop would read /usr/bin/themes
 * and /themes), so a theme shipped in the source tree is not found by name here. */
START_TEST(theme_dirs_not_beside_the_binary)
{
	char saved_xdg[4096] = "", saved_env[4096] = "";
	const char *x = getenv("XDG_CONFIG_HOME"), *e = getenv("OOMTOP_THEMEDIR");
	if (x)
		snprintf(saved_xdg, sizeof(saved_xdg), "%s", x);
	if (e)
		snprintf(saved_env, sizeof(saved_env), "%s", e);
	setenv("XDG_CONFIG_HOME", "/nonexistent-oomtop-test", 1);
	unsetenv("OOMTOP_THEMEDIR");
	char dirs[8][4096];
	size_t n = theme_file_dirs(dirs, 8);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(dirs[0], "/nonexistent-oomtop-test/oomtop/themes");
	ck_assert_str_eq(dirs[1], OOMTOP_THEMEDIR);
	/* this test program sits in the build tree, two levels below themes/: not found */
	char exe[4096];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	ck_assert_int_gt(len, 0);
	exe[len] = '\0';
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(strncmp(dirs[i], exe, (size_t)(strrchr(exe, '/') - exe)) != 0,
			      "theme dir %s is beside the binary %s", dirs[i], exe);
	const char *names[16];
	size_t nn = theme_file_list(names, 16);
	if (access(OOMTOP_THEMEDIR, F_OK) != 0) { /* not installed here: only the built-in one */
		ck_assert_uint_eq(nn, 1);
		ck_assert_str_eq(names[0], "default");
		struct theme t;
		ck_assert_int_eq(theme_file_load(&t, "light", NULL, NULL, NULL), -ENOENT);
	}
	/* $OOMTOP_THEMEDIR is searched before the data dir (an uninstalled build uses it) */
	char themes[4096];
	snprintf(themes, sizeof(themes), "%s/themes", SRCDIR);
	setenv("OOMTOP_THEMEDIR", themes, 1);
	n = theme_file_dirs(dirs, 8);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(dirs[1], themes);
	struct theme t;
	ck_assert_int_eq(theme_file_load(&t, "light", NULL, NULL, NULL), 0);
	ck_assert_str_eq(t.name, "light");
	if (saved_xdg[0])
		setenv("XDG_CONFIG_HOME", saved_xdg, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	if (saved_env[0])
		setenv("OOMTOP_THEMEDIR", saved_env, 1);
	else
		unsetenv("OOMTOP_THEMEDIR");
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

/* contrib/oomtoprc (installed as an example, and in the Debian package as /etc/oomtoprc)
 * names every key with its default, commented out: uncommented, it parses cleanly to the
 * defaults, so the example cannot drift from the parser. */
START_TEST(settings_example_file_holds_the_defaults)
{
	size_t len;
	char *buf = util_slurp(SRCDIR "/contrib/oomtoprc", &len);
	ck_assert_ptr_nonnull(buf);
	struct settings as_is, s, d;
	struct reports r = {.n = 0};
	settings_defaults(&as_is);
	ck_assert_int_eq(settings_parse(&as_is, buf, len, "oomtoprc", collect, &r), 0);
	ck_assert_uint_eq(as_is.given, 0); /* all commented out */
	/* "#key=value" lines uncommented; prose comments ("# ...") stay */
	char *on = malloc(len + 1);
	ck_assert_ptr_nonnull(on);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		bool line_start = i == 0 || buf[i - 1] == '\n';
		if (line_start && buf[i] == '#' && i + 1 < len && buf[i + 1] != ' ' && buf[i + 1] != '\n')
			continue;
		on[n++] = buf[i];
	}
	settings_defaults(&s);
	ck_assert_int_eq(settings_parse(&s, on, n, "oomtoprc", collect, &r), 0);
	ck_assert_uint_eq(s.given, SETTING_ALL);
	ck_assert_int_eq(r.n, 0);
	settings_defaults(&d);
	s.given = 0;
	ck_assert(memcmp(&s, &d, sizeof(s)) == 0);
	free(on);
	free(buf);
}
END_TEST

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
	ck_assert_int_eq(settings_parse(&s, buf, strlen(buf), "rc", collect, &r), 0);
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
	ck_assert_int_eq(settings_parse(&back, text, strlen(text), "rc2", collect, &r), 0);
	ck_assert(memcmp(&s, &back, sizeof(s)) == 0);

	/* found by fuzzing: a theme name that is itself quoted lost a pair of quotes at
	 * every save */
	static const char quotes[] = "theme=\"\"\"\"\"\n";
	ck_assert_int_eq(settings_parse(&s, quotes, sizeof(quotes) - 1, "rc3", collect, &r), 0);
	ck_assert_str_eq(s.theme, "\"\"\"");
	settings_format(&s, text, sizeof(text));
	settings_defaults(&back);
	ck_assert_int_eq(settings_parse(&back, text, strlen(text), "rc4", collect, &r), 0);
	ck_assert_str_eq(back.theme, "\"\"\"");
}
END_TEST

/* A NUL byte inside the file is reported with its line, and the lines after it apply
 * (it used to end parsing silently: C strings). */
START_TEST(settings_nul_byte_reported)
{
	static const char text[] = "delay=3\nwin\0dow=60\nsort=pid\n";
	struct settings s;
	settings_defaults(&s);
	struct reports r = {.n = 0};
	ck_assert_int_eq(settings_parse(&s, text, sizeof(text) - 1, "rc", collect, &r), 1);
	ck_assert_str_eq(r.msg[0], "rc:2: a NUL byte: line not read");
	ck_assert_double_eq(s.delay_s, 3);
	ck_assert_double_eq(s.window_s, 300);
	ck_assert_int_eq(s.sort, SORT_PID);
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
		ck_assert_int_eq(settings_parse(&s, ok[i].line, strlen(ok[i].line), "rc", collect, &r), 0);
		ck_assert_uint_eq(s.held_kmem_bytes, ok[i].bytes);
		ck_assert(s.given & SETTING_HELD_KMEM);
		settings_format(&s, text, sizeof(text));
		ck_assert_msg(strstr(text, ok[i].written) != NULL, "%s written as:\n%s", ok[i].line, text);
		settings_defaults(&back);
		ck_assert_int_eq(settings_parse(&back, text, strlen(text), "rc2", collect, &r), 0);
		ck_assert_uint_eq(back.held_kmem_bytes, s.held_kmem_bytes);
		ck_assert(back.given & SETTING_HELD_KMEM);
	}
	/* a bad value is reported with its line and leaves the default */
	settings_defaults(&s);
	r.n = 0;
	const char *bad = "delay=2\nheld_kmem=2G\nheld_kmem=8.5M\n";
	ck_assert_int_eq(settings_parse(&s, bad, strlen(bad), "rc", collect, &r), 2);
	ck_assert_str_eq(r.msg[0], "rc:2: bad value '2G' for held_kmem (0 to 1G: bytes, or K, M, G)");
	ck_assert_str_eq(r.msg[1], "rc:3: bad value '8.5M' for held_kmem (0 to 1G: bytes, or K, M, G)");
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
	ck_assert_int_eq(settings_parse(&s, buf, strlen(buf), "/home/x/.config/oomtop/oomtoprc", collect, &r), 5);
	ck_assert(strncmp(r.msg[0], "/home/x/.config/oomtop/oomtoprc:1: bad value '0' for delay", 58) == 0);
	ck_assert(strncmp(r.msg[1], "/home/x/.config/oomtop/oomtoprc:2: unknown sort key 'bogus'", 59) == 0);
	ck_assert_str_eq(r.msg[2], "/home/x/.config/oomtop/oomtoprc:3: unknown setting 'colour'");
	ck_assert_str_eq(r.msg[3], "/home/x/.config/oomtop/oomtoprc:4: unknown column 'nope'");
	ck_assert(s.delay_s == d.delay_s && s.sort == d.sort);
	ck_assert(memcmp(s.columns, d.columns, sizeof(s.columns)) == 0);
}
END_TEST


int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	Suite *s = suite_create("tui_config");
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
	tcase_add_test(tc, theme_dirs_not_beside_the_binary);
	tcase_add_test(tc, settings_example_file_holds_the_defaults);
	tcase_add_test(tc, theme_colour_mapping);
	tcase_add_test(tc, settings_parse_and_roundtrip);
	tcase_add_test(tc, settings_bad_lines);
	tcase_add_test(tc, settings_held_kmem);
	tcase_add_test(tc, settings_nul_byte_reported);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
