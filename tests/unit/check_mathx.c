/* core/mathx.c against libm (this test links libm; the oomtop binary does not) and, for
 * mathx_floor_log10, against printf's exact decimal conversion. Each test prints what it
 * measured, so a run shows the actual error and not only "passed". */
#include "config.h"

#include <check.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mathx.h"
#include "tests/unit/ck_run.h"

/* The contract of mathx.h: relative error where e^x is normal. */
#define EXP_REL_MAX 1e-15

static uint64_t rng_state = 0x9e3779b97f4a7c15u;
/* xorshift64*: deterministic, so a failure reproduces */
static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1du;
}
static double rng_unit(void) /* [0, 1) */
{
	return (double)(rng() >> 11) * 0x1p-53;
}

struct exp_stats {
	long n, n_subnormal, n_identical;
	double max_rel, max_rel_x; /* normal results */
	double max_ulp;            /* the same in units in the last place of exp's result */
	double max_abs_sub;        /* subnormal results, in units of 2^-1074 */
	double max_abs_sub_x;
};

/* Compare mathx_exp_neg(x) with exp(x); fail with the numbers if outside the contract.
 * The per-point checks here use if + ck_abort_msg: every passing ck_assert costs Check a
 * write(2), and there are millions of points. */
static void exp_check(struct exp_stats *st, double x)
{
	double got = mathx_exp_neg(x), want = exp(x);
	st->n++;
	if (got == want)
		st->n_identical++;
	if (want >= DBL_MIN) {
		double rel = fabs(got - want) / want;
		double ulp = fabs(got - want) / (nextafter(want, INFINITY) - want);
		if (ulp > st->max_ulp)
			st->max_ulp = ulp;
		if (rel > st->max_rel) {
			st->max_rel = rel;
			st->max_rel_x = x;
		}
		if (!(rel < EXP_REL_MAX))
			ck_abort_msg("exp_neg(%a = %.17g) = %.17g, exp = %.17g, rel %.3g", x, x,
			             got, want, rel);
	} else {
		st->n_subnormal++;
		double steps = fabs(got - want) / 0x1p-1074;
		if (steps > st->max_abs_sub) {
			st->max_abs_sub = steps;
			st->max_abs_sub_x = x;
		}
		if (!(steps <= 1.0))
			ck_abort_msg("exp_neg(%a = %.17g) = %a, exp = %a: %g subnormal steps", x, x,
			             got, want, steps);
	}
}

static void exp_check_around(struct exp_stats *st, double x)
{
	exp_check(st, x);
	exp_check(st, nextafter(x, -INFINITY));
	double up = nextafter(x, INFINITY);
	if (up <= 0)
		exp_check(st, up);
}

START_TEST(exp_neg_exact_and_special)
{
	ck_assert(mathx_exp_neg(0.0) == 1.0);
	ck_assert(mathx_exp_neg(-0.0) == 1.0);
	ck_assert(isnan(mathx_exp_neg(NAN)));
	ck_assert(isnan(mathx_exp_neg(-NAN)));
	/* outside the domain: NaN, not a plausible number */
	ck_assert(isnan(mathx_exp_neg(1e-300)));
	ck_assert(isnan(mathx_exp_neg(1.0)));
	ck_assert(isnan(mathx_exp_neg(INFINITY)));
	/* below -746 (and a bit above it: e^x < 2^-1075 rounds to zero): +0 */
	const double zeros[] = {-746.0001, -750.0, -800.0, -1e5, -1e300, -DBL_MAX, -INFINITY};
	for (size_t i = 0; i < sizeof(zeros) / sizeof(zeros[0]); i++) {
		double z = mathx_exp_neg(zeros[i]);
		ck_assert_msg(z == 0.0 && !signbit(z), "exp_neg(%g) = %a", zeros[i], z);
		ck_assert(exp(zeros[i]) == 0.0);
	}
	/* the bottom of the subnormals, where exp rounds to 2^-1074 or to zero */
	ck_assert(mathx_exp_neg(-745.0) == 0x1p-1074);
	ck_assert(mathx_exp_neg(-745.13) == 0x1p-1074);
	ck_assert(mathx_exp_neg(-745.14) == 0.0);
	ck_assert(mathx_exp_neg(-745.9) == 0.0);
	/* tiny x: 1 or the double just below it, as correctly rounded */
	ck_assert(mathx_exp_neg(-DBL_TRUE_MIN) == 1.0);
	ck_assert(mathx_exp_neg(-1e-300) == 1.0);
	ck_assert(mathx_exp_neg(-DBL_MIN) == 1.0);
	ck_assert(mathx_exp_neg(-1e-17) == 1.0);
	ck_assert(mathx_exp_neg(-1e-16) == nextafter(1.0, 0.0));
	/* a few values known to many digits */
	ck_assert(fabs(mathx_exp_neg(-1.0) - 0.36787944117144233) <= 0x1p-54);
	ck_assert(mathx_exp_neg(-M_LN2) == 0.5);
	ck_assert(fabs(mathx_exp_neg(-10.0) / 4.539992976248485154e-5 - 1) < DBL_EPSILON);
}
END_TEST

