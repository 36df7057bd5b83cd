/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the window words dates and times, in one place. */

/* A calendar date ("YYYY-MM-DD") for people to read, e.g. "3 March 2027";
 * the text as given when it is not such a date, "" for NULL. */
char *mc_format_date (const char *iso_date);
/* A moment (Unix microseconds, UTC) in local time, e.g. "3 March 2027,
 * 14:05". */
char *mc_format_time (gint64 usec);
/* A number with the locale's digit grouping, e.g. "200,000". */
char *mc_format_count (guint64 n);

G_END_DECLS
