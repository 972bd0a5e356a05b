# SPDX-License-Identifier: GPL-2.0-or-later
# core/ — the snapshot types (model.h) and the collector: one refresh runs the readers of
# the role folders below and builds the snapshot. Nothing else lives at this level.
liboomtop_core_a_SOURCES += \
	%reldir%/model.h \
	%reldir%/collector.c %reldir%/collector.h
