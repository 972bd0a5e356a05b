/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/tui/fxhistory.h — a recording of the fixture machine (tests/tui/fixture.h) for the
 * screen's history mode, written through core/history's writer into a temporary file:
 * moments every 10 s in two stretches, FXHISTORY_A0..A1 and FXHISTORY_B0..B1 (the recorder
 * stopped for a while between them), the newest a minute before the fixture's clock. The
 * agent (pid 4242, "leaky") grows 210 MiB/h up to the 800 MiB it has at FXHISTORY_NOW, and
 * its cgroup as much; the rest is as the fixture has it. No kills are recorded. */
#ifndef OOMTOP_TESTS_TUI_FXHISTORY_H
#define OOMTOP_TESTS_TUI_FXHISTORY_H

#include <stdint.h>

#define FXHISTORY_NOW INT64_C(1700000000) /* the fixture's clock: 2023-11-14 22:13:20 UTC */
#define FXHISTORY_A0 (FXHISTORY_NOW - 900)
#define FXHISTORY_A1 (FXHISTORY_NOW - 710)
#define FXHISTORY_B0 (FXHISTORY_NOW - 300)
#define FXHISTORY_B1 (FXHISTORY_NOW - 60)
#define FXHISTORY_MIB_PER_S (210.0 * 1024 * 1024 / 3600) /* the agent's leak */

/* The agent's RSS at t, as recorded (bytes). */
int64_t fxhistory_agent_rss(int64_t t);

/* Records it in a new temporary directory; returns the database's path (static storage,
 * valid until fxhistory_remove). Fails the test when it cannot. */
const char *fxhistory_make(void);
/* Removes the database, its WAL files and the directory. */
void fxhistory_remove(const char *path);

#endif
