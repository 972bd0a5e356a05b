# SPDX-License-Identifier: GPL-2.0-or-later
# tests/fuzz/ — one libFuzzer target per parser: tests/fuzz/fuzz_NAME.c, its seeds in
# tests/fuzz/seeds/NAME/, a description and options in NAME.fuzz. `make check` runs each
# for FUZZ_SECONDS (default 4; 0 skips) through fuzz_short.sh, linked against core and tui
# compiled once more with clang and the sanitizers by instrumented.sh, from the
# libraries' own source lists. `scripts/fuzz SECONDS [NAME...]` runs them longer.
FUZZ_TESTS = \
	%reldir%/oom_parse.fuzz %reldir%/status.fuzz %reldir%/stat.fuzz %reldir%/proc_cgroup.fuzz \
	%reldir%/meminfo.fuzz %reldir%/vmstat.fuzz %reldir%/psi.fuzz %reldir%/mountinfo.fuzz \
	%reldir%/cgroup_files.fuzz %reldir%/theme.fuzz %reldir%/settings.fuzz %reldir%/sanitize.fuzz \
	%reldir%/kmsg_decode.fuzz %reldir%/memstat.fuzz %reldir%/killers.fuzz %reldir%/unit_msg.fuzz \
	%reldir%/oom_journal.fuzz %reldir%/history_when.fuzz %reldir%/limits.fuzz %reldir%/smaps.fuzz \
	%reldir%/fd_link.fuzz
TESTS += $(FUZZ_TESTS)
FUZZ_LOG_COMPILER = $(SHELL) $(top_srcdir)/%reldir%/fuzz_short.sh
EXTRA_DIST += $(FUZZ_TESTS) $(FUZZ_TESTS:%reldir%/%.fuzz=%reldir%/fuzz_%.c) %reldir%/fuzz.h \
	%reldir%/fuzz_short.sh %reldir%/instrumented.sh %reldir%/seeds

$(FUZZ_TESTS:.fuzz=.log): %reldir%/lib/stamp
# always run: the script is incremental, and FUZZ_SECONDS may differ from the last run
%reldir%/lib/stamp: fuzz-always
	$(AM_V_GEN)SRCDIR='$(abs_top_srcdir)' BUILDDIR='$(abs_top_builddir)' \
	  $(SHELL) $(srcdir)/%reldir%/instrumented.sh %reldir%/lib \
	  "$(PROC2_CFLAGS) $(CGROUP_CFLAGS) $(SYSTEMD_CFLAGS) $(NCURSES_CFLAGS) $(SQLITE_CFLAGS)" \
	  "$(PROC2_LIBS) $(CGROUP_LIBS) $(SYSTEMD_LIBS) $(NCURSES_LIBS) $(SQLITE_LIBS)" -- \
	  $(liboomtop_core_a_SOURCES) $(liboomtop_tui_a_SOURCES)
fuzz-always:
.PHONY: fuzz-always
clean-local: clean-fuzz-lib
clean-fuzz-lib:
	-rm -rf %reldir%/lib
.PHONY: clean-fuzz-lib
