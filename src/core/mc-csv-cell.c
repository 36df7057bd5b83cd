/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-csv-cell.h"

/**
 * mc_csv_looks_like_formula:
 * @cell: (nullable): a cell's text
 *
 * Returns: %TRUE when a spreadsheet would take @cell for a formula: it
 *   starts with `=`, `+`, `-`, `@`, a tab or a carriage return, after any
 *   spaces (a reader that trims cells would drop them)
 */
gboolean
mc_csv_looks_like_formula (const char *cell)
{
  if (cell == NULL)
    return FALSE;
  while (*cell == ' ')
    cell++;
  return cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL;
}

/**
 * mc_csv_append_cell:
 * @out: the CSV text being written
 * @cell: (nullable): the cell's text; %NULL writes an empty cell
 *
 * Appends @cell to @out, quoted when needed and neutralised when it looks
 * like a formula.  The caller writes the separators and line ends.
 */
void
mc_csv_append_cell (GString    *out,
                    const char *cell)
{
  gboolean quote;

  g_return_if_fail (out != NULL);

  if (cell == NULL)
    return;

  quote = strpbrk (cell, ",;\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (mc_csv_looks_like_formula (cell))
    g_string_append_c (out, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/**
 * mc_csv_escape_cell:
 * @cell: (nullable): the cell's text
 *
 * Returns: (transfer full): @cell as it is written into a CSV file, see
 *   mc_csv_append_cell()
 */
char *
mc_csv_escape_cell (const char *cell)
{
  GString *out = g_string_new (NULL);

  mc_csv_append_cell (out, cell);
  return g_string_free (out, FALSE);
}
