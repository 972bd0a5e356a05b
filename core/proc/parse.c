#include "config.h"
#include "core/proc/parse.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/model.h"
#include "core/base/util.h"

static int64_t kb_value(const char *p)
{
	int64_t v;
	return util_parse_i64(&p, &v) ? util_kib_to_bytes(v) : VAL_UNKNOWN;
}

/* line starts with key (a literal) and ':'; then *value is what follows. */
#define key_is(line, key, value) key_is_n((line), key, sizeof(key) - 1, (value))
static inline bool key_is_n(const char *line, const char *key, size_t n, const char **value)
{
	for (size_t i = 0; i < n; i++) /* stops at the first difference: never past a NUL */
		if (line[i] != key[i])
			return false;
	if (line[n] != ':')
		return false;
	*value = line + n + 1;
	return true;
}

/* /proc/PID/status (6.x; RssAnon/RssFile/RssShmem since 4.5):
 *   Name:	nas-agent
 *   ...
 *   State:	S (sleeping)
 *   ...
 *   PPid:	1
 *   Uid:	1000	1000	1000	1000
 *   ...
 *   VmRSS:	  215040 kB
 *   RssAnon:	  200704 kB
 *   RssFile:	   14336 kB
 *   RssShmem:	       0 kB
 *   ...
 *   VmPTE:	     520 kB
 *   VmSwap:	       0 kB
 *   ...
 *   Threads:	12
 * Kernel threads have no Vm or Rss lines. VmPMD (4.0–4.14) is added to page tables.
 */
int status_parse(const char *buf, struct proc_sample *out)
{
	out->rss_bytes = out->rss_anon_bytes = out->rss_file_bytes = VAL_UNKNOWN;
	out->rss_shmem_bytes = out->swap_bytes = out->pgtables_bytes = VAL_UNKNOWN;
	out->threads = out->uid = out->ppid = VAL_UNKNOWN;
	out->state = '?';
	out->name_hash = 0;
	bool seen_name = false;
	/* most lines are skipped on their first byte or two */
	for (const char *p = buf; *p;) {
		const char *v;
		switch (*p) {
		case 'N':
			if (key_is(p, "Name", &v)) {
				seen_name = true;
				uint32_t h = 2166136261u;
				for (; *v && *v != '\n'; v++)
					h = (h ^ (unsigned char)*v) * 16777619u;
				out->name_hash = h ? h : 1;
			}
			break;
		case 'P':
			if (key_is(p, "PPid", &v))
				util_parse_i64(&v, &out->ppid);
			break;
		case 'U':
			if (key_is(p, "Uid", &v))
				util_parse_i64(&v, &out->uid);
			break;
		case 'S':
			if (key_is(p, "State", &v)) {
				v += strspn(v, " \t");
				if (*v >= 'A' && *v <= 'Z')
					out->state = *v;
			}
			break;
		case 'T':
			if (key_is(p, "Threads", &v)) {
				util_parse_i64(&v, &out->threads);
				/* the first line of the signal part, after everything we need
				 * (task_sig() follows task_mem() in every kernel): done */
				return seen_name && val_known(out->threads) ? 0 : -EINVAL;
			}
			break;
		case 'R':
			if (p[1] != 's' || p[2] != 's')
				break;
			if (key_is(p, "RssAnon", &v))
				out->rss_anon_bytes = kb_value(v);
			else if (key_is(p, "RssFile", &v))
				out->rss_file_bytes = kb_value(v);
			else if (key_is(p, "RssShmem", &v))
				out->rss_shmem_bytes = kb_value(v);
			break;
		case 'V':
			if (p[1] != 'm')
				break;
			if (key_is(p, "VmRSS", &v))
				out->rss_bytes = kb_value(v);
			else if (key_is(p, "VmSwap", &v))
				out->swap_bytes = kb_value(v);
			else if (key_is(p, "VmPTE", &v) || key_is(p, "VmPMD", &v)) {
				int64_t b = kb_value(v);
				/* saturating: a garbled file's VmPTE + VmPMD must not overflow */
				if (val_known(b))
					out->pgtables_bytes =
						util_sat_add(val_known(out->pgtables_bytes) ? out->pgtables_bytes : 0, b);
			}
			break;
		default:
			break;
		}
		const char *nl = strchr(p, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
	return seen_name && val_known(out->threads) ? 0 : -EINVAL;
}

/* /proc/PID/stat (fields after the comm are space-separated; starttime is field 22):
 *   2473 (python3) R 2470 2473 2470 0 -1 4194304 ... 0 0 20 0 1 0 6800288 43278336 ...
 * The comm sits between the first '(' and the LAST ')': it may hold spaces and parens.
 */
int stat_parse(const char *buf, struct proc_stat_fields *out)
{
	const char *open = strchr(buf, '(');
	const char *close = strrchr(buf, ')');
	if (!open || !close || close < open || close[1] != ' ')
		return -EINVAL;
	size_t n = (size_t)(close - open - 1);
	if (n >= sizeof(out->comm))
		n = sizeof(out->comm) - 1;
	memcpy(out->comm, open + 1, n);
	out->comm[n] = '\0';
	const char *p = close + 2;
	out->state = *p;
	/* fields from 3 (state) on; we want 4 ppid, 9 flags, 22 starttime */
	int field = 3;
	int64_t v;
	while (*p && field < 22) {
		p = strchr(p, ' ');
		if (!p)
			return -EINVAL;
		p++;
		field++;
		if (field == 4 || field == 9 || field == 22) {
			const char *q = p;
			if (!util_parse_i64(&q, &v))
				return -EINVAL;
			if (field == 4)
				out->ppid = (pid_t)v;
			else if (field == 9)
				out->flags = (unsigned long)v;
			else
				out->start_ticks = (uint64_t)v;
		}
	}
	return field == 22 ? 0 : -EINVAL;
}

static bool list_has(const char *list, size_t len, const char *word)
{
	size_t wl = strlen(word);
	const char *p = list, *end = list + len;
	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *e = comma ? comma : end;
		if ((size_t)(e - p) == wl && memcmp(p, word, wl) == 0)
			return true;
		p = e + 1;
	}
	return false;
}

/* /proc/PID/cgroup — v1 and hybrid (one line per hierarchy), v2 (one "0::" line):
 *   4:memory:/process_api/e28b193a97dbf141ed54dc4bc764cbbf
 *   3:cpu,cpuacct:/
 *   0::/system.slice/nas-agent.service
 * In a cgroup namespace the paths are relative to the namespace root ("/" inside).
 */
int proc_cgroup_parse(const char *buf, int version, char *out, size_t cap)
{
	for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		const char *c1 = strchr(p, ':');
		const char *nl = strchr(p, '\n');
		if (!c1 || (nl && c1 > nl))
			continue;
		const char *c2 = strchr(c1 + 1, ':');
		if (!c2 || (nl && c2 > nl))
			continue;
		bool match;
		if (version == 2)
			match = (c1 - p == 1 && p[0] == '0' && c2 == c1 + 1);
		else
			match = list_has(c1 + 1, (size_t)(c2 - c1 - 1), "memory");
		if (!match)
			continue;
		const char *path = c2 + 1;
		size_t n = nl ? (size_t)(nl - path) : strlen(path);
		if (n + 1 > cap)
			return -ENAMETOOLONG;
		memcpy(out, path, n);
		out[n] = '\0';
		return 0;
	}
	return -ENOENT;
}
