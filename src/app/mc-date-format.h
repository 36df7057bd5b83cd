/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates as the workflow's texts show them: "3 March" within the year of
 * @today (YYYY-MM-DD, NULL for the current date), "14 May 2027"
 * otherwise.  Newly allocated; NULL for an invalid date. */
char     *mc_format_iso_date  (const char *iso_date,
                               const char *today);
char     *mc_format_unix_date (gint64      unix_seconds,
                               const char *today);
/* Parses YYYY-MM-DD strictly (a real calendar date); FALSE otherwise. */
gboolean  mc_parse_iso_date   (const char *text,
                               GDate      *date);

G_END_DECLS
