/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/status.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/util.h"
#include "core/model.h"

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
int proc_status_parse(const char *buf, struct proc_status *out)
{
	out->rss_bytes = out->rss_anon_bytes = out->rss_file_bytes = VAL_UNKNOWN;
	out->rss_shmem_bytes = out->swap_bytes = out->pgtables_bytes = VAL_UNKNOWN;
	out->threads = out->uid = out->ppid = VAL_UNKNOWN;
	out->state = '?';
	out->name_hash = 0;
	out->name[0] = '\0';
	bool seen_name = false;
	/* most lines are skipped on their first byte or two */
	for (const char *p = buf; *p;) {
		const char *v;
		switch (*p) {
		case 'N':
			if (key_is(p, "Name", &v)) {
				seen_name = true;
				uint32_t h = 2166136261u;
				size_t n = 0;
				const char *c = v + (*v == '\t');
				for (; *v && *v != '\n'; v++)
					h = (h ^ (unsigned char)*v) * 16777619u;
				/* proc_task_name escapes only '\n' and '\\' (fs/proc/array.c) */
				for (; c < v && n + 1 < sizeof(out->name); c++) {
					char ch = *c;
					if (ch == '\\' && c + 1 < v) {
						c++;
						ch = *c == 'n' ? '\n' : *c;
					}
					out->name[n++] = ch;
				}
				out->name[n] = '\0';
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

/* The Uid: line (real, effective, saved, fs; every kernel since 2.2):
 *   Uid:	1000	1000	1000	1000
 */
int proc_status_parse_euid(const char *buf, uid_t *euid)
{
	const char *p = strstr(buf, "\nUid:");
	if (!p) {
		if (strncmp(buf, "Uid:", 4) != 0)
			return -EINVAL;
		p = buf + 4;
	} else {
		p += 5;
	}
	int64_t real, eff;
	if (!util_parse_i64(&p, &real) || !util_parse_i64(&p, &eff) || eff < 0)
		return -EINVAL;
	*euid = (uid_t)eff;
	return 0;
}

/* The CapEff: line (hex, 2.6.25+):
 *   CapEff:	000001fffeffffff
 */
int proc_status_parse_capeff(const char *buf, uint64_t *capeff)
{
	const char *p = strstr(buf, "CapEff:");
	if (!p)
		return -EINVAL;
	p += 7;
	while (*p == ' ' || *p == '\t')
		p++;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(p, &end, 16);
	if (end == p || errno)
		return -EINVAL;
	*capeff = (uint64_t)v;
	return 0;
}
