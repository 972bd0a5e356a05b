/* Batch output formats on a hand-built snapshot (core/output/), and the JSON values they
 * write (core/output/json_write.h). The JSON is checked by a strict parser below (RFC 8259:
 * grammar, string escapes, UTF-8, no duplicate keys), not by string matching. */
#include "config.h"

#include <check.h>
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/output/json.h"
#include "core/output/output.h"
#include "core/output/prom.h"
#include "core/output/text.h"
#include "core/output/json_write.h"
#include "tests/unit/ck_run.h"

/* ================================================================ a strict JSON parser */

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

struct jp {
	const char *p, *end;
	const char *err;
	int depth;
};

static void jv_free(struct jv *v)
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
static size_t utf8_ok(const unsigned char *p, size_t avail)
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
static struct jv *json_parse(const char *s, size_t len, const char **why)
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

static const struct jv *jget(const struct jv *o, const char *key)
{
	ck_assert_int_eq(o->t, J_OBJ);
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->keys[i], key) == 0)
			return &o->items[i];
	ck_abort_msg("key '%s' missing", key);
	return NULL;
}

static void expect_null(const struct jv *o, const char *key)
{
	ck_assert_msg(jget(o, key)->t == J_NULL, "'%s' should be null (unknown), is type %d", key, jget(o, key)->t);
}

static void expect_num(const struct jv *o, const char *key, double want)
{
	const struct jv *v = jget(o, key);
	ck_assert_msg(v->t == J_NUM, "'%s' should be a number, is type %d", key, v->t);
	ck_assert_msg(fabs(v->num - want) <= 1e-9 * fmax(1.0, fabs(want)), "'%s' is %.17g, want %.17g", key, v->num,
		      want);
}

static void expect_str(const struct jv *o, const char *key, const char *want)
{
	const struct jv *v = jget(o, key);
	ck_assert_msg(v->t == J_STR, "'%s' should be a string", key);
	ck_assert_str_eq(v->str, want);
}

START_TEST(json_parser_is_strict)
{
	/* the validator itself must reject what a lax one would let through */
	static const char *const bad[] = {
		"",       "{",          "{\"a\":1,}",      "{\"a\" 1}",  "[1 2]",     "{\"a\":01}",
		"1.",     ".5",         "{\"a\":NaN}",     "\"\x01\"",   "\"\\x41\"", "\"\xff\"",
		"nul",    "{\"a\":1}x", "{\"a\":1,\"a\":2}", "\"\\ud800\"", "[-]",   "\"abc",
		"{'a':1}", "[1,]",      "\"\xc0\xaf\"",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *why = NULL;
		struct jv *v = json_parse(bad[i], strlen(bad[i]), &why);
		ck_assert_msg(v == NULL, "accepted bad JSON: %s", bad[i]);
	}
	static const char *const good[] = {
		"{}", "[]", "{\"a\":[1,-2.5e+3,0,true,false,null,\"x\\u00e9\\ud83d\\ude00\"]}", " 0 ", "\"\\u001b\"",
		"-0", "1e-07",
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		const char *why = NULL;
		struct jv *v = json_parse(good[i], strlen(good[i]), &why);
		ck_assert_msg(v != NULL, "refused good JSON %s: %s", good[i], why);
		jv_free(v);
		free(v);
	}
}
END_TEST

/* ================================================================ the snapshot */

#define EVIL_COMM "evil\x1b[31m\n\xff\xfe"
#define EVIL_CMD "/bin/sh -c 'printf \x1b]0;pwned\x07'\r\n\x9b" "31m \xc2\x9b" "2J tab\there \x7f end"

static struct proc_row procs[64];
static struct proc_row *proc_ptrs[64]; /* snapshot.procs: proc_ptrs[i] = &procs[i] */
static struct cgroup_row cgroups[5];
static struct snapshot snap;
static const struct proc_row *rows[64];
static size_t nrows;

static struct proc_row blank(pid_t pid)
{
	struct proc_row r;
	memset(&r, 0, sizeof(r));
	r.pid = pid;
	r.rss_bytes = r.rss_anon_bytes = r.rss_file_bytes = r.rss_shmem_bytes = VAL_UNKNOWN;
	r.swap_bytes = r.pgtables_bytes = r.oom_score = r.oom_score_adj = VAL_UNKNOWN;
	r.threads = r.fds = VAL_UNKNOWN;
	r.rss_slope = r.fd_slope = r.thread_slope = (struct slope){NAN, NAN};
	r.start_time_unix_s = NAN;
	r.exited_unix_s = NAN;
	r.oom_event = -1;
	return r;
}

