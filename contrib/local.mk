# contrib/ — what is installed beside the binary: bash and zsh completion, and examples
# (systemd units for node_exporter's textfile collector, an oomtoprc with every key at
# its default) in $(docdir)/examples. Files made from NAME.in get this installation's
# paths (SUBST_PATHS, Makefile.am).
bashcompletiondir = @bashcompletiondir@
bashcompletion_DATA = %reldir%/completion/oomtop
zshcompletiondir = @zshcompletiondir@
zshcompletion_DATA = %reldir%/completion/_oomtop
examplesdir = $(docdir)/examples
examples_DATA = %reldir%/oomtop-textfile.service %reldir%/oomtop-exporter.service
dist_examples_DATA = %reldir%/oomtop-textfile.timer %reldir%/oomtoprc

CONTRIB_MADE = %reldir%/completion/oomtop %reldir%/completion/_oomtop \
	%reldir%/oomtop-textfile.service %reldir%/oomtop-exporter.service
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
