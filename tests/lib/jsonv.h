/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/jsonv.h — a strict JSON parser for the tests (RFC 8259: the grammar, string
 * escapes, UTF-8, no duplicate keys), so output is checked as JSON, not by string matching;
 * and assertions on what it parsed. Failures are Check assertions naming the key. */
#ifndef OOMTOP_TESTS_JSONV_H
#define OOMTOP_TESTS_JSONV_H

#include <stdbool.h>
#include <stddef.h>

enum jt { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jv {
	enum jt t;
	bool b;
	double num;
	char *str; /* decoded, UTF-8 (may hold NUL-free control bytes) */
	size_t n;
	struct jv *items;
	char **keys;
};

/* The value in s[0..len), or NULL with the reason in *why. Free with jv_free, then free. */
struct jv *json_parse(const char *s, size_t len, const char **why);
void jv_free(struct jv *v);

/* The length of the valid UTF-8 sequence at p (at most avail bytes), 0 when invalid. */
size_t utf8_ok(const unsigned char *p, size_t avail);

/* o's member `key` (asserted to exist), and assertions on its value. */
const struct jv *jget(const struct jv *o, const char *key);
void expect_null(const struct jv *o, const char *key);
void expect_num(const struct jv *o, const char *key, double want);
void expect_str(const struct jv *o, const char *key, const char *want);

#endif