static void build_snapshot(void)
{
	memset(&snap, 0, sizeof(snap));
	snap.time_unix_s = 1700000000.25;
	snap.t_mono_ms = 123456;
	snap.uptime_s = 86400 * 3 + 125;
	snap.interval_s = 1;
	snap.window_s = 300;
	snap.hostname = "nas\x1b[2J";
	snap.seq = 7;
	struct sys_mem *m = &snap.sys;
	m->mem_total_bytes = INT64_C(8) << 30;
	m->mem_available_bytes = INT64_C(3) << 30;
	m->mem_available_estimated = false;
	m->swap_total_bytes = 0; /* known zero: must stay 0 */
	m->swap_free_bytes = 0;
	m->psi_some_avg10 = NAN;
	m->psi_full_avg10 = NAN;
	m->oom_kills = VAL_UNKNOWN;
	m->last_oom_kill_unix_s = NAN;
	m->available = (struct slope){NAN, NAN};
	m->eta_exhaustion_s = NAN;
	m->next_victim_pid = 0;
	m->zfs_arc_size_bytes = m->zfs_arc_reclaimable_bytes = VAL_UNKNOWN;

	cgroups[0] = (struct cgroup_row){.path = "/", .name = "/", .version = 2, .depth = 0, .parent = -1,
					 .usage_bytes = VAL_UNKNOWN, .limit_bytes = VAL_UNKNOWN, .high_bytes = VAL_UNKNOWN,
					 .effective_limit_bytes = VAL_UNKNOWN, .swap_bytes = VAL_UNKNOWN,
					 .oom_kills = VAL_UNKNOWN, .psi_some_avg10 = 0.5, .nprocs = 3,
					 .usage_slope = {NAN, NAN}, .eta_to_limit_s = NAN};
	cgroups[1] = (struct cgroup_row){.path = "/system.slice", .name = "system.slice", .version = 2, .depth = 1,
					 .parent = 0, .usage_bytes = INT64_C(1) << 30, .limit_bytes = VAL_UNKNOWN,
					 .high_bytes = VAL_UNKNOWN, .effective_limit_bytes = VAL_UNKNOWN, .swap_bytes = 0,
					 .oom_kills = 0, .psi_some_avg10 = NAN, .nprocs = 2, .usage_slope = {NAN, NAN},
					 .eta_to_limit_s = NAN};
	cgroups[2] = (struct cgroup_row){.path = "/system.slice/nas-agent.service", .name = "nas-agent.service",
					 .version = 2, .depth = 2, .parent = 1, .usage_bytes = 215040000,
					 .limit_bytes = 536870912, .high_bytes = 402653184,
					 .effective_limit_bytes = 536870912, .swap_bytes = 4096, .oom_kills = 2,
					 .psi_some_avg10 = 1.5, .nprocs = 1, .usage_slope = {58254.2, 0.98},
					 .eta_to_limit_s = 5520, .next_victim_pid = 1001};
	cgroups[3] = (struct cgroup_row){.path = "/system.slice/we\"ird\\\n\x1b.service",
					 .name = "we\"ird\\\n\x1b.service", .version = 2, .depth = 2, .parent = 1,
					 .usage_bytes = 0, .limit_bytes = VAL_UNKNOWN, .high_bytes = VAL_UNKNOWN,
					 .effective_limit_bytes = VAL_UNKNOWN, .swap_bytes = VAL_UNKNOWN,
					 .oom_kills = VAL_UNKNOWN, .psi_some_avg10 = NAN, .nprocs = 0,
					 .usage_slope = {NAN, NAN}, .eta_to_limit_s = NAN};
	cgroups[4] = cgroups[3];
	cgroups[4].path = "/system.slice/\x1b\x1b\x1b\x1bünïcödé.service";
	cgroups[4].name = "\x1b\x1b\x1b\x1bünïcödé.service";
	for (int i = 0; i < 5; i++) { /* the breakdown: unknown but for nas-agent */
		struct cgroup_row *c = &cgroups[i];
		c->working_set_bytes = c->anon_bytes = c->file_bytes = c->file_inactive_bytes = VAL_UNKNOWN;
		c->shmem_bytes = c->kernel_bytes = c->sock_bytes = c->high_events = c->max_events = VAL_UNKNOWN;
		c->psi_full_avg10 = NAN;
		c->working_set_slope = (struct slope){NAN, NAN};
		c->limited_by = -1;
	}
	/* nas-agent: 205M used, 10 MiB of it inactive cache: a 195M working set (38% of 512M),
	 * growing 200M/h; its own limit is the one it runs into */
	cgroups[2].file_inactive_bytes = 10 * 1048576;
	cgroups[2].working_set_bytes = 215040000 - 10 * 1048576;
	cgroups[2].anon_bytes = 190 * 1048576;
	cgroups[2].file_bytes = 15 * 1048576;
	cgroups[2].shmem_bytes = 0;
	cgroups[2].kernel_bytes = 2 * 1048576;
	cgroups[2].sock_bytes = 4096;
	cgroups[2].high_events = 3;
	cgroups[2].max_events = 0;
	cgroups[2].working_set_slope = (struct slope){58254.2, 0.98};
	cgroups[2].limited_by = 2;
	snap.cgroups = cgroups;
	snap.ncgroups = 5;
	snap.cgroup_version = 2;
	snap.cgroup_mount = "/sys/fs/cgroup";

	/* 1001: everything known, fds 0 */
	struct proc_row *p = &procs[0];
	*p = blank(1001);
	p->ppid = 1;
	p->uid = 1000;
	p->user = "alice";
	p->comm = "nas-agent";
	p->cmdline = "/usr/bin/nas-agent --serve";
	p->cgroup = "/system.slice/nas-agent.service";
	p->start_ticks = 6800288;
	p->start_time_unix_s = 1699990000.5;
	p->rss_bytes = 215040000;
	p->rss_anon_bytes = 200000000;
	p->rss_file_bytes = 15040000;
	p->rss_shmem_bytes = 0;
	p->swap_bytes = 0;
	p->pgtables_bytes = 532480;
	p->oom_score = 667;
	p->oom_score_adj = -1000;
	p->threads = 12;
	p->fds = 0;
	p->rss_slope = (struct slope){58254.2, 0.97};
	p->fd_slope = (struct slope){0.5, 0.9};
	p->thread_slope = (struct slope){0, 1};
	p->next_victim = true;
	/* 1002: nothing known (another user's process, hidepid, …) */
	p = &procs[1];
	*p = blank(1002);
	p->ppid = 1;
	p->uid = 4242;
	p->user = NULL;
	p->comm = "mystery";
	p->cmdline = "";
	p->cgroup = NULL;
	/* 1003: an exited ghost with a hostile name and no cmdline */
	p = &procs[2];
	*p = blank(1003);
	p->ppid = 1001;
	p->uid = 1000;
	p->user = "bob\x1b[0m";
	p->comm = EVIL_COMM;
	p->cmdline = "";
	p->cgroup = "/system.slice/we\"ird\\\n\x1b.service";
	p->state = PROC_EXITED;
	p->exited_unix_s = 1699999990;
	p->rss_bytes = 4096;
	/* 1004: OOM-killed ghost with a hostile command line */
	p = &procs[3];
	*p = blank(1004);
	p->ppid = 1;
	p->uid = 0;
	p->user = "root";
	p->comm = "sh";
	p->cmdline = EVIL_CMD;
	p->cgroup = "/system.slice";
	p->state = PROC_OOM_KILLED;
	p->rss_bytes = 1 << 20;
	p->rss_slope = (struct slope){-100, 0.5};
	/* 1005: a long UTF-8 user name and cgroup that the text columns must cut cleanly */
	p = &procs[4];
	*p = blank(1005);
	p->uid = 1001;
	p->user = "ünïcödé_üser_name";
	p->comm = "ü";
	p->cmdline = "/opt/ünïcödé/bin/tool";
	p->cgroup = "/system.slice/\x1b\x1b\x1b\x1bünïcödé.service";
	p->rss_bytes = 12345;
	for (size_t i = 0; i < 64; i++)
		proc_ptrs[i] = &procs[i];
	snap.procs = proc_ptrs;
	snap.nprocs = 5;
	snap.nkernel_threads = 0;
	snap.notes[0] = "hidepid: 3 processes hidden\x1b[5m";
	snap.nnotes = 1;
	for (size_t i = 0; i < snap.nprocs; i++)
		rows[i] = &procs[i];
	nrows = snap.nprocs;
}

