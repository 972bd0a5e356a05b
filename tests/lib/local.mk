# SPDX-License-Identifier: GPL-2.0-or-later
# tests/lib/ — what several unit tests share: fixture directory trees (fxtree), fixture
# processes and system files under a fake /proc (fxproc), an identity reader of such a
# tree (fxident, core/proc/identity.h), the expected.tsv tables beside fixtures (fxtable),
# the process table on such a tree (fxptab), a hand-built snapshot for the output tests
# (fxsnap), snapshots built piece by piece for the history writer's tests (fxrec), a
# collector on fixture trees with a clock the test moves (fxcollector), an in-memory
# history with a recorder (fxhist), a strict JSON parser (jsonv), and journal entries
# without libsystemd (fxjournal: the Journal Export Format, entries by hand).
# Built only when configure found Check (like the unit tests that use it).
if HAVE_CHECK
check_LIBRARIES = tests/lib/libtestsupport.a
tests_lib_libtestsupport_a_SOURCES = \
	%reldir%/fxtree.c %reldir%/fxtree.h \
	%reldir%/fxproc.c %reldir%/fxproc.h \
	%reldir%/fxident.c %reldir%/fxident.h \
	%reldir%/fxtable.c %reldir%/fxtable.h \
	%reldir%/fxptab.c %reldir%/fxptab.h \
	%reldir%/fxsnap.c %reldir%/fxsnap.h \
	%reldir%/fxrec.c %reldir%/fxrec.h \
	%reldir%/fxcollector.c %reldir%/fxcollector.h \
	%reldir%/fxhist.c %reldir%/fxhist.h \
	%reldir%/jsonv.c %reldir%/jsonv.h \
	%reldir%/fxjournal.c %reldir%/fxjournal.h
endif
