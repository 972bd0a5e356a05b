/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/unit/check_leak.c — the leak-rate estimator against synthetic series with fixed
 * timestamps: the acceptance cases of issue 3 (1 s refresh, 30 s window, read after 45
 * samples), garbage-collector sawtooths of many periods, phases and sampling jitter,
 * irregular spacing, steps, pid reuse, seeded random noise, ETA, and the state's size. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/estimate/leak.h"
#include "tests/unit/ck_run.h"

#define MIB (1024.0 * 1024.0)
#define WINDOW_S 30.0

/* Deterministic generator (xorshift64*), so a failure reproduces. */
static uint64_t rng_state;
static void rng_seed(uint64_t seed)
{
	rng_state = seed * 0x9E3779B97F4A7C15ull + 1;
}
static double rng_uniform(void) /* [0, 1) */
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (double)((rng_state * 2685821657736338717ull) >> 11) / 9007199254740992.0;
}
static double rng_gauss(void)
{
	double u1 = rng_uniform(), u2 = rng_uniform();
	if (u1 < 1e-300)
		u1 = 1e-300;
	return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

/* A garbage collector's heap: grows linearly by height_bytes over period_s, then drops. */
static double sawtooth(double t_s, double height_bytes, double period_s, double phase_s)
{
	double x = (t_s + phase_s) / period_s;
	return height_bytes * (x - floor(x));
}

static int64_t ms_of(double t_s)
{
	return (int64_t)llround(t_s * 1000.0);
}

/* Sample i is taken at i seconds plus uniform jitter in [-jitter_s, +jitter_s]. */
static double sample_time(int i, double jitter_s)
{
	return i + (jitter_s > 0 ? (2.0 * rng_uniform() - 1.0) * jitter_s : 0.0);
}

START_TEST(state_is_small)
{
	ck_assert_uint_eq(sizeof(struct leak_series), LEAK_SERIES_BYTES);
	ck_assert_uint_le(sizeof(struct leak_series), 64);
	/* All-zero bytes is an empty series, like after leak_reset(). */
	struct leak_series s = {0};
	struct slope r = leak_estimate(&s, 0, WINDOW_S);
	ck_assert(isnan(r.per_s) && isnan(r.fit));
}
END_TEST

/* "Enough": >= LEAK_MIN_SAMPLES samples spanning >= half the window, newest within it. */
START_TEST(unknown_until_enough_data)
{
	struct leak_series s;
	leak_reset(&s);
	for (int i = 0; i <= 14; i++) {
		ck_assert(leak_push(&s, ms_of(i), 1000.0 + 10.0 * i, WINDOW_S));
		ck_assert_msg(isnan(leak_estimate(&s, ms_of(i), WINDOW_S).per_s), "known at %d s",
		              i);
	}
	ck_assert(leak_push(&s, ms_of(15), 1150.0, WINDOW_S)); /* span 15 s = window / 2 */
	struct slope r = leak_estimate(&s, ms_of(15), WINDOW_S);
	ck_assert_double_eq_tol(r.per_s, 10.0, 1e-9);
	ck_assert_double_eq_tol(r.fit, 1.0, 1e-9);

	/* Span alone is not enough: 4 samples over 20 s. */
	leak_reset(&s);
	for (int i = 0; i < 4; i++)
		leak_push(&s, ms_of(i * 6.5), 5.0 * i, WINDOW_S);
	ck_assert(isnan(leak_estimate(&s, ms_of(19.5), WINDOW_S).per_s));
	leak_push(&s, ms_of(26), 20.0, WINDOW_S);
	ck_assert(!isnan(leak_estimate(&s, ms_of(26), WINDOW_S).per_s));

	/* Stale: no sample within the last window. */
	ck_assert(!isnan(leak_estimate(&s, ms_of(26 + 30), WINDOW_S).per_s));
	ck_assert(isnan(leak_estimate(&s, ms_of(26 + 30.001), WINDOW_S).per_s));
}
END_TEST

START_TEST(steady_leak_2mib_s)
{
	struct leak_series s;
	leak_reset(&s);
	rng_seed(1);
	for (int i = 0; i < 45; i++) {
		double t = sample_time(i, 0.05);
		leak_push(&s, ms_of(t), 300 * MIB + 2 * MIB * t, WINDOW_S);
	}
	struct slope r = leak_estimate(&s, ms_of(44), WINDOW_S);
	ck_assert_double_eq_tol(r.per_s, 2 * MIB,
	                        2 * MIB * 0.001); /* band is 20 %; a line is exact */
	ck_assert_double_ge(r.fit, 0.999);
}
END_TEST

/* RSS moves in whole pages: quantisation must not bias a slow leak on a huge process. */
START_TEST(slow_leak_on_large_value_is_precise)
{
	struct leak_series s;
	leak_reset(&s);
	for (int i = 0; i < 300; i++) {
		double v =
		    64.0 * 1024 * MIB + floor(i * 1024.0 / 4096.0) * 4096.0; /* 1 KiB/s in pages */
		leak_push(&s, ms_of(i), v, WINDOW_S);
	}
	struct slope r = leak_estimate(&s, ms_of(299), WINDOW_S);
	ck_assert_double_eq_tol(r.per_s, 1024.0, 1024.0 * 0.1);
}
END_TEST

/* Worst |slope - expected| in MiB/s over sample 45 (index 44) .. last, for a 16 MiB sawtooth
 * of period_s on top of rate_mib_s, over nphase phases. */
static double sawtooth_worst_err(double rate_mib_s, double period_s, double jitter_s, int nphase,
                                 int nsamples, double *fit_min, double *fit_max)
{
	double worst = 0;
	*fit_min = 1.0;
	*fit_max = 0.0;
	for (int ph = 0; ph < nphase; ph++) {
		struct leak_series s;
		leak_reset(&s);
		rng_seed((uint64_t)ph * 7919 + (uint64_t)(period_s * 1000));
		double phase_s = period_s * ph / nphase;
		for (int i = 0; i < nsamples; i++) {
			double t = sample_time(i, jitter_s);
			double v = 200 * MIB + rate_mib_s * MIB * t +
			           sawtooth(t, 16 * MIB, period_s, phase_s);
			leak_push(&s, ms_of(t), v, WINDOW_S);
			if (i < 44)
				continue;
			struct slope r = leak_estimate(&s, ms_of(t), WINDOW_S);
			ck_assert(!isnan(r.per_s));
			double err = fabs(r.per_s / MIB - rate_mib_s);
			if (err > worst)
				worst = err;
			if (r.fit < *fit_min)
				*fit_min = r.fit;
			if (r.fit > *fit_max)
				*fit_max = r.fit;
		}
	}
	return worst;
}

START_TEST(sawtooth_2s_no_growth_reads_zero)
{
	double fmin, fmax;
	/* Exactly as the acceptance says (regular 1 s samples), then with jitter. */
	double e0 = sawtooth_worst_err(0, 2.0, 0, 40, 45, &fmin, &fmax);
	ck_assert_msg(e0 <= 0.8, "regular: %.3f MiB/s off", e0);
	double e1 = sawtooth_worst_err(0, 2.0, 0.1, 40, 300, &fmin, &fmax);
	ck_assert_msg(e1 <= 0.8, "jittered: %.3f MiB/s off", e1);
	/* Tighter than the acceptance band: what the header promises. */
	ck_assert_msg(e1 <= 0.27, "jittered: %.3f MiB/s off", e1);
	ck_assert_msg(fmax < 0.3, "noise around a level fits a line too well: %.2f", fmax);
}
END_TEST

START_TEST(sawtooth_2s_on_1mib_s_leak)
{
	double fmin, fmax;
	double e0 = sawtooth_worst_err(1, 2.0, 0, 40, 45, &fmin, &fmax);
	ck_assert_msg(e0 <= 0.3, "regular: %.3f MiB/s off", e0);
	double e1 = sawtooth_worst_err(1, 2.0, 0.1, 40, 300, &fmin, &fmax);
	ck_assert_msg(e1 <= 0.3, "jittered: %.3f MiB/s off", e1);
	/* The leak dominates the sawtooth: the fit says so. */
	ck_assert_msg(fmin > 0.5, "fit %.2f", fmin);
}
END_TEST

/* Periods that are not multiples of the refresh interval alias into slow waves. */
static const double sawtooth_periods_s[] = {1.5, 1.7, 1.97, 2.03, 2.3, 3.0, 3.7, 5.5, 7.0, 10.0};

START_TEST(sawtooth_any_period_jittered)
{
	double period_s = sawtooth_periods_s[_i];
	double fmin, fmax;
	double e_flat = sawtooth_worst_err(0, period_s, 0.1, 24, 200, &fmin, &fmax);
	double e_leak = sawtooth_worst_err(1, period_s, 0.1, 24, 200, &fmin, &fmax);
	ck_assert_msg(e_flat <= 0.27 && e_leak <= 0.27, "period %.2f s: %.3f / %.3f MiB/s off",
	              period_s, e_flat, e_leak);
}
END_TEST

/* The bound degrades gracefully as the period nears the window: below the step bound. */
START_TEST(sawtooth_long_period_stays_below_step_bound)
{
	double fmin, fmax;
	double tau_s = WINDOW_S * LEAK_TAU_PER_WINDOW;
	double bound_mib_s = 16.0 / (M_E * tau_s);
	for (double period_s = 15; period_s <= 120; period_s *= 2) {
		double e = sawtooth_worst_err(0, period_s, 0.1, 16, 400, &fmin, &fmax);
		ck_assert_msg(e <= bound_mib_s, "period %.0f s: %.3f > %.3f MiB/s", period_s, e,
		              bound_mib_s);
	}
}
END_TEST

START_TEST(fds_5_per_s)
{
	/* Integer counts: 5 fds opened each second, sampled with jitter, so the sampled
	 * series is a staircase, not a line. */
	struct leak_series s;
	leak_reset(&s);
	rng_seed(5);
	for (int i = 0; i < 45; i++) {
		double t = sample_time(i, 0.1) + 0.5;
		leak_push(&s, ms_of(t), 12 + 5 * floor(t), WINDOW_S);
	}
	struct slope r = leak_estimate(&s, ms_of(44.5), WINDOW_S);
	ck_assert_double_eq_tol(r.per_s, 5.0, 1.0);
	ck_assert_double_ge(r.fit, 0.99);
}
END_TEST

START_TEST(stalled_refresh_gap)
{
	/* 2 MiB/s with a 10 s stall between 20 s and 30 s: spacing must not bias the slope. */
	struct leak_series s;
	leak_reset(&s);
	for (int i = 0; i < 45; i++) {
		if (i > 20 && i < 30)
			continue;
		leak_push(&s, ms_of(i), 2 * MIB * i, WINDOW_S);
		if (i == 30) { /* right after the stall */
			struct slope r = leak_estimate(&s, ms_of(i), WINDOW_S);
			ck_assert_double_eq_tol(r.per_s, 2 * MIB, 2 * MIB * 1e-6);
		}
	}
	ck_assert_double_eq_tol(leak_estimate(&s, ms_of(44), WINDOW_S).per_s, 2 * MIB,
	                        2 * MIB * 1e-6);

	/* The same with the sawtooth on 1 MiB/s: the stall lands on one phase. */
	double worst = 0;
	for (int ph = 0; ph < 20; ph++) {
		leak_reset(&s);
		for (int i = 0; i < 45; i++) {
			if (i > 20 && i < 30)
				continue;
			double v = MIB * i + sawtooth(i, 16 * MIB, 2.0, ph * 0.1);
			leak_push(&s, ms_of(i), v, WINDOW_S);
		}
		double err = fabs(leak_estimate(&s, ms_of(44), WINDOW_S).per_s / MIB - 1.0);
		worst = err > worst ? err : worst;
	}
	ck_assert_msg(worst <= 0.3, "%.3f MiB/s off", worst);

	/* A stall longer than the window: what came before is outside it. */
	leak_reset(&s);
	for (int i = 0; i < 45; i++)
		leak_push(&s, ms_of(i), 2 * MIB * i, WINDOW_S);
	ck_assert(leak_push(&s, ms_of(44 + 31), 0, WINDOW_S));
	ck_assert(isnan(leak_estimate(&s, ms_of(75), WINDOW_S).per_s));
	for (int i = 76; i <= 90; i++)
		leak_push(&s, ms_of(i), 3.0 * (i - 75), WINDOW_S);
	ck_assert_double_eq_tol(leak_estimate(&s, ms_of(90), WINDOW_S).per_s, 3.0, 1e-6);
}
END_TEST

START_TEST(step_then_flat_decays)
{
	/* Flat at 100 MiB, one 64 MiB step at 45 s (a cache filled), flat again. */
	struct leak_series s;
	leak_reset(&s);
	double h = 64 * MIB, tau_s = WINDOW_S * LEAK_TAU_PER_WINDOW;
	double peak = 0, prev = INFINITY;
	double at_1w = NAN, at_2w = NAN, at_3w = NAN;
	for (int i = 0; i <= 45 + 90; i++) {
		leak_push(&s, ms_of(i), 100 * MIB + (i >= 45 ? h : 0), WINDOW_S);
		if (i < 44)
			continue;
		double v = leak_estimate(&s, ms_of(i), WINDOW_S).per_s;
		if (i == 44)
			ck_assert_double_eq_tol(v, 0.0, 1e-9);
		if (v > peak)
			peak = v;
		if (i > 45 + tau_s + 1) {
			ck_assert_msg(v < prev, "slope rises again at %d s", i);
			ck_assert_double_ge(v, 0.0);
		}
		prev = v;
		if (i == 45 + 30)
			at_1w = v;
		if (i == 45 + 60)
			at_2w = v;
		if (i == 45 + 90)
			at_3w = v;
	}
	/* Header: peak ~ H/(e*tau); 41 % of it one window later, 4 % after two. */
	ck_assert_double_eq_tol(peak, h / (M_E * tau_s), 0.15 * h / (M_E * tau_s));
	ck_assert_double_le(at_1w, 0.5 * peak);
	ck_assert_double_le(at_2w, 0.06 * peak);
	ck_assert_double_le(at_3w, 0.005 * peak);
}
END_TEST

START_TEST(pid_reuse_resets)
{
	/* A 500 MiB process leaking 2 MiB/s exits; a new one under the same pid starts
	 * flat at 10 MiB.  Without the reset the two would read as a huge fall. */
	struct leak_series s, kept;
	leak_reset(&s);
	for (int i = 0; i < 60; i++)
		leak_push(&s, ms_of(i), 500 * MIB + 2 * MIB * i, WINDOW_S);
	kept = s;
	leak_reset(&s);
	ck_assert(isnan(leak_estimate(&s, ms_of(60), WINDOW_S).per_s));
	for (int i = 60; i < 60 + 45; i++) {
		leak_push(&s, ms_of(i), 10 * MIB, WINDOW_S);
		leak_push(&kept, ms_of(i), 10 * MIB, WINDOW_S);
		struct slope r = leak_estimate(&s, ms_of(i), WINDOW_S);
		if (i - 60 < 15)
			ck_assert(isnan(r.per_s));
		else
			ck_assert_double_eq_tol(r.per_s, 0.0, 1e-6);
	}
	ck_assert_double_lt(leak_estimate(&kept, ms_of(104), WINDOW_S).per_s, -1 * MIB);
}
END_TEST

START_TEST(random_noise_matches_theory)
{
	/* 1 MiB/s under white noise of 4 MiB: over 400 seeds the slope's deviation is what the
	 * header says, sigma*sqrt(dt/(4 tau^3)), and no seed strays beyond 5 deviations. */
	double sigma = 4 * MIB, tau_s = WINDOW_S * LEAK_TAU_PER_WINDOW;
	double sd_theory = sigma * sqrt(1.0 / (4 * tau_s * tau_s * tau_s));
	double sum = 0, sum2 = 0, worst = 0, fit_sum = 0;
	int nseeds = 400;
	for (int seed = 0; seed < nseeds; seed++) {
		struct leak_series s;
		leak_reset(&s);
		rng_seed(1000 + seed);
		for (int i = 0; i < 200; i++)
			leak_push(&s, ms_of(i), 50 * MIB + MIB * i + sigma * rng_gauss(), WINDOW_S);
		struct slope r = leak_estimate(&s, ms_of(199), WINDOW_S);
		double err = r.per_s - MIB;
		sum += err;
		sum2 += err * err;
		worst = fabs(err) > worst ? fabs(err) : worst;
		fit_sum += r.fit;
	}
	double mean = sum / nseeds, sd = sqrt(sum2 / nseeds - mean * mean);
	ck_assert_msg(fabs(mean) < 0.2 * sd_theory, "biased: %.4f MiB/s", mean / MIB);
	ck_assert_msg(sd > 0.85 * sd_theory && sd < 1.15 * sd_theory, "sd %.4f vs %.4f MiB/s",
	              sd / MIB, sd_theory / MIB);
	ck_assert_double_le(worst, 5 * sd_theory);
	ck_assert_double_le(worst, 0.3 * MIB);
	ck_assert_double_gt(fit_sum / nseeds, 0.75); /* a leak through noise still looks like one */

	/* Pure noise around a level: slope near 0, fit near 0. */
	fit_sum = 0;
	for (int seed = 0; seed < 100; seed++) {
		struct leak_series s;
		leak_reset(&s);
		rng_seed(5000 + seed);
		for (int i = 0; i < 200; i++)
			leak_push(&s, ms_of(i), 50 * MIB + sigma * rng_gauss(), WINDOW_S);
		struct slope r = leak_estimate(&s, ms_of(199), WINDOW_S);
		ck_assert_double_le(fabs(r.per_s), 5 * sd_theory);
		fit_sum += r.fit;
	}
	ck_assert_double_lt(fit_sum / 100, 0.1);
}
END_TEST

START_TEST(bad_samples_ignored)
{
	struct leak_series s;
	leak_reset(&s);
	ck_assert(!leak_push(&s, 0, NAN, WINDOW_S)); /* unknown fd count */
	ck_assert(!leak_push(&s, 0, 1.0, 0.0));      /* no window */
	for (int i = 0; i < 30; i++) {
		ck_assert(leak_push(&s, ms_of(i), 7.0 * i, WINDOW_S));
		ck_assert(!leak_push(&s, ms_of(i), INFINITY, WINDOW_S));
		ck_assert(!leak_push(&s, ms_of(i - 0.5), 1e12, WINDOW_S)); /* clock went back */
	}
	ck_assert(leak_push(&s, ms_of(29), 7.0 * 29, WINDOW_S)); /* same time: accepted */
	struct slope r = leak_estimate(&s, ms_of(29), WINDOW_S);
	ck_assert_double_eq_tol(r.per_s, 7.0, 1e-9);

	/* A flat series is explained perfectly by a (flat) line. */
	leak_reset(&s);
	for (int i = 0; i < 30; i++)
		leak_push(&s, ms_of(i), 42.0, WINDOW_S);
	r = leak_estimate(&s, ms_of(29), WINDOW_S);
	ck_assert_double_eq(r.per_s, 0.0);
	ck_assert_double_eq(r.fit, 1.0);
	ck_assert(isnan(leak_estimate(&s, ms_of(29), 0).per_s));
}
END_TEST

START_TEST(window_change_and_long_run)
{
	/* A million samples at 0.1 s with a window change half way: no drift, still exact. */
	struct leak_series s;
	leak_reset(&s);
	for (int i = 0; i < 1000000; i++) {
		double w = i < 500000 ? 300 : 60;
		leak_push(&s, (int64_t)i * 100, 1e9 + 3.0 * i * 0.1, w);
	}
	struct slope r = leak_estimate(&s, (int64_t)999999 * 100, 60);
	ck_assert_double_eq_tol(r.per_s, 3.0, 1e-6);
	ck_assert_double_ge(r.fit, 0.999999);
}
END_TEST

START_TEST(eta_to_limit)
{
	/* Issue 3: 1 GiB limit, 900 MiB used, growing 100 MiB/h → about an hour (1.24 h). */
	struct slope s = {100 * MIB / 3600.0, 0.9};
	ck_assert_double_eq_tol(leak_eta_s(900 * MIB, 1024 * MIB, s), 1.24 * 3600, 1e-6);
	ck_assert_double_eq(leak_eta_s(1024 * MIB, 1024 * MIB, s), 0.0); /* at */
	ck_assert_double_eq(leak_eta_s(2048 * MIB, 1024 * MIB, s), 0.0); /* over */
	struct slope none = {NAN, NAN};
	ck_assert_double_eq(leak_eta_s(2048 * MIB, 1024 * MIB, none),
	                    0.0); /* over, slope unknown */
	ck_assert_double_eq(leak_eta_s(1024 * MIB, 1024 * MIB, none), 0.0); /* at, slope unknown */
	ck_assert(isnan(leak_eta_s(900 * MIB, NAN, s)));                    /* no limit */
	ck_assert(isnan(leak_eta_s(900 * MIB, INFINITY, s)));
	ck_assert(isnan(leak_eta_s(NAN, 1024 * MIB, s))); /* usage unknown */
	ck_assert(isnan(leak_eta_s(900 * MIB, 1024 * MIB, none)));
	struct slope flat = {0.0, 1.0}, shrinking = {-5.0, 1.0};
	ck_assert(isnan(leak_eta_s(900 * MIB, 1024 * MIB, flat)));
	ck_assert(isnan(leak_eta_s(900 * MIB, 1024 * MIB, shrinking)));

	/* System: MemAvailable 2 GiB falling 1 MiB/s reaches 0 in 2048 s. */
	struct slope falling = {-MIB, 0.8};
	ck_assert_double_eq_tol(leak_eta_down_s(2048 * MIB, 0, falling), 2048.0, 1e-9);
	ck_assert_double_eq(leak_eta_down_s(0, 0, falling), 0.0);
	ck_assert(isnan(leak_eta_down_s(2048 * MIB, 0, s))); /* rising */
	ck_assert(isnan(leak_eta_down_s(2048 * MIB, 0, none)));
}
END_TEST

START_TEST(cost_per_refresh)
{
	/* Not a pass/fail budget (machines differ): the number goes to the log for the issue's
	 * closing note.  A generous ceiling still catches an accidental O(window) loop. */
	enum { NSERIES = 1000, NTICKS = 300 };
	static struct leak_series series[NSERIES];
	struct timespec a, b;
	volatile double sink = 0;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int t = 0; t < NTICKS; t++)
		for (int k = 0; k < NSERIES; k++) {
			leak_push(&series[k], (int64_t)t * 1000, 1e6 + k * t, WINDOW_S);
			sink = leak_estimate(&series[k], (int64_t)t * 1000, WINDOW_S).per_s;
		}
	clock_gettime(CLOCK_MONOTONIC, &b);
	double ns =
	    ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / ((double)NSERIES * NTICKS);
	printf("leak: %.1f ns per push+estimate (%zu bytes per series)\n", ns,
	       sizeof(struct leak_series));
	(void)sink;
	ck_assert_double_lt(ns, 5000.0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("leak");
	TCase *tc = tcase_create("leak");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, state_is_small);
	tcase_add_test(tc, unknown_until_enough_data);
	tcase_add_test(tc, steady_leak_2mib_s);
	tcase_add_test(tc, slow_leak_on_large_value_is_precise);
	tcase_add_test(tc, sawtooth_2s_no_growth_reads_zero);
	tcase_add_test(tc, sawtooth_2s_on_1mib_s_leak);
	tcase_add_loop_test(tc, sawtooth_any_period_jittered, 0,
	                    (int)(sizeof(sawtooth_periods_s) / sizeof(sawtooth_periods_s[0])));
	tcase_add_test(tc, sawtooth_long_period_stays_below_step_bound);
	tcase_add_test(tc, fds_5_per_s);
	tcase_add_test(tc, stalled_refresh_gap);
	tcase_add_test(tc, step_then_flat_decays);
	tcase_add_test(tc, pid_reuse_resets);
	tcase_add_test(tc, random_noise_matches_theory);
	tcase_add_test(tc, bad_samples_ignored);
	tcase_add_test(tc, window_change_and_long_run);
	tcase_add_test(tc, eta_to_limit);
	tcase_add_test(tc, cost_per_refresh);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