START_TEST(exp_neg_matches_libm)
{
	struct exp_stats st = {0};
	/* zero's neighbourhood, then x = -2^-1074 .. -2^9, every power of two and its
	 * neighbours, and 64 points between each */
	exp_check_around(&st, -0.0);
	for (int e = -1074; e <= 9; e++) {
		double p = -ldexp(1.0, e);
		exp_check_around(&st, p);
		for (int j = 1; j < 64; j++)
			exp_check(&st, p * (1.0 + j / 64.0));
	}
	/* a fine sweep of the whole range: every 1/1024 from -746 to 0 */
	for (int i = 0; i <= 746 * 1024; i++)
		exp_check(&st, -i / 1024.0);
	/* where the reduction switches k: x near k*ln2 and (k +- 1/2)*ln2, both sides */
	for (int k = 0; k >= -1076; k--) {
		exp_check_around(&st, k * M_LN2);
		exp_check_around(&st, (k - 0.5) * M_LN2);
		if (k < 0)
			exp_check_around(&st, (k + 0.5) * M_LN2);
	}
	/* the switch to two-step scaling (k = -1021 / -1022) and the subnormal range */
	for (int i = 0; i < 200000; i++)
		exp_check(&st, -707.0 - 39.0 * rng_unit());
	/* uniform over [-746, 0] and log-uniform in |x| from 1e-300 to 746 */
	for (int i = 0; i < 1000000; i++) {
		exp_check(&st, -746.0 * rng_unit());
		exp_check(&st, -exp(log(1e-300) + (log(746.0) - log(1e-300)) * rng_unit()));
	}
	ck_assert_int_gt(st.n_subnormal, 1000);
	printf("# mathx_exp_neg: %ld points, %ld bit-identical to libm exp (%.4f%%); max relative "
	       "error %.3g at x = %.17g, at most %.0f ulp apart; %ld subnormal results, max %.0f "
	       "step(s) of 2^-1074 at x = %.17g\n",
	       st.n, st.n_identical, 100.0 * st.n_identical / st.n, st.max_rel, st.max_rel_x,
	       st.max_ulp, st.n_subnormal, st.max_abs_sub, st.max_abs_sub_x);
}
END_TEST

/* floor(log10(a)) of the exact a, from glibc's printf, which converts exactly: the
 * exponent of "%.120e". Rounding to 121 digits can only carry into the next power of ten
 * if the exact value began with 121 nines; a double comes nowhere near that close to a
 * power of ten. */
static int oracle_floor_log10(double a)
{
	char buf[200];
	snprintf(buf, sizeof(buf), "%.120e", a);
	const char *e = strchr(buf, 'e');
	if (!e)
		ck_abort_msg("printf gave %s", buf);
	return atoi(e + 1);
}

static void log10_check(double a)
{
	if (!(a > 0) || !isfinite(a))
		return;
	int want = oracle_floor_log10(a), got = mathx_floor_log10(a);
	if (got != want)
		ck_abort_msg("floor_log10(%a = %.17g) = %d, want %d", a, a, got, want);
}

static void log10_check_around(double a)
{
	log10_check(a);
	log10_check(nextafter(a, 0.0));
	log10_check(nextafter(nextafter(a, 0.0), 0.0));
	log10_check(nextafter(a, INFINITY));
	log10_check(nextafter(nextafter(a, INFINITY), INFINITY));
}

START_TEST(floor_log10_at_powers_of_ten)
{
	/* every power of ten a double can come near, 1e-324 .. 1e308, as the nearest double
	 * (what the literal gives) and its neighbours */
	int below = 0, above = 0;
	for (int n = -324; n <= 308; n++) {
		char lit[16];
		snprintf(lit, sizeof(lit), "1e%d", n);
		double p = strtod(lit, NULL);
		log10_check_around(p);
		if (p > 0 && oracle_floor_log10(p) < n)
			below++; /* 10^n rounded down: its double belongs to n-1 */
		else
			above++;
	}
	/* the literals the old code's callers see: 1e-4 .. 1e5 (textfmt's put_g6) */
	ck_assert_int_eq(mathx_floor_log10(1e-4), -4);
	ck_assert_int_eq(mathx_floor_log10(nextafter(1e-4, 0)), -5);
	ck_assert_int_eq(mathx_floor_log10(1.0), 0);
	ck_assert_int_eq(mathx_floor_log10(nextafter(1.0, 0)), -1);
	ck_assert_int_eq(mathx_floor_log10(99999.99999999999), 4);
	ck_assert_int_eq(mathx_floor_log10(1e5), 5);
	ck_assert_int_eq(mathx_floor_log10(DBL_MAX), 308);
	ck_assert_int_eq(mathx_floor_log10(DBL_MIN), -308);
	ck_assert_int_eq(mathx_floor_log10(DBL_TRUE_MIN), -324);
	/* outside the domain: defined, never a crash */
	ck_assert_int_eq(mathx_floor_log10(0.0), -324);
	ck_assert_int_eq(mathx_floor_log10(-5.0), -324);
	ck_assert_int_eq(mathx_floor_log10(INFINITY), 308);
	ck_assert_int_eq(mathx_floor_log10(NAN), 308);
	printf("# mathx_floor_log10: 633 powers of ten checked +-2 doubles; the nearest double is "
	       "below 10^n for %d of them, above or equal for %d\n",
	       below, above);
}
END_TEST

