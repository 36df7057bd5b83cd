/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-store-private.h"

/* The trusted partner issuers. */

#define PARTNER_COLUMNS "id, issuer_id, name, note, added_at, added_by"

static McPartnerIssuer *
partner_from_row (McStmt *stmt)
{
  McPartnerIssuer *partner = mc_partner_issuer_new ();

  partner->id = sqlite3_column_int64 (stmt, 0);
  partner->issuer_id = g_strdup (_mc_store_column_text (stmt, 1));
  partner->name = g_strdup (_mc_store_column_text (stmt, 2));
  partner->note = g_strdup (_mc_store_column_text (stmt, 3));
  partner->added_at = sqlite3_column_int64 (stmt, 4);
  partner->added_by = sqlite3_column_int64 (stmt, 5);
  return partner;
}

/**
 * mc_store_list_partners:
 *
 * Returns: (transfer full) (element-type McPartnerIssuer): the partners by name
 */
GPtrArray *
mc_store_list_partners (McStore  *self,
                        GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_partner_issuer_free);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " PARTNER_COLUMNS " FROM partners "
                            "ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (partners, partner_from_row (stmt));
  return rc == SQLITE_DONE ? g_steal_pointer (&partners) : NULL;
}

/**
 * mc_store_find_partner:
 * @issuer_id: an issuer's id, exactly as its credentials write it
 *
 * Returns: (transfer full) (nullable): the partner, or %NULL (without an
 *   error) when @issuer_id is not one
 */
McPartnerIssuer *
mc_store_find_partner (McStore     *self,
                       const char  *issuer_id,
                       GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (issuer_id != NULL, NULL);

  stmt = _mc_store_prepare (self, "SELECT " PARTNER_COLUMNS " FROM partners WHERE issuer_id = ?", error);
  if (stmt == NULL)
    return NULL;
  _mc_store_bind_text (stmt, 1, issuer_id);
  return _mc_store_step (self, stmt, error) == SQLITE_ROW ? partner_from_row (stmt) : NULL;
}

gboolean
_mc_store_insert_partner (McStore    *self,
                          McPartnerIssuer  *partner,
                          GError    **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "INSERT INTO partners (issuer_id, name, note, added_at, added_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, partner->issuer_id);
  _mc_store_bind_text (stmt, 2, partner->name);
  _mc_store_bind_text (stmt, 3, partner->note != NULL ? partner->note : "");
  sqlite3_bind_int64 (stmt, 4, partner->added_at);
  _mc_store_bind_id (stmt, 5, partner->added_by);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  partner->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  return TRUE;
}

gboolean
_mc_store_delete_partner (McStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "DELETE FROM partners WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _mc_store_exec (self, stmt, error);
}
