# SPDX-License-Identifier: GPL-2.0-or-later
# core/klog/ — OOM kills of every killer: kernel-log decoding (pure: kmsg_line, the line
# type; kmsg_record, /dev/kmsg records; kmsg_date, dates; kmsg_text, saved-log shapes), the
# transports (kmsg_source: /dev/kmsg, klogctl, file/stdin; journal_source: sd-journal),
# the kernel's OOM report parser, the user-space killers' parsers (killer_*), systemd's unit
# messages (unit_msg, unit_name, unit_burst), journal entries to kills (oom_journal,
# oom_merge), the event type and the bounded event store.
liboomtop_core_a_SOURCES += \
	%reldir%/kmsg_line.c %reldir%/kmsg_line.h \
	%reldir%/kmsg_record.c %reldir%/kmsg_record.h \
	%reldir%/kmsg_date.c %reldir%/kmsg_date.h \
	%reldir%/kmsg_text.c %reldir%/kmsg_text.h \
	%reldir%/kmsg_source.c %reldir%/kmsg_source.h \
	%reldir%/oom_event.c %reldir%/oom_event.h \
	%reldir%/unit_name.c %reldir%/unit_name.h \
	%reldir%/oom_parse.c %reldir%/oom_parse.h \
	%reldir%/oom_table.c %reldir%/oom_table.h \
	%reldir%/oom_derive.c %reldir%/oom_derive.h \
	%reldir%/oom_log.c %reldir%/oom_log.h \
	%reldir%/unit_msg.c %reldir%/unit_msg.h \
	%reldir%/unit_burst.c %reldir%/unit_burst.h \
	%reldir%/killer_text.c %reldir%/killer_text.h \
	%reldir%/killer_oomd.c %reldir%/killer_oomd.h \
	%reldir%/killer_earlyoom.c %reldir%/killer_earlyoom.h \
	%reldir%/killer_nohang.c %reldir%/killer_nohang.h \
	%reldir%/oom_merge.c %reldir%/oom_merge.h \
	%reldir%/journal_entry.h \
	%reldir%/journal_source.c %reldir%/journal_source.h \
	%reldir%/oom_journal.c %reldir%/oom_journal.h \
	%reldir%/oom_source.c %reldir%/oom_source.h
