/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-csv-cell.h"
#include "mc-result-import-private.h"

/* The problems found, for people: in a sentence that says where, and as a
 * CSV table to work through in a spreadsheet. */

static const char *
column_name (McResultImport *self,
             int             column)
{
  if (column < 0 || (guint) column >= self->n_columns)
    return NULL;
  return self->headers[column][0] != '\0' ? self->headers[column] : NULL;
}

/**
 * mc_result_import_describe_problem:
 * @self: an import
 * @problem: one of its problems
 *
 * Returns: (transfer full): the problem with where it is: "Line 5,
 *   “Completion date”: “2026-02-30” is not a date in the calendar."
 */
char *
mc_result_import_describe_problem (McResultImport        *self,
                                   const McImportProblem *problem)
{
  const char *name = NULL;

  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), NULL);
  g_return_val_if_fail (problem != NULL, NULL);

  name = column_name (self, problem->column);
  if (problem->line > 0 && name != NULL)
    /* Translators: "Line 5, “Grade”: …". */
    return g_strdup_printf (_("Line %u, “%s”: %s"), problem->line, name, problem->message);
  if (problem->line > 0 && problem->column >= 0)
    return g_strdup_printf (_("Line %u, column %d: %s"), problem->line, problem->column + 1,
                            problem->message);
  if (problem->line > 0)
    return g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
  return g_strdup (problem->message);
}

static void
append_csv_row (GString            *out,
                const char * const *cells,
                guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      mc_csv_append_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

static void
append_problem_row (McResultImport        *self,
                    GString               *out,
                    const McImportProblem *problem,
                    const McImportRow     *row)
{
  g_autofree char *line = problem->line > 0 ? g_strdup_printf ("%u", problem->line) : NULL;
  const char *cells[5] = { NULL, };

  cells[0] = line;
  cells[1] = problem->severity == MC_IMPORT_SEVERITY_ERROR ? _("Error") : _("Warning");
  cells[2] = column_name (self, problem->column);
  cells[3] = problem->message;
  if (row != NULL && problem->column >= 0 && (guint) problem->column < row->n_cells)
    cells[4] = row->cells[problem->column];
  append_csv_row (out, cells, G_N_ELEMENTS (cells));
}

/**
 * mc_result_import_write_problems_csv:
 * @self: an import
 *
 * The problems as a CSV table for a registrar to work through in a
 * spreadsheet: line, severity, column, problem, and the cell's value as
 * read.  Cells are escaped with mc_csv_append_cell(), so a value that a
 * spreadsheet would run as a formula is written as text.
 *
 * Returns: (transfer full): the CSV text (UTF-8, CRLF line ends)
 */
char *
mc_result_import_write_problems_csv (McResultImport *self)
{
  GString *out = NULL;
  const char *headings[] = {
    /* Translators: headings of the CSV table of an import's problems. */
    _("Line"), _("Severity"), _("Column"), _("Problem"), _("Value"),
  };

  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), NULL);

  out = g_string_new (NULL);
  append_csv_row (out, headings, G_N_ELEMENTS (headings));
  for (guint i = 0; i < self->file_problems->len; i++)
    append_problem_row (self, out, g_ptr_array_index (self->file_problems, i), NULL);
  for (guint r = 0; r < self->rows->len; r++)
    {
      McImportRow *row = g_ptr_array_index (self->rows, r);

      for (guint i = 0; i < row->problems->len; i++)
        append_problem_row (self, out, g_ptr_array_index (row->problems, i), row);
    }
  return g_string_free (out, FALSE);
}
