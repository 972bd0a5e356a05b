/* core/mathx.c — exp for x <= 0, floor(log10), lround without libm; see core/mathx.h for
 * the contracts and why. */
#include "config.h"

#include "mathx.h"

#include <limits.h>
#include <math.h> /* NAN, isnan: macros, no libm call */
#include <stdint.h>
#include <string.h>

#include "mathx_pow10.h"

/* 2^n for a normal exponent, -1022 <= n <= 1023: the biased exponent alone. */
static double pow2i(int n)
{
	uint64_t bits = (uint64_t)(n + 1023) << 52;
	double d;
	memcpy(&d, &bits, sizeof(d));
	return d;
}

/* ln 2 = LN2_HI + LN2_LO to ~2^-96. LN2_HI is ln 2 rounded to 42 significant bits (its
 * last 11 bits are zero), so k * LN2_HI is exact for |k| < 2048; LN2_LO is the rest,
 * rounded to a double. Computed from ln 2 to 80 digits (Python's decimal), not copied. */
#define LN2_HI 0x1.62e42fefa38p-1    /* 0.693147180559890330187045037746429443359375 */
#define LN2_LO 0x1.ef35793c7673p-45  /* 5.497923018708371e-14 */
#define INV_LN2 0x1.71547652b82fep+0 /* 1 / ln 2 = 1.4426950408889634 */

/* Below this e^x < 2^-1075, half the smallest subnormal: it rounds to zero. */
#define EXP_NEG_MIN (-746.0)

double mathx_exp_neg(double x)
{
	if (isnan(x))
		return x;
	if (x > 0)
		return NAN;
	if (x == 0)
		return 1.0;
	if (x < EXP_NEG_MIN)
		return 0.0;

	/* k = x / ln2 rounded half away from zero (x < 0, so down by 0.5 and toward zero);
	 * -1077 <= k <= 0. An off-by-one from rounding x * INV_LN2 only makes |r| a hair
	 * more than ln2 / 2, which the series below still covers. */
	int k = (int)(x * INV_LN2 - 0.5);
	/* r = x - k*ln2. k * LN2_HI is exact, and x is within a factor of 1.5 of it (or k
	 * is 0), so the first subtraction is exact (Sterbenz); only the tiny k * LN2_LO
	 * term rounds. |r| <= ln2/2 ~ 0.347. */
	double r = (x - k * LN2_HI) - k * LN2_LO;

	/* e^r = 1 + r + r^2 * (1/2! + r/3! + ... + r^11/13!), by Horner. The first omitted
	 * term, r^14/14!, is below 4.2e-18 for |r| <= 0.347. Adding 1 last, to the small
	 * sum r + r^2*q, keeps the rounding error near half a unit in the last place. */
	double q = 1.0 / 6227020800.0;    /* 1/13! */
	q = q * r + 1.0 / 479001600.0;    /* 1/12! */
	q = q * r + 1.0 / 39916800.0;     /* 1/11! */
	q = q * r + 1.0 / 3628800.0;      /* 1/10! */
	q = q * r + 1.0 / 362880.0;       /* 1/9! */
	q = q * r + 1.0 / 40320.0;        /* 1/8! */
	q = q * r + 1.0 / 5040.0;         /* 1/7! */
	q = q * r + 1.0 / 720.0;          /* 1/6! */
	q = q * r + 1.0 / 120.0;          /* 1/5! */
	q = q * r + 1.0 / 24.0;           /* 1/4! */
	q = q * r + 1.0 / 6.0;            /* 1/3! */
	q = q * r + 0.5;                  /* 1/2! */
	double p = 1.0 + (r + r * r * q); /* e^r, in [0.70, 1.42] */

	/* e^x = p * 2^k. p * 2^k is normal for k >= -1021 and then the product is exact.
	 * Below, the result is subnormal: p * 2^(k+64) is still normal and exact, and the
	 * multiplication by 2^-64 rounds once (2^k itself might not even be a double). */
	if (k >= -1021)
		return p * pow2i(k);
	return p * pow2i(k + 64) * pow2i(-64);
}

int mathx_floor_log10(double a)
{
	/* First guess from the binary exponent e: a is in [2^e, 2^(e+1)), so log10(a) is
	 * within log10(2) of e * log10(2), and the truncated product is at most one away
	 * from the answer (for a subnormal the guess is up to 17 too high). Then step to
	 * the n with pow10_up(n) <= a < pow10_up(n+1): as pow10_up(n) is the smallest
	 * double >= 10^n, that is 10^n <= a < 10^(n+1) for the exact a. */
	uint64_t bits;
	memcpy(&bits, &a, sizeof(bits));
	int e = (int)((bits >> 52) & 0x7ff) - 1023;
	int n = (int)(e * 0.30102999566398120); /* log10(2) */
	if (n < MATHX_POW10_MIN)
		n = MATHX_POW10_MIN;
	if (n > MATHX_POW10_MAX)
		n = MATHX_POW10_MAX;
	while (n > MATHX_POW10_MIN && a < mathx_pow10_up[n - MATHX_POW10_MIN])
		n--;
	while (n < MATHX_POW10_MAX && a >= mathx_pow10_up[n + 1 - MATHX_POW10_MIN])
		n++;
	return n;
}

long mathx_lround(double x)
{
	/* -(double)LONG_MIN is 2^63 (2^31 for a 32-bit long), exactly */
	if (isnan(x))
		return 0;
	if (x >= -(double)LONG_MIN)
		return LONG_MAX;
	if (x < (double)LONG_MIN)
		return LONG_MIN;
	long t = (long)x;            /* toward zero */
	double frac = x - (double)t; /* exact: x and t agree in every bit above the point */
	if (frac >= 0.5 && t < LONG_MAX)
		t++;
	else if (frac <= -0.5 && t > LONG_MIN)
		t--;
	return t;
}
