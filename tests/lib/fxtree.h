/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/lib/fxtree.h — fixture directory trees for the unit tests: a fresh temporary
 * directory, files written into it (parent directories made as needed), fixture trees
 * copied from tests/fixtures, and the whole tree removed afterwards.
 *
 * Failures are test failures: each function asserts with Check (ck_assert) and names the
 * path, so a test never runs on half a fixture. */
#ifndef OOMTOP_TESTS_FXTREE_H
#define OOMTOP_TESTS_FXTREE_H

#include <stddef.h>

/* A new empty directory /tmp/oomtop-<tag>-XXXXXX; its path into root (cap bytes). */
void fxtree_make(char *root, size_t cap, const char *tag);

/* root/rel (or rel alone when root is NULL) with the given text, replacing it; the
 * directories above it are created. */
void fxtree_write(const char *root, const char *rel, const char *text);

/* A symbolic link root/rel → target, creating the directories above it. */
void fxtree_symlink(const char *root, const char *rel, const char *target);

/* The tree src copied to dst (dst and its parents are created). */
void fxtree_copy(const char *src, const char *dst);

/* Removes root and everything below it (symlinks are removed, not followed). */
void fxtree_remove(const char *root);

#endif
