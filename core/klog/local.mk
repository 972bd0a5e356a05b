# core/klog/ — the kernel's OOM kills: kernel-log transports and decoding, the OOM
# report parser, the event type and the bounded event store.
liboomtop_core_a_SOURCES += \
	%reldir%/kmsg_source.c %reldir%/kmsg_source.h \
	%reldir%/oom_event.c %reldir%/oom_event.h \
	%reldir%/oom_parse.c %reldir%/oom_parse.h \
	%reldir%/oom_log.c %reldir%/oom_log.h
