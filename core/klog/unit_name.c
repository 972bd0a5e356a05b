/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "core/klog/unit_name.h"

#include <stdio.h>
#include <string.h>

static const char *const suffixes[] = {
	".service", ".scope", ".slice", ".socket", ".mount", ".swap",
	".timer", ".target", ".path", ".automount", ".device",
};

static bool ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len > n && memcmp(s + len - n, suffix, n) == 0;
}

bool unit_name_valid(const char *s, size_t len)
{
	if (!s || len == 0 || len >= UNIT_NAME_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			  c == ':' || c == '_' || c == '.' || c == '\\' || c == '@' || c == '-';
		if (!ok)
			return false;
	}
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (ends_with(s, len, suffixes[i]))
			return true;
	return false;
}

bool unit_name_is_slice(const char *name)
{
	return name && ends_with(name, strlen(name), ".slice");
}

static bool copy_out(char *out, size_t outlen, const char *s, size_t n)
{
	if (outlen == 0)
		return false;
	if (n >= outlen) {
		out[0] = '\0';
		return false;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return true;
}

bool unit_name_of_cgroup(const char *cgroup, char *out, size_t outlen)
{
	if (outlen)
		out[0] = '\0';
	if (!cgroup)
		return false;
	size_t end = strlen(cgroup);
	while (end > 0) {
		while (end > 0 && cgroup[end - 1] == '/')
			end--;
		size_t start = end;
		while (start > 0 && cgroup[start - 1] != '/')
			start--;
		const char *c = cgroup + start;
		size_t n = end - start;
		if (ends_with(c, n, ".service") || ends_with(c, n, ".scope"))
			return copy_out(out, outlen, c, n);
		end = start;
	}
	return false;
}

int unit_name_depth_in_cgroup(const char *unit, const char *cgroup)
{
	if (!unit || !cgroup || !unit[0])
		return -1;
	size_t n = strlen(unit);
	for (const char *p = cgroup; (p = strstr(p, unit)) != NULL; p++) {
		bool starts = p == cgroup || p[-1] == '/';
		bool ends = p[n] == '\0' || p[n] == '/';
		if (starts && ends) {
			int depth = 0;
			for (const char *q = cgroup; q < p; q++)
				depth += *q == '/' && q > cgroup && q[-1] != '/';
			return depth;
		}
	}
	return -1;
}

bool unit_name_in_cgroup(const char *unit, const char *cgroup)
{
	return unit_name_depth_in_cgroup(unit, cgroup) >= 0;
}

/* "postgresql" → "postgresql", "systemd-fsck" → "systemd\x2dfsck" (slice names use '-' as
 * the separator, so a dash inside a component is escaped). */
static bool escape_dashes(const char *s, size_t n, char *out, size_t outlen)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		const char *piece = s[i] == '-' ? "\\x2d" : NULL;
		size_t pl = piece ? 4 : 1;
		if (o + pl >= outlen)
			return false;
		if (piece)
			memcpy(out + o, piece, pl);
		else
			out[o] = s[i];
		o += pl;
	}
	out[o] = '\0';
	return true;
}

bool unit_name_parent(const char *unit, const char *manager_unit, char *out, size_t outlen)
{
	if (outlen)
		out[0] = '\0';
	if (!unit || !unit[0] || outlen < 2)
		return false;
	bool user = manager_unit && manager_unit[0];
	size_t len = strlen(unit);

	if (unit_name_is_slice(unit)) {
		if (strcmp(unit, "-.slice") == 0)
			return false;
		const char *dash = NULL;
		for (const char *p = unit; p < unit + len - 6; p++)
			if (*p == '-')
				dash = p;
		if (dash) /* a-b-c.slice → a-b.slice */
			return snprintf(out, outlen, "%.*s.slice", (int)(dash - unit), unit) < (int)outlen;
		if (user)
			return copy_out(out, outlen, manager_unit, strlen(manager_unit));
		return copy_out(out, outlen, "-.slice", 7);
	}
	if (user) /* a user manager's services and scopes: app.slice unless they say otherwise */
		return copy_out(out, outlen, "app.slice", 9);

	unsigned uid;
	int used = 0;
	if ((sscanf(unit, "user@%u.service%n", &uid, &used) == 1 ||
	     sscanf(unit, "user-runtime-dir@%u.service%n", &uid, &used) == 1) &&
	    (size_t)used == len)
		return snprintf(out, outlen, "user-%u.slice", uid) < (int)outlen;
	if (strncmp(unit, "session-", 8) == 0 && ends_with(unit, len, ".scope"))
		return copy_out(out, outlen, "user-*.slice", 12);
	const char *at = strchr(unit, '@');
	if (at && at > unit) { /* a template's instances: system-<template>.slice */
		char esc[UNIT_NAME_MAX];
		if (!escape_dashes(unit, (size_t)(at - unit), esc, sizeof(esc)))
			return false;
		return snprintf(out, outlen, "system-%s.slice", esc) < (int)outlen;
	}
	return copy_out(out, outlen, "system.slice", 12);
}

bool unit_name_match(const char *pattern, const char *name)
{
	if (!pattern || !name)
		return false;
	const char *star = strchr(pattern, '*');
	if (!star)
		return strcmp(pattern, name) == 0;
	size_t pre = (size_t)(star - pattern), post = strlen(star + 1), n = strlen(name);
	return n >= pre + post && memcmp(name, pattern, pre) == 0 &&
	       memcmp(name + n - post, star + 1, post) == 0;
}
