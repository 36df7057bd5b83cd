/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* Issued credentials: one row each with its state and status index, its
 * signed forms in credential_documents once signed, and its search text
 * in credential_search. */

#define CREDENTIAL_COLUMNS \
  "c.id, c.uuid, c.offering_id, c.learner_id, c.result_id, c.batch_id, c.design_id, " \
  "c.revision_number, c.kid, c.status_index, c.token, c.state, c.issued_at, c.valid_from, " \
  "c.valid_until, doc.jwt, doc.document, c.status_reason, c.status_changed_us, c.supersedes_id, " \
  "c.superseded_by_id, c.reprints, c.title, o.code, " MC_STORE_RESULT_COLUMNS
#define CREDENTIAL_FIRST_RESULT_COLUMN 24
#define CREDENTIAL_JOINS \
  "JOIN offerings AS o ON o.id = c.offering_id " \
  "LEFT JOIN credential_documents AS doc ON doc.credential_id = c.id " \
  "JOIN results AS r ON r.id = c.result_id " MC_STORE_RESULT_JOINS

static McIssuedCredential *
credential_from_row (McStore  *self,
                     McStmt   *stmt,
                     GError  **error)
{
  g_autoptr(McIssuedCredential) credential = mc_issued_credential_new ();
  int state = 0;

  if (!_mc_store_parse_enum (self, MC_TYPE_CREDENTIAL_STATE, _mc_store_column_text (stmt, 11),
                             &state, error))
    return NULL;
  credential->id = sqlite3_column_int64 (stmt, 0);
  credential->uuid = g_strdup (_mc_store_column_text (stmt, 1));
  credential->offering_id = sqlite3_column_int64 (stmt, 2);
  credential->learner_id = sqlite3_column_int64 (stmt, 3);
  credential->result_id = sqlite3_column_int64 (stmt, 4);
  credential->batch_id = sqlite3_column_int64 (stmt, 5);
  credential->design_id = sqlite3_column_int64 (stmt, 6);
  credential->revision_number = (guint) sqlite3_column_int64 (stmt, 7);
  credential->kid = g_strdup (_mc_store_column_text (stmt, 8));
  credential->status_index = (guint) sqlite3_column_int64 (stmt, 9);
  credential->token = g_strdup (_mc_store_column_text (stmt, 10));
  credential->state = state;
  credential->issued_at = sqlite3_column_int64 (stmt, 12);
  credential->valid_from = g_strdup (_mc_store_column_text (stmt, 13));
  credential->valid_until = g_strdup ((const char *) sqlite3_column_text (stmt, 14));
  credential->jwt = g_strdup ((const char *) sqlite3_column_text (stmt, 15));
  credential->document = g_strdup ((const char *) sqlite3_column_text (stmt, 16));
  credential->status_reason = g_strdup (_mc_store_column_text (stmt, 17));
  credential->status_changed_at = sqlite3_column_int64 (stmt, 18) / G_USEC_PER_SEC;
  credential->supersedes_id = sqlite3_column_int64 (stmt, 19);
  credential->superseded_by_id = sqlite3_column_int64 (stmt, 20);
  credential->reprints = (guint) sqlite3_column_int64 (stmt, 21);
  credential->title = g_strdup (_mc_store_column_text (stmt, 22));
  credential->offering_code = g_strdup (_mc_store_column_text (stmt, 23));
  credential->result = _mc_store_result_from_row (stmt, CREDENTIAL_FIRST_RESULT_COLUMN);
  credential->learner_name = mc_learner_dup_full_name (credential->result->learner);
  credential->student_id = g_strdup (credential->result->learner->student_id);
  return g_steal_pointer (&credential);
}

/* The credential of the first row of @stmt, or NULL: with
 * MC_STORE_ERROR_NOT_FOUND if @not_found, else without an error. */
static McIssuedCredential *
read_credential (McStore      *self,
                 McStmt       *stmt,
                 const char   *not_found,
                 GError      **error)
{
  int rc = _mc_store_step (self, stmt, error);

  if (rc == SQLITE_ROW)
    return credential_from_row (self, stmt, error);
  if (rc == SQLITE_DONE && not_found != NULL)
    g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND, not_found);
  return NULL;
}

/**
 * mc_store_load_credential:
 *
 * Returns: (transfer full) (nullable): the credential with its result and
 *   learner, or %NULL with %MC_STORE_ERROR_NOT_FOUND
 */
McIssuedCredential *
mc_store_load_credential (McStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autofree char *not_found = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " CREDENTIAL_COLUMNS " FROM credentials AS c "
                            CREDENTIAL_JOINS "WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  not_found = g_strdup_printf (_("There is no issued credential number %lld"), (long long) id);
  return read_credential (self, stmt, not_found, error);
}

/**
 * mc_store_find_credential:
 * @uuid_or_urn: a credential's uuid, bare or as "urn:uuid:…"
 *
 * Returns: (transfer full) (nullable): the credential, or %NULL (without
 *   an error) if there is none with this id
 */
