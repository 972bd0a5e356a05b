# tests/ — how the tests run (the fragments of tests/*/ list them): Check unit tests of
# each layer, screens rendered off-screen and compared with tests/golden/, end-to-end
# scripts against the real binary, real processes, cgroups and OOM kills, a short run of
# every libFuzzer target, and the man page checked against the key table.
TEST_EXTENSIONS = .sh .fuzz
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	OOMTOP='$(abs_top_builddir)/oomtop'; export OOMTOP; \
	SRCDIR='$(abs_top_srcdir)'; export SRCDIR; \
	BUILDDIR='$(abs_top_builddir)'; export BUILDDIR; \
	CK_DEFAULT_TIMEOUT=60; export CK_DEFAULT_TIMEOUT; \
	SANITIZERS='$(OOMTOP_SANITIZERS)'; export SANITIZERS; \
	STATIC_BINARY='$(OOMTOP_STATIC)'; export STATIC_BINARY;

# Unit test programs: tests/DIR/NAME.c is the program NAME, built with the test flags
# below and linked, unless its fragment says otherwise, with core alone (LDADD).
AM_CPPFLAGS += -DFIXTURES='"$(abs_top_srcdir)/tests/fixtures"' -DSRCDIR='"$(abs_top_srcdir)"' \
	-DGOLDEN='"$(abs_top_srcdir)/tests/golden"'
AM_CFLAGS += $(CHECK_CFLAGS) $(SQLITE_CFLAGS)
TEST_SUPPORT = tests/lib/libtestsupport.a
LDADD = $(TEST_SUPPORT) $(CORE_LIBS) $(CHECK_LIBS)

EXTRA_DIST += tests/fixtures tests/golden
