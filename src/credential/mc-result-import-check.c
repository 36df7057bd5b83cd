/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-csv-cell.h"
#include "mc-result-import-private.h"

/* The checks of each row.  Every message names the value it is about and
 * says what is wrong in words a registrar uses; the line and the column
 * are added by mc_result_import_describe_problem(). */

#define EARLIEST_BIRTH "1900-01-01"

typedef struct {
  McResultImport *self;
  McGradingScale *scale;
  GHashTable     *seen_ids;    /* folded student ID → GUINT line */
  char           *today;
  char           *late_limit;  /* a year after the offering's end */
  McImportRow    *row;
  /* The trimmed value and column of each role in the row; NULL/-1 when
   * the file has no such column or its cell is unusable. */
  char           *values[MC_IMPORT_COLUMN_IGNORE];
  int             columns[MC_IMPORT_COLUMN_IGNORE];
  gboolean        unusable[MC_IMPORT_COLUMN_IGNORE];   /* its cell has an error */
} Checker;

static void
problem (Checker          *checker,
         McImportSeverity  severity,
         int               column,
         const char       *message)
{
  _mc_result_import_add_problem (checker->row->problems, severity, checker->row->line, column,
                                 message);
}

/* Cells ------------------------------------------------------------------ */

/* Trimmed, with runs of white space made one space. */
static char *
collapse_spaces (const char *cell)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_control (const char *text,
             gboolean   *line_break)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        *line_break = *p == '\n' || *p == '\r';
        return TRUE;
      }
  return FALSE;
}

/* Takes the value of one imported cell, or reports why it cannot be used. */
static void
take_cell (Checker        *checker,
           guint           column,
           McImportColumn  role)
{
  McImportRow *row = checker->row;
  const char *cell = column < row->n_cells ? row->cells[column] : "";
  g_autofree char *value = NULL;
  gboolean line_break = FALSE;

  if (mc_csv_looks_like_formula (cell))
    problem (checker, MC_IMPORT_SEVERITY_WARNING, (int) column,
             _("This cell looks like a spreadsheet formula; it is imported as text."));
  if (g_utf8_strlen (cell, -1) > MC_RESULT_IMPORT_MAX_CELL_CHARS)
    {
      g_autofree char *message =
        g_strdup_printf (_("This cell is longer than %u characters; it cannot be imported."),
                         MC_RESULT_IMPORT_MAX_CELL_CHARS);

      problem (checker, MC_IMPORT_SEVERITY_ERROR, (int) column, message);
      checker->unusable[role] = TRUE;
      return;
    }
  value = collapse_spaces (cell);
  if (has_control (value, &line_break))
    {
      problem (checker, MC_IMPORT_SEVERITY_ERROR, (int) column,
               line_break ? _("This cell runs over several lines; it should hold one line.")
                          : _("This cell holds an invisible control character; type it again."));
      checker->unusable[role] = TRUE;
      return;
    }
  checker->columns[role] = (int) column;
  if (value[0] != '\0')
    checker->values[role] = g_steal_pointer (&value);
}

/* More cells than headings means a value was split, most likely at a
 * delimiter that should have been quoted. */
static void
check_shape (Checker *checker)
{
  McImportRow *row = checker->row;
  guint n_cells = row->n_cells;

  for (guint i = checker->self->n_columns; i < n_cells; i++)
    if (row->cells[i][0] != '\0')
      {
        g_autofree char *message = NULL;
        char delimiter = checker->self->delimiter;

        message = g_strdup_printf (_("This row has %u cells but the heading line has %u: a value "
                                     "may hold a “%s” without quotes around it."),
                                   n_cells, checker->self->n_columns,
                                   delimiter == '\t' ? _("tab") : (char[]) { delimiter, '\0' });
        problem (checker, MC_IMPORT_SEVERITY_ERROR, -1, message);
        return;
      }
}

/* Values --------------------------------------------------------------- */

static void
check_student_id (Checker *checker)
{
  const char *id = checker->values[MC_IMPORT_COLUMN_STUDENT_ID];
  int column = checker->columns[MC_IMPORT_COLUMN_STUDENT_ID];
  g_autofree char *key = NULL;
  gpointer first = NULL;

  if (column < 0)
    return;
  if (id == NULL)
    {
      problem (checker, MC_IMPORT_SEVERITY_ERROR, column, _("The student ID is missing."));
      return;
    }
  key = g_utf8_casefold (id, -1);
  first = g_hash_table_lookup (checker->seen_ids, key);
  if (first != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Student ID “%s” is also on line %u; a learner can have only one "
                           "result per offering."), id, GPOINTER_TO_UINT (first));

      problem (checker, MC_IMPORT_SEVERITY_ERROR, column, message);
      return;
    }
  g_hash_table_insert (checker->seen_ids, g_steal_pointer (&key), GUINT_TO_POINTER (checker->row->line));
  checker->row->student_id = g_strdup (id);
}

