/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-result-import-private.h"

/* The object: its settings, and what it read and found.  Loading is in
 * mc-result-import-load.c, the stages of reading and checking in the other
 * mc-result-import-*.c files, the problems in words and as CSV in
 * mc-result-import-problems.c. */

G_DEFINE_ENUM_TYPE (McImportColumn, mc_import_column,
  G_DEFINE_ENUM_VALUE (MC_IMPORT_COLUMN_STUDENT_ID, "student-id"),
  G_DEFINE_ENUM_VALUE (MC_IMPORT_COLUMN_GIVEN_NAME, "given-name"),
  G_DEFINE_ENUM_VALUE (MC_IMPORT_COLUMN_FAMILY_NAME, "family-name"),
  G_DEFINE_ENUM_VALUE (MC_IMPORT_COLUMN_FULL_NAME, "full-name"),
  G_DEFINE_ENUM_VALUE (MC_IMPORT_COLUMN_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (MC_IMPORT_COLUMN_DATE_OF_BIRTH, "date-of-birth"),
  G_DEFINE_ENUM_VALUE (MC_IMPORT_COLUMN_GRADE, "grade"),
  G_DEFINE_ENUM_VALUE (MC_IMPORT_COLUMN_COMPLETED_ON, "completed-on"),
  G_DEFINE_ENUM_VALUE (MC_IMPORT_COLUMN_IGNORE, "ignore"))

G_DEFINE_FINAL_TYPE (McResultImport, mc_result_import, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-result-import-error-quark, mc_result_import_error)

static const char * const column_labels[] = {
  [MC_IMPORT_COLUMN_STUDENT_ID] = N_("Student ID"),
  [MC_IMPORT_COLUMN_GIVEN_NAME] = N_("Given name"),
  [MC_IMPORT_COLUMN_FAMILY_NAME] = N_("Family name"),
  [MC_IMPORT_COLUMN_FULL_NAME] = N_("Full name"),
  [MC_IMPORT_COLUMN_EMAIL] = N_("Email"),
  [MC_IMPORT_COLUMN_DATE_OF_BIRTH] = N_("Date of birth"),
  [MC_IMPORT_COLUMN_GRADE] = N_("Grade"),
  [MC_IMPORT_COLUMN_COMPLETED_ON] = N_("Completion date"),
  /* Translators: what a column of a results file holds when it is ignored. */
  [MC_IMPORT_COLUMN_IGNORE] = N_("Not imported"),
};

const char *
mc_import_column_get_label (McImportColumn role)
{
  g_return_val_if_fail (role <= MC_IMPORT_COLUMN_IGNORE, NULL);
  return _(column_labels[role]);
}

void
_mc_result_import_add_problem (GPtrArray        *problems,
                               McImportSeverity  severity,
                               guint             line,
                               int               column,
                               const char       *message)
{
  g_ptr_array_add (problems, mc_import_problem_new (severity, line, column, message));
}

static GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) mc_import_problem_free);
}

/* Forgets what was read (not the settings). */
void
_mc_result_import_clear_file (McResultImport *self)
{
  self->loaded = FALSE;
  self->encoding = NULL;
  self->delimiter = ',';
  g_clear_pointer (&self->headers, g_strfreev);
  self->n_columns = 0;
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->read_problems, 0);
  g_ptr_array_set_size (self->file_problems, 0);
  g_clear_pointer (&self->roles, g_free);
  self->n_errors = 0;
  self->n_warnings = 0;
}

static void
mc_result_import_finalize (GObject *object)
{
  McResultImport *self = MC_RESULT_IMPORT (object);

  _mc_result_import_clear_file (self);
  g_clear_object (&self->scale);
  g_free (self->starts_on);
  g_free (self->ends_on);
  g_free (self->today);
  g_hash_table_unref (self->saved_mapping);
  g_array_unref (self->overrides);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->read_problems);
  g_ptr_array_unref (self->file_problems);

  G_OBJECT_CLASS (mc_result_import_parent_class)->finalize (object);
}

