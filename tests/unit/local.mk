# tests/unit/ — Check unit tests of core, each linked with core alone (never ncurses).
CORE_UNIT_TESTS = \
	%reldir%/check_base %reldir%/check_identity_feed %reldir%/check_parsers \
	%reldir%/check_cgroups %reldir%/check_output %reldir%/check_procsort \
	%reldir%/check_kmsg %reldir%/check_oom_events %reldir%/check_oom_adj \
	%reldir%/check_badness %reldir%/check_leak \
	%reldir%/check_proc_held %reldir%/check_proc_table %reldir%/check_proc_sampler \
	%reldir%/check_collector
check_PROGRAMS += $(CORE_UNIT_TESTS)
TESTS += $(CORE_UNIT_TESTS)
EXTRA_DIST += %reldir%/ck_run.h
