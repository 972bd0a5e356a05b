# SPDX-License-Identifier: GPL-2.0-or-later
# bench/ — `make bench` spawns idle processes and compares oomtop's cost per refresh with
# top -b and htop, side by side (bench/run --help). Not a test: it reports and never
# fails CI. BENCH_FLAGS="--large" adds 10,000 processes. bench/readcost measures what
# each way of reading a /proc file costs (the held-file policy's numbers). `make
# bench-history` measures the recorder: a simulated week's store, loading it at start,
# its CPU beside atop's log (bench/history --help; HISTORY_BENCH_FLAGS).
EXTRA_PROGRAMS += bench/spawn bench/cpuwatch bench/history_week bench/readcost
bench_spawn_SOURCES = %reldir%/spawn.c
bench_spawn_LDADD = -lpthread
bench_cpuwatch_SOURCES = %reldir%/cpuwatch.c
bench_history_week_SOURCES = %reldir%/history_week.c
bench_history_week_LDADD = $(CORE_LIBS)
bench_readcost_SOURCES = %reldir%/readcost.c
EXTRA_DIST += %reldir%/run %reldir%/history
CLEANFILES += bench/spawn bench/cpuwatch bench/history_week bench/readcost
bench: oomtop bench/spawn bench/cpuwatch
	OOMTOP='$(abs_top_builddir)/oomtop' BENCH_BIN='$(abs_top_builddir)/bench' $(SHELL) $(srcdir)/bench/run $(BENCH_FLAGS)
.PHONY: bench
bench-history: oomtop bench/spawn bench/cpuwatch bench/history_week
	OOMTOP='$(abs_top_builddir)/oomtop' BENCH_BIN='$(abs_top_builddir)/bench' $(SHELL) $(srcdir)/bench/history $(HISTORY_BENCH_FLAGS)
.PHONY: bench-history
