/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/unit/ck_run.h — run a Check suite, the same way for every unit test: forked
 * tests (a crash fails one test, not the run), normal verbosity, exit status for make
 * check (0 when every test passed). */
#ifndef OOMTOP_CK_RUN_H
#define OOMTOP_CK_RUN_H

#include <check.h>
#include <stdlib.h>

static inline int ck_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
