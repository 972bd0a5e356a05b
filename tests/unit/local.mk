# SPDX-License-Identifier: GPL-2.0-or-later
# tests/unit/ — Check unit tests of core, each linked with core alone (never ncurses).
CORE_UNIT_TESTS = \
	%reldir%/check_base %reldir%/check_userfile %reldir%/check_identity_feed %reldir%/check_parsers \
	%reldir%/check_detail %reldir%/check_cgroups %reldir%/check_cgroup_discover \
	%reldir%/check_output_json %reldir%/check_output_text %reldir%/check_output_prom %reldir%/check_procsort \
	%reldir%/check_kmsg %reldir%/check_oom_events %reldir%/check_oom_adj \
	%reldir%/check_badness %reldir%/check_leak %reldir%/check_memstat \
	%reldir%/check_proc_held %reldir%/check_proc_table %reldir%/check_proc_sampler \
	%reldir%/check_collector \
	%reldir%/check_journal %reldir%/check_killers %reldir%/check_merge \
	%reldir%/check_rhythm %reldir%/check_history %reldir%/check_history_retention \
	%reldir%/check_history_file %reldir%/check_history_live %reldir%/check_history_kills \
	%reldir%/check_history_trail
EXTRA_DIST += %reldir%/ck_run.h
if HAVE_CHECK
check_PROGRAMS += $(CORE_UNIT_TESTS)
TESTS += $(CORE_UNIT_TESTS)
endif
