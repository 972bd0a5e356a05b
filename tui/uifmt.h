/* tui/uifmt.h — the screen's cell formatting: char*-returning wrappers over core/textfmt
 * (the same spelling as batch output: "205M", "+200M/h", "2h05m"), and the colour class
 * of a rate. Pure. Unknown values print as "-", never as 0. */
#ifndef OOMTOP_TUI_UIFMT_H
#define OOMTOP_TUI_UIFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

char *uifmt_bytes(char *buf, size_t n, int64_t bytes);
/* per second → per hour with a sign; bytes: "+210M/h", counts: "+12/h". */
char *uifmt_rate_h(char *buf, size_t n, double per_s, bool bytes);
char *uifmt_duration(char *buf, size_t n, double s);
char *uifmt_count(char *buf, size_t n, int64_t v);

/* How steep and how steady a series rises; drives the rate colour. */
enum rate_class {
	RATE_UNKNOWN, /* not enough samples */
	RATE_FLAT,    /* small either way */
	RATE_FALLING,
	RATE_NOISY,   /* rising, but a straight line explains it poorly (fit < 0.5) */
	RATE_RISING,  /* rising steadily */
	RATE_STEEP,   /* rising steadily and fast */
};

/* bytes: flat below 1 MiB/h, steep from 100 MiB/h; counts: flat below 1/h, steep from
 * 100/h. */
enum rate_class uifmt_rate_class(const struct slope *s, bool bytes);

#endif
