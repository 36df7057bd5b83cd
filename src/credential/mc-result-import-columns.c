/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mc-result-import-private.h"

/* What each column of a file holds: the user's choice in the preview, else
 * the saved mapping of the institution, else what its heading says.
 * Headings are compared by their letters and digits only, case-folded, so
 * "E-mail", "EMAIL" and "e mail" are the same heading. */

#define MAPPING_FORMAT "io.github.microcred.results-mapping"
#define MAPPING_VERSION 1
#define MAX_MAPPING_ENTRIES 500

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

/* Mapping files ---------------------------------------------------------- */

static gboolean
mapping_error (GError     **error,
               const char  *detail)
{
  g_set_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_MAPPING,
               _("The saved column mapping cannot be used: %s"), detail);
  return FALSE;
}

static gboolean
read_mapping_entry (JsonObject  *columns,
                    const char  *header,
                    GHashTable  *mapping,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (columns, header);
  g_autoptr(GEnumClass) roles = g_type_class_ref (MC_TYPE_IMPORT_COLUMN);
  GEnumValue *value = NULL;
  McMappingEntry *entry = NULL;
  g_autofree char *folded = NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return mapping_error (error, _("each column must name what it holds as text."));
  value = g_enum_get_value_by_nick (roles, json_node_get_string (node));
  if (value == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("“%s” is not something a column can hold."),
                                                 json_node_get_string (node));
      return mapping_error (error, detail);
    }
  folded = _mc_result_import_fold_header (header);
  if (folded[0] == '\0')
    return TRUE;
  entry = g_new0 (McMappingEntry, 1);
  entry->header = g_strdup (header);
  entry->role = value->value;
  g_hash_table_replace (mapping, g_steal_pointer (&folded), entry);
  return TRUE;
}

static gboolean
read_mapping (JsonNode    *root,
              GHashTable  *mapping,
              GError     **error)
{
  JsonObject *object = NULL;
  JsonNode *columns = NULL;
  g_autoptr(GList) headers = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return mapping_error (error, _("it is not a JSON object."));
  object = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", NULL), MAPPING_FORMAT) != 0)
    return mapping_error (error, _("it is not a column mapping of Microcred."));
  if (json_object_get_int_member_with_default (object, "version", 0) != MAPPING_VERSION)
    return mapping_error (error, _("it is of an unknown version."));
  columns = json_object_get_member (object, "columns");
  if (columns == NULL || !JSON_NODE_HOLDS_OBJECT (columns))
    return mapping_error (error, _("it has no “columns” object."));
  if (json_object_get_size (json_node_get_object (columns)) > MAX_MAPPING_ENTRIES)
    return mapping_error (error, _("it has too many columns."));
  headers = json_object_get_members (json_node_get_object (columns));
  for (GList *l = headers; l != NULL; l = l->next)
    if (!read_mapping_entry (json_node_get_object (columns), l->data, mapping, error))
      return FALSE;
  return TRUE;
}

/**
 * mc_result_import_set_mapping:
 * @self: an import
 * @mapping_json: (nullable): a mapping from mc_result_import_dup_mapping(),
 *   or %NULL to recognise columns by their headings only
 * @error: a #MC_RESULT_IMPORT_ERROR_MAPPING
 *
 * Uses a saved mapping of headings to roles, and forgets the choices made
 * with mc_result_import_set_column().  A mapping that cannot be read
 * changes nothing.
 *
 * Returns: %TRUE if the mapping was read
 */
gboolean
mc_result_import_set_mapping (McResultImport  *self,
                              const char      *mapping_json,
                              GError         **error)
{
  g_autoptr(GHashTable) mapping = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _mc_mapping_entry_free);
  if (mapping_json != NULL)
    {
      root = json_from_string (mapping_json, &local);
      if (root == NULL)
        return mapping_error (error, local != NULL ? local->message : _("it is empty."));
      if (!read_mapping (root, mapping, error))
        return FALSE;
    }
  g_hash_table_unref (self->saved_mapping);
  self->saved_mapping = g_steal_pointer (&mapping);
  g_array_set_size (self->overrides, 0);
  _mc_result_import_recheck (self);
  return TRUE;
}

static void
add_mapping_member (JsonBuilder    *builder,
                    const char     *header,
                    McImportColumn  role)
{
  g_autoptr(GEnumClass) roles = g_type_class_ref (MC_TYPE_IMPORT_COLUMN);

  json_builder_set_member_name (builder, header);
  json_builder_add_string_value (builder, g_enum_get_value (roles, (int) role)->value_nick);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const McMappingEntry *first = *(McMappingEntry * const *) a;
  const McMappingEntry *second = *(McMappingEntry * const *) b;

  return g_utf8_collate (first->header, second->header);
}

/* The saved entries for headings not in @written, sorted by heading. */
static GPtrArray *
saved_entries_except (McResultImport *self,
                      GHashTable     *written)
{
  GPtrArray *entries = g_ptr_array_new ();
  GHashTableIter iter;
  const char *folded = NULL;
  McMappingEntry *entry = NULL;

  g_hash_table_iter_init (&iter, self->saved_mapping);
  while (g_hash_table_iter_next (&iter, (gpointer *) &folded, (gpointer *) &entry))
    if (!g_hash_table_contains (written, folded))
      g_ptr_array_add (entries, entry);
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

/**
 * mc_result_import_dup_mapping:
 * @self: an import
 *
 * The mapping in use, to be saved for the institution and given to
 * mc_result_import_set_mapping() next time: the role of each column of
 * the file loaded, then the saved roles of headings this file lacks.
 *
 * Returns: (transfer full): JSON: `{"format":
 *   "io.github.microcred.results-mapping", "version": 1, "columns":
 *   {"Student number": "student-id", …}}` (docs/results-csv.md)
 */
char *
mc_result_import_dup_mapping (McResultImport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, MAPPING_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, MAPPING_VERSION);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  for (guint i = 0; i < self->n_columns; i++)
    {
      char *folded = _mc_result_import_fold_header (self->headers[i]);

      if (folded[0] == '\0' || g_hash_table_contains (written, folded))
        {
          g_free (folded);
          continue;
        }
      g_hash_table_add (written, folded);
      add_mapping_member (builder, self->headers[i], self->roles[i]);
    }
  saved = saved_entries_except (self, written);
  for (guint i = 0; i < saved->len; i++)
    {
      McMappingEntry *entry = g_ptr_array_index (saved, i);

      add_mapping_member (builder, entry->header, entry->role);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}
