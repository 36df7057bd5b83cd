/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* The institution's signing keys (their public halves, and where the
 * encrypted private halves are) and its logo. */

#define KEY_COLUMNS \
  "k.id, k.kid, k.kind, k.public_jwk, k.certificate_pem, k.private_path, k.created_at, " \
  "k.created_by, k.retired_at"

static McKeyRecord *
key_from_row (McStore  *self,
              McStmt   *stmt,
              GError  **error)
{
  g_autoptr(McKeyRecord) key = mc_key_record_new ();
  int kind = 0;

  if (!_mc_store_parse_enum (self, MC_TYPE_KEY_KIND, _mc_store_column_text (stmt, 2), &kind, error))
    return NULL;
  key->id = sqlite3_column_int64 (stmt, 0);
  key->kid = g_strdup (_mc_store_column_text (stmt, 1));
  key->kind = kind;
  key->public_jwk = g_strdup (_mc_store_column_text (stmt, 3));
  key->certificate_pem = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  key->private_path = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  key->created_at = sqlite3_column_int64 (stmt, 6);
  key->created_by = sqlite3_column_int64 (stmt, 7);
  key->retired_at = sqlite3_column_int64 (stmt, 8);
  return g_steal_pointer (&key);
}

/**
 * mc_store_list_keys:
 *
 * Returns: (transfer full) (element-type McKeyRecord): every signing key,
 *   newest first, retired ones included
 */
GPtrArray *
mc_store_list_keys (McStore  *self,
                    GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_key_record_free);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " KEY_COLUMNS " FROM signing_keys AS k "
                            "ORDER BY k.created_at DESC, k.id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      McKeyRecord *key = key_from_row (self, stmt, error);

      if (key == NULL)
        return NULL;
      g_ptr_array_add (keys, key);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&keys);
}

/**
 * mc_store_find_key:
 * @kid: a key id
 *
 * Returns: (transfer full) (nullable): the key, or %NULL (without an
 *   error) if there is none with @kid
 */
McKeyRecord *
mc_store_find_key (McStore     *self,
                   const char  *kid,
                   GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (kid != NULL, NULL);

  stmt = _mc_store_prepare (self, "SELECT " KEY_COLUMNS " FROM signing_keys AS k WHERE k.kid = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  _mc_store_bind_text (stmt, 1, kid);
  return _mc_store_step (self, stmt, error) == SQLITE_ROW ? key_from_row (self, stmt, error) : NULL;
}

/**
 * mc_store_get_current_key:
 * @kind: the algorithm wanted
 *
 * Returns: (transfer full) (nullable): the newest key of @kind that is
 *   not retired and can sign, or %NULL (without an error) if none
 */
McKeyRecord *
mc_store_get_current_key (McStore    *self,
                          McKeyKind   kind,
                          GError    **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " KEY_COLUMNS " FROM signing_keys AS k "
                            "WHERE k.kind = ? AND k.retired_at = 0 AND k.private_path IS NOT NULL "
                            "ORDER BY k.created_at DESC, k.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  _mc_store_bind_text (stmt, 1, mc_enum_to_nick (MC_TYPE_KEY_KIND, kind));
  return _mc_store_step (self, stmt, error) == SQLITE_ROW ? key_from_row (self, stmt, error) : NULL;
}

/**
 * mc_store_dup_key_directory:
 *
 * Returns: (transfer full) (nullable): "<database file>-keys", or %NULL
 *   for a database in memory
 */
char *
mc_store_dup_key_directory (McStore *self)
{
  const char *path;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  path = mc_store_get_path (self);
  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:") || g_str_has_prefix (path, "file:"))
    return NULL;
  return g_strconcat (path, "-keys", NULL);
}

/**
 * mc_store_dup_private_key_path:
 * @key: a signing key
 *
 * Returns: (transfer full) (nullable): where @key's private key file is
 */
char *
mc_store_dup_private_key_path (McStore           *self,
                               const McKeyRecord *key)
{
  g_autofree char *directory = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (key->private_path == NULL || g_path_is_absolute (key->private_path))
    return g_strdup (key->private_path);
  directory = mc_store_dup_key_directory (self);
  return directory != NULL ? g_build_filename (directory, key->private_path, NULL) : NULL;
}

gboolean
_mc_store_insert_key (McStore      *self,
                      McKeyRecord  *key,
                      GError      **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "INSERT INTO signing_keys (kid, kind, public_jwk, certificate_pem, "
                            "private_path, created_at, created_by, retired_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, key->kid);
  _mc_store_bind_text (stmt, 2, mc_enum_to_nick (MC_TYPE_KEY_KIND, key->kind));
  _mc_store_bind_text (stmt, 3, key->public_jwk);
  _mc_store_bind_text (stmt, 4, key->certificate_pem);
  _mc_store_bind_text (stmt, 5, key->private_path);
  sqlite3_bind_int64 (stmt, 6, key->created_at);
  _mc_store_bind_id (stmt, 7, key->created_by);
  sqlite3_bind_int64 (stmt, 8, key->retired_at);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  key->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  return TRUE;
}

gboolean
_mc_store_retire_key (McStore  *self,
                      gint64    id,
                      gint64    when,
                      GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "UPDATE signing_keys SET retired_at = ? "
                            "WHERE id = ? AND retired_at = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, when);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_mc_store_get_db (self)) == 0)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                   _("The signing key was retired meanwhile by someone else"));
      return FALSE;
    }
  return TRUE;
}

/* The logo */

/**
 * mc_store_get_logo:
 *
 * Returns: (transfer full) (nullable): the institution's logo as PNG, or
 *   %NULL (without an error) if it has none
 */
GBytes *
mc_store_get_logo (McStore  *self,
                   GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT data FROM assets WHERE name = 'logo'", error);
  if (stmt == NULL || _mc_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

gboolean
_mc_store_set_logo (McStore  *self,
                    GBytes   *png,
                    GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  gsize size = 0;
  gconstpointer data;

  if (png == NULL)
    {
      stmt = _mc_store_prepare (self, "DELETE FROM assets WHERE name = 'logo'", error);
      return stmt != NULL && _mc_store_exec (self, stmt, error);
    }

  stmt = _mc_store_prepare (self, "INSERT INTO assets (name, data) VALUES ('logo', ?) "
                            "ON CONFLICT (name) DO UPDATE SET data = excluded.data", error);
  if (stmt == NULL)
    return FALSE;
  data = g_bytes_get_data (png, &size);
  sqlite3_bind_blob64 (stmt, 1, data, size, SQLITE_STATIC);
  return _mc_store_exec (self, stmt, error);
}
