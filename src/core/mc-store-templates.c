/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-template.h"
#include "mc-store-private.h"

/* Review templates: each saved version is a row of its own, so that a
 * review keeps pointing at the criteria it was made on. */

#define TEMPLATE_COLUMNS "t.id, t.key, t.version, t.content"

static McTemplate *
template_from_row (McStore  *self,
                   McStmt   *stmt,
                   GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  McTemplate *template_;

  template_ = mc_template_new_from_json (_mc_store_column_text (stmt, 3), -1, &local_error);
  if (template_ == NULL)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                   _("Review template “%s” in “%s” is damaged: %s"),
                   _mc_store_column_text (stmt, 1), _mc_store_get_display_name (self),
                   local_error->message);
      return NULL;
    }
  mc_template_set_id (template_, sqlite3_column_int64 (stmt, 0));
  mc_template_set_version (template_, (guint) sqlite3_column_int64 (stmt, 2));
  return template_;
}

static McTemplate *
load_one (McStore     *self,
          const char  *sql,
          gint64       id,
          const char  *nick,
          GError     **error)
{
  g_autoptr(McStmt) stmt = _mc_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (nick != NULL)
    _mc_store_bind_text (stmt, 1, nick);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = _mc_store_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    return template_from_row (self, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                 _("The review template is not in the database"));
  return NULL;
}

/**
 * mc_store_load_template:
 *
 * Returns: (transfer full) (nullable): that version of a template
 */
McTemplate *
mc_store_load_template (McStore  *self,
                        gint64    template_id,
                        GError  **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  return load_one (self, "SELECT " TEMPLATE_COLUMNS " FROM templates AS t WHERE t.id = ?",
                   template_id, NULL, error);
}

/**
 * mc_store_current_template:
 *
 * Returns: (transfer full) (nullable): the newest version of the
 *   template used for @kind
 */
McTemplate *
mc_store_current_template (McStore         *self,
                           McTemplateKind   kind,
                           GError         **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  return load_one (self, "SELECT " TEMPLATE_COLUMNS " FROM templates AS t WHERE t.kind = ? "
                   "ORDER BY t.id DESC LIMIT 1", 0, mc_enum_to_nick (MC_TYPE_TEMPLATE_KIND, kind),
                   error);
}

/**
 * mc_store_list_templates:
 *
 * Returns: (transfer full) (element-type McTemplate): the newest version
 *   of every template, by kind
 */
GPtrArray *
mc_store_list_templates (McStore  *self,
                         GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " TEMPLATE_COLUMNS " FROM templates AS t "
                            "WHERE t.version = (SELECT max (version) FROM templates WHERE key = t.key) "
                            "ORDER BY t.kind, t.key", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      McTemplate *template_ = template_from_row (self, stmt, error);

      if (template_ == NULL)
        return NULL;
      g_ptr_array_add (templates, template_);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&templates);
}

gboolean
_mc_store_insert_template (McStore     *self,
                           McTemplate  *template_,
                           gint64       person_id,
                           GError     **error)
{
  g_autoptr(McStmt) version = NULL;
  g_autoptr(McStmt) stmt = NULL;
  g_autofree char *json = mc_template_to_json (template_);
  guint next;

  version = _mc_store_prepare (self, "SELECT coalesce (max (version), 0) + 1 FROM templates WHERE key = ?",
                               error);
  if (version == NULL)
    return FALSE;
  _mc_store_bind_text (version, 1, mc_template_get_key (template_));
  if (_mc_store_step (self, version, error) != SQLITE_ROW)
    return FALSE;
  next = (guint) sqlite3_column_int64 (version, 0);

  stmt = _mc_store_prepare (self, "INSERT INTO templates (key, kind, version, content, created, created_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, mc_template_get_key (template_));
  _mc_store_bind_text (stmt, 2, mc_enum_to_nick (MC_TYPE_TEMPLATE_KIND, mc_template_get_kind (template_)));
  sqlite3_bind_int64 (stmt, 3, next);
  _mc_store_bind_text (stmt, 4, json);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  _mc_store_bind_id (stmt, 6, person_id);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  mc_template_set_id (template_, sqlite3_last_insert_rowid (_mc_store_get_db (self)));
  mc_template_set_version (template_, next);
  return TRUE;
}

/* Stores the built-in template of each kind that has none yet. */
gboolean
_mc_store_seed_templates (McStore  *self,
                          GError  **error)
{
  for (guint kind = 0; kind < mc_enum_n_values (MC_TYPE_TEMPLATE_KIND); kind++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(McTemplate) current = mc_store_current_template (self, kind, &local_error);
      g_autoptr(McTemplate) builtin = NULL;

      if (current != NULL)
        continue;
      if (!g_error_matches (local_error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      builtin = mc_template_load_builtin (kind, error);
      if (builtin == NULL || !_mc_store_insert_template (self, builtin, 0, error))
        return FALSE;
    }
  return TRUE;
}
