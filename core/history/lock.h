/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/history/lock.h — one recorder per database: the recorder holds a write lock on a
 * byte of the database file that SQLite never locks (its locks are at 1 GiB and above,
 * the "pending byte"), as an open-file-description lock (F_OFD_SETLK, Linux 3.15+; flock
 * before), so it belongs to the descriptor, is never dropped when SQLite closes one of
 * its own, and goes with the process however it dies (kill -9 included). Readers take no
 * lock here: they never wait for the recorder, nor it for them.
 *
 * Keep the descriptor open until the SQLite connection is closed: closing a descriptor of
 * the file drops the process's POSIX locks on it, SQLite's included. */
#ifndef OOMTOP_HISTORY_LOCK_H
#define OOMTOP_HISTORY_LOCK_H

#include <stddef.h>

/* Lock path (a regular file, not followed through a symlink). Returns the descriptor
 * that holds the lock, -EAGAIN when another recorder holds it, or -errno with a reason
 * in err. */
int history_lock_take(const char *path, char *err, size_t errlen);

/* Release it (close the descriptor); -1 is fine. */
void history_lock_release(int fd);

#endif