START_TEST(floor_log10_everywhere)
{
	/* every binary exponent (the first guess comes from it), subnormals included */
	for (int e = -1074; e <= 1023; e++) {
		double p = ldexp(1.0, e);
		log10_check_around(p);
		log10_check(p * 1.5);
		log10_check(nextafter(p * 2.0, 0.0));
	}
	/* random positive finite doubles, every bit pattern equally likely */
	for (int i = 0; i < 300000; i++) {
		uint64_t bits = rng() & 0x7fffffffffffffffu;
		double a;
		memcpy(&a, &bits, sizeof(a));
		log10_check(a);
	}
	/* and against floor(log10()) of libm away from the powers of ten, where it is right */
	for (int i = 0; i < 100000; i++) {
		double a = exp(-700.0 + 1400.0 * rng_unit());
		double l = log10(a);
		if (fabs(l - rint(l)) > 1e-9 && mathx_floor_log10(a) != (int)floor(l))
			ck_abort_msg("floor_log10(%.17g) = %d, log10 = %.17g", a,
			             mathx_floor_log10(a), l);
	}
}
END_TEST

static void lround_check(double x)
{
	long got = mathx_lround(x), want = lround(x);
	if (got != want)
		ck_abort_msg("mathx_lround(%.17g) = %ld, lround = %ld", x, got, want);
}

START_TEST(lround_half_away_from_zero)
{
	ck_assert_int_eq(mathx_lround(0.5), 1);
	ck_assert_int_eq(mathx_lround(-0.5), -1);
	ck_assert_int_eq(mathx_lround(1.5), 2);
	ck_assert_int_eq(mathx_lround(-1.5), -2);
	ck_assert_int_eq(mathx_lround(2.5), 3);
	ck_assert_int_eq(mathx_lround(-2.5), -3);
	ck_assert_int_eq(mathx_lround(0.49999999999999994), 0); /* x + 0.5 would round to 1 */
	ck_assert_int_eq(mathx_lround(-0.49999999999999994), 0);
	ck_assert_int_eq(mathx_lround(0.0), 0);
	ck_assert_int_eq(mathx_lround(-0.0), 0);
	ck_assert_int_eq(mathx_lround(2.4999999999999996), 2);
	ck_assert_int_eq(mathx_lround(4503599627370495.5), 4503599627370496); /* 2^52 - 0.5 */
	ck_assert_int_eq(mathx_lround(-4503599627370495.5), -4503599627370496);
	ck_assert_int_eq(mathx_lround(9007199254740991.0), 9007199254740991);   /* 2^53 - 1 */
	ck_assert_int_eq(mathx_lround(-9007199254740992.0), -9007199254740992); /* -2^53 */
	ck_assert_int_eq(mathx_lround(1e18), 1000000000000000000);
	ck_assert_int_eq(mathx_lround(-0x1p63), LONG_MIN);
	ck_assert_int_eq(mathx_lround(0x1.fffffffffffffp62), 0x7ffffffffffffc00);
	/* no unspecified case: saturates, NaN is 0 */
	ck_assert_int_eq(mathx_lround(0x1p63), LONG_MAX);
	ck_assert_int_eq(mathx_lround(1e300), LONG_MAX);
	ck_assert_int_eq(mathx_lround(INFINITY), LONG_MAX);
	ck_assert_int_eq(mathx_lround(-1e300), LONG_MIN);
	ck_assert_int_eq(mathx_lround(-INFINITY), LONG_MIN);
	ck_assert_int_eq(mathx_lround(NAN), 0);

	/* against libm: every quarter from -1000 to 1000, the halves around every power of
	 * two up to 2^53 with their neighbours, random values of every size below 2^63 */
	for (int i = -4000; i <= 4000; i++)
		lround_check(i / 4.0);
	for (int e = -3; e <= 53; e++) {
		double p = ldexp(1.0, e);
		const double xs[] = {p, p + 0.5, p - 0.5, p + 1.5, p * 1.5};
		for (size_t j = 0; j < sizeof(xs) / sizeof(xs[0]); j++) {
			lround_check(xs[j]);
			lround_check(-xs[j]);
			lround_check(nextafter(xs[j], 0));
			lround_check(nextafter(xs[j], INFINITY));
			lround_check(-nextafter(xs[j], 0));
			lround_check(-nextafter(xs[j], INFINITY));
		}
	}
	for (int i = 0; i < 200000; i++) {
		double x = ldexp(rng_unit(), (int)(rng() % 63));
		lround_check(x);
		lround_check(-x);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("mathx");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, exp_neg_exact_and_special);
	tcase_add_test(tc, exp_neg_matches_libm);
	tcase_add_test(tc, floor_log10_at_powers_of_ten);
	tcase_add_test(tc, floor_log10_everywhere);
	tcase_add_test(tc, lround_half_away_from_zero);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
