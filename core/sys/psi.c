#include "config.h"
#include "core/sys/psi.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool psi_line(const char *line, const char *kind, double *avg10)
{
	size_t n = strlen(kind);
	if (strncmp(line, kind, n) != 0 || line[n] != ' ')
		return false;
	/* look for avg10= on this line only: a `some` line without it must not borrow the
	 * `full` line's value */
	const char *eol = strchr(line, '\n');
	size_t len = eol ? (size_t)(eol - line) : strlen(line);
	const char *a = memmem(line, len, "avg10=", 6);
	if (!a)
		return false;
	char *end;
	double v = strtod(a + 6, &end);
	if (end == a + 6)
		return false;
	*avg10 = v;
	return true;
}

/* /proc/pressure/memory (4.20+, CONFIG_PSI), and cgroup v2 memory.pressure:
 *   some avg10=0.00 avg60=0.00 avg300=0.00 total=0
 *   full avg10=0.00 avg60=0.00 avg300=0.00 total=0
 */
int psi_parse(const char *buf, double *some_avg10, double *full_avg10)
{
	*some_avg10 = NAN;
	*full_avg10 = NAN;
	bool some = false;
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		some |= psi_line(p, "some", some_avg10);
		psi_line(p, "full", full_avg10);
	}
	return some ? 0 : -EINVAL;
}