static void
mc_result_import_class_init (McResultImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_result_import_finalize;
}

static void
mc_result_import_init (McResultImport *self)
{
  self->saved_mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               _mc_mapping_entry_free);
  self->overrides = g_array_new (FALSE, FALSE, sizeof (int));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_import_row_free);
  self->read_problems = new_problems ();
  self->file_problems = new_problems ();
  self->delimiter = ',';
}

McResultImport *
mc_result_import_new (void)
{
  return g_object_new (MC_TYPE_RESULT_IMPORT, NULL);
}

static void
count (McResultImport *self,
       GPtrArray      *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      McImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == MC_IMPORT_SEVERITY_ERROR)
        self->n_errors++;
      else
        self->n_warnings++;
    }
}

static void
check_grading (McResultImport *self)
{
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;

  if (self->scale == NULL)
    {
      _mc_result_import_add_problem (self->file_problems, MC_IMPORT_SEVERITY_WARNING, 0, -1,
                                     _("No grading scale is known for these results, so the grades "
                                       "are not checked. Check them yourself."));
      return;
    }
  if (mc_grading_scale_is_understood (self->scale))
    return;
  description = mc_grading_scale_describe (self->scale);
  message = g_strdup_printf (_("%s. A grade passes unless it reads like a fail (such as “Fail” "
                               "or “F”); check the grades yourself."), description);
  _mc_result_import_add_problem (self->file_problems, MC_IMPORT_SEVERITY_WARNING, 0, -1, message);
}

void
_mc_result_import_recheck (McResultImport *self)
{
  if (!self->loaded)
    return;

  g_ptr_array_set_size (self->file_problems, 0);
  for (guint i = 0; i < self->read_problems->len; i++)
    g_ptr_array_add (self->file_problems,
                     mc_import_problem_copy (g_ptr_array_index (self->read_problems, i)));
  _mc_result_import_map_columns (self);
  check_grading (self);
  _mc_result_import_check_rows (self);

  self->n_errors = 0;
  self->n_warnings = 0;
  count (self, self->file_problems);
  for (guint i = 0; i < self->rows->len; i++)
    count (self, ((McImportRow *) g_ptr_array_index (self->rows, i))->problems);
}

/* Settings --------------------------------------------------------------- */

/**
 * mc_result_import_set_grading:
 * @self: an import
 * @scale: (nullable): the grading scale of the design's approved revision
 *
 * Grades are checked against @scale; without one, or with one that is not
 * understood, they are not, and a warning says so.
 */
void
mc_result_import_set_grading (McResultImport *self,
                              McGradingScale *scale)
{
  g_return_if_fail (MC_IS_RESULT_IMPORT (self));
  g_return_if_fail (scale == NULL || MC_IS_GRADING_SCALE (scale));

  g_set_object (&self->scale, scale);
  _mc_result_import_recheck (self);
}

static gboolean
is_iso_date (const char *text)
{
  g_autofree char *reason = NULL;
  g_autofree char *date = NULL;

  if (text == NULL)
    return TRUE;
  date = _mc_result_import_parse_date (text, &reason);
  return date != NULL && strcmp (date, text) == 0;
}

/**
 * mc_result_import_set_period:
 * @self: an import
 * @starts_on: (nullable): the first day of the offering, YYYY-MM-DD
 * @ends_on: (nullable): its last day, YYYY-MM-DD
 *
 * Completion dates before @starts_on are errors; after @ends_on, warnings
 * up to a year later and errors beyond.
 */
void
mc_result_import_set_period (McResultImport *self,
                             const char     *starts_on,
                             const char     *ends_on)
{
  g_return_if_fail (MC_IS_RESULT_IMPORT (self));
  g_return_if_fail (is_iso_date (starts_on));
  g_return_if_fail (is_iso_date (ends_on));

  g_free (self->starts_on);
  self->starts_on = g_strdup (starts_on);
  g_free (self->ends_on);
  self->ends_on = g_strdup (ends_on);
  _mc_result_import_recheck (self);
}

