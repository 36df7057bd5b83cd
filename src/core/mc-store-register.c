/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* The register of issued credentials, paged from SQLite so that a list
 * of 100,000 never holds them all, and the status lists built from it. */

/* The folded search text, without a leading "urn:uuid:", or NULL for no
 * search. */
static char *
query_needle (const McCredentialQuery *query)
{
  const char *search = query->search;

  if (search == NULL)
    return NULL;
  while (g_ascii_isspace (*search))
    search++;
  if (g_ascii_strncasecmp (search, "urn:uuid:", strlen ("urn:uuid:")) == 0)
    search += strlen ("urn:uuid:");
  if (*search == '\0')
    return NULL;
  return g_strstrip (_mc_store_fold_key (search));
}

/* The ids of the matching credentials, newest first, as SQL that
 * @select (count or page) completes.  Numbered parameters, so that each
 * filter binds the same number whichever others are present: ?1
 * offering, ?2 state, ?3 search, ?4 limit, ?5 offset.  With a search,
 * the short rows of credential_search are the outer loop in id order:
 * a page stops as soon as it is full, and a rare match reads no more
 * than the search texts. */
static char *
matching_ids_sql (const McCredentialQuery *query,
                  gboolean                 search,
                  gboolean                 paged)
{
  GString *sql = g_string_new (NULL);

  if (search)
    g_string_append (sql, "SELECT s.credential_id AS id FROM credential_search AS s");
  else
    g_string_append (sql, "SELECT c.id AS id FROM credentials AS c");
  if (search && (query->offering_id != 0 || query->state >= 0))
    g_string_append (sql, " CROSS JOIN credentials AS c ON c.id = s.credential_id");
  g_string_append (sql, " WHERE 1");
  if (query->offering_id != 0)
    g_string_append (sql, " AND c.offering_id = ?1");
  if (query->state >= 0)
    g_string_append (sql, " AND c.state = ?2");
  if (search)
    g_string_append (sql, " AND instr (s.search_text, ?3) > 0");
  if (paged)
    g_string_append (sql, search ? " ORDER BY s.credential_id DESC LIMIT ?4 OFFSET ?5"
                                 : " ORDER BY c.id DESC LIMIT ?4 OFFSET ?5");
  return g_string_free (sql, FALSE);
}

static McStmt *
prepare_query (McStore                  *self,
               const McCredentialQuery  *query,
               const char               *before,
               const char               *after,
               gboolean                  paged,
               GError                  **error)
{
  g_autofree char *needle = query_needle (query);
  g_autofree char *ids = matching_ids_sql (query, needle != NULL, paged);
  g_autofree char *sql = g_strconcat (before, ids, after, NULL);
  McStmt *stmt = _mc_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (query->offering_id != 0)
    sqlite3_bind_int64 (stmt, 1, query->offering_id);
  if (query->state >= 0)
    _mc_store_bind_text (stmt, 2, mc_enum_to_nick (MC_TYPE_CREDENTIAL_STATE, query->state));
  if (needle != NULL)
    _mc_store_bind_text (stmt, 3, needle);
  return stmt;
}

static gboolean
check_query (const McCredentialQuery *query)
{
  return query->state < 0 || mc_enum_to_nick (MC_TYPE_CREDENTIAL_STATE, query->state) != NULL;
}

/**
 * mc_store_count_credentials:
 * @query: (nullable): filters, or %NULL for every credential
 *
 * Returns: how many credentials match @query (0 with @error set if the
 *   database could not be read)
 */
guint
mc_store_count_credentials (McStore                  *self,
                            const McCredentialQuery  *query,
                            GError                  **error)
{
  static const McCredentialQuery all = MC_CREDENTIAL_QUERY_INIT;
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), 0);
  g_return_val_if_fail (query == NULL || check_query (query), 0);

  stmt = prepare_query (self, query != NULL ? query : &all, "SELECT count(*) FROM (", ")", FALSE,
                        error);
  if (stmt == NULL || _mc_store_step (self, stmt, error) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int64 (stmt, 0);
}

/**
 * mc_store_query_credentials:
 * @query: (nullable): filters, or %NULL for every credential
 * @offset: how many matching credentials to skip
 * @limit: how many to return at most
 *
 * Returns: (transfer full) (element-type McCredentialSummary): a page of
 *   the matching credentials, newest first
 */
