# SPDX-License-Identifier: GPL-2.0-or-later
# tests/layers/ — the architecture as a test: arrows only go down (app → tui → core), core
# handles no signals and never exits, no include circle, no file over 850 lines.
TESTS += %reldir%/layers.sh
EXTRA_DIST += %reldir%/layers.sh