/**
 * mc_result_import_set_today:
 * @self: an import
 * @iso_date: (nullable): the date taken as today (YYYY-MM-DD), or %NULL for
 *   the real date
 */
void
mc_result_import_set_today (McResultImport *self,
                            const char     *iso_date)
{
  g_return_if_fail (MC_IS_RESULT_IMPORT (self));
  g_return_if_fail (is_iso_date (iso_date));

  g_free (self->today);
  self->today = g_strdup (iso_date);
  _mc_result_import_recheck (self);
}

/**
 * mc_result_import_set_column:
 * @self: an import with a file loaded
 * @column: a column of the file
 * @role: what it holds
 *
 * The user's choice for one column.  Another column that held @role
 * before is no longer imported.
 */
void
mc_result_import_set_column (McResultImport *self,
                             guint           column,
                             McImportColumn  role)
{
  g_return_if_fail (MC_IS_RESULT_IMPORT (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (role <= MC_IMPORT_COLUMN_IGNORE);

  if (self->overrides->len < self->n_columns)
    {
      guint old = self->overrides->len;

      g_array_set_size (self->overrides, self->n_columns);
      for (guint i = old; i < self->n_columns; i++)
        g_array_index (self->overrides, int, i) = -1;
    }
  for (guint i = 0; role != MC_IMPORT_COLUMN_IGNORE && i < self->n_columns; i++)
    if (i != column && self->roles[i] == role)
      g_array_index (self->overrides, int, i) = MC_IMPORT_COLUMN_IGNORE;
  g_array_index (self->overrides, int, column) = (int) role;
  _mc_result_import_recheck (self);
}

/* What was read ---------------------------------------------------------- */

/* "UTF-8", "UTF-8 (with BOM)", "UTF-16LE", "UTF-16BE" or "Windows-1252";
 * NULL before a file is loaded. */
const char *
mc_result_import_get_encoding (McResultImport *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), NULL);
  return self->encoding;
}

/* ',', ';', '\t' or '|'. */
char
mc_result_import_get_delimiter (McResultImport *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), ',');
  return self->delimiter;
}

guint
mc_result_import_get_n_columns (McResultImport *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), 0);
  return self->n_columns;
}

/* The heading of @column, as the file spells it. */
const char *
mc_result_import_get_header (McResultImport *self,
                             guint           column)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->headers[column];
}

McImportColumn
mc_result_import_get_column (McResultImport *self,
                             guint           column)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), MC_IMPORT_COLUMN_IGNORE);
  g_return_val_if_fail (column < self->n_columns, MC_IMPORT_COLUMN_IGNORE);
  return self->roles[column];
}

/* The rows read, blank lines left out. */
guint
mc_result_import_get_n_rows (McResultImport *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), 0);
  return self->rows->len;
}

/**
 * mc_result_import_get_row:
 * @self: an import
 * @index: a row, from 0
 *
 * Returns: (transfer none): the row; valid until the next load
 */
McImportRow *
mc_result_import_get_row (McResultImport *self,
                          guint           index)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

/**
 * mc_result_import_get_file_problems:
 * @self: an import
 *
 * Returns: (transfer none) (element-type McImportProblem): the problems of
 *   the file as a whole: encoding, quoting, too many rows, unknown and
 *   missing columns, a grading scale that is not understood
 */
GPtrArray *
mc_result_import_get_file_problems (McResultImport *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), NULL);
  return self->file_problems;
}

/* The number of problems of @severity in the file and all its rows. */
guint
mc_result_import_count_problems (McResultImport   *self,
                                 McImportSeverity  severity)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), 0);
  return severity == MC_IMPORT_SEVERITY_ERROR ? self->n_errors : self->n_warnings;
}

/* TRUE when a file with at least one row is loaded and has no errors. */
gboolean
mc_result_import_is_ready (McResultImport *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), FALSE);
  return self->loaded && self->rows->len > 0 && self->n_errors == 0;
}