static char *render(void (*fn)(struct strbuf *, const struct output_view *), size_t *len)
{
	struct output_view v = {&snap, rows, nrows};
	struct strbuf sb;
	sb_init(&sb);
	fn(&sb, &v);
	ck_assert(!sb.oom);
	ck_assert_ptr_nonnull(sb.buf);
	ck_assert_uint_eq(strlen(sb.buf), sb.len);
	*len = sb.len;
	return sb.buf;
}

/* ================================================================ JSON */

static struct jv *render_json(void)
{
	size_t len;
	char *out = render(output_json, &len);
	/* exactly one line */
	ck_assert_uint_gt(len, 2);
	ck_assert_int_eq(out[len - 1], '\n');
	ck_assert_ptr_eq(strchr(out, '\n'), out + len - 1);
	for (size_t i = 0; i + 1 < len; i++)
		ck_assert_msg((unsigned char)out[i] >= 0x20 && out[i] != 0x7f, "byte 0x%02x at %zu", (unsigned char)out[i],
			      i);
	const char *why = NULL;
	struct jv *v = json_parse(out, len - 1, &why);
	ck_assert_msg(v != NULL, "invalid JSON (%s): %s", why, out);
	free(out);
	return v;
}

START_TEST(json_one_valid_line_with_design_keys)
{
	build_snapshot();
	struct jv *v = render_json();
	ck_assert_int_eq(v->t, J_OBJ);
	expect_num(v, "schema", 1);
	expect_num(v, "time", 1700000000.25);
	expect_num(v, "uptime", 86400 * 3 + 125);

	const struct jv *sys = jget(v, "system");
	static const char *const sys_keys[] = {"mem_total",      "mem_available",   "swap_total",
					       "swap_free",      "psi_some_avg10",  "psi_full_avg10",
					       "oom_kills",      "available_slope", "eta_to_exhaustion",
					       "next_victim_pid", "zfs_arc_size", "zfs_arc_reclaimable"};
	for (size_t i = 0; i < sizeof(sys_keys) / sizeof(sys_keys[0]); i++)
		jget(sys, sys_keys[i]);

	const struct jv *cgs = jget(v, "cgroups");
	ck_assert_int_eq(cgs->t, J_ARR);
	ck_assert_uint_eq(cgs->n, 5);
	static const char *const cg_keys[] = {"path", "name", "version", "usage", "limit", "high", "effective_limit",
					      "limited_by", "working_set", "anon", "file", "file_inactive", "shmem",
					      "kernel", "sock", "swap", "oom_kills", "high_events", "max_events",
					      "throttled", "psi_some_avg10", "psi_full_avg10", "nprocs", "usage_slope",
					      "working_set_slope", "eta_to_limit", "next_victim_pid"};
	for (size_t c = 0; c < cgs->n; c++)
		for (size_t i = 0; i < sizeof(cg_keys) / sizeof(cg_keys[0]); i++)
			jget(&cgs->items[c], cg_keys[i]);

	const struct jv *ps = jget(v, "processes");
	ck_assert_int_eq(ps->t, J_ARR);
	ck_assert_uint_eq(ps->n, nrows);
	static const char *const p_keys[] = {"pid",       "ppid",      "uid",          "user",     "comm",
					     "cmdline",   "cgroup",    "start_time",   "rss",      "rss_anon",
					     "rss_file",  "rss_shmem", "swap",         "oom_score", "oom_score_adj",
					     "threads",   "fds",       "rss_slope",    "fd_slope", "thread_slope",
					     "state"};
	for (size_t p = 0; p < ps->n; p++)
		for (size_t i = 0; i < sizeof(p_keys) / sizeof(p_keys[0]); i++)
			jget(&ps->items[p], p_keys[i]);

	/* a process's cgroup is the path of a cgroup in the same snapshot */
	for (size_t p = 0; p < ps->n; p++) {
		const struct jv *cg = jget(&ps->items[p], "cgroup");
		if (cg->t == J_NULL)
			continue;
		bool found = false;
		for (size_t c = 0; c < cgs->n && !found; c++)
			found = strcmp(jget(&cgs->items[c], "path")->str, cg->str) == 0;
		ck_assert_msg(found, "process cgroup %s not among the cgroups", cg->str);
	}
	jv_free(v);
	free(v);
}
END_TEST

