# tests/lib/ — what several unit tests share: fixture directory trees (fxtree).
check_LIBRARIES = tests/lib/libtestsupport.a
tests_lib_libtestsupport_a_SOURCES = %reldir%/fxtree.c %reldir%/fxtree.h
