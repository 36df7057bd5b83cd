/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* Units and people: the academic structure the designs refer to. */

static gboolean
unit_exists (McStore   *self,
             gint64     unit_id,
             gboolean  *exists,
             GError   **error)
{
  g_autoptr(McStmt) stmt = _mc_store_prepare (self, "SELECT 1 FROM units WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = _mc_store_step (self, stmt, error);
  *exists = rc == SQLITE_ROW;

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

typedef struct {
  const char *code;
  const char *name;
  gint64      id;
} AddUnitData;

static gboolean
add_unit_cb (McStore   *self,
             gpointer   user_data,
             GError   **error)
{
  AddUnitData *data = user_data;
  g_autoptr(McUnit) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McStmt) stmt = NULL;

  existing = mc_store_find_unit_by_code (self, data->code, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                   _("There is already an academic unit with the code “%s”"),
                   data->code);
      return FALSE;
    }

  stmt = _mc_store_prepare (self, "INSERT INTO units (code, name) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  _mc_store_bind_text (stmt, 1, data->code);
  _mc_store_bind_text (stmt, 2, data->name);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;

  data->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  return TRUE;
}

/**
 * mc_store_add_unit:
 * @self: a #McStore
 * @code: the unit's short code, unique in the institution
 * @name: the unit's name
 * @error: return location for a #GError
 *
 * Adds an academic unit.  A duplicate code is refused with
 * %MC_STORE_ERROR_CONSTRAINT.
 *
 * Returns: the new unit's id, or 0 with @error set
 */
gint64
mc_store_add_unit (McStore     *self,
                   const char  *code,
                   const char  *name,
                   GError     **error)
{
  AddUnitData data = { code, name, 0 };

  g_return_val_if_fail (MC_IS_STORE (self), 0);
  g_return_val_if_fail (code != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!mc_store_run_in_transaction (self, add_unit_cb, &data, error))
    return 0;

  return data.id;
}

static McUnit *
unit_from_row (McStmt *stmt)
{
  return mc_unit_new (sqlite3_column_int64 (stmt, 0),
                      _mc_store_column_text (stmt, 1),
                      _mc_store_column_text (stmt, 2));
}

/**
 * mc_store_get_unit:
 * @self: a #McStore
 * @id: a unit id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the unit, or %NULL with
 *   %MC_STORE_ERROR_NOT_FOUND if there is none with this id
 */
McUnit *
mc_store_get_unit (McStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _mc_store_select_by_id (self, "SELECT id, code, name FROM units WHERE id = ?", id, error,
                                 _("There is no academic unit with the number %lld"), (long long) id);
  return stmt != NULL ? unit_from_row (stmt) : NULL;
}

/**
 * mc_store_find_unit_by_code:
 * @self: a #McStore
 * @code: a unit code
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the unit, or %NULL without an error
 *   if there is none with this code
 */
McUnit *
mc_store_find_unit_by_code (McStore     *self,
                            const char  *code,
                            GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _mc_store_prepare (self, "SELECT id, code, name FROM units WHERE code = ?", error);
  if (stmt == NULL)
    return NULL;

  _mc_store_bind_text (stmt, 1, code);
  if (_mc_store_step (self, stmt, error) == SQLITE_ROW)
    return unit_from_row (stmt);

  return NULL;
}

/**
 * mc_store_list_units:
 * @self: a #McStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a list of #McUnit sorted by name,
 *   or %NULL with @error set
 */
GListModel *
mc_store_list_units (McStore  *self,
                     GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GListStore) units = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _mc_store_prepare (self,
                            "SELECT id, code, name FROM units "
                            "ORDER BY name COLLATE NOCASE, code",
                            error);
  if (stmt == NULL)
    return NULL;

  units = g_list_store_new (MC_TYPE_UNIT);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(McUnit) unit = unit_from_row (stmt);

      g_list_store_append (units, unit);
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&units));
}