START_TEST(json_values_unknown_null_known_zero)
{
	build_snapshot();
	struct jv *v = render_json();
	const struct jv *sys = jget(v, "system");
	expect_num(sys, "mem_total", 8589934592.0);
	expect_num(sys, "mem_available", 3221225472.0);
	expect_num(sys, "swap_total", 0); /* known zero stays 0 */
	expect_num(sys, "swap_free", 0);
	expect_null(sys, "psi_some_avg10");
	expect_null(sys, "psi_full_avg10");
	expect_null(sys, "oom_kills");
	expect_null(sys, "available_slope");
	expect_null(sys, "eta_to_exhaustion");
	expect_null(sys, "next_victim_pid");

	const struct jv *cgs = jget(v, "cgroups");
	const struct jv *root = &cgs->items[0];
	expect_str(root, "path", "/");
	expect_num(root, "version", 2);
	expect_null(root, "usage");
	expect_null(root, "limit");
	expect_null(root, "high");
	expect_null(root, "effective_limit");
	expect_null(root, "swap");
	expect_null(root, "oom_kills");
	expect_num(root, "psi_some_avg10", 0.5);
	expect_null(root, "usage_slope");
	expect_null(root, "eta_to_limit");
	expect_null(root, "next_victim_pid");
	const struct jv *sl = &cgs->items[1];
	expect_num(sl, "oom_kills", 0);
	expect_num(sl, "swap", 0);
	expect_null(sl, "limit"); /* a cgroup without a limit */
	expect_null(sl, "psi_some_avg10");
	const struct jv *na = &cgs->items[2];
	expect_str(na, "name", "nas-agent.service");
	expect_num(na, "usage", 215040000);
	expect_num(na, "limit", 536870912);
	expect_num(na, "high", 402653184);
	expect_num(na, "effective_limit", 536870912);
	expect_num(na, "oom_kills", 2);
	expect_num(na, "nprocs", 1);
	expect_num(na, "usage_slope", 58254.2);
	expect_num(na, "eta_to_limit", 5520);
	expect_num(na, "next_victim_pid", 1001);
	expect_str(na, "limited_by", "/system.slice/nas-agent.service");
	expect_num(na, "working_set", 215040000 - 10 * 1048576);
	expect_num(na, "file_inactive", 10 * 1048576);
	expect_num(na, "anon", 190 * 1048576);
	expect_num(na, "kernel", 2 * 1048576);
	expect_num(na, "sock", 4096);
	expect_num(na, "high_events", 3);
	expect_num(na, "working_set_slope", 58254.2);
	ck_assert(jget(na, "throttled")->t == J_BOOL && !jget(na, "throttled")->b);
	expect_null(root, "limited_by");
	expect_null(root, "working_set");
	expect_null(root, "psi_full_avg10");
	expect_null(sys, "zfs_arc_size");
	const struct jv *weird = &cgs->items[3];
	expect_str(weird, "path", "/system.slice/we\"ird\\\n\x1b.service"); /* round-trips exactly */
	expect_num(weird, "usage", 0);

	const struct jv *ps = jget(v, "processes");
	const struct jv *p = &ps->items[0];
	expect_num(p, "pid", 1001);
	expect_num(p, "ppid", 1);
	expect_num(p, "uid", 1000);
	expect_str(p, "user", "alice");
	expect_str(p, "comm", "nas-agent");
	expect_str(p, "cmdline", "/usr/bin/nas-agent --serve");
	expect_str(p, "cgroup", "/system.slice/nas-agent.service");
	expect_num(p, "start_time", 1699990000.5);
	expect_num(p, "rss", 215040000);
	expect_num(p, "rss_anon", 200000000);
	expect_num(p, "rss_file", 15040000);
	expect_num(p, "rss_shmem", 0);
	expect_num(p, "swap", 0);
	expect_num(p, "oom_score", 667);
	expect_num(p, "oom_score_adj", -1000);
	expect_num(p, "threads", 12);
	expect_num(p, "fds", 0); /* 0 fds is a value */
	expect_num(p, "rss_slope", 58254.2);
	expect_num(p, "fd_slope", 0.5);
	expect_num(p, "thread_slope", 0);
	expect_str(p, "state", "running");

	p = &ps->items[1];
	static const char *const unknown[] = {"rss",      "rss_anon",      "rss_file", "rss_shmem", "swap",
					      "oom_score", "oom_score_adj", "threads",  "fds",       "rss_slope",
					      "fd_slope",  "thread_slope",  "cgroup",   "start_time"};
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		expect_null(p, unknown[i]);
	expect_num(p, "uid", 4242);

	p = &ps->items[2];
	expect_str(p, "state", "exited");
	/* control bytes survive as escapes, invalid UTF-8 becomes U+FFFD */
	expect_str(p, "comm", "evil\x1b[31m\n\xef\xbf\xbd\xef\xbf\xbd");
	expect_str(p, "user", "bob\x1b[0m");
	p = &ps->items[3];
	expect_str(p, "state", "oom_killed");
	expect_num(p, "rss_slope", -100);
	expect_str(p, "cmdline", "/bin/sh -c 'printf \x1b]0;pwned\x07'\r\n\xef\xbf\xbd" "31m \xc2\x9b" "2J tab\there "
				 "\x7f end");
	p = &ps->items[4];
	expect_str(p, "user", "ünïcödé_üser_name");
	jv_free(v);
	free(v);
}
END_TEST

START_TEST(json_many_rows_still_one_line)
{
	build_snapshot();
	for (size_t i = 5; i < 64; i++) {
		procs[i] = procs[i % 5];
		procs[i].pid = (pid_t)(2000 + i);
		rows[i] = &procs[i];
	}
	snap.nprocs = nrows = 64;
	struct jv *v = render_json();
	ck_assert_uint_eq(jget(v, "processes")->n, 64);
	jv_free(v);
	free(v);
	/* and an empty snapshot */
	snap.ncgroups = 0;
	snap.nprocs = nrows = 0;
	snap.nnotes = 0;
	v = render_json();
	ck_assert_uint_eq(jget(v, "processes")->n, 0);
	ck_assert_uint_eq(jget(v, "cgroups")->n, 0);
	jv_free(v);
	free(v);
}
END_TEST

/* ================================================================ text */

/* Valid UTF-8, and no control byte but '\n' (no ESC, no DEL, no C1 code point). */
static void expect_terminal_safe(const char *out)
{
	const unsigned char *p = (const unsigned char *)out;
	size_t len = strlen(out);
	for (size_t i = 0; i < len;) {
		ck_assert_msg(p[i] >= 0x20 || p[i] == '\n', "control byte 0x%02x at %zu", p[i], i);
		ck_assert_msg(p[i] != 0x7f, "DEL at %zu", i);
		size_t k = utf8_ok(p + i, len - i);
		ck_assert_msg(k > 0, "invalid UTF-8 at %zu: ...%.20s", i, out + i);
		if (k == 2)
			ck_assert_msg(!(p[i] == 0xc2 && p[i + 1] >= 0x80 && p[i + 1] < 0xa0), "C1 control at %zu", i);
		i += k;
	}
}

/* The line of the process table for pid, split on blanks. */
/* The text output's row for pid: its first byte (the mark). */
static const char *row_line(const char *out, pid_t pid)
{
	char needle[16];
	snprintf(needle, sizeof(needle), "%7d ", (int)pid);
	const char *line = NULL;
	for (const char *p = out; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strlen(p) > 8 && strncmp(p + 1, needle, strlen(needle)) == 0)
			line = p;
	ck_assert_msg(line != NULL, "no row for pid %d", (int)pid);
	return line;
}

