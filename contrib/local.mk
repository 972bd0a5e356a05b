# SPDX-License-Identifier: GPL-2.0-or-later
# contrib/ — what is installed beside the binary: bash and zsh completion, and examples
# (systemd units for node_exporter's textfile collector, an oomtoprc with every key at
# its default) in $(docdir)/examples; the recorder's unit (oomtop-record.service) in the
# system unit directory, disabled (configure --with-systemdsystemunitdir=DIR picks it,
# --without-systemdsystemunitdir installs none). Files made from NAME.in get this installation's
# paths (SUBST_PATHS, Makefile.am).
bashcompletiondir = @bashcompletiondir@
bashcompletion_DATA = %reldir%/completion/oomtop
zshcompletiondir = @zshcompletiondir@
zshcompletion_DATA = %reldir%/completion/_oomtop
examplesdir = $(docdir)/examples
examples_DATA = %reldir%/oomtop-textfile.service %reldir%/oomtop-exporter.service
dist_examples_DATA = %reldir%/oomtop-textfile.timer %reldir%/oomtoprc

CONTRIB_MADE = %reldir%/completion/oomtop %reldir%/completion/_oomtop \
	%reldir%/oomtop-textfile.service %reldir%/oomtop-exporter.service \
	%reldir%/oomtop-record.service
EXTRA_DIST += $(CONTRIB_MADE:=.in)
CLEANFILES += $(CONTRIB_MADE) $(CONTRIB_MADE:=.tmp)
%reldir%/completion/oomtop: %reldir%/completion/oomtop.in Makefile
	$(AM_V_GEN)$(MKDIR_P) %reldir%/completion && $(SUBST_PATHS) $(srcdir)/%reldir%/completion/oomtop.in >$@.tmp && mv $@.tmp $@
%reldir%/completion/_oomtop: %reldir%/completion/_oomtop.in Makefile
	$(AM_V_GEN)$(MKDIR_P) %reldir%/completion && $(SUBST_PATHS) $(srcdir)/%reldir%/completion/_oomtop.in >$@.tmp && mv $@.tmp $@
%reldir%/oomtop-textfile.service: %reldir%/oomtop-textfile.service.in Makefile
	$(AM_V_GEN)$(MKDIR_P) %reldir% && $(SUBST_PATHS) $(srcdir)/%reldir%/oomtop-textfile.service.in >$@.tmp && mv $@.tmp $@
%reldir%/oomtop-exporter.service: %reldir%/oomtop-exporter.service.in Makefile
	$(AM_V_GEN)$(MKDIR_P) %reldir% && $(SUBST_PATHS) $(srcdir)/%reldir%/oomtop-exporter.service.in >$@.tmp && mv $@.tmp $@
%reldir%/oomtop-record.service: %reldir%/oomtop-record.service.in Makefile
	$(AM_V_GEN)$(MKDIR_P) %reldir% && $(SUBST_PATHS) $(srcdir)/%reldir%/oomtop-record.service.in >$@.tmp && mv $@.tmp $@
if HAVE_SYSTEMD_UNIT
systemdsystemunit_DATA = %reldir%/oomtop-record.service
endif
# distcheck installs under its own prefix, never into the system's unit directory
AM_DISTCHECK_CONFIGURE_FLAGS = --with-systemdsystemunitdir='$$(prefix)/lib/systemd/system'
