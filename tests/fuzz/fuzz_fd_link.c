/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fuzz/fuzz_fd_link.c — the text of /proc/PID/fd/N links → proc_fdkinds_classify
 * (core/proc/fdkinds.c); the first byte picks the target's file type. */
#include "config.h"

#include <sys/stat.h>

#include "core/model.h"
#include "core/proc/fdkinds.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned modes[] = {0, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK, S_IFLNK};
	unsigned mode = size ? modes[data[0] % 8] : 0;
	char *buf = fuzz_cstr(size ? data + 1 : data, size ? size - 1 : 0);
	enum fd_anon a = FD_ANON_COUNT;
	enum fd_kind k = proc_fdkinds_classify(buf, mode, &a);
	FUZZ_CHECK((unsigned)k < FD_KIND_COUNT);
	FUZZ_CHECK((unsigned)a < FD_ANON_COUNT);
	FUZZ_CHECK(k == FD_KIND_ANON_INODE || a == FD_ANON_OTHER);
	FUZZ_CHECK(proc_fdkinds_name(k)[0] != '?');
	free(buf);
	return 0;
}
