# core/klog/ — the kernel's OOM kills: kernel-log decoding (pure: kmsg_line, the line type;
# kmsg_record, /dev/kmsg records; kmsg_date, dates; kmsg_text, saved-log shapes), the
# transports (kmsg_source: /dev/kmsg, klogctl, file/stdin), the OOM report parser, the
# event type and the bounded event store.
liboomtop_core_a_SOURCES += \
	%reldir%/kmsg_line.c %reldir%/kmsg_line.h \
	%reldir%/kmsg_record.c %reldir%/kmsg_record.h \
	%reldir%/kmsg_date.c %reldir%/kmsg_date.h \
	%reldir%/kmsg_text.c %reldir%/kmsg_text.h \
	%reldir%/kmsg_source.c %reldir%/kmsg_source.h \
	%reldir%/oom_event.c %reldir%/oom_event.h \
	%reldir%/unit_name.c %reldir%/unit_name.h \
	%reldir%/oom_parse.c %reldir%/oom_parse.h \
	%reldir%/oom_log.c %reldir%/oom_log.h
