/* core/history/size.c — see size.h. */
#include "config.h"
#include "core/history/size.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int history_size_parse(const char *s, int64_t *bytes)
{
	char *end;
	if (!s || !isdigit((unsigned char)s[0]))
		return -EINVAL;
	double v = strtod(s, &end);
	double unit = 1 << 20; /* a bare number is MiB */
	switch (toupper((unsigned char)*end)) {
	case 'K': unit = 1 << 10; break;
	case 'M': unit = 1 << 20; break;
	case 'G': unit = 1 << 30; break;
	case 'T': unit = (double)(INT64_C(1) << 40); break;
	case '\0': break;
	default: return -EINVAL;
	}
	if (*end) { /* a unit letter, perhaps spelt 64MiB or 64MB */
		end++;
		if (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0)
			end += strlen(end);
	}
	double b = v * unit;
	if (*end || !isfinite(b) || b < (double)HISTORY_SIZE_MIN_BYTES ||
	    b > (double)HISTORY_SIZE_MAX_BYTES)
		return -EINVAL;
	*bytes = (int64_t)b / 1024 * 1024; /* whole KiB: it is written back as such */
	return 0;
}