McIssuedCredential *
mc_store_find_credential (McStore     *self,
                          const char  *uuid_or_urn,
                          GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid_or_urn != NULL, NULL);

  if (g_ascii_strncasecmp (uuid_or_urn, "urn:uuid:", strlen ("urn:uuid:")) == 0)
    uuid_or_urn += strlen ("urn:uuid:");
  /* Credentials get lower-case uuids; RFC 4122 reads them either way. */
  uuid = g_ascii_strdown (uuid_or_urn, -1);

  stmt = _mc_store_prepare (self, "SELECT " CREDENTIAL_COLUMNS " FROM credentials AS c "
                            CREDENTIAL_JOINS "WHERE c.uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  _mc_store_bind_text (stmt, 1, uuid);
  return read_credential (self, stmt, NULL, error);
}

/**
 * mc_store_find_credential_by_token:
 * @token: the token of a credential's public verification page
 *
 * Returns: (transfer full) (nullable): the credential, or %NULL (without
 *   an error) if no credential has this token
 */
McIssuedCredential *
mc_store_find_credential_by_token (McStore     *self,
                                   const char  *token,
                                   GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (token != NULL, NULL);

  stmt = _mc_store_prepare (self, "SELECT " CREDENTIAL_COLUMNS " FROM credentials AS c "
                            CREDENTIAL_JOINS "WHERE c.token = ?", error);
  if (stmt == NULL)
    return NULL;
  _mc_store_bind_text (stmt, 1, token);
  return read_credential (self, stmt, NULL, error);
}

/* Credentials of @batch_id in @state (-1: any), by id, after @after_id. */
static GPtrArray *
list_batch (McStore  *self,
            gint64    batch_id,
            int       state,
            gint64    after_id,
            guint     limit,
            GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  int rc;

  /* Two statements, so that the index on (batch_id, state) serves both. */
  stmt = _mc_store_prepare (self, state >= 0
                            ? "SELECT " CREDENTIAL_COLUMNS " FROM credentials AS c " CREDENTIAL_JOINS
                              "WHERE c.batch_id = ?1 AND c.state = ?2 AND c.id > ?3 ORDER BY c.id LIMIT ?4"
                            : "SELECT " CREDENTIAL_COLUMNS " FROM credentials AS c " CREDENTIAL_JOINS
                              "WHERE c.batch_id = ?1 AND ?2 IS NULL AND c.id > ?3 ORDER BY c.id LIMIT ?4",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  _mc_store_bind_text (stmt, 2, state >= 0 ? mc_enum_to_nick (MC_TYPE_CREDENTIAL_STATE, state) : NULL);
  sqlite3_bind_int64 (stmt, 3, after_id);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  credentials = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_issued_credential_free);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      McIssuedCredential *credential = credential_from_row (self, stmt, error);

      if (credential == NULL)
        return NULL;
      g_ptr_array_add (credentials, credential);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&credentials);
}

/**
 * mc_store_list_pending_credentials:
 * @batch_id: a batch
 * @limit: how many at most, or 0 for all
 *
 * Returns: (transfer full) (element-type McIssuedCredential): the batch's
 *   credentials waiting to be signed, by id
 */
GPtrArray *
mc_store_list_pending_credentials (McStore  *self,
                                   gint64    batch_id,
                                   guint     limit,
                                   GError  **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  return list_batch (self, batch_id, MC_CREDENTIAL_STATE_PENDING, 0, limit, error);
}

/**
 * mc_store_list_batch_credentials:
 * @batch_id: a batch
 * @state: a #McCredentialState, or -1 for any
 * @after_id: the last id of the previous page, or 0
 * @limit: how many at most, or 0 for all
 *
 * Returns: (transfer full) (element-type McIssuedCredential): a page of
 *   the batch's credentials, by id
 */
GPtrArray *
mc_store_list_batch_credentials (McStore  *self,
                                 gint64    batch_id,
                                 int       state,
                                 gint64    after_id,
                                 guint     limit,
                                 GError  **error)
{
  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  return list_batch (self, batch_id, state, after_id, limit, error);
}

/* Writing */

static gboolean
save_search_text (McStore     *self,
                  gint64       credential_id,
                  GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  stmt = _mc_store_select_by_id (self, "SELECT l.given_name, l.family_name, l.student_id, c.uuid, "
                                 "c.title, o.code FROM credentials AS c "
                                 "JOIN learners AS l ON l.id = c.learner_id "
                                 "JOIN offerings AS o ON o.id = c.offering_id WHERE c.id = ?",
                                 credential_id, error,
                                 _("There is no issued credential number %lld"), (long long) credential_id);
  if (stmt == NULL)
    return FALSE;
  text = g_strdup_printf ("%s %s\n%s\n%s\n%s\n%s", _mc_store_column_text (stmt, 0),
                          _mc_store_column_text (stmt, 1), _mc_store_column_text (stmt, 2),
                          _mc_store_column_text (stmt, 3), _mc_store_column_text (stmt, 4),
                          _mc_store_column_text (stmt, 5));
  folded = _mc_store_fold_key (text);
  g_clear_pointer (&stmt, _mc_store_release);

  stmt = _mc_store_prepare (self, "INSERT INTO credential_search (credential_id, search_text) "
                            "VALUES (?1, ?2) ON CONFLICT (credential_id) "
                            "DO UPDATE SET search_text = excluded.search_text", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, credential_id);
  _mc_store_bind_text (stmt, 2, folded);
  return _mc_store_exec (self, stmt, error);
}