typedef struct {
  const char *username;
  const char *name;
  const char *email;
  gint64      unit_id;
  gint64      id;
} AddPersonData;

static gboolean
add_person_cb (McStore   *self,
               gpointer   user_data,
               GError   **error)
{
  AddPersonData *data = user_data;
  g_autoptr(McPerson) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McStmt) stmt = NULL;

  existing = mc_store_find_person_by_username (self, data->username, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                   _("There is already a person with the user name “%s”"),
                   data->username);
      return FALSE;
    }

  if (data->unit_id != 0)
    {
      gboolean exists = FALSE;

      if (!unit_exists (self, data->unit_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                       _("“%s” cannot belong to academic unit number %lld: there is no such unit"),
                       data->username, (long long) data->unit_id);
          return FALSE;
        }
    }

  stmt = _mc_store_prepare (self,
                            "INSERT INTO people (username, name, email, unit_id) "
                            "VALUES (?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;

  _mc_store_bind_text (stmt, 1, data->username);
  _mc_store_bind_text (stmt, 2, data->name);
  _mc_store_bind_text (stmt, 3, data->email ? data->email : "");
  _mc_store_bind_id (stmt, 4, data->unit_id);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;

  data->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  return TRUE;
}

/**
 * mc_store_add_person:
 * @self: a #McStore
 * @username: the person's operating-system account, unique
 * @name: the person's full name
 * @email: (nullable): e-mail address
 * @unit_id: id of the person's academic unit, or 0 for none
 * @error: return location for a #GError
 *
 * Adds a person.  A duplicate user name or a unit that does not exist is
 * refused with %MC_STORE_ERROR_CONSTRAINT.
 *
 * Returns: the new person's id, or 0 with @error set
 */
gint64
mc_store_add_person (McStore     *self,
                     const char  *username,
                     const char  *name,
                     const char  *email,
                     gint64       unit_id,
                     GError     **error)
{
  AddPersonData data = { username, name, email, unit_id, 0 };

  g_return_val_if_fail (MC_IS_STORE (self), 0);
  g_return_val_if_fail (username != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (unit_id >= 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!mc_store_run_in_transaction (self, add_person_cb, &data, error))
    return 0;

  return data.id;
}

McPerson *
_mc_store_person_from_row (McStmt *stmt)
{
  return mc_person_new (sqlite3_column_int64 (stmt, 0),
                        _mc_store_column_text (stmt, 1),
                        _mc_store_column_text (stmt, 2),
                        _mc_store_column_text (stmt, 3),
                        sqlite3_column_int64 (stmt, 4));
}

/**
 * mc_store_find_person_by_username:
 * @self: a #McStore
 * @username: an operating-system account name
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the person, or %NULL without an
 *   error if there is none with this user name
 */
McPerson *
mc_store_find_person_by_username (McStore     *self,
                                  const char  *username,
                                  GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _mc_store_prepare (self,
                            "SELECT id, username, name, email, unit_id FROM people "
                            "WHERE username = ?",
                            error);
  if (stmt == NULL)
    return NULL;

  _mc_store_bind_text (stmt, 1, username);
  if (_mc_store_step (self, stmt, error) == SQLITE_ROW)
    return _mc_store_person_from_row (stmt);

  return NULL;
}

/**
 * mc_store_list_people:
 * @self: a #McStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a list of #McPerson sorted by name,
 *   or %NULL with @error set
 */
GListModel *
mc_store_list_people (McStore  *self,
                      GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GListStore) people = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _mc_store_prepare (self,
                            "SELECT id, username, name, email, unit_id FROM people "
                            "ORDER BY name COLLATE NOCASE, username",
                            error);
  if (stmt == NULL)
    return NULL;

  people = g_list_store_new (MC_TYPE_PERSON);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(McPerson) person = _mc_store_person_from_row (stmt);

      g_list_store_append (people, person);
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&people));
}
