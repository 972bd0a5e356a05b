/* oomtop.c — main(): parse options, then run batch, events, a one-off write, or the screen. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/events_cmd.h"

/* ---- TEMPORARY (issue 4): minimal --events handling for the e2e tests, until the real
 * getopt_long parser (core/options.c) wires --events/--follow/--kmsg/--format to
 * events_cmd_run(). Accepts: --events [--follow] [--format text|json] [--kmsg FILE|-]. */
static int events_main_tmp(int argc, char **argv)
{
	bool events = false, follow = false;
	enum events_format fmt = EVENTS_FORMAT_TEXT;
	const char *kmsg = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = NULL;
		if (strcmp(a, "--events") == 0) {
			events = true;
		} else if (strcmp(a, "--follow") == 0) {
			follow = true;
		} else if (strncmp(a, "--format", 8) == 0 || strncmp(a, "--kmsg", 6) == 0) {
			const char *eq = strchr(a, '=');
			if (eq)
				v = eq + 1;
			else if (i + 1 < argc)
				v = argv[++i];
			if (!v) {
				fprintf(stderr, "oomtop: %s needs a value\n", a);
				return 2;
			}
			if (strncmp(a, "--kmsg", 6) == 0) {
				kmsg = v;
			} else if (strcmp(v, "json") == 0) {
				fmt = EVENTS_FORMAT_JSON;
			} else if (strcmp(v, "text") == 0) {
				fmt = EVENTS_FORMAT_TEXT;
			} else {
				fprintf(stderr, "oomtop: --format: '%s' is not one of text, json\n", v);
				return 2;
			}
		} else {
			return -1;
		}
	}
	if (!events)
		return -1;
	return events_cmd_run(kmsg, follow, fmt, stdout, stderr);
}
/* ---- end TEMPORARY */

int main(int argc, char **argv)
{
	int rc = events_main_tmp(argc, argv);
	if (rc >= 0)
		return rc;
	puts(PACKAGE_STRING);
	return 0;
}
