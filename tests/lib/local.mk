# tests/lib/ — what several unit tests share: fixture directory trees (fxtree), fixture
# processes and system files under a fake /proc (fxproc), and an identity reader of such
# a tree (fxident, core/proc/identity.h), and the process table on such a tree (fxtable).
check_LIBRARIES = tests/lib/libtestsupport.a
tests_lib_libtestsupport_a_SOURCES = \
	%reldir%/fxtree.c %reldir%/fxtree.h \
	%reldir%/fxproc.c %reldir%/fxproc.h \
	%reldir%/fxident.c %reldir%/fxident.h \
	%reldir%/fxtable.c %reldir%/fxtable.h
