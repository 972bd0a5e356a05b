# tests/lib/ — what several unit tests share: fixture directory trees (fxtree), fixture
# processes and system files under a fake /proc (fxproc), and an identity reader of such
# a tree (fxident, core/proc/identity.h), and journal entries without libsystemd
# (fxjournal: the Journal Export Format, entries by hand).
check_LIBRARIES = tests/lib/libtestsupport.a
tests_lib_libtestsupport_a_SOURCES = \
	%reldir%/fxtree.c %reldir%/fxtree.h \
	%reldir%/fxproc.c %reldir%/fxproc.h \
	%reldir%/fxident.c %reldir%/fxident.h \
	%reldir%/fxjournal.c %reldir%/fxjournal.h
