# SPDX-License-Identifier: GPL-2.0-or-later
# themes/ — the shipped colour themes, installed under $(pkgdatadir)/themes.
themesdir = $(pkgdatadir)/themes
dist_themes_DATA = %reldir%/default.theme %reldir%/light.theme %reldir%/mono.theme \
	%reldir%/high-contrast.theme
