/* SPDX-License-Identifier: GPL-2.0-or-later */
/* core/klog/kmsg_date.h — dates and time stamps in saved kernel logs: ISO 8601 / RFC 3339,
 * dmesg's "[  139.201253]" and "[Di Aug 12 03:54:03 2025]", syslog's "May  1 11:11:51",
 * with month names in several languages. Pure, but dates without an offset are read in
 * the local time zone (mktime).
 *
 * Each scan_ function reads at *pp (end bounds it); on success it stores the time and
 * moves *pp past what it read, else it returns false and leaves *pp alone. */
#ifndef OOMTOP_KMSG_DATE_H
#define OOMTOP_KMSG_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* A localised month token ("May", "Mai", "avril", "févr.", "1月") → 1..12, or 0. */
int kmsg_date_month(const char *tok, size_t len);

/* 2025-05-19T18:14:43[.frac](Z|+00:00|+0000)? (or a space for the T) → unix seconds. */
bool kmsg_date_scan_iso(const char **pp, const char *end, double *unix_s);

/* "[  139.201253]" → seconds since boot; *pp ends after ']'. */
bool kmsg_date_scan_boot(const char **pp, const char *end, double *boot_s);

/* dmesg -T's "[Di Aug 12 03:54:03 2025]" in any locale (clock, 4-digit year and day found
 * by shape, the month by name; the weekday is skipped) → unix seconds; *pp after ']'. */
bool kmsg_date_scan_ctime(const char **pp, const char *end, double *unix_s);

/* "May  1 11:11:51 " or "jun 20 11:11:51.123456 " (syslog, journalctl short: no year, so
 * the anchor's year, or the year before when that would put the line more than a day
 * after the anchor) → unix seconds; *pp after the space that ends the clock. */
bool kmsg_date_scan_syslog(const char **pp, const char *end, time_t anchor, double *unix_s);

#endif