gboolean
_mc_store_refresh_credential_search (McStore  *self,
                                     gint64    learner_id,
                                     GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = _mc_store_prepare (self, "SELECT id FROM credentials WHERE learner_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, _mc_store_release);

  for (guint i = 0; i < ids->len; i++)
    if (!save_search_text (self, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

gboolean
_mc_store_next_status_index (McStore  *self,
                             guint    *index,
                             GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "SELECT coalesce(max(status_index) + 1, 0) FROM credentials", error);
  if (stmt == NULL || _mc_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  *index = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
_mc_store_insert_credential (McStore             *self,
                             McIssuedCredential  *credential,
                             GError             **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "INSERT INTO credentials (uuid, offering_id, learner_id, result_id, "
                            "batch_id, design_id, revision_number, title, kid, status_index, token, "
                            "state, issued_at, valid_from, valid_until, supersedes_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                            error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, credential->uuid);
  sqlite3_bind_int64 (stmt, 2, credential->offering_id);
  sqlite3_bind_int64 (stmt, 3, credential->learner_id);
  sqlite3_bind_int64 (stmt, 4, credential->result_id);
  sqlite3_bind_int64 (stmt, 5, credential->batch_id);
  sqlite3_bind_int64 (stmt, 6, credential->design_id);
  sqlite3_bind_int64 (stmt, 7, credential->revision_number);
  _mc_store_bind_text (stmt, 8, credential->title != NULL ? credential->title : "");
  _mc_store_bind_text (stmt, 9, credential->kid);
  sqlite3_bind_int64 (stmt, 10, credential->status_index);
  _mc_store_bind_text (stmt, 11, credential->token);
  _mc_store_bind_text (stmt, 12, mc_enum_to_nick (MC_TYPE_CREDENTIAL_STATE, credential->state));
  sqlite3_bind_int64 (stmt, 13, credential->issued_at);
  _mc_store_bind_text (stmt, 14, credential->valid_from);
  _mc_store_bind_text (stmt, 15, credential->valid_until);
  _mc_store_bind_id (stmt, 16, credential->supersedes_id);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  credential->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  return save_search_text (self, credential->id, error);
}

static gboolean
require_changed (McStore     *self,
                 gint64       id,
                 GError     **error)
{
  if (sqlite3_changes (_mc_store_get_db (self)) > 0)
    return TRUE;
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
               _("Issued credential number %lld was changed meanwhile by someone else, or does not exist"),
               (long long) id);
  return FALSE;
}

gboolean
_mc_store_complete_credential (McStore     *self,
                               gint64       id,
                               const char  *jwt,
                               const char  *document,
                               GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "UPDATE credentials SET state = 'active' "
                            "WHERE id = ? AND state = 'pending'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_mc_store_exec (self, stmt, error) || !require_changed (self, id, error))
    return FALSE;
  g_clear_pointer (&stmt, _mc_store_release);

  stmt = _mc_store_prepare (self, "INSERT INTO credential_documents (credential_id, jwt, document) "
                            "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _mc_store_bind_text (stmt, 2, jwt);
  _mc_store_bind_text (stmt, 3, document);
  return _mc_store_exec (self, stmt, error);
}

gboolean
_mc_store_update_credential_state (McStore            *self,
                                   gint64              id,
                                   McCredentialState   from,
                                   McCredentialState   to,
                                   const char         *reason,
                                   gint64              changed_us,
                                   GError            **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "UPDATE credentials SET state = ?1, status_reason = ?2, "
                            "status_changed_us = ?3 WHERE id = ?4 AND state = ?5", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, mc_enum_to_nick (MC_TYPE_CREDENTIAL_STATE, to));
  _mc_store_bind_text (stmt, 2, reason != NULL ? reason : "");
  sqlite3_bind_int64 (stmt, 3, changed_us);
  sqlite3_bind_int64 (stmt, 4, id);
  _mc_store_bind_text (stmt, 5, mc_enum_to_nick (MC_TYPE_CREDENTIAL_STATE, from));
  return _mc_store_exec (self, stmt, error) && require_changed (self, id, error);
}

gboolean
_mc_store_set_superseded_by (McStore  *self,
                             gint64    id,
                             gint64    replacement_id,
                             GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "UPDATE credentials SET superseded_by_id = ?1 "
                            "WHERE id = ?2 AND state = 'superseded'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, replacement_id);
  sqlite3_bind_int64 (stmt, 2, id);
  return _mc_store_exec (self, stmt, error) && require_changed (self, id, error);
}

gboolean
_mc_store_add_reprint (McStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "UPDATE credentials SET reprints = reprints + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _mc_store_exec (self, stmt, error) && require_changed (self, id, error);
}