/* "Family, Given" or "Given Names Family". */
static void
split_full_name (const char  *full,
                 char       **given,
                 char       **family)
{
  const char *comma = strchr (full, ',');
  const char *space = strrchr (full, ' ');

  if (comma != NULL)
    {
      *family = g_strstrip (g_strndup (full, (gsize) (comma - full)));
      *given = g_strstrip (g_strdup (comma + 1));
    }
  else if (space != NULL)
    {
      *given = g_strndup (full, (gsize) (space - full));
      *family = g_strdup (space + 1);
    }
  else
    {
      *given = g_strdup ("");
      *family = g_strdup (full);
    }
}

static void
check_names (Checker *checker)
{
  McImportRow *row = checker->row;
  const char *full = checker->values[MC_IMPORT_COLUMN_FULL_NAME];
  int column = checker->columns[MC_IMPORT_COLUMN_FAMILY_NAME];
  g_autofree char *given = g_strdup (checker->values[MC_IMPORT_COLUMN_GIVEN_NAME]);
  g_autofree char *family = g_strdup (checker->values[MC_IMPORT_COLUMN_FAMILY_NAME]);

  /* A name cell with an error has said enough. */
  if (checker->unusable[MC_IMPORT_COLUMN_GIVEN_NAME] || checker->unusable[MC_IMPORT_COLUMN_FAMILY_NAME] ||
      checker->unusable[MC_IMPORT_COLUMN_FULL_NAME])
    return;
  if (given == NULL && family == NULL && full != NULL)
    {
      split_full_name (full, &given, &family);
      column = checker->columns[MC_IMPORT_COLUMN_FULL_NAME];
    }
  else if (column < 0)
    column = checker->columns[MC_IMPORT_COLUMN_GIVEN_NAME] >= 0
               ? checker->columns[MC_IMPORT_COLUMN_GIVEN_NAME]
               : checker->columns[MC_IMPORT_COLUMN_FULL_NAME];
  /* No name column: the file has its problem already. */
  if (column < 0)
    return;

  if ((given == NULL || given[0] == '\0') && (family == NULL || family[0] == '\0'))
    {
      problem (checker, MC_IMPORT_SEVERITY_ERROR, column, _("The learner’s name is missing."));
      return;
    }
  if (given == NULL || given[0] == '\0' || family == NULL || family[0] == '\0')
    problem (checker, MC_IMPORT_SEVERITY_WARNING, column,
             _("Only one name is given; check that the learner has no other name."));
  row->given_name = g_strdup (given != NULL ? given : "");
  row->family_name = g_strdup (family != NULL ? family : "");
}

static gboolean
looks_like_email (const char *address)
{
  const char *at = strchr (address, '@');
  const char *domain = at != NULL ? at + 1 : NULL;

  if (at == NULL || at == address || strchr (domain, '@') != NULL || strlen (address) > 254)
    return FALSE;
  if (strchr (domain, '.') == NULL || domain[0] == '.' || g_str_has_suffix (domain, ".") ||
      strstr (domain, "..") != NULL)
    return FALSE;
  for (const char *p = address; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || strchr ("(),:;<>[]\\\"", *p) != NULL)
      return FALSE;
  return TRUE;
}

static void
check_email (Checker *checker)
{
  const char *email = checker->values[MC_IMPORT_COLUMN_EMAIL];
  g_autofree char *message = NULL;

  if (email == NULL)
    return;
  if (looks_like_email (email))
    {
      checker->row->email = g_strdup (email);
      return;
    }
  message = g_strdup_printf (_("“%s” is not an email address."), email);
  problem (checker, MC_IMPORT_SEVERITY_ERROR, checker->columns[MC_IMPORT_COLUMN_EMAIL], message);
}

/* A date of the row, or NULL with the reason reported. */
static char *
take_date (Checker        *checker,
           McImportColumn  role)
{
  char *reason = NULL;
  char *date = _mc_result_import_parse_date (checker->values[role], &reason);

  if (date == NULL)
    {
      problem (checker, MC_IMPORT_SEVERITY_ERROR, checker->columns[role], reason);
      g_free (reason);
    }
  return date;
}

static void
check_birth (Checker *checker)
{
  const char *value = checker->values[MC_IMPORT_COLUMN_DATE_OF_BIRTH];
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;

  if (value == NULL || (date = take_date (checker, MC_IMPORT_COLUMN_DATE_OF_BIRTH)) == NULL)
    return;
  if (strcmp (date, EARLIEST_BIRTH) >= 0 && strcmp (date, checker->today) < 0 &&
      (checker->row->completed_on == NULL || strcmp (date, checker->row->completed_on) < 0))
    {
      checker->row->date_of_birth = g_steal_pointer (&date);
      return;
    }
  message = g_strdup_printf (_("“%s” cannot be the learner’s date of birth."), value);
  problem (checker, MC_IMPORT_SEVERITY_ERROR, checker->columns[MC_IMPORT_COLUMN_DATE_OF_BIRTH], message);
}

