# SPDX-License-Identifier: GPL-2.0-or-later
# tests/e2e/ — end-to-end scripts against the real binary: real processes, real memory
# cgroups (made under the test's own and removed afterwards), real OOM kills, the screen
# in tmux. A script that cannot run here says why and exits 77 (skip).
E2E_TESTS = \
	%reldir%/cli.sh %reldir%/snapshot.sh %reldir%/cgroup.sh %reldir%/leak_rate.sh \
	%reldir%/ghosts.sh %reldir%/screen_tmux.sh %reldir%/set_adj_cli.sh \
	%reldir%/next_victim.sh %reldir%/screen_adj.sh %reldir%/statm_gate.sh \
	%reldir%/oom_events.sh %reldir%/oom_ghost.sh %reldir%/hostile.sh %reldir%/pressure.sh \
	%reldir%/nobody.sh %reldir%/prom_format.sh %reldir%/longrun.sh %reldir%/static.sh \
	%reldir%/settings_file.sh %reldir%/working_set.sh %reldir%/hostile_files.sh \
	%reldir%/journal_files.sh %reldir%/journal_live.sh %reldir%/output_file.sh \
	%reldir%/screen_journal.sh \
	%reldir%/history.sh %reldir%/events_pipe.sh %reldir%/rename_exec.sh \
	%reldir%/pid_reuse.sh \
	%reldir%/screen_history.sh %reldir%/tiny_ulimit.sh \
	%reldir%/fd_detail.sh %reldir%/fd_many.sh %reldir%/screen_detail.sh
TESTS += $(E2E_TESTS)
EXTRA_DIST += $(E2E_TESTS) %reldir%/lib.sh %reldir%/helper.h
# cgroup v2 for real: a QEMU guest with the static oomtop (about 4 minutes). Not in TESTS:
# scripts/test runs it once, beside the static check, not in every `make check`.
EXTRA_DIST += %reldir%/v2_guest.sh %reldir%/v2guest/boot.sh %reldir%/v2guest/init \
	%reldir%/v2guest/cgtruth.c %reldir%/v2guest/reader.c

# Helper programs the scripts run. Those whose size the tests rely on (a leaker, a hog of
# known RSS) are never instrumented: ASan's shadow memory would change their sizes.
E2E_PLAIN_HELPERS = %reldir%/leaker %reldir%/fdopener %reldir%/hog %reldir%/oom_hog %reldir%/shifter \
	%reldir%/reuser %reldir%/sockleak
check_PROGRAMS += $(E2E_PLAIN_HELPERS) %reldir%/predict
# the v2 guest's helpers: v2_guest.sh links them statically for the guest; built here too
# so every build compiles them with the project's warnings
check_PROGRAMS += %reldir%/v2guest/cgtruth %reldir%/v2guest/reader
tests_e2e_v2guest_cgtruth_CFLAGS = $(PLAIN_CFLAGS)
tests_e2e_v2guest_cgtruth_LDFLAGS =
tests_e2e_v2guest_cgtruth_LDADD =
tests_e2e_v2guest_reader_CFLAGS = $(PLAIN_CFLAGS)
tests_e2e_v2guest_reader_LDFLAGS =
tests_e2e_v2guest_reader_LDADD =
tests_e2e_leaker_CFLAGS = $(PLAIN_CFLAGS)
tests_e2e_leaker_LDFLAGS =
tests_e2e_leaker_LDADD = -lm
tests_e2e_fdopener_CFLAGS = $(PLAIN_CFLAGS)
tests_e2e_fdopener_LDFLAGS =
tests_e2e_fdopener_LDADD = -lm
tests_e2e_sockleak_CFLAGS = $(PLAIN_CFLAGS)
tests_e2e_sockleak_LDFLAGS =
tests_e2e_sockleak_LDADD = -lm
tests_e2e_hog_CFLAGS = $(PLAIN_CFLAGS)
tests_e2e_hog_LDFLAGS =
tests_e2e_hog_LDADD = -lpthread
tests_e2e_oom_hog_CFLAGS = $(PLAIN_CFLAGS)
tests_e2e_oom_hog_LDFLAGS =
tests_e2e_oom_hog_LDADD =
tests_e2e_shifter_CFLAGS = $(PLAIN_CFLAGS)
tests_e2e_shifter_LDFLAGS =
tests_e2e_shifter_LDADD = -lpthread
tests_e2e_reuser_CFLAGS = $(PLAIN_CFLAGS)
tests_e2e_reuser_LDFLAGS =
tests_e2e_reuser_LDADD =
# core/estimate/badness.c on live processes
tests_e2e_predict_LDADD = $(CORE_LIBS)
