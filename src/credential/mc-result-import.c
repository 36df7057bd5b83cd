/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-csv-cell.h"
#include "mc-result-import-private.h"

/* The object: its settings, loading, what it found, and the export of the
 * problems.  The stages of reading and checking are in the
 * mc-result-import-*.c files. */

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
static void
clear_file (McResultImport *self)
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

  clear_file (self);
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

/* Loading ---------------------------------------------------------------- */

/**
 * mc_result_import_load_bytes:
 * @self: an import
 * @data: the content of a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: a #MC_RESULT_IMPORT_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Reads and checks @data, replacing any file loaded before; the choices
 * made with mc_result_import_set_column() are forgotten.  Fails only when
 * nothing can be shown: a file that is too large, empty, not text, or in
 * an encoding that cannot be read.  Everything else is a problem of the
 * file or of a row.
 *
 * Returns: %TRUE if the file was read
 */
gboolean
mc_result_import_load_bytes (McResultImport  *self,
                             GBytes          *data,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clear_file (self);
  g_array_set_size (self->overrides, 0);
  text = _mc_result_import_decode (data, &length, &self->encoding, self->read_problems, error);
  if (text == NULL || !_mc_result_import_parse (self, text, length, cancellable, error))
    {
      clear_file (self);
      return FALSE;
    }
  self->loaded = TRUE;
  _mc_result_import_recheck (self);
  return TRUE;
}

static GBytes *
read_bounded (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > MC_RESULT_IMPORT_MAX_BYTES)
    {
      _mc_result_import_refuse_size ((guint64) g_file_info_get_size (info), error);
      return NULL;
    }
  /* One byte more than allowed, so that a file that grew (or a pipe) is
   * still caught by the size check of the decoder. */
  bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), MC_RESULT_IMPORT_MAX_BYTES + 1,
                                     cancellable, error);
  return g_steal_pointer (&bytes);
}

/**
 * mc_result_import_load_file:
 * @self: an import
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: a #MC_RESULT_IMPORT_ERROR, a #G_IO_ERROR
 *
 * As mc_result_import_load_bytes(); a file larger than 20 MiB is refused
 * before it is read.
 *
 * Returns: %TRUE if the file was read
 */
gboolean
mc_result_import_load_file (McResultImport  *self,
                            GFile           *file,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = read_bounded (file, cancellable, error);
  if (bytes == NULL)
    {
      clear_file (self);
      return FALSE;
    }
  return mc_result_import_load_bytes (self, bytes, cancellable, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (mc_result_import_load_file (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * mc_result_import_load_file_async:
 *
 * mc_result_import_load_file() in a worker thread.  Nothing may use @self
 * until @callback runs.
 */
void
mc_result_import_load_file_async (McResultImport      *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MC_IS_RESULT_IMPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_result_import_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

gboolean
mc_result_import_load_file_finish (McResultImport  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mc_result_import_load_file_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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

/* Problems --------------------------------------------------------------- */

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
