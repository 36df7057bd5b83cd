/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* Issuing batches: what a run of the batch issuer reserved, and how far
 * it got. */

#define BATCH_COLUMNS \
  "b.id, b.offering_id, b.kid, b.state, b.export_dir, b.data_integrity, b.total, b.issued, " \
  "b.started_by, b.started_at, b.finished_at"

static McIssueBatch *
batch_from_row (McStore  *self,
                McStmt   *stmt,
                GError  **error)
{
  g_autoptr(McIssueBatch) batch = mc_issue_batch_new ();
  int state = 0;

  if (!_mc_store_parse_enum (self, MC_TYPE_BATCH_STATE, _mc_store_column_text (stmt, 3), &state, error))
    return NULL;
  batch->id = sqlite3_column_int64 (stmt, 0);
  batch->offering_id = sqlite3_column_int64 (stmt, 1);
  batch->kid = g_strdup (_mc_store_column_text (stmt, 2));
  batch->state = state;
  batch->export_dir = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  batch->data_integrity = sqlite3_column_int (stmt, 5) != 0;
  batch->total = (guint) sqlite3_column_int64 (stmt, 6);
  batch->issued = (guint) sqlite3_column_int64 (stmt, 7);
  batch->started_by = sqlite3_column_int64 (stmt, 8);
  batch->started_at = sqlite3_column_int64 (stmt, 9);
  batch->finished_at = sqlite3_column_int64 (stmt, 10);
  return g_steal_pointer (&batch);
}

/**
 * mc_store_load_batch:
 *
 * Returns: (transfer full) (nullable): the batch, or %NULL with
 *   %MC_STORE_ERROR_NOT_FOUND
 */
McIssueBatch *
mc_store_load_batch (McStore  *self,
                     gint64    id,
                     GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_select_by_id (self, "SELECT " BATCH_COLUMNS " FROM issue_batches AS b WHERE b.id = ?", id, error,
                                 _("There is no issuing batch number %lld"), (long long) id);
  return stmt != NULL ? batch_from_row (self, stmt, error) : NULL;
}

/**
 * mc_store_find_unfinished_batch:
 * @offering_id: an offering
 *
 * Finds the batch to resume: the newest batch of the offering that is
 * still running (its issuer stopped without finishing it, by a crash or
 * a kill), or that was cancelled or failed with credentials still
 * waiting to be signed.
 *
 * Returns: (transfer full) (nullable): the batch, or %NULL (without an
 *   error) if there is none
 */
McIssueBatch *
mc_store_find_unfinished_batch (McStore  *self,
                                gint64    offering_id,
                                GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " BATCH_COLUMNS " FROM issue_batches AS b "
                            "WHERE b.offering_id = ?1 AND (b.state = 'running' OR "
                            "  (b.state IN ('cancelled', 'failed') AND EXISTS (SELECT 1 FROM credentials AS c "
                            "     WHERE c.batch_id = b.id AND c.state = 'pending'))) "
                            "ORDER BY b.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, offering_id);
  rc = _mc_store_step (self, stmt, error);
  return rc == SQLITE_ROW ? batch_from_row (self, stmt, error) : NULL;
}

gboolean
_mc_store_insert_batch (McStore       *self,
                        McIssueBatch  *batch,
                        GError       **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "INSERT INTO issue_batches (offering_id, kid, state, export_dir, "
                            "data_integrity, total, issued, started_by, started_at, finished_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->offering_id);
  _mc_store_bind_text (stmt, 2, batch->kid);
  _mc_store_bind_text (stmt, 3, mc_enum_to_nick (MC_TYPE_BATCH_STATE, batch->state));
  _mc_store_bind_text (stmt, 4, batch->export_dir);
  sqlite3_bind_int (stmt, 5, batch->data_integrity ? 1 : 0);
  sqlite3_bind_int64 (stmt, 6, batch->total);
  sqlite3_bind_int64 (stmt, 7, batch->issued);
  sqlite3_bind_int64 (stmt, 8, batch->started_by);
  sqlite3_bind_int64 (stmt, 9, batch->started_at);
  sqlite3_bind_int64 (stmt, 10, batch->finished_at);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  batch->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  return TRUE;
}

gboolean
_mc_store_update_batch (McStore       *self,
                        McIssueBatch  *batch,
                        GError       **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "UPDATE issue_batches SET kid = ?1, state = ?2, export_dir = ?3, "
                            "data_integrity = ?4, total = ?5, issued = ?6, finished_at = ?7 "
                            "WHERE id = ?8", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, batch->kid);
  _mc_store_bind_text (stmt, 2, mc_enum_to_nick (MC_TYPE_BATCH_STATE, batch->state));
  _mc_store_bind_text (stmt, 3, batch->export_dir);
  sqlite3_bind_int (stmt, 4, batch->data_integrity ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, batch->total);
  sqlite3_bind_int64 (stmt, 6, batch->issued);
  sqlite3_bind_int64 (stmt, 7, batch->finished_at);
  sqlite3_bind_int64 (stmt, 8, batch->id);
  return _mc_store_exec (self, stmt, error);
}

gboolean
_mc_store_count_pending (McStore  *self,
                         gint64    batch_id,
                         guint    *count,
                         GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "SELECT count(*) FROM credentials "
                            "WHERE batch_id = ? AND state = 'pending'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (_mc_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  *count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
_mc_store_set_pending_kid (McStore     *self,
                           gint64       batch_id,
                           const char  *kid,
                           GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "UPDATE credentials SET kid = ? "
                            "WHERE batch_id = ? AND state = 'pending'", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, kid);
  sqlite3_bind_int64 (stmt, 2, batch_id);
  return _mc_store_exec (self, stmt, error);
}

GPtrArray *
_mc_store_list_unissued_results (McStore  *self,
                                 gint64    offering_id,
                                 GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_result_free);
  int rc;

  stmt = _mc_store_prepare (self, "SELECT " MC_STORE_RESULT_COLUMNS " FROM results AS r "
                            MC_STORE_RESULT_JOINS
                            "WHERE r.offering_id = ? AND r.passed AND cur.id IS NULL ORDER BY r.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, offering_id);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (results, _mc_store_result_from_row (stmt, 0));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&results);
}
