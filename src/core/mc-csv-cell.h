/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writing one cell of a CSV file (RFC 4180), the one place that every CSV
 * export of Microcred escapes its cells.  A cell that contains a comma, a
 * semicolon, a quote or a line break is quoted, with its quotes doubled.
 * A cell that a spreadsheet would run as a formula (it starts with = + - @,
 * a tab or a carriage return, after any spaces: OWASP "CSV injection") gets
 * an apostrophe in front, which makes it plain text in Excel, LibreOffice
 * and Numbers. */

gboolean  mc_csv_looks_like_formula (const char *cell);
void      mc_csv_append_cell        (GString *out, const char *cell);
char     *mc_csv_escape_cell        (const char *cell);

G_END_DECLS