static size_t row_fields(const char *out, pid_t pid, char fields[16][64])
{
	const char *line = row_line(out, pid);
	const char *end = strchr(line, '\n');
	size_t n = 0;
	fields[n][0] = line[0];
	fields[n][1] = '\0';
	n++;
	const char *p = line + 1;
	while (p < end && n < 16) {
		while (p < end && *p == ' ')
			p++;
		if (p >= end)
			break;
		const char *s = p;
		while (p < end && *p != ' ')
			p++;
		snprintf(fields[n], 64, "%.*s", (int)(p - s), s);
		n++;
	}
	return n;
}

START_TEST(text_is_terminal_safe)
{
	build_snapshot();
	size_t len;
	char *out = render(output_text, &len);
	ck_assert_ptr_null(strchr(out, 0x1b));
	expect_terminal_safe(out);
	/* the hostile bytes are shown, escaped, not dropped */
	ck_assert_ptr_nonnull(strstr(out, "[evil\\x1b[31m\\x0a\\xff\\xfe]"));
	ck_assert_ptr_nonnull(strstr(out, "printf \\x1b]0;pwned\\x07'\\x0d\\x0a\\x9b31m \\xc2\\x9b2J tab\\x09here \\x7f end"));
	ck_assert_ptr_nonnull(strstr(out, "nas\\x1b[2J"));
	ck_assert_ptr_nonnull(strstr(out, "note: hidepid: 3 processes hidden\\x1b[5m"));
	ck_assert_ptr_nonnull(strstr(out, "PID USER"));
	free(out);
}
END_TEST

START_TEST(text_rows_unknown_is_dash)
{
	build_snapshot();
	size_t len;
	char *out = render(output_text, &len);
	char f[16][64];
	/* mark, PID USER CGROUP RSS RSS/h SWAP SCORE ADJ FDS FD/h THR COMMAND */
	size_t n = row_fields(out, 1001, f);
	ck_assert_uint_ge(n, 13);
	ck_assert_str_eq(f[0], "*"); /* next victim */
	ck_assert_str_eq(f[1], "1001");
	ck_assert_str_eq(f[2], "alice");
	ck_assert_str_eq(f[3], "nas-agent.service");
	ck_assert_str_eq(f[4], "205M");
	ck_assert_str_eq(f[5], "+200M/h");
	ck_assert_str_eq(f[6], "0");
	ck_assert_str_eq(f[7], "667");
	ck_assert_str_eq(f[8], "-1000");
	ck_assert_str_eq(f[9], "0"); /* fds: 0, not "-" */
	ck_assert_str_eq(f[11], "12");
	ck_assert_str_eq(f[12], "/usr/bin/nas-agent");

	n = row_fields(out, 1002, f);
	ck_assert_uint_eq(n, 13);
	ck_assert_str_eq(f[0], " ");
	for (int i = 4; i <= 11; i++)
		ck_assert_msg(strcmp(f[i], "-") == 0, "field %d of an unknown row is '%s'", i, f[i]);
	ck_assert_str_eq(f[3], "-"); /* unknown cgroup */
	ck_assert_str_eq(f[12], "[mystery]");

	row_fields(out, 1003, f);
	ck_assert_str_eq(f[0], "x"); /* exited ghost */
	row_fields(out, 1004, f);
	ck_assert_str_eq(f[0], "K"); /* OOM-killed ghost */
	ck_assert_str_eq(f[2], "root");
	ck_assert_str_eq(f[5], "-352K/h"); /* -100 B/s */
	free(out);
}
END_TEST

/* The text of a row from character column `from`, `n` characters long (UTF-8). */
static void row_chars(const char *out, pid_t pid, size_t from, size_t n, char *buf, size_t cap)
{
	const char *line = row_line(out, pid);
	size_t col = 0, len = 0;
	for (const char *p = line; *p && *p != '\n'; p++) {
		bool start = ((unsigned char)*p & 0xc0) != 0x80;
		if (start)
			col++;
		if (col > from && col <= from + n && len + 1 < cap)
			buf[len++] = *p;
	}
	buf[len] = '\0';
}

/* USER and CGROUP are padded and cut in characters, not bytes: a row with a UTF-8 user
 * name and cgroup keeps the columns after them where an ASCII row has them. */
START_TEST(text_columns_align_with_utf8_names)
{
	build_snapshot();
	size_t len;
	char *out = render(output_text, &len);
	char a[64], b[64];
	/* mark, %7d pid, space, 10 user, space, 20 cgroup, space: RSS ends at character 47 */
	row_chars(out, 1001, 41, 6, a, sizeof(a));
	row_chars(out, 1005, 41, 6, b, sizeof(b));
	ck_assert_str_eq(a, "  205M");
	ck_assert_str_eq(b, "   12K");
	row_chars(out, 1005, 9, 11, b, sizeof(b));
	ck_assert_str_eq(b, "ünïcödé_üs "); /* 10 characters (15 bytes) of the user, then the gap */
	free(out);
}
END_TEST

START_TEST(text_cgroups_section)
{
	build_snapshot();
	size_t len;
	char *out = render(output_text, &len);
	ck_assert_ptr_nonnull(strstr(out, "Cgroups (v2, 5)"));
	/* nas-agent: 205M used, a 195M working set: 38 % of 512M */
	const char *l = strstr(out, "    nas-agent.service");
	ck_assert_ptr_nonnull(l);
	const char *e = strchr(l, '\n');
	char line[512];
	snprintf(line, sizeof(line), "%.*s", (int)(e - l), l);
	ck_assert_ptr_nonnull(strstr(line, " 205M "));
	ck_assert_ptr_nonnull(strstr(line, " 195M "));
	ck_assert_ptr_nonnull(strstr(line, " 512M "));
	ck_assert_ptr_nonnull(strstr(line, " 384M ")); /* high */
	ck_assert_ptr_nonnull(strstr(line, " 38 "));
	ck_assert_ptr_nonnull(strstr(line, " 1.5 ")); /* PSI some */
	ck_assert_ptr_nonnull(strstr(line, " 1001 "));
	ck_assert_ptr_nonnull(strstr(line, "/system.slice/nas-agent.service"));
	free(out);

	snap.cgroup_version = 0;
	snap.ncgroups = 0;
	out = render(output_text, &len);
	ck_assert_ptr_nonnull(strstr(out, "no memory controller"));
	free(out);
}
END_TEST

/* ================================================================ Prometheus */

