# tests/contrib/ — what contrib/ installs: the shell completions offer exactly the options
# of --help, the example systemd units run and pass systemd-analyze verify, the example
# oomtoprc holds every key and reads cleanly.
TESTS += %reldir%/completion.sh %reldir%/units.sh %reldir%/oomtoprc.sh
EXTRA_DIST += %reldir%/completion.sh %reldir%/units.sh %reldir%/oomtoprc.sh
