/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/proc/smaps.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/scan.h"
#include "core/base/util.h"
#include "core/model.h"

/* Adds the "N kB" value after a key to *sum (unknown until the first). */
static void add_kb(const char *p, const char *end, int64_t *sum)
{
	p = scan_blanks(p, end);
	uint64_t kb;
	if (!scan_u64(&p, end, &kb))
		return;
	int64_t bytes = kb <= (uint64_t)INT64_MAX / 1024 ? util_kib_to_bytes((int64_t)kb) : VAL_UNKNOWN;
	if (!val_known(bytes))
		return;
	*sum = val_known(*sum) ? util_sat_add(*sum, bytes) : bytes;
}

/* /proc/PID/smaps_rollup (6.18 here; Pss_Anon/Pss_File/Pss_Shmem from 5.7, Pss_Dirty 6.0):
 *   55cb32ed9000-7ffeb7cbe000 ---p 00000000 00:00 0                          [rollup]
 *   Rss:                1768 kB
 *   Pss:                 286 kB
 *   Pss_Dirty:           112 kB
 *   Pss_Anon:            112 kB
 *   Pss_File:            174 kB
 *   Pss_Shmem:             0 kB
 *   ...
 *   Swap:                  0 kB
 *   SwapPss:               0 kB
 *   Locked:                0 kB
 * /proc/PID/smaps prints the same keys (but the Pss_ parts) for each mapping; they are
 * summed. A key counts only followed by ':' ("Pss:" is not "Pss_Anon:"). */
int proc_smaps_parse(const char *buf, struct proc_smaps *out)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{"Rss:", offsetof(struct proc_smaps, rss_bytes)},
		{"Pss:", offsetof(struct proc_smaps, pss_bytes)},
		{"Pss_Anon:", offsetof(struct proc_smaps, pss_anon_bytes)},
		{"Pss_File:", offsetof(struct proc_smaps, pss_file_bytes)},
		{"Pss_Shmem:", offsetof(struct proc_smaps, pss_shmem_bytes)},
		{"Swap:", offsetof(struct proc_smaps, swap_bytes)},
		{"SwapPss:", offsetof(struct proc_smaps, swap_pss_bytes)},
	};
	out->rss_bytes = out->pss_bytes = out->pss_anon_bytes = out->pss_file_bytes = VAL_UNKNOWN;
	out->pss_shmem_bytes = out->swap_bytes = out->swap_pss_bytes = VAL_UNKNOWN;
	for (const char *line = buf; *line;) {
		const char *end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		/* mapping lines start with a hex address; value lines with a capital letter */
		if (*line == 'R' || *line == 'P' || *line == 'S') {
			for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
				const char *p = line;
				if (scan_lit(&p, end, keys[i].key)) {
					add_kb(p, end, (int64_t *)((char *)out + keys[i].off));
					break;
				}
			}
		}
		line = *end ? end + 1 : end;
	}
	return val_known(out->pss_bytes) ? 0 : -EINVAL;
}

int proc_smaps_read(int proc_fd, pid_t pid, struct proc_smaps *out)
{
	char path[32];
	char buf[4096];
	struct proc_smaps none = {VAL_UNKNOWN, VAL_UNKNOWN, VAL_UNKNOWN, VAL_UNKNOWN, VAL_UNKNOWN, VAL_UNKNOWN,
				  VAL_UNKNOWN};
	*out = none;
	snprintf(path, sizeof(path), "%d/smaps_rollup", (int)pid);
	ssize_t n = util_read_file_at(proc_fd, path, buf, sizeof(buf));
	if (n >= 0)
		return proc_smaps_parse(buf, out);
	if (n != -ENOENT)
		return (int)n;
	/* before 4.14: every mapping's lines, any size */
	snprintf(path, sizeof(path), "%d/smaps", (int)pid);
	int fd = openat(proc_fd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	char *all = NULL;
	size_t len = 0, cap = 0;
	int rc = 0;
	for (;;) {
		if (!util_grow((void **)&all, &cap, len + 65536 + 1, 1)) {
			rc = -ENOMEM;
			break;
		}
		ssize_t r = read(fd, all + len, cap - len - 1);
		if (r < 0) {
			rc = -errno;
			break;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	if (rc == 0 && all) {
		all[len] = '\0';
		rc = proc_smaps_parse(all, out);
	}
	free(all);
	return rc;
}
