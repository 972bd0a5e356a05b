# SPDX-License-Identifier: GPL-2.0-or-later
# tests/app/ — Check unit tests of the application layer (options, the settings merge,
# the commands), linked with every layer.
APP_UNIT_TESTS = %reldir%/check_options %reldir%/check_run_config %reldir%/check_commands
if HAVE_CHECK
check_PROGRAMS += $(APP_UNIT_TESTS)
TESTS += $(APP_UNIT_TESTS)
ALL_LAYERS_TEST_LIBS = $(TEST_SUPPORT) $(APP_LIBS) $(TUI_LIBS) $(CORE_LIBS) $(CHECK_LIBS)
tests_app_check_options_LDADD = $(ALL_LAYERS_TEST_LIBS)
tests_app_check_commands_LDADD = $(ALL_LAYERS_TEST_LIBS)
tests_app_check_run_config_LDADD = $(ALL_LAYERS_TEST_LIBS)
endif
