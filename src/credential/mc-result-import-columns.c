/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-result-import-private.h"

/* What each column of a file holds: the user's choice in the preview, else
 * the saved mapping of the institution, else what its heading says.
 * Headings are compared by their letters and digits only, case-folded, so
 * "E-mail", "EMAIL" and "e mail" are the same heading. */

/* Headings as student-records systems and spreadsheets write them. */
static const struct {
  McImportColumn  role;
  const char     *heading;
} aliases[] = {
  { MC_IMPORT_COLUMN_STUDENT_ID, "Student number" },
  { MC_IMPORT_COLUMN_STUDENT_ID, "Student no" },
  { MC_IMPORT_COLUMN_STUDENT_ID, "Student ID" },
  { MC_IMPORT_COLUMN_STUDENT_ID, "Student ID number" },
  { MC_IMPORT_COLUMN_STUDENT_ID, "ID" },
  { MC_IMPORT_COLUMN_STUDENT_ID, "Matriculation number" },
  { MC_IMPORT_COLUMN_STUDENT_ID, "Matriculation no" },
  { MC_IMPORT_COLUMN_STUDENT_ID, "Matric number" },
  { MC_IMPORT_COLUMN_STUDENT_ID, "Learner ID" },
  { MC_IMPORT_COLUMN_STUDENT_ID, "Learner number" },
  { MC_IMPORT_COLUMN_GIVEN_NAME, "First name" },
  { MC_IMPORT_COLUMN_GIVEN_NAME, "First names" },
  { MC_IMPORT_COLUMN_GIVEN_NAME, "Given name" },
  { MC_IMPORT_COLUMN_GIVEN_NAME, "Given names" },
  { MC_IMPORT_COLUMN_GIVEN_NAME, "Forename" },
  { MC_IMPORT_COLUMN_GIVEN_NAME, "Forenames" },
  { MC_IMPORT_COLUMN_FAMILY_NAME, "Surname" },
  { MC_IMPORT_COLUMN_FAMILY_NAME, "Last name" },
  { MC_IMPORT_COLUMN_FAMILY_NAME, "Family name" },
  { MC_IMPORT_COLUMN_FULL_NAME, "Name" },
  { MC_IMPORT_COLUMN_FULL_NAME, "Full name" },
  { MC_IMPORT_COLUMN_FULL_NAME, "Student name" },
  { MC_IMPORT_COLUMN_FULL_NAME, "Learner name" },
  { MC_IMPORT_COLUMN_EMAIL, "Email" },
  { MC_IMPORT_COLUMN_EMAIL, "Email address" },
  { MC_IMPORT_COLUMN_DATE_OF_BIRTH, "Date of birth" },
  { MC_IMPORT_COLUMN_DATE_OF_BIRTH, "DOB" },
  { MC_IMPORT_COLUMN_DATE_OF_BIRTH, "Birth date" },
  { MC_IMPORT_COLUMN_GRADE, "Grade" },
  { MC_IMPORT_COLUMN_GRADE, "Final grade" },
  { MC_IMPORT_COLUMN_GRADE, "Mark" },
  { MC_IMPORT_COLUMN_GRADE, "Final mark" },
  { MC_IMPORT_COLUMN_GRADE, "Result" },
  { MC_IMPORT_COLUMN_GRADE, "Outcome" },
  { MC_IMPORT_COLUMN_COMPLETED_ON, "Completion date" },
  { MC_IMPORT_COLUMN_COMPLETED_ON, "Completed" },
  { MC_IMPORT_COLUMN_COMPLETED_ON, "Completed on" },
  { MC_IMPORT_COLUMN_COMPLETED_ON, "Date completed" },
  { MC_IMPORT_COLUMN_COMPLETED_ON, "Date of completion" },
  { MC_IMPORT_COLUMN_COMPLETED_ON, "Date" },
};

/* For each required role, what to say when no column holds it. */
static const struct {
  McImportColumn  role;
  const char     *message;
} required[] = {
  { MC_IMPORT_COLUMN_STUDENT_ID,
    N_("No column holds the student ID. Choose it for a column in the preview, or head the "
       "column “Student ID” in the file.") },
  { MC_IMPORT_COLUMN_GRADE,
    N_("No column holds the grade. Choose it for a column in the preview, or head the column "
       "“Grade” in the file.") },
  { MC_IMPORT_COLUMN_COMPLETED_ON,
    N_("No column holds the completion date. Choose it for a column in the preview, or head the "
       "column “Completion date” in the file.") },
};

void
_mc_mapping_entry_free (gpointer data)
{
  McMappingEntry *entry = data;

  g_free (entry->header);
  g_free (entry);
}

char *
_mc_result_import_fold_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

McImportColumn
_mc_result_import_role_for_header (const char *header)
{
  g_autofree char *folded = _mc_result_import_fold_header (header);

  if (folded[0] == '\0')
    return MC_IMPORT_COLUMN_IGNORE;
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      g_autofree char *alias = _mc_result_import_fold_header (aliases[i].heading);

      if (strcmp (folded, alias) == 0)
        return aliases[i].role;
    }
  /* The names of the roles in the user's language are headings too. */
  for (McImportColumn role = 0; role < MC_IMPORT_COLUMN_IGNORE; role++)
    {
      g_autofree char *label = _mc_result_import_fold_header (mc_import_column_get_label (role));

      if (strcmp (folded, label) == 0)
        return role;
    }
  return MC_IMPORT_COLUMN_IGNORE;
}

