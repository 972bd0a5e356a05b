# core/estimate/ — what oomtop predicts: leak rates and times to a limit (leak), the
# kernel's next OOM victim (badness), and when a unit's next OOM kill is due (rhythm).
liboomtop_core_a_SOURCES += \
	%reldir%/leak.c %reldir%/leak.h \
	%reldir%/cgroup_eta.c %reldir%/cgroup_eta.h \
	%reldir%/badness.c %reldir%/badness.h \
	%reldir%/rhythm.c %reldir%/rhythm.h
