# static/ — stand-ins only the static binary links (--enable-static-binary, scripts/static):
# libproc2's libsystemd calls stubbed, NSS and dlopen wrapped (-Wl,--wrap in
# STATIC_LDFLAGS: static glibc's getpwuid would load a second libc). The tests and helpers
# link as usual.
if STATIC_BINARY
oomtop_SOURCES += %reldir%/systemd_stubs.c %reldir%/nss.c
endif
