/* SPDX-License-Identifier: GPL-2.0-or-later */
/* static/nss.c — only in the static binary (--enable-static-binary), linked with
 * -Wl,--wrap for each function below (configure.ac STATIC_LDFLAGS).
 *
 * User and group names. In a static glibc binary getpwuid() and friends still go through
 * NSS, and for every source in /etc/nsswitch.conf but "files" glibc dlopen()s the
 * target's libnss_*.so.2, which loads the target's shared libc beside the static one.
 * That is not merely unsupported: on Debian 12 itself (passwd: files systemd) a static
 * getpwuid() of a uid missing from /etc/passwd — any container's user — dies in
 * libnss_systemd with SIGSEGV. A monitor run as root must not crash on a container, so
 * the static binary never enters NSS: these wrappers read /etc/passwd and /etc/group
 * themselves (fgetpwent_r/fgetgrent_r parse a file and do not use NSS).
 *
 * What the static binary loses: names from LDAP, sssd, NIS, systemd DynamicUser and
 * other non-file sources. Such a uid is shown as digits, as for any unknown uid
 * (libproc2's pwcache prints "%u" when getpwuid() returns NULL), and --user takes only
 * names from /etc/passwd, or a number.
 *
 * dlopen. libproc2's numa_init() dlopen()s libnuma for the NUMA node items, which oomtop
 * does not use; in a static binary that would load a foreign libc the same way, so the
 * wrapper refuses and libproc2 keeps its "no NUMA" stubs.
 */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PASSWD_FILE "/etc/passwd"
#define GROUP_FILE "/etc/group"

struct passwd *__wrap_getpwuid(uid_t uid);
struct passwd *__wrap_getpwnam(const char *name);
int __wrap_getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t len, struct passwd **res);
int __wrap_getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t len,
                      struct passwd **res);
struct group *__wrap_getgrgid(gid_t gid);
struct group *__wrap_getgrnam(const char *name);
int __wrap_getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t len, struct group **res);
int __wrap_getgrnam_r(const char *name, struct group *gr, char *buf, size_t len,
                      struct group **res);
void *__wrap_dlopen(const char *file, int mode);

/* The getpw*_r contract: 0 with *res NULL when not found, an errno value on error
 * (ERANGE: buf too small for the matching entry, the caller may retry larger). */
static int pw_find(uid_t uid, const char *name, struct passwd *pw, char *buf, size_t len,
                   struct passwd **res)
{
	*res = NULL;
	FILE *f = fopen(PASSWD_FILE, "re");
	if (!f)
		return errno == ENOENT ? 0 : errno;
	struct passwd *p;
	int rc;
	while ((rc = fgetpwent_r(f, pw, buf, len, &p)) == 0) {
		if (name ? strcmp(p->pw_name, name) == 0 : p->pw_uid == uid) {
			*res = p;
			break;
		}
	}
	fclose(f);
	return *res || rc == ENOENT ? 0 : rc; /* ENOENT: the end of the file */
}

static int gr_find(gid_t gid, const char *name, struct group *gr, char *buf, size_t len,
                   struct group **res)
{
	*res = NULL;
	FILE *f = fopen(GROUP_FILE, "re");
	if (!f)
		return errno == ENOENT ? 0 : errno;
	struct group *g;
	int rc;
	while ((rc = fgetgrent_r(f, gr, buf, len, &g)) == 0) {
		if (name ? strcmp(g->gr_name, name) == 0 : g->gr_gid == gid) {
			*res = g;
			break;
		}
	}
	fclose(f);
	return *res || rc == ENOENT ? 0 : rc;
}

/* The non-reentrant forms: one static entry each, its buffer grown while the matching
 * line does not fit (a group with many members), up to 1 MiB. */
struct growbuf {
	char *p;
	size_t n;
};

static bool grow(struct growbuf *b)
{
	size_t n = b->n ? b->n * 2 : 4096;
	if (n > (1u << 20))
		return false;
	char *p = realloc(b->p, n);
	if (!p)
		return false;
	b->p = p;
	b->n = n;
	return true;
}

static struct passwd *pw_one(uid_t uid, const char *name)
{
	static struct passwd pw;
	static struct growbuf b;
	struct passwd *res;
	if (!b.p && !grow(&b))
		return NULL;
	int rc;
	while ((rc = pw_find(uid, name, &pw, b.p, b.n, &res)) == ERANGE && grow(&b))
		;
	if (rc)
		errno = rc;
	return rc ? NULL : res;
}

static struct group *gr_one(gid_t gid, const char *name)
{
	static struct group gr;
	static struct growbuf b;
	struct group *res;
	if (!b.p && !grow(&b))
		return NULL;
	int rc;
	while ((rc = gr_find(gid, name, &gr, b.p, b.n, &res)) == ERANGE && grow(&b))
		;
	if (rc)
		errno = rc;
	return rc ? NULL : res;
}

struct passwd *__wrap_getpwuid(uid_t uid)
{
	return pw_one(uid, NULL);
}

struct passwd *__wrap_getpwnam(const char *name)
{
	return name ? pw_one(0, name) : NULL;
}

int __wrap_getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t len, struct passwd **res)
{
	return pw_find(uid, NULL, pw, buf, len, res);
}

int __wrap_getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t len,
                      struct passwd **res)
{
	if (!name) {
		*res = NULL;
		return 0;
	}
	return pw_find(0, name, pw, buf, len, res);
}

struct group *__wrap_getgrgid(gid_t gid)
{
	return gr_one(gid, NULL);
}

struct group *__wrap_getgrnam(const char *name)
{
	return name ? gr_one(0, name) : NULL;
}

int __wrap_getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t len, struct group **res)
{
	return gr_find(gid, NULL, gr, buf, len, res);
}

int __wrap_getgrnam_r(const char *name, struct group *gr, char *buf, size_t len,
                      struct group **res)
{
	if (!name) {
		*res = NULL;
		return 0;
	}
	return gr_find(0, name, gr, buf, len, res);
}

void *__wrap_dlopen(const char *file, int mode)
{
	(void)file;
	(void)mode;
	return NULL;
}
