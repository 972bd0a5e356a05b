# SPDX-License-Identifier: GPL-2.0-or-later
# core/output/ — machine- and human-readable renderings: snapshots as text, JSON and
# Prometheus; OOM events as JSON and text; the rhythm of a unit's kills (--by-unit).
liboomtop_core_a_SOURCES += \
	%reldir%/output.h \
	%reldir%/text.c %reldir%/text.h \
	%reldir%/json.c %reldir%/json.h \
	%reldir%/prom.c %reldir%/prom.h \
	%reldir%/event.c %reldir%/event.h \
	%reldir%/rhythm.c %reldir%/rhythm.h \
	%reldir%/json_write.c %reldir%/json_write.h
