/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* The register of issued credentials, paged from SQLite so that a list
 * of 100,000 never holds them all, and the status lists built from it. */

/* How a search is made: the trigram index finds substrings of three
 * characters or more; shorter ones are looked for in every search text,
 * which are short rows. */
typedef enum {
  SEARCH_NONE,
  SEARCH_UUID,      /* a whole credential id: straight from its index */
  SEARCH_SCAN,
  SEARCH_TRIGRAMS,
} SearchKind;

/* The folded search text, without a leading "urn:uuid:", or NULL for no
 * search; sets how to search for it. */
static char *
query_needle (const McCredentialQuery *query,
              SearchKind              *kind)
{
  const char *search = query->search;
  g_autofree char *folded = NULL;
  GString *phrase;

  *kind = SEARCH_NONE;
  if (search == NULL)
    return NULL;
  while (g_ascii_isspace (*search))
    search++;
  if (g_ascii_strncasecmp (search, "urn:uuid:", strlen ("urn:uuid:")) == 0)
    search += strlen ("urn:uuid:");
  folded = g_strstrip (_mc_store_fold_key (search));
  if (*folded == '\0')
    return NULL;
  if (g_uuid_string_is_valid (folded))
    {
      *kind = SEARCH_UUID;
      return g_steal_pointer (&folded);
    }
  if (g_utf8_strlen (folded, -1) < 3)
    {
      *kind = SEARCH_SCAN;
      return g_steal_pointer (&folded);
    }
  /* An FTS5 string: a phrase of trigrams, that is, a substring. */
  *kind = SEARCH_TRIGRAMS;
  phrase = g_string_new ("\"");
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');
  return g_string_free (phrase, FALSE);
}

/* The ids of the matching credentials, newest first, as SQL that the
 * caller completes into a page or a count.  Numbered parameters, so that
 * each filter binds the same number whichever others are present: ?1
 * offering, ?2 state, ?3 search, ?4 limit, ?5 offset.  With a search, the
 * matches are the outer loop in id order, so that a page stops as soon as
 * it is full. */
static char *
matching_ids_sql (const McCredentialQuery *query,
                  SearchKind               kind,
                  gboolean                 paged)
{
  GString *sql = g_string_new (NULL);
  const char *id = "c.id";

  switch (kind)
    {
    case SEARCH_TRIGRAMS:
      g_string_append (sql, "SELECT t.rowid AS id FROM credential_trigrams AS t");
      id = "t.rowid";
      break;
    case SEARCH_SCAN:
      g_string_append (sql, "SELECT s.credential_id AS id FROM credential_search AS s");
      id = "s.credential_id";
      break;
    case SEARCH_UUID:
    case SEARCH_NONE:
    default:
      g_string_append (sql, "SELECT c.id AS id FROM credentials AS c");
      break;
    }
  if ((kind == SEARCH_SCAN || kind == SEARCH_TRIGRAMS) && (query->offering_id != 0 || query->state >= 0))
    g_string_append_printf (sql, " CROSS JOIN credentials AS c ON c.id = %s", id);
  g_string_append (sql, " WHERE 1");
  if (query->offering_id != 0)
    g_string_append (sql, " AND c.offering_id = ?1");
  if (query->state >= 0)
    g_string_append (sql, " AND c.state = ?2");
  if (kind == SEARCH_UUID)
    g_string_append (sql, " AND c.uuid = ?3");
  else if (kind == SEARCH_TRIGRAMS)
    g_string_append (sql, " AND credential_trigrams MATCH ?3");
  else if (kind == SEARCH_SCAN)
    g_string_append (sql, " AND instr (s.search_text, ?3) > 0");
  if (paged)
    g_string_append_printf (sql, " ORDER BY %s DESC LIMIT ?4 OFFSET ?5", id);
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
  SearchKind kind;
  g_autofree char *needle = query_needle (query, &kind);
  g_autofree char *ids = NULL;
  g_autofree char *sql = NULL;
  McStmt *stmt;

  if (kind == SEARCH_NONE && !paged)
    {
      /* Counts without a search are kept by the database. */
      sql = g_strconcat ("SELECT coalesce (sum (n), 0) FROM credential_counts AS c WHERE 1",
                         query->offering_id != 0 ? " AND c.offering_id = ?1" : "",
                         query->state >= 0 ? " AND c.state = ?2" : "", NULL);
    }
  else
    {
      ids = matching_ids_sql (query, kind, paged);
      sql = g_strconcat (before, ids, after, NULL);
    }
  stmt = _mc_store_prepare (self, sql, error);
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
      McLearner learner = { .given_name = (char *) _mc_store_column_text (stmt, 2),
                            .family_name = (char *) _mc_store_column_text (stmt, 3) };
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
