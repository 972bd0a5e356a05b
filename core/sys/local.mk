# SPDX-License-Identifier: GPL-2.0-or-later
# core/sys/ — system-wide memory: a pure parser per kernel file (/proc/meminfo, /proc/vmstat,
# /proc/pressure/memory, /proc/loadavg, ZFS's arcstats) and the reader that holds them
# open (sysmem).
liboomtop_core_a_SOURCES += \
	%reldir%/meminfo.c %reldir%/meminfo.h \
	%reldir%/vmstat.c %reldir%/vmstat.h \
	%reldir%/psi.c %reldir%/psi.h \
	%reldir%/loadavg.c %reldir%/loadavg.h \
	%reldir%/arcstats.c %reldir%/arcstats.h \
	%reldir%/sysmem.c %reldir%/sysmem.h
