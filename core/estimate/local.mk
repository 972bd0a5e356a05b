# core/estimate/ — what oomtop predicts: leak rates and times to a limit (leak), and the
# kernel's next OOM victim (badness); the recorded past that leak series start from
# (leak_past, an interface core/history implements).
liboomtop_core_a_SOURCES += \
	%reldir%/leak.c %reldir%/leak.h %reldir%/leak_past.h \
	%reldir%/badness.c %reldir%/badness.h
