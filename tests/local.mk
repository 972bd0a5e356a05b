# SPDX-License-Identifier: GPL-2.0-or-later
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

# The unit tests alone (no end-to-end scripts, no fuzzing): what a package build runs
# (debian/rules), a few seconds and nothing it needs root for.
check-unit:
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(CORE_UNIT_TESTS) $(APP_UNIT_TESTS) $(TUI_UNIT_TESTS)'
.PHONY: check-unit

# Without Check (configure --without-check, or Check not installed) oomtop builds but
# the unit tests cannot: `make check` stops before anything runs and says why.
if !HAVE_CHECK
check_DATA = no-check-framework
no-check-framework:
	@echo "make check: the tests need the Check unit-test framework, and configure did not find it." >&2
	@echo "Install it (Debian: apt-get install check; scripts/setup does it), then re-run ./configure." >&2
	@exit 1
endif
