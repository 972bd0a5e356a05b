# SPDX-License-Identifier: GPL-2.0-or-later
# core/history/ — what oomtop remembers (docs/history.md): the recording on SQLite. The
# database and its hostile path (file, lock, store, schema), the recorder's writes
# (writer, cgroups, events, boot) and what it keeps (retention, size); reading it back: recorded moments
# (timeline, when), a moment as a snapshot (moment, series), the past the collector
# starts from (replay); a recording looked at one moment at a time, for the screen (travel);
# one process's recent values for the detail view's plots (trail).
liboomtop_core_a_SOURCES += \
	%reldir%/file.c %reldir%/file.h \
	%reldir%/lock.c %reldir%/lock.h \
	%reldir%/store.c %reldir%/store.h \
	%reldir%/schema.c %reldir%/schema.h \
	%reldir%/boot.c %reldir%/boot.h \
	%reldir%/writer.c %reldir%/writer.h \
	%reldir%/cgroups.c %reldir%/cgroups.h \
	%reldir%/events.c %reldir%/events.h \
	%reldir%/retention.c %reldir%/retention.h \
	%reldir%/size.c %reldir%/size.h \
	%reldir%/timeline.c %reldir%/timeline.h \
	%reldir%/when.c %reldir%/when.h \
	%reldir%/series.c %reldir%/series.h \
	%reldir%/moment.c %reldir%/moment.h \
	%reldir%/replay.c %reldir%/replay.h \
	%reldir%/trail.c %reldir%/trail.h
liboomtop_core_a_SOURCES += %reldir%/travel.c %reldir%/travel.h
