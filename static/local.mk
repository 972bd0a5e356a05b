# SPDX-License-Identifier: GPL-2.0-or-later
# static/ — stand-ins only the static binary links (--enable-static-binary, scripts/static):
# libproc2's libsystemd calls stubbed, NSS and dlopen wrapped (-Wl,--wrap in
# STATIC_LDFLAGS: static glibc's getpwuid would load a second libc). The tests and helpers
# link as usual.
if STATIC_BINARY
oomtop_SOURCES += %reldir%/systemd_stubs.c %reldir%/nss.c
endif
# What the static binary bundles (README "Licence"): the archives the link took members
# from (its map, -Wl,-Map), their Debian packages, source versions and licences.
if STATIC_BINARY
noinst_DATA = oomtop.bundled
oomtop.bundled: oomtop %reldir%/bundled.sh
	$(AM_V_GEN)$(SHELL) $(srcdir)/%reldir%/bundled.sh oomtop.map $(PACKAGE_VERSION) $(srcdir) >$@.tmp && mv $@.tmp $@
endif
EXTRA_DIST += %reldir%/bundled.sh
CLEANFILES += oomtop.map oomtop.bundled oomtop.bundled.tmp
