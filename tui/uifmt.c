#include "config.h"
#include "tui/uifmt.h"

#include <math.h>
#include <stdio.h>

#include "core/base/textfmt.h"

char *uifmt_bytes(char *buf, size_t n, int64_t bytes)
{
	fmt_bytes(buf, n, bytes);
	return buf;
}

char *uifmt_rate_h(char *buf, size_t n, double per_s, bool bytes)
{
	if (bytes)
		fmt_bytes_rate_h(buf, n, per_s);
	else
		fmt_count_rate_h(buf, n, per_s);
	return buf;
}

char *uifmt_duration(char *buf, size_t n, double s)
{
	fmt_duration(buf, n, s);
	return buf;
}

char *uifmt_count(char *buf, size_t n, int64_t v)
{
	if (!val_known(v))
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%lld", (long long)v);
	return buf;
}

enum rate_class uifmt_rate_class(const struct slope *s, bool bytes)
{
	if (!s || isnan(s->per_s))
		return RATE_UNKNOWN;
	double h = s->per_s * 3600.0;
	double flat = bytes ? 1024.0 * 1024.0 : 1.0;
	double steep = bytes ? 100.0 * 1024.0 * 1024.0 : 100.0;
	if (fabs(h) < flat)
		return RATE_FLAT;
	if (h < 0)
		return RATE_FALLING;
	if (!isnan(s->fit) && s->fit < 0.5)
		return RATE_NOISY;
	return h >= steep ? RATE_STEEP : RATE_RISING;
}
