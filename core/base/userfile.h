/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/base/userfile.h — reading and writing files a user controls (oomtoprc, themes, and
 * every later file oomtop touches), as the most careful Unix tools do. oomtop runs as root
 * on machines in trouble, often with a HOME it does not own (sudo keeps HOME; sudo -E, su
 * without -), so a path under it is another user's to plant a symlink, a FIFO or a huge
 * file in.
 *
 * Reading (userfile_read): opened O_RDONLY | O_NONBLOCK | O_NOCTTY — a FIFO or a device
 * neither blocks nor is read: only a regular file is; at most max_bytes (a larger file is
 * refused whole, never read in part); NUL bytes are kept for the parser to report with
 * file:line (conffile.h).
 *
 * Writing (userfile_write, or userfile_begin/append/commit for text made in pieces): into
 * a directory that is created if missing (0755), opened O_DIRECTORY | O_NOFOLLOW (a
 * symlink as the last component is refused) and owned by the user oomtop runs as (or
 * root); an existing target must be a regular file owned likewise, not a symlink; the
 * text goes to a temporary file made with O_CREAT | O_EXCL | O_NOFOLLOW under a random
 * dot name ending in .tmp in that directory (never a predictable name), is fsync'ed, then
 * renamed over the target, and the directory fsync'ed: a reader sees the old file or the
 * new one, never part of one. A failure leaves the old file and no temporary behind.
 * Refusals say why, naming the owner and the user.
 *
 * The ownership rules guard paths under a HOME. A file the operator named on the command
 * line (--output) is written with USERFILE_NAMED: its directory must exist (it is not
 * created), may be reached through a symlink, and it and an existing target may belong to
 * anyone (node_exporter's textfile directory belongs to its own user; root writing there
 * gives that user nothing they could not do to the file anyway). The target must still be
 * a regular file or absent, and is still replaced by rename.
 *
 * Errors are -errno; the refusals that are not an errno of the kernel use: -EINVAL (not a
 * regular file), -EFBIG (larger than allowed), -EPERM (owned by another user), -ELOOP (a
 * symlink), with the words in `why`.
 */
#ifndef OOMTOP_BASE_USERFILE_H
#define OOMTOP_BASE_USERFILE_H

#include <stddef.h>
#include <sys/types.h>

/* Settings and themes are a few KiB: 1 MiB is a hundred times a real one. */
#define USERFILE_MAX_BYTES (1024 * 1024)

/* The whole of path into a fresh buffer (NUL-terminated; *len without it), or -errno with
 * a one-line reason (without the path) in why. Caller frees *out. */
int userfile_read(const char *path, size_t max_bytes, char **out, size_t *len, char *why, size_t whylen);

enum userfile_flags {
	USERFILE_NAMED = 1u << 0,   /* a path the operator named: see above */
	USERFILE_NO_SYNC = 1u << 1, /* no fsync: a file rewritten every refresh (a crash costs one
	                             * snapshot; an fsync can stall seconds on a machine short of memory) */
};

/* dir/name := text[0..len), atomically (see above); mode for a new file (0644); flags are
 * enum userfile_flags. dir is created with its missing parents (not with USERFILE_NAMED).
 * Returns 0 or -errno with the reason in why. */
int userfile_write(const char *dir, const char *name, const char *text, size_t len, mode_t mode, unsigned flags,
                   char *why, size_t whylen);

/* The same in pieces: begin checks and makes the temporary file, append adds to it, commit
 * renames it over dir/name (or removes it and reports the first error), abort removes it.
 * After begin succeeds exactly one of commit or abort must follow. -errno as above. */
struct userfile_out {
	int dfd, fd;
	int err;            /* the first write error, kept for commit */
	unsigned flags;
	char dir[4096], name[256], tmp[256];
};
int userfile_begin(struct userfile_out *w, const char *dir, const char *name, mode_t mode, unsigned flags,
                   char *why, size_t whylen);
int userfile_append(struct userfile_out *w, const char *text, size_t len);
int userfile_commit(struct userfile_out *w, char *why, size_t whylen);
void userfile_abort(struct userfile_out *w);

#endif
