/* core/mathx.h — the three libm functions oomtop used (exp, log10, lround), in our own
 * code, so the oomtop binary does not link libm: libm.so.6 alone is ~500 KiB of resident
 * memory (64 KiB r--p, 296 KiB text, 128 KiB rodata measured in smaps), more than the
 * margin to top's peak RSS at ~2,000 processes (issue 7; top does not link libm).
 * tests/e2e/no_libm.sh fails when the binary needs libm.so again.
 *
 * Pure functions: no errno, no floating-point exception flags promised, no allocation,
 * no table built at run time; correct in the default rounding mode (round to nearest).
 * What gcc expands inline (fabs, isnan, signbit, and floor, rint at -O1 and above) stays
 * <math.h>; configure.ac links libm for floor and rint only where the compiler calls them
 * (-O0, clang), and says so. */
#ifndef OOMTOP_MATHX_H
#define OOMTOP_MATHX_H

/* e^x for x <= 0: the decay factor of core/leak.c.
 *   x = 0 or -0   -> exactly 1
 *   x < -746      -> +0 (e^x < 2^-1075, half the smallest subnormal); -inf -> +0
 *   NaN           -> NaN (the same NaN)
 *   x > 0         -> NaN: outside the domain; a wrong caller shows instead of a number
 * Accuracy: where e^x is a normal double (x >= -708.39) the relative error is below
 * 1e-15; tests/unit/check_mathx.c holds it to that against libm's exp over ~3 million
 * points and prints what it measured (here: at most 1 unit in the last place apart,
 * 2.2e-16, and 94 % bit-identical). Below that the result is subnormal, rounded once
 * from a value that accurate, so within one step of the subnormals (2^-1074 ~ 4.9e-324)
 * of libm's; the relative error grows as the result has fewer bits, as any double's would.
 * Method: x = k*ln2 + r with k the nearest integer to x/ln2 and |r| <= ln2/2 (ln2 in a
 * high part whose multiples by k are exact, and a low part: Cody and Waite), e^r from its
 * Taylor series to r^13/13! (the next term is below 5e-18), 2^k put into the exponent
 * bits; results that would be subnormal are scaled in two steps, so they are rounded once. */
double mathx_exp_neg(double x);

/* floor(log10(a)) of the exact value of a, for finite a > 0 (subnormals included): the n
 * with 10^n <= a < 10^(n+1), in -324..308. No logarithm: a table of powers of ten
 * rounded up to doubles (core/mathx_pow10.h, scripts/gen-pow10), so a double next to a
 * power of ten is on the right side of it; e.g. 1e-5, the double nearest 10^-5, is a
 * little above it and gives -5, the double below it gives -6.
 * Outside the domain, defined all the same: a <= 0 gives -324; +inf and NaN give 308. */
int mathx_floor_log10(double a);

/* x rounded to the nearest integer, halfway cases away from zero, as lround(): exact for
 * every double that fits a long (|x| < 2^63 here); every double of magnitude >= 2^52 is
 * already an integer. Unlike lround() there is no unspecified case: NaN gives 0, x
 * beyond the range of long gives LONG_MIN or LONG_MAX. */
long mathx_lround(double x);

#endif
