/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the history words moments and counts (dates alone: see
 * mc-date-format.h). */

/* A moment (Unix microseconds, UTC) in local time, e.g. "3 March 2027,
 * 14:05". */
char *mc_format_time (gint64 usec);
/* A number with the locale's digit grouping, e.g. "200,000". */
char *mc_format_count (guint64 n);

G_END_DECLS
