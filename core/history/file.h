/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/file.h — the history database's path, treated as hostile: what lies there
 * is classified from its first 100 bytes before SQLite ever opens it, and a new database
 * is built under a temporary name and linked into place, so nothing at the path is ever
 * overwritten or followed.
 *
 *   - a symbolic link at the path is refused (never followed, whatever it points at);
 *   - anything but a regular file (FIFO, socket, device, directory) is refused without
 *     blocking (O_NONBLOCK: a FIFO cannot hang the recorder);
 *   - a regular file is ours when it starts with SQLite's magic and carries oomtop's
 *     application_id (offset 68 of the header, PRAGMA application_id); anything else —
 *     text, an empty file, another program's SQLite database — is refused, and left
 *     alone byte for byte;
 *   - a new database: its directory is made (0755 as root, else mkdir's 0777 & ~umask),
 *     the file is filled under "PATH.new-XXXXXX" (0644 as root, else 0666 & ~umask) and
 *     hard-linked to PATH, which fails if anything appeared there meanwhile.
 *
 * Descriptors opened here are closed before returning. Do not call these on a path that
 * an SQLite connection of this process has open: closing any descriptor of a file drops
 * the process's POSIX locks on it, SQLite's included. */
#ifndef OOMTOP_HISTORY_FILE_H
#define OOMTOP_HISTORY_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* PRAGMA application_id of an oomtop history ("oomt"); SQLite stores it big-endian at
 * offset 68 of the file. */
#define HISTORY_FILE_APPLICATION_ID 0x6f6f6d74

enum history_file_state {
	HISTORY_FILE_ABSENT, /* nothing at the path (its directory may be missing too) */
	HISTORY_FILE_OURS,   /* a regular file that is an oomtop history */
};

/* What lies at path. 0 with *state, or -errno with a one-line reason in err naming the
 * path: -ELOOP symlink, -EINVAL not a regular file, -EILSEQ not oomtop's database
 * (the reason says what it is), or the error of lstat/open/read. */
int history_file_check(const char *path, enum history_file_state *state, char *err, size_t errlen);

/* Make path's directory and its missing parents. 0 or -errno with a reason in err. */
int history_file_make_dir(const char *path, char *err, size_t errlen);

/* Fills a new database at tmp_path (an empty file, created here): 0 or -errno with a
 * reason in err. */
typedef int (*history_file_init_fn)(void *ctx, const char *tmp_path, char *err, size_t errlen);

/* A new database at path: init fills a temporary file beside it, which is then linked to
 * path. Returns 0; -EEXIST when something appeared at path meanwhile (it is left alone:
 * check it again); or -errno with a reason in err. The temporary file is always removed. */
int history_file_create(const char *path, history_file_init_fn init, void *ctx, char *err, size_t errlen);

/* The recorder's default path: /var/lib/oomtop/history.db for root (euid 0), else
 * $XDG_STATE_HOME/oomtop/history.db, else $HOME/.local/state/oomtop/history.db (relative
 * or empty variables are ignored, as the XDG spec says). False when none applies. */
bool history_file_default_path(char *buf, size_t n, bool root, const char *xdg_state_home, const char *home);

/* The system recorder's path (the systemd unit's). */
#define HISTORY_FILE_SYSTEM_PATH "/var/lib/oomtop/history.db"

#endif
