# contrib/ — the recorder as a systemd service (oomtop-record.service), installed by make
# install into the system unit directory and left disabled (configure
# --with-systemdsystemunitdir=DIR picks the directory, --without-systemdsystemunitdir none).
EXTRA_DIST += %reldir%/oomtop-record.service.in
CLEANFILES += contrib/oomtop-record.service
if HAVE_SYSTEMD_UNIT
systemdsystemunit_DATA = contrib/oomtop-record.service
endif
contrib/oomtop-record.service: $(srcdir)/contrib/oomtop-record.service.in Makefile
	$(AM_V_GEN)$(MKDIR_P) contrib && sed -e 's|@bindir[@]|$(bindir)|g' $(srcdir)/contrib/oomtop-record.service.in >$@
# distcheck installs under its own prefix, never into the system's unit directory
AM_DISTCHECK_CONFIGURE_FLAGS = --with-systemdsystemunitdir='$$(prefix)/lib/systemd/system'
