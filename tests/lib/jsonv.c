/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/jsonv.c — see jsonv.h. */
#include "config.h"
#include "tests/lib/jsonv.h"

#include <check.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>



struct jp {
	const char *p, *end;
	const char *err;
	int depth;
};

void jv_free(struct jv *v)
{
	free(v->str);
	for (size_t i = 0; i < v->n; i++) {
		jv_free(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
}

static void ws(struct jp *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static bool jfail(struct jp *j, const char *why)
{
	if (!j->err)
		j->err = why;
	return false;
}

static bool parse_value(struct jp *j, struct jv *v);

static void put_utf8(char *out, size_t *n, unsigned cp)
{
	if (cp < 0x80) {
		out[(*n)++] = (char)cp;
	} else if (cp < 0x800) {
		out[(*n)++] = (char)(0xc0 | (cp >> 6));
		out[(*n)++] = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		out[(*n)++] = (char)(0xe0 | (cp >> 12));
		out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[(*n)++] = (char)(0x80 | (cp & 0x3f));
	} else {
		out[(*n)++] = (char)(0xf0 | (cp >> 18));
		out[(*n)++] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[(*n)++] = (char)(0x80 | (cp & 0x3f));
	}
}

static bool hex4(struct jp *j, unsigned *out)
{
	if (j->end - j->p < 4)
		return jfail(j, "short \\u escape");
	*out = 0;
	for (int i = 0; i < 4; i++) {
		char c = *j->p++;
		if (!isxdigit((unsigned char)c))
			return jfail(j, "bad \\u escape");
		*out = *out * 16 + (unsigned)(isdigit((unsigned char)c) ? c - '0' : (tolower((unsigned char)c) - 'a' + 10));
	}
	return true;
}

/* Length of a valid UTF-8 sequence at p (strict: no overlongs, surrogates, > U+10FFFF). */
size_t utf8_ok(const unsigned char *p, size_t avail)
{
	unsigned c = p[0], cp, min;
	size_t n;
	if (c < 0x80)
		return 1;
	if ((c & 0xe0) == 0xc0)
		n = 2, min = 0x80, cp = c & 0x1f;
	else if ((c & 0xf0) == 0xe0)
		n = 3, min = 0x800, cp = c & 0x0f;
	else if ((c & 0xf8) == 0xf0)
		n = 4, min = 0x10000, cp = c & 0x07;
	else
		return 0;
	if (n > avail)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

static bool parse_string(struct jp *j, char **out)
{
	if (j->p >= j->end || *j->p != '"')
		return jfail(j, "expected a string");
	j->p++;
	char *buf = malloc((size_t)(j->end - j->p) * 2 + 8);
	size_t n = 0;
	while (j->p < j->end && *j->p != '"') {
		unsigned char c = (unsigned char)*j->p;
		if (c < 0x20) {
			free(buf);
			return jfail(j, "raw control byte in a string");
		}
		if (c == '\\') {
			j->p++;
			if (j->p >= j->end) {
				free(buf);
				return jfail(j, "cut escape");
			}
			char e = *j->p++;
			unsigned cp;
			switch (e) {
			case '"': buf[n++] = '"'; break;
			case '\\': buf[n++] = '\\'; break;
			case '/': buf[n++] = '/'; break;
			case 'b': buf[n++] = '\b'; break;
			case 'f': buf[n++] = '\f'; break;
			case 'n': buf[n++] = '\n'; break;
			case 'r': buf[n++] = '\r'; break;
			case 't': buf[n++] = '\t'; break;
			case 'u':
				if (!hex4(j, &cp)) {
					free(buf);
					return false;
				}
				if (cp >= 0xd800 && cp <= 0xdbff) {
					unsigned lo;
					if (j->end - j->p < 2 || j->p[0] != '\\' || j->p[1] != 'u') {
						free(buf);
						return jfail(j, "lone high surrogate");
					}
					j->p += 2;
					if (!hex4(j, &lo) || lo < 0xdc00 || lo > 0xdfff) {
						free(buf);
						return jfail(j, "bad low surrogate");
					}
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				} else if (cp >= 0xdc00 && cp <= 0xdfff) {
					free(buf);
					return jfail(j, "lone low surrogate");
				}
				if (cp == 0) {
					free(buf);
					return jfail(j, "\\u0000 (tests keep strings NUL-free)");
				}
				put_utf8(buf, &n, cp);
				break;
			default: free(buf); return jfail(j, "unknown escape");
			}
			continue;
		}
		size_t k = utf8_ok((const unsigned char *)j->p, (size_t)(j->end - j->p));
		if (!k) {
			free(buf);
			return jfail(j, "invalid UTF-8 in a string");
		}
		memcpy(buf + n, j->p, k);
		n += k;
		j->p += k;
	}
	if (j->p >= j->end) {
		free(buf);
		return jfail(j, "unterminated string");
	}
	j->p++;
	buf[n] = '\0';
	*out = buf;
	return true;
}

static bool parse_number(struct jp *j, double *out)
{
	const char *s = j->p;
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p >= j->end || !isdigit((unsigned char)*j->p))
		return jfail(j, "bad number");
	if (*j->p == '0') {
		j->p++;
	} else {
		while (j->p < j->end && isdigit((unsigned char)*j->p))
			j->p++;
	}
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (j->p >= j->end || !isdigit((unsigned char)*j->p))
			return jfail(j, "bad fraction");
		while (j->p < j->end && isdigit((unsigned char)*j->p))
			j->p++;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (j->p >= j->end || !isdigit((unsigned char)*j->p))
			return jfail(j, "bad exponent");
		while (j->p < j->end && isdigit((unsigned char)*j->p))
			j->p++;
	}
	char tmp[512];
	size_t len = (size_t)(j->p - s);
	if (len >= sizeof(tmp))
		return jfail(j, "number too long");
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	*out = strtod(tmp, NULL);
	return true;
}

static bool literal(struct jp *j, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(j->end - j->p) < n || strncmp(j->p, word, n) != 0)
		return jfail(j, "bad literal");
	j->p += n;
	return true;
}

static bool parse_container(struct jp *j, struct jv *v, bool obj)
{
	j->p++;
	v->t = obj ? J_OBJ : J_ARR;
	ws(j);
	if (j->p < j->end && *j->p == (obj ? '}' : ']')) {
		j->p++;
		return true;
	}
	for (;;) {
		v->items = realloc(v->items, (v->n + 1) * sizeof(*v->items));
		memset(&v->items[v->n], 0, sizeof(v->items[0]));
		if (obj) {
			v->keys = realloc(v->keys, (v->n + 1) * sizeof(*v->keys));
			v->keys[v->n] = NULL;
			ws(j);
			char *k = NULL;
			if (!parse_string(j, &k))
				return false;
			for (size_t i = 0; i < v->n; i++)
				if (strcmp(v->keys[i], k) == 0) {
					free(k);
					return jfail(j, "duplicate key");
				}
			v->keys[v->n] = k;
			ws(j);
			if (j->p >= j->end || *j->p != ':') {
				free(v->keys[v->n]);
				return jfail(j, "expected ':'");
			}
			j->p++;
		}
		v->n++;
		if (!parse_value(j, &v->items[v->n - 1]))
			return false;
		ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == (obj ? '}' : ']')) {
			j->p++;
			return true;
		}
		return jfail(j, obj ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static bool parse_value(struct jp *j, struct jv *v)
{
	if (++j->depth > 64)
		return jfail(j, "too deep");
	ws(j);
	bool ok;
	if (j->p >= j->end) {
		ok = jfail(j, "unexpected end");
	} else if (*j->p == '{') {
		ok = parse_container(j, v, true);
	} else if (*j->p == '[') {
		ok = parse_container(j, v, false);
	} else if (*j->p == '"') {
		v->t = J_STR;
		ok = parse_string(j, &v->str);
	} else if (*j->p == 't') {
		v->t = J_BOOL, v->b = true;
		ok = literal(j, "true");
	} else if (*j->p == 'f') {
		v->t = J_BOOL, v->b = false;
		ok = literal(j, "false");
	} else if (*j->p == 'n') {
		v->t = J_NULL;
		ok = literal(j, "null");
	} else {
		v->t = J_NUM;
		ok = parse_number(j, &v->num);
	}
	j->depth--;
	return ok;
}

/* Parse exactly one JSON value spanning [s, s+len). Returns NULL and sets *why on error. */
struct jv *json_parse(const char *s, size_t len, const char **why)
{
	struct jp j = {s, s + len, NULL, 0};
	struct jv *v = calloc(1, sizeof(*v));
	if (parse_value(&j, v)) {
		ws(&j);
		if (j.p == j.end)
			return v;
		jfail(&j, "trailing bytes");
	}
	*why = j.err;
	jv_free(v);
	free(v);
	return NULL;
}

const struct jv *jget(const struct jv *o, const char *key)
{
	ck_assert_int_eq(o->t, J_OBJ);
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->keys[i], key) == 0)
			return &o->items[i];
	ck_abort_msg("key '%s' missing", key);
	return NULL;
}

void expect_null(const struct jv *o, const char *key)
{
	ck_assert_msg(jget(o, key)->t == J_NULL, "'%s' should be null (unknown), is type %d", key, jget(o, key)->t);
}

void expect_num(const struct jv *o, const char *key, double want)
{
	const struct jv *v = jget(o, key);
	ck_assert_msg(v->t == J_NUM, "'%s' should be a number, is type %d", key, v->t);
	ck_assert_msg(fabs(v->num - want) <= 1e-9 * fmax(1.0, fabs(want)), "'%s' is %.17g, want %.17g", key, v->num,
		      want);
}

void expect_str(const struct jv *o, const char *key, const char *want)
{
	const struct jv *v = jget(o, key);
	ck_assert_msg(v->t == J_STR, "'%s' should be a string", key);
	ck_assert_str_eq(v->str, want);
}