static bool metric_name_ok(const char *s, size_t n)
{
	if (n == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_' || s[0] == ':'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == ':'))
			return false;
	return true;
}

struct prom_family {
	char name[128];
	char type[16];
	bool help, closed;
	size_t samples;
};

struct prom_check {
	struct prom_family fam[64];
	size_t nfam;
	int cur; /* family of the previous line, -1 */
	pid_t pids[256];
	size_t npids;
};

static struct prom_family *family(struct prom_check *pc, const char *name, size_t n)
{
	for (size_t i = 0; i < pc->nfam; i++)
		if (strlen(pc->fam[i].name) == n && strncmp(pc->fam[i].name, name, n) == 0)
			return &pc->fam[i];
	ck_assert_uint_lt(pc->nfam, 64);
	struct prom_family *f = &pc->fam[pc->nfam++];
	memset(f, 0, sizeof(*f));
	snprintf(f->name, sizeof(f->name), "%.*s", (int)n, name);
	return f;
}

/* Check one exposition line (without '\n'). */
static void prom_line(struct prom_check *pc, const char *l)
{
	if (l[0] == '#') {
		bool help = strncmp(l, "# HELP ", 7) == 0, type = strncmp(l, "# TYPE ", 7) == 0;
		ck_assert_msg(help || type, "comment line '%s'", l);
		const char *name = l + 7, *sp = strchr(name, ' ');
		ck_assert_msg(sp && metric_name_ok(name, (size_t)(sp - name)), "bad name in '%s'", l);
		ck_assert_msg(strncmp(name, "oomtop_", 7) == 0, "'%s' lacks the oomtop_ prefix", l);
		struct prom_family *f = family(pc, name, (size_t)(sp - name));
		ck_assert_msg(f->samples == 0, "metadata after samples: '%s'", l);
		if (help) {
			ck_assert_msg(!f->help, "second HELP: '%s'", l);
			f->help = true;
		} else {
			ck_assert_msg(!f->type[0], "second TYPE: '%s'", l);
			ck_assert_msg(strcmp(sp + 1, "gauge") == 0 || strcmp(sp + 1, "counter") == 0, "type in '%s'", l);
			snprintf(f->type, sizeof(f->type), "%s", sp + 1);
			if (strcmp(f->type, "counter") == 0)
				ck_assert_msg(strstr(f->name, "_total") == f->name + strlen(f->name) - 6,
					      "counter %s does not end in _total", f->name);
		}
		pc->cur = (int)(f - pc->fam);
		return;
	}
	const char *p = l;
	while (*p && *p != '{' && *p != ' ')
		p++;
	ck_assert_msg(metric_name_ok(l, (size_t)(p - l)), "bad sample name in '%s'", l);
	struct prom_family *f = family(pc, l, (size_t)(p - l));
	ck_assert_msg(f->help && f->type[0], "sample before HELP/TYPE: '%s'", l);
	ck_assert_msg(!f->closed && pc->cur == (int)(f - pc->fam), "family %s is not contiguous", f->name);
	f->samples++;
	if (*p == '{') {
		p++;
		bool first = true;
		while (*p != '}') {
			if (!first) {
				ck_assert_msg(*p == ',', "expected ',' in '%s'", l);
				p++;
			}
			first = false;
			const char *ln = p;
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			ck_assert_msg(p > ln && !isdigit((unsigned char)*ln), "bad label name in '%s'", l);
			bool is_pid = (size_t)(p - ln) == 3 && strncmp(ln, "pid", 3) == 0;
			ck_assert_msg(p[0] == '=' && p[1] == '"', "expected =\" in '%s'", l);
			p += 2;
			char val[512];
			size_t vn = 0;
			while (*p != '"') {
				ck_assert_msg(*p != '\0', "unterminated label value in '%s'", l);
				ck_assert_msg((unsigned char)*p >= 0x20 && *p != 0x7f, "raw control byte in '%s'", l);
				if (*p == '\\') {
					p++;
					ck_assert_msg(*p == '\\' || *p == '"' || *p == 'n', "bad escape \\%c in '%s'", *p, l);
				}
				if (vn + 1 < sizeof(val))
					val[vn++] = *p;
				p++;
			}
			val[vn] = '\0';
			p++;
			if (is_pid && pc->npids < 256) {
				pid_t pid = (pid_t)atoi(val);
				bool seen = false;
				for (size_t i = 0; i < pc->npids; i++)
					seen |= pc->pids[i] == pid;
				if (!seen)
					pc->pids[pc->npids++] = pid;
			}
		}
		p++;
	}
	ck_assert_msg(*p == ' ', "expected a blank before the value in '%s'", l);
	p++;
	char *end;
	double d = strtod(p, &end);
	ck_assert_msg(end != p && *end == '\0', "bad value in '%s'", l);
	ck_assert_msg(isfinite(d), "non-finite value in '%s' (unknown must be absent)", l);
}

static void prom_check_all(const char *out, struct prom_check *pc)
{
	memset(pc, 0, sizeof(*pc));
	pc->cur = -1;
	size_t len = strlen(out);
	ck_assert_msg(len == 0 || out[len - 1] == '\n', "output does not end in a newline");
	char line[4096];
	for (const char *p = out; *p;) {
		const char *e = strchr(p, '\n');
		ck_assert_ptr_nonnull(e);
		ck_assert_uint_lt((size_t)(e - p), sizeof(line));
		snprintf(line, sizeof(line), "%.*s", (int)(e - p), p);
		ck_assert_msg(line[0] != '\0', "empty line");
		int before = pc->cur;
		prom_line(pc, line);
		if (before >= 0 && before != pc->cur)
			pc->fam[before].closed = true;
		p = e + 1;
	}
	for (size_t i = 0; i < pc->nfam; i++)
		ck_assert_msg(pc->fam[i].samples > 0, "family %s has metadata but no sample", pc->fam[i].name);
}

static const struct prom_family *prom_family_of(const struct prom_check *pc, const char *name)
{
	for (size_t i = 0; i < pc->nfam; i++)
		if (strcmp(pc->fam[i].name, name) == 0)
			return &pc->fam[i];
	return NULL;
}

START_TEST(prom_exposition_format)
{
	build_snapshot();
	size_t len;
	char *out = render(output_prom, &len);
	struct prom_check pc;
	prom_check_all(out, &pc);
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_memory_total_bytes 8589934592\n"));
	ck_assert_ptr_nonnull(strstr(out, "\noomtop_swap_total_bytes 0\n")); /* known zero present */
	/* unknown values are absent, not 0 */
	ck_assert_ptr_null(prom_family_of(&pc, "oomtop_oom_kills_total"));
	ck_assert_ptr_null(prom_family_of(&pc, "oomtop_memory_pressure_some_avg10"));
	ck_assert_ptr_null(strstr(out, "oomtop_process_rss_bytes{pid=\"1002\""));
	ck_assert_ptr_nonnull(strstr(out, "oomtop_cgroup_usage_bytes{path=\"/system.slice/nas-agent.service\","
					  "name=\"nas-agent.service\"} 215040000\n"));
	ck_assert_ptr_nonnull(strstr(out, "oomtop_cgroup_oom_kills_total{path=\"/system.slice\",name=\"system.slice\"} 0\n"));
	ck_assert_ptr_null(strstr(out, "oomtop_cgroup_limit_bytes{path=\"/system.slice\""));
	/* label values escaped: " \ and newline; ESC replaced */
	ck_assert_ptr_nonnull(strstr(out, "path=\"/system.slice/we\\\"ird\\\\\\n?.service\""));
	/* ghosts have no per-process series */
	ck_assert_ptr_null(strstr(out, "pid=\"1003\""));
	ck_assert_ptr_null(strstr(out, "pid=\"1004\""));
	free(out);
}
END_TEST

START_TEST(prom_process_series_bounded)
{
	build_snapshot();
	/* 60 running processes, all with a known leak rate, sorted by it */
	for (size_t i = 0; i < 60; i++) {
		procs[i] = blank((pid_t)(3000 + i));
		procs[i].comm = "worker\"\\";
		procs[i].user = "u";
		procs[i].cmdline = "w";
		procs[i].cgroup = "/system.slice";
		procs[i].rss_bytes = (int64_t)(60 - i) << 20;
		procs[i].rss_slope = (struct slope){(double)(600 - 10 * (int)i), 0.9};
		procs[i].fds = 10;
		rows[i] = &procs[i];
	}
	snap.nprocs = nrows = 60;
	size_t len;
	char *out = render(output_prom, &len);
	struct prom_check pc;
	prom_check_all(out, &pc);
	ck_assert_uint_le(pc.npids, OUTPUT_PROM_MAX_PROCS);
	ck_assert_uint_eq(pc.npids, OUTPUT_PROM_MAX_PROCS);
	for (size_t i = 0; i < pc.nfam; i++)
		if (strncmp(pc.fam[i].name, "oomtop_process_", 15) == 0)
			ck_assert_uint_le(pc.fam[i].samples, OUTPUT_PROM_MAX_PROCS);
	/* the top ones by leak rate */
	for (pid_t pid = 3000; pid < 3000 + OUTPUT_PROM_MAX_PROCS; pid++) {
		bool seen = false;
		for (size_t i = 0; i < pc.npids; i++)
			seen |= pc.pids[i] == pid;
		ck_assert_msg(seen, "pid %d (leak rank %d) missing", (int)pid, (int)(pid - 3000));
	}
	ck_assert_ptr_nonnull(strstr(out, "comm=\"worker\\\"\\\\\""));
	free(out);
}
END_TEST

START_TEST(prom_process_series_need_a_leak_rate)
{
	/* output.h: per-process series only for rows with a known leak rate, the top ones
	 * by that rate, whatever order the rows come in (batch sorts by -s) */
	build_snapshot();
	for (size_t i = 0; i < 40; i++) {
		procs[i] = blank((pid_t)(4000 + i));
		procs[i].comm = "w";
		procs[i].rss_bytes = (int64_t)(i + 1) << 20;
		/* even pids leak at a known rate growing with i, odd ones are unknown yet */
		procs[i].rss_slope = (struct slope){i % 2 ? NAN : (double)i * 100, i % 2 ? NAN : 0.9};
		rows[i] = &procs[i]; /* in pid order: not by leak rate */
	}
	snap.nprocs = nrows = 40;
	size_t len;
	char *out = render(output_prom, &len);
	struct prom_check pc;
	prom_check_all(out, &pc);
	ck_assert_uint_eq(pc.npids, 20);
	for (size_t i = 0; i < pc.npids; i++)
		ck_assert_msg((pc.pids[i] - 4000) % 2 == 0, "pid %d has no known leak rate", (int)pc.pids[i]);
	free(out);

	/* with more known rates than the bound: the fastest leakers */
	for (size_t i = 0; i < 40; i++)
		procs[i].rss_slope = (struct slope){(double)i * 100, 0.9};
	out = render(output_prom, &len);
	prom_check_all(out, &pc);
	ck_assert_uint_eq(pc.npids, OUTPUT_PROM_MAX_PROCS);
	for (size_t i = 0; i < pc.npids; i++)
		ck_assert_msg(pc.pids[i] >= 4000 + 40 - OUTPUT_PROM_MAX_PROCS, "pid %d is not a top leaker",
			      (int)pc.pids[i]);
	free(out);

	/* nothing known yet: no per-process series at all, the rest still valid */
	for (size_t i = 0; i < 40; i++)
		procs[i].rss_slope = (struct slope){NAN, NAN};
	out = render(output_prom, &len);
	prom_check_all(out, &pc);
	ck_assert_uint_eq(pc.npids, 0);
	ck_assert_ptr_nonnull(strstr(out, "oomtop_memory_total_bytes"));
	free(out);
}
END_TEST

/* ================================================================ JSON values */

static char *js(const char *s)
{
	static char out[512];
	struct strbuf sb;
	sb_init(&sb);
	json_write_string(&sb, s);
	snprintf(out, sizeof(out), "%s", sb.buf ? sb.buf : "");
	sb_free(&sb);
	return out;
}

START_TEST(json_string_cases)
{
	ck_assert_str_eq(js(""), "\"\"");
	ck_assert_str_eq(js(NULL), "null"); /* unknown strings are null (json_write.h) */
	ck_assert_str_eq(js("plain"), "\"plain\"");
	ck_assert_str_eq(js("q\"b\\s/"), "\"q\\\"b\\\\s/\"");
	ck_assert_str_eq(js("\n\t\r"), "\"\\n\\t\\r\"");
	ck_assert_str_eq(js("\x1b[31m"), "\"\\u001b[31m\"");
	ck_assert_str_eq(js("\x01\x1f\x7f"), "\"\\u0001\\u001f\\u007f\"");
	ck_assert_str_eq(js("café 😀"), "\"café 😀\"");
	ck_assert_str_eq(js("\xc2\x9b" "2J"), "\"\\u009b2J\""); /* C1 CSI: escaped (found by fuzz_sanitize) */
	ck_assert_str_eq(js("\xff"), "\"\\ufffd\"");
	ck_assert_str_eq(js("a\xc0\xaf" "b"), "\"a\\ufffd\\ufffdb\"");
	ck_assert_str_eq(js("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");
	ck_assert_str_eq(js("end \xe6\x97"), "\"end \\ufffd\\ufffd\"");
	/* every output is valid JSON */
	const char *samples[] = {"", "q\"b\\", "\x1b\x7f\xff\xfe", "\xc2\x9b", "😀\xf0\x9f", "\b\f"};
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		const char *out = js(samples[i]), *why = NULL;
		struct jv *v = json_parse(out, strlen(out), &why);
		ck_assert_msg(v != NULL, "json_write_string gave invalid JSON %s: %s", out, why);
		jv_free(v);
		free(v);
	}
}
END_TEST

START_TEST(json_numbers)
{
	struct strbuf sb;
	sb_init(&sb);
	json_write_i64(&sb, VAL_UNKNOWN);
	sb_putc(&sb, ',');
	json_write_i64(&sb, 0);
	sb_putc(&sb, ',');
	json_write_i64(&sb, -1000);
	sb_putc(&sb, ',');
	json_write_i64(&sb, INT64_MAX);
	sb_putc(&sb, ',');
	json_write_double(&sb, NAN);
	sb_putc(&sb, ',');
	json_write_double(&sb, INFINITY);
	sb_putc(&sb, ',');
	json_write_double(&sb, -INFINITY);
	sb_putc(&sb, ',');
	json_write_double(&sb, 0);
	sb_putc(&sb, ',');
	json_write_double(&sb, 1.5);
	sb_putc(&sb, ',');
	json_write_double(&sb, 1700000000.123456);
	sb_putc(&sb, ',');
	json_write_double(&sb, 1e-7);
	sb_putc(&sb, ',');
	json_write_double(&sb, -0.0);
	ck_assert_str_eq(sb.buf, "null,0,-1000,9223372036854775807,null,null,null,0,1.5,1700000000.123,1e-07,-0");
	sb_putc(&sb, ',');
	json_write_double(&sb, 1e300); /* huge: still a JSON number */
	char wrapped[2048];
	snprintf(wrapped, sizeof(wrapped), "[%s]", sb.buf);
	const char *why = NULL;
	struct jv *v = json_parse(wrapped, strlen(wrapped), &why);
	ck_assert_msg(v != NULL, "invalid JSON numbers (%s): %s", why, wrapped);
	ck_assert_int_eq(v->items[0].t, J_NULL);
	ck_assert_int_eq(v->items[4].t, J_NULL);
	ck_assert_int_eq(v->items[5].t, J_NULL);
	ck_assert_double_eq_tol(v->items[9].num, 1700000000.123, 1e-6);
	jv_free(v);
	free(v);
	sb_free(&sb);
}
END_TEST


static void ref_json_double(char *out, size_t cap, double v)
{
	if (isnan(v) || isinf(v))
		snprintf(out, cap, "null");
	else if (v == floor(v) && fabs(v) < 1e15)
		snprintf(out, cap, "%.0f", v);
	else if (fabs(v) >= 1e5)
		snprintf(out, cap, "%.3f", v);
	else
		snprintf(out, cap, "%.6g", v);
}

static void check_json_double(double v)
{
	char want[64];
	struct strbuf sb;
	sb_init(&sb);
	ref_json_double(want, sizeof(want), v);
	json_write_double(&sb, v);
	ck_assert_msg(sb.buf && strcmp(sb.buf, want) == 0, "json_write_double(%.17g): got %s, printf says %s", v,
		      sb.buf ? sb.buf : "(null)", want);
	sb_free(&sb);
}

/* json_write_double skips printf; it must print what the printf formula below prints. */
START_TEST(json_double_prints_what_printf_prints)
{
	static const double edges[] = {0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 1.25, 2.5, 9.95, 9.949999, 99999.95,
				       99999.5, 1e5, 1e-4, 0.000099999, 0.00012345675, 123456.0005, 1700000000.0005,
				       1700000000.1235, -3.25e-3, 12345.65, 0.5, 1.5, 999.5, 1023.5, 1e15, 1e16};
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		check_json_double(edges[i]);
		check_json_double(-edges[i]);
	}
	srand(7);
	for (int i = 0; i < 20000; i++) {
		/* slopes, fits, unix times, short decimals that sit on ties */
		double r = ((double)rand() / RAND_MAX - 0.5) * pow(10.0, rand() % 14 - 4);
		check_json_double(r);
		check_json_double(1.7e9 + (double)rand() / RAND_MAX * 1e8);
		check_json_double((double)(rand() % 100000) / pow(10.0, rand() % 9));
		check_json_double((double)rand() / RAND_MAX);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("json");
	tcase_add_test(tc, json_parser_is_strict);
	tcase_add_test(tc, json_one_valid_line_with_design_keys);
	tcase_add_test(tc, json_values_unknown_null_known_zero);
	tcase_add_test(tc, json_many_rows_still_one_line);
	suite_add_tcase(s, tc);
	tc = tcase_create("text");
	tcase_add_test(tc, text_is_terminal_safe);
	tcase_add_test(tc, text_rows_unknown_is_dash);
	tcase_add_test(tc, text_columns_align_with_utf8_names);
	tcase_add_test(tc, text_cgroups_section);
	suite_add_tcase(s, tc);
	tc = tcase_create("prometheus");
	tcase_add_test(tc, prom_exposition_format);
	tcase_add_test(tc, prom_process_series_bounded);
	tcase_add_test(tc, prom_process_series_need_a_leak_rate);
	suite_add_tcase(s, tc);
	tc = tcase_create("json_write");
	tcase_add_test(tc, json_string_cases);
	tcase_add_test(tc, json_numbers);
	tcase_add_test(tc, json_double_prints_what_printf_prints);
	suite_add_tcase(s, tc);
	return ck_run(s);
}