GPtrArray *
mc_store_query_credentials (McStore                  *self,
                            const McCredentialQuery  *query,
                            guint                     offset,
                            guint                     limit,
                            GError                  **error)
{
  static const McCredentialQuery all = MC_CREDENTIAL_QUERY_INIT;
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) page = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (query == NULL || check_query (query), NULL);

  /* The page's ids first, then their rows: skipping @offset rows walks
   * an index or the short rows only, never the learners. */
  stmt = prepare_query (self, query != NULL ? query : &all,
                        "SELECT c.id, c.uuid, l.given_name, l.family_name, l.student_id, c.title, "
                        "c.issued_at, c.state FROM (",
                        ") AS page JOIN credentials AS c ON c.id = page.id "
                        "JOIN learners AS l ON l.id = c.learner_id ORDER BY c.id DESC",
                        TRUE, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 4, limit);
  sqlite3_bind_int64 (stmt, 5, offset);

  page = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_credential_summary_free);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(McCredentialSummary) row = mc_credential_summary_new ();
      McLearner learner = { 0, NULL, (char *) _mc_store_column_text (stmt, 2),
                            (char *) _mc_store_column_text (stmt, 3), NULL, NULL };
      int state = 0;

      if (!_mc_store_parse_enum (self, MC_TYPE_CREDENTIAL_STATE, _mc_store_column_text (stmt, 7),
                                 &state, error))
        return NULL;
      row->id = sqlite3_column_int64 (stmt, 0);
      row->uuid = g_strdup (_mc_store_column_text (stmt, 1));
      row->learner_name = mc_learner_dup_full_name (&learner);
      row->student_id = g_strdup (_mc_store_column_text (stmt, 4));
      row->title = g_strdup (_mc_store_column_text (stmt, 5));
      row->issued_at = sqlite3_column_int64 (stmt, 6);
      row->state = state;
      g_ptr_array_add (page, g_steal_pointer (&row));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&page);
}

/* Status lists */

/**
 * mc_store_get_status_bits:
 * @list_number: which list: list n holds the status indexes
 *   n × %MC_STATUS_LIST_SIZE and up
 * @purpose: "revocation" or "suspension"
 *
 * Builds the bitstring of a W3C Bitstring Status List.  A superseded
 * credential counts as revoked: its replacement is the valid one.
 *
 * Returns: (transfer full) (nullable): %MC_STATUS_LIST_SIZE bits (16 KiB),
 *   the most significant bit of the first byte for the first index
 */
GBytes *
mc_store_get_status_bits (McStore     *self,
                          guint        list_number,
                          const char  *purpose,
                          GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autofree guint8 *bits = NULL;
  gint64 first = (gint64) list_number * MC_STATUS_LIST_SIZE;
  gboolean revocation;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (purpose != NULL, NULL);

  revocation = g_str_equal (purpose, "revocation");
  if (!revocation && !g_str_equal (purpose, "suspension"))
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                   _("There is no status list for “%s”; there are lists for revocation and suspension"),
                   purpose);
      return NULL;
    }

  stmt = _mc_store_prepare (self, "SELECT status_index FROM credentials "
                            "WHERE state IN (?1, ?2) AND status_index BETWEEN ?3 AND ?4", error);
  if (stmt == NULL)
    return NULL;
  _mc_store_bind_text (stmt, 1, revocation ? "revoked" : "suspended");
  _mc_store_bind_text (stmt, 2, revocation ? "superseded" : "suspended");
  sqlite3_bind_int64 (stmt, 3, first);
  sqlite3_bind_int64 (stmt, 4, first + MC_STATUS_LIST_SIZE - 1);

  bits = g_malloc0 (MC_STATUS_LIST_SIZE / 8);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 bit = sqlite3_column_int64 (stmt, 0) - first;

      bits[bit / 8] |= (guint8) (0x80 >> (bit % 8));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&bits), MC_STATUS_LIST_SIZE / 8);
}

/**
 * mc_store_get_status_changed_at:
 *
 * Returns: when a credential was last suspended, reinstated, revoked or
 *   superseded, in Unix microseconds, or 0 if none ever was
 */
gint64
mc_store_get_status_changed_at (McStore  *self,
                                GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), 0);

  stmt = _mc_store_prepare (self, "SELECT coalesce(max(status_changed_us), 0) FROM credentials", error);
  if (stmt == NULL || _mc_store_step (self, stmt, error) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}
