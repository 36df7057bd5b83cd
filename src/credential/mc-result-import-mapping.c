/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mc-result-import-private.h"

/* The saved mapping of headings to what their columns hold: a small JSON
 * document an institution keeps, so that the next export of its
 * student-records system is mapped without asking (docs/results-csv.md). */

#define MAPPING_FORMAT "io.github.microcred.results-mapping"
#define MAPPING_VERSION 1
#define MAX_MAPPING_ENTRIES 500

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
