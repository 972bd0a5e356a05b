# core/sys/ — system-wide memory: /proc/meminfo, /proc/vmstat, /proc/pressure/memory.
liboomtop_core_a_SOURCES += \
	%reldir%/sysmem.c %reldir%/sysmem.h
