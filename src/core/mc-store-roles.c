/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* Roles and institution settings: who may do what, and the rules the
 * workflow applies. */

/**
 * mc_store_get_person:
 * @self: a #McStore
 * @id: a person id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the person, or %NULL with
 *   %MC_STORE_ERROR_NOT_FOUND
 */
McPerson *
mc_store_get_person (McStore  *self,
                     gint64    id,
                     GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_select_by_id (self, "SELECT " MC_STORE_PERSON_COLUMNS " FROM people AS p "
                                 "WHERE p.id = ?", id, error,
                                 _("There is no person number %lld"), (long long) id);
  return stmt != NULL ? _mc_store_person_from_row (stmt) : NULL;
}

/**
 * mc_store_list_roles:
 * @self: a #McStore
 * @person_id: a person, or 0 for everyone
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type McRoleGrant): the roles held,
 *   by person, role and unit
 */
GPtrArray *
mc_store_list_roles (McStore  *self,
                     gint64    person_id,
                     GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) grants = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT person_id, role, unit_id FROM roles "
                            "WHERE ?1 = 0 OR person_id = ?1 "
                            "ORDER BY person_id, role, unit_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      McRoleGrant *grant = g_new0 (McRoleGrant, 1);
      int role = 0;

      g_ptr_array_add (grants, grant);
      if (!_mc_store_parse_enum (self, MC_TYPE_ROLE, _mc_store_column_text (stmt, 1), &role, error))
        return NULL;
      grant->person_id = sqlite3_column_int64 (stmt, 0);
      grant->role = role;
      grant->unit_id = sqlite3_column_int64 (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&grants);
}

gboolean
mc_store_person_has_role (McStore   *self,
                          gint64     person_id,
                          McRole     role,
                          gint64     unit_id,
                          gboolean  *has_role,
                          GError   **error)
{
  g_autoptr(McStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), FALSE);
  g_return_val_if_fail (has_role != NULL, FALSE);

  stmt = _mc_store_prepare (self, "SELECT 1 FROM roles WHERE person_id = ?1 AND role = ?2 "
                            "AND (unit_id = 0 OR unit_id = ?3) LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  _mc_store_bind_text (stmt, 2, mc_enum_to_nick (MC_TYPE_ROLE, role));
  sqlite3_bind_int64 (stmt, 3, unit_id);
  rc = _mc_store_step (self, stmt, error);
  *has_role = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/**
 * mc_store_list_people_with_role:
 *
 * Returns: (transfer full): a list of #McPerson holding @role for
 *   @unit_id or institution-wide, by name
 */
GListModel *
mc_store_list_people_with_role (McStore  *self,
                                McRole    role,
                                gint64    unit_id,
                                GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GListStore) people = g_list_store_new (MC_TYPE_PERSON);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT DISTINCT " MC_STORE_PERSON_COLUMNS
                            " FROM people AS p JOIN roles AS r ON r.person_id = p.id "
                            "WHERE r.role = ?1 AND (r.unit_id = 0 OR ?2 = 0 OR r.unit_id = ?2) "
                            "ORDER BY p.name COLLATE NOCASE, p.username", error);
  if (stmt == NULL)
    return NULL;
  _mc_store_bind_text (stmt, 1, mc_enum_to_nick (MC_TYPE_ROLE, role));
  sqlite3_bind_int64 (stmt, 2, unit_id);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(McPerson) person = _mc_store_person_from_row (stmt);

      g_list_store_append (people, person);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&people));
}

gboolean
_mc_store_set_role (McStore  *self,
                    gint64    person_id,
                    McRole    role,
                    gint64    unit_id,
                    gboolean  granted,
                    GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, granted
                            ? "INSERT OR IGNORE INTO roles (person_id, role, unit_id) VALUES (?1, ?2, ?3)"
                            : "DELETE FROM roles WHERE person_id = ?1 AND role = ?2 AND unit_id = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  _mc_store_bind_text (stmt, 2, mc_enum_to_nick (MC_TYPE_ROLE, role));
  sqlite3_bind_int64 (stmt, 3, unit_id);
  return _mc_store_exec (self, stmt, error);
}

gboolean
_mc_store_count_role (McStore  *self,
                      McRole    role,
                      guint    *count,
                      GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "SELECT count(DISTINCT person_id) FROM roles WHERE role = ?", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, mc_enum_to_nick (MC_TYPE_ROLE, role));
  if (_mc_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  *count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * mc_store_get_setting:
 * @self: a #McStore
 * @key: a setting (MC_SETTING_*)
 * @default_value: (nullable): what to return when unset
 *
 * Returns: (transfer full) (nullable): the value, or a copy of @default_value
 */
char *
mc_store_get_setting (McStore    *self,
                      const char *key,
                      const char *default_value)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _mc_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return g_strdup (default_value);
  _mc_store_bind_text (stmt, 1, key);
  if (_mc_store_step (self, stmt, NULL) == SQLITE_ROW)
    return g_strdup (_mc_store_column_text (stmt, 0));
  return g_strdup (default_value);
}

gboolean
_mc_store_set_setting (McStore     *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, key);
  _mc_store_bind_text (stmt, 2, value != NULL ? value : "");
  return _mc_store_exec (self, stmt, error);
}
