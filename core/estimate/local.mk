# SPDX-License-Identifier: GPL-2.0-or-later
# core/estimate/ — what oomtop predicts: leak rates and times to a limit (leak; a process's
# fds to its RLIMIT_NOFILE: fd_eta), the kernel's next OOM victim (badness), and when a unit's next OOM kill is due (rhythm; kills
# grouped by unit with their rhythm: unit_rhythm); the recorded past that leak series start
# from (leak_past, an interface core/history implements).
liboomtop_core_a_SOURCES += \
	%reldir%/leak.c %reldir%/leak.h %reldir%/leak_past.h \
	%reldir%/cgroup_eta.c %reldir%/cgroup_eta.h \
	%reldir%/fd_eta.c %reldir%/fd_eta.h \
	%reldir%/badness.c %reldir%/badness.h \
	%reldir%/rhythm.c %reldir%/rhythm.h \
	%reldir%/unit_rhythm.c %reldir%/unit_rhythm.h