static void
check_grade (Checker *checker)
{
  const char *grade = checker->values[MC_IMPORT_COLUMN_GRADE];
  int column = checker->columns[MC_IMPORT_COLUMN_GRADE];
  g_autoptr(GError) error = NULL;

  if (column < 0)
    return;
  if (grade == NULL)
    {
      problem (checker, MC_IMPORT_SEVERITY_ERROR, column, _("The grade is missing."));
      return;
    }
  if (!mc_grading_scale_check (checker->scale, grade, &checker->row->passed, &checker->row->grade,
                               &error))
    problem (checker, MC_IMPORT_SEVERITY_ERROR, column, error->message);
}

/* A completion date must fall in the offering's run and not in the future;
 * up to a year late is allowed (resits, extensions) with a warning. */
static void
check_completion (Checker *checker)
{
  McResultImport *self = checker->self;
  const char *value = checker->values[MC_IMPORT_COLUMN_COMPLETED_ON];
  int column = checker->columns[MC_IMPORT_COLUMN_COMPLETED_ON];
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  McImportSeverity severity = MC_IMPORT_SEVERITY_ERROR;

  if (column < 0)
    return;
  if (value == NULL)
    {
      problem (checker, MC_IMPORT_SEVERITY_ERROR, column, _("The completion date is missing."));
      return;
    }
  if ((date = take_date (checker, MC_IMPORT_COLUMN_COMPLETED_ON)) == NULL)
    return;
  if (strcmp (date, checker->today) > 0)
    message = g_strdup_printf (_("“%s” is in the future."), value);
  else if (self->starts_on != NULL && strcmp (date, self->starts_on) < 0)
    message = g_strdup_printf (_("“%s” is before the offering started on %s."), value, self->starts_on);
  else if (checker->late_limit != NULL && strcmp (date, checker->late_limit) > 0)
    message = g_strdup_printf (_("“%s” is more than a year after the offering ended on %s."),
                               value, self->ends_on);
  else if (self->ends_on != NULL && strcmp (date, self->ends_on) > 0)
    {
      severity = MC_IMPORT_SEVERITY_WARNING;
      message = g_strdup_printf (_("“%s” is after the offering ended on %s; check that it is right."),
                                 value, self->ends_on);
    }
  if (message != NULL)
    problem (checker, severity, column, message);
  if (message == NULL || severity == MC_IMPORT_SEVERITY_WARNING)
    checker->row->completed_on = g_steal_pointer (&date);
}

/* Rows ------------------------------------------------------------------ */

static void
reset_row (McImportRow *row)
{
  g_clear_pointer (&row->student_id, g_free);
  g_clear_pointer (&row->given_name, g_free);
  g_clear_pointer (&row->family_name, g_free);
  g_clear_pointer (&row->email, g_free);
  g_clear_pointer (&row->date_of_birth, g_free);
  g_clear_pointer (&row->grade, g_free);
  g_clear_pointer (&row->completed_on, g_free);
  row->passed = FALSE;
  g_ptr_array_set_size (row->problems, 0);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const McImportProblem *first = *(McImportProblem * const *) a;
  const McImportProblem *second = *(McImportProblem * const *) b;

  return first->column - second->column;
}

static void
check_row (Checker     *checker,
           McImportRow *row)
{
  McResultImport *self = checker->self;

  reset_row (row);
  checker->row = row;
  for (guint r = 0; r < MC_IMPORT_COLUMN_IGNORE; r++)
    {
      g_clear_pointer (&checker->values[r], g_free);
      checker->columns[r] = -1;
      checker->unusable[r] = FALSE;
    }

  check_shape (checker);
  for (guint i = 0; i < self->n_columns; i++)
    if (self->roles[i] != MC_IMPORT_COLUMN_IGNORE)
      take_cell (checker, i, self->roles[i]);
  check_student_id (checker);
  check_names (checker);
  check_email (checker);
  check_grade (checker);
  check_completion (checker);
  check_birth (checker);
  /* Stable: problems of one cell keep their order. */
  g_ptr_array_sort (row->problems, compare_problems);
}

static char *
dup_today (McResultImport *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today != NULL)
    return g_strdup (self->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

void
_mc_result_import_check_rows (McResultImport *self)
{
  Checker checker = { .self = self };

  checker.scale = self->scale != NULL ? g_object_ref (self->scale)
                                      : mc_grading_scale_new_from_text (MC_GRADING_UNSET, NULL);
  checker.seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker.today = dup_today (self);
  checker.late_limit = self->ends_on != NULL ? _mc_result_import_add_years (self->ends_on, 1) : NULL;

  for (guint i = 0; i < self->rows->len; i++)
    check_row (&checker, g_ptr_array_index (self->rows, i));

  for (guint r = 0; r < MC_IMPORT_COLUMN_IGNORE; r++)
    g_free (checker.values[r]);
  g_object_unref (checker.scale);
  g_hash_table_unref (checker.seen_ids);
  g_free (checker.today);
  g_free (checker.late_limit);
}
