# SPDX-License-Identifier: GPL-2.0-or-later
# core/control/ — the one writer: oom_score_adj, checked, verified, logged, explained.
liboomtop_core_a_SOURCES += \
	%reldir%/oom_adj.c %reldir%/oom_adj.h
