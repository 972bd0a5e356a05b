/* tests/lib/fxtable.c — see fxtable.h. */
#include "config.h"
#include "tests/lib/fxtable.h"

#include <string.h>

int fxtable_split(char *line, char **cols, int max)
{
	int n = 0;
	for (char *p = line; n < max;) {
		cols[n++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}