static int
get_override (McResultImport *self,
              guint           column)
{
  return column < self->overrides->len ? g_array_index (self->overrides, int, column) : -1;
}

/* The role of @column, and whether anything decided it (FALSE: an unknown
 * heading). */
static McImportColumn
resolve (McResultImport *self,
         guint           column,
         gboolean       *known)
{
  g_autofree char *folded = _mc_result_import_fold_header (self->headers[column]);
  int override = get_override (self, column);
  McMappingEntry *saved = g_hash_table_lookup (self->saved_mapping, folded);
  McImportColumn role = MC_IMPORT_COLUMN_IGNORE;

  *known = TRUE;
  if (override >= 0)
    return override;
  if (saved != NULL)
    return saved->role;
  role = _mc_result_import_role_for_header (self->headers[column]);
  *known = role != MC_IMPORT_COLUMN_IGNORE;
  return role;
}

static gboolean
column_is_empty (McResultImport *self,
                 guint           column)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      McImportRow *row = g_ptr_array_index (self->rows, i);

      if (column < row->n_cells && row->cells[column][0] != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
add_file_problem (McResultImport   *self,
                  McImportSeverity  severity,
                  int               column,
                  const char       *message)
{
  _mc_result_import_add_problem (self->file_problems, severity, 0, column, message);
}

static void
report_unknown (McResultImport *self,
                guint           column)
{
  g_autofree char *message = NULL;

  if (self->headers[column][0] != '\0')
    message = g_strdup_printf (_("Column %u, “%s”, is not a column Microcred knows; it is not "
                                 "imported."), column + 1, self->headers[column]);
  else if (!column_is_empty (self, column))
    message = g_strdup_printf (_("Column %u has no heading; it is not imported."), column + 1);
  if (message != NULL)
    add_file_problem (self, MC_IMPORT_SEVERITY_WARNING, (int) column, message);
}

static void
report_conflict (McResultImport *self,
                 guint           first,
                 guint           second,
                 McImportColumn  role)
{
  g_autofree char *message =
    /* Translators: "Columns 3, “Mark”, and 5, “Grade”, both hold the Grade." */
    g_strdup_printf (_("Columns %u, “%s”, and %u, “%s”, both hold the %s. Choose in the preview "
                       "which one is imported; column %u is not imported until then."),
                     first + 1, self->headers[first], second + 1, self->headers[second],
                     mc_import_column_get_label (role), second + 1);

  add_file_problem (self, MC_IMPORT_SEVERITY_ERROR, (int) second, message);
}

static gboolean
has_role (McResultImport *self,
          McImportColumn  role)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (self->roles[i] == role)
      return TRUE;
  return FALSE;
}

static void
report_missing (McResultImport *self)
{
  gboolean given = has_role (self, MC_IMPORT_COLUMN_GIVEN_NAME);
  gboolean family = has_role (self, MC_IMPORT_COLUMN_FAMILY_NAME);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!has_role (self, required[i].role))
      add_file_problem (self, MC_IMPORT_SEVERITY_ERROR, -1, _(required[i].message));
  if (has_role (self, MC_IMPORT_COLUMN_FULL_NAME) || (given && family))
    return;
  if (given)
    add_file_problem (self, MC_IMPORT_SEVERITY_ERROR, -1,
                      _("No column holds the family name. Choose it for a column in the preview, "
                        "or head the column “Family name” in the file."));
  else if (family)
    add_file_problem (self, MC_IMPORT_SEVERITY_ERROR, -1,
                      _("No column holds the given name. Choose it for a column in the preview, "
                        "or head the column “Given name” in the file."));
  else
    add_file_problem (self, MC_IMPORT_SEVERITY_ERROR, -1,
                      _("No column holds the learners’ names. Choose them in the preview, or head "
                        "the columns “Given name” and “Family name”, or “Full name”, in the file."));
}

void
_mc_result_import_map_columns (McResultImport *self)
{
  int holder[MC_IMPORT_COLUMN_IGNORE];
  g_autofree gboolean *known = g_new0 (gboolean, self->n_columns + 1);
  guint n_known = 0;

  for (guint r = 0; r < G_N_ELEMENTS (holder); r++)
    holder[r] = -1;
  g_free (self->roles);
  self->roles = g_new0 (McImportColumn, self->n_columns + 1);

  for (guint i = 0; i < self->n_columns; i++)
    {
      McImportColumn role = resolve (self, i, &known[i]);

      n_known += known[i] ? 1 : 0;
      self->roles[i] = role;
      if (role == MC_IMPORT_COLUMN_IGNORE)
        continue;
      if (holder[role] >= 0)
        {
          report_conflict (self, (guint) holder[role], i, role);
          self->roles[i] = MC_IMPORT_COLUMN_IGNORE;
        }
      else
        holder[role] = (int) i;
    }

  if (n_known == 0)
    {
      add_file_problem (self, MC_IMPORT_SEVERITY_ERROR, -1,
                        _("None of the headings of the first line is known: the file must start "
                          "with a line of headings such as “Student ID”, “Name”, “Grade” and "
                          "“Completion date”. Add one, or choose what each column holds in the preview."));
      return;
    }
  for (guint i = 0; i < self->n_columns; i++)
    if (!known[i])
      report_unknown (self, i);
  report_missing (self);
}
