/* tests/e2e/setadj_run.c — core/setadj_cmd.c behind a minimal command line, so the
 * --set-adj tests run before (and besides) main's option parser:
 *   setadj_run [--readonly] --set-adj=PID:VALUE */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "app/cmd_setadj.h"

int main(int argc, char **argv)
{
	bool readonly = false;
	const char *arg = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--readonly") == 0)
			readonly = true;
		else if (strncmp(argv[i], "--set-adj=", 10) == 0)
			arg = argv[i] + 10;
		else {
			fprintf(stderr, "usage: setadj_run [--readonly] --set-adj=PID:VALUE\n");
			return 2;
		}
	}
	if (!arg) {
		fprintf(stderr, "usage: setadj_run [--readonly] --set-adj=PID:VALUE\n");
		return 2;
	}
	return setadj_cmd_run(arg, readonly, stdout, stderr);
}
