# SPDX-License-Identifier: GPL-2.0-or-later
# tests/contrib/ — what contrib/ installs: the shell completions offer exactly the options
# of --help, the example systemd units run and pass systemd-analyze verify.
TESTS += %reldir%/completion.sh %reldir%/units.sh
EXTRA_DIST += %reldir%/completion.sh %reldir%/units.sh
