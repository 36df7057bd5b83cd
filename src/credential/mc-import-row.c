/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-import-row.h"

G_DEFINE_BOXED_TYPE (McImportRow, mc_import_row, mc_import_row_copy, mc_import_row_free)

static GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) mc_import_problem_free);
}

/**
 * mc_import_row_new:
 * @line: where the row starts in the file
 * @cells: (transfer full): the row's cells as read
 *
 * Returns: (transfer full): a row with no values and no problems yet
 */
McImportRow *
mc_import_row_new (guint   line,
                   char  **cells)
{
  McImportRow *self = g_new0 (McImportRow, 1);

  self->line = line;
  self->cells = cells != NULL ? cells : g_new0 (char *, 1);
  self->n_cells = g_strv_length (self->cells);
  self->problems = new_problems ();
  return self;
}

McImportRow *
mc_import_row_copy (const McImportRow *self)
{
  McImportRow *copy = mc_import_row_new (self->line, g_strdupv (self->cells));

  copy->student_id = g_strdup (self->student_id);
  copy->given_name = g_strdup (self->given_name);
  copy->family_name = g_strdup (self->family_name);
  copy->email = g_strdup (self->email);
  copy->date_of_birth = g_strdup (self->date_of_birth);
  copy->grade = g_strdup (self->grade);
  copy->completed_on = g_strdup (self->completed_on);
  copy->passed = self->passed;
  for (guint i = 0; i < self->problems->len; i++)
    g_ptr_array_add (copy->problems, mc_import_problem_copy (g_ptr_array_index (self->problems, i)));
  return copy;
}

void
mc_import_row_free (McImportRow *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->cells);
  g_free (self->student_id);
  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->email);
  g_free (self->date_of_birth);
  g_free (self->grade);
  g_free (self->completed_on);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

guint
mc_import_row_count_problems (const McImportRow *self,
                              McImportSeverity   severity)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->problems->len; i++)
    if (((McImportProblem *) g_ptr_array_index (self->problems, i))->severity == severity)
      count++;
  return count;
}
