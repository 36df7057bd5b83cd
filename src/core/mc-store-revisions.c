/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* A design's revisions and state, as the workflow moves it along. */

void
_mc_store_set_stale_error (McStore     *self,
                           const char  *table,
                           gint64       id,
                           const char  *what,
                           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  g_autoptr(McStmt) stmt = _mc_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = _mc_store_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                 _("“%s” was changed meanwhile by someone else; reload it to see their changes"),
                 what);
  else if (rc == SQLITE_DONE)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                 _("“%s” is no longer in the database: someone else deleted it"), what);
}

static const char *
design_title (McDesign *design)
{
  const char *title = mc_revision_get_title (mc_design_get_content (design));

  return title != NULL && *title != '\0' ? title : _("Untitled design");
}

gboolean
_mc_store_set_design_state (McStore        *self,
                            McDesign       *design,
                            McDesignState   state,
                            guint           revision_number,
                            guint           approved_revision,
                            const char     *approved_on,
                            const char     *review_due,
                            GError        **error)
{
  g_autoptr(McStmt) stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* The row must still be what @design says it is: loaded since, and not
   * a copy whose state, owner or unit was changed by the caller, which
   * the workflow's checks were made on. */
  stmt = _mc_store_prepare (self,
                            "UPDATE designs SET state = ?1, revision_number = ?2, "
                            "approved_revision = ?3, approved_on = ?4, review_due = ?5, "
                            "modified = ?6, version = version + 1 "
                            "WHERE id = ?7 AND version = ?8 AND state = ?9 AND owner_id IS ?10 "
                            "AND unit_id = ?11 AND revision_number = ?12",
                            error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, mc_enum_to_nick (MC_TYPE_DESIGN_STATE, state));
  sqlite3_bind_int64 (stmt, 2, revision_number);
  sqlite3_bind_int64 (stmt, 3, approved_revision);
  _mc_store_bind_text (stmt, 4, approved_on);
  _mc_store_bind_text (stmt, 5, review_due);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, mc_design_get_id (design));
  sqlite3_bind_int64 (stmt, 8, mc_design_get_version (design));
  _mc_store_bind_text (stmt, 9, mc_enum_to_nick (MC_TYPE_DESIGN_STATE, mc_design_get_state (design)));
  _mc_store_bind_id (stmt, 10, mc_design_get_owner_id (design));
  sqlite3_bind_int64 (stmt, 11, mc_design_get_unit_id (design));
  sqlite3_bind_int64 (stmt, 12, mc_design_get_revision_number (design));
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_mc_store_get_db (self)) == 0)
    {
      _mc_store_set_stale_error (self, "designs", mc_design_get_id (design),
                                 design_title (design), error);
      return FALSE;
    }

  mc_design_set_state (design, state);
  mc_design_set_revision_number (design, revision_number);
  mc_design_set_approved_revision (design, approved_revision);
  mc_design_set_approved_on (design, approved_on);
  mc_design_set_review_due (design, review_due);
  mc_design_set_version (design, mc_design_get_version (design) + 1);
  mc_design_set_modified (design, now);
  return TRUE;
}

gboolean
_mc_store_freeze_revision (McStore  *self,
                           gint64    design_id,
                           guint     number,
                           GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "UPDATE revisions SET frozen_at = ?1 "
                            "WHERE design_id = ?2 AND number = ?3 AND frozen_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 2, design_id);
  sqlite3_bind_int64 (stmt, 3, number);
  return _mc_store_exec (self, stmt, error);
}

gboolean
_mc_store_has_frozen_revision (McStore   *self,
                               gint64     design_id,
                               gboolean  *frozen,
                               GError   **error)
{
  g_autoptr(McStmt) stmt = NULL;
  int rc;

  stmt = _mc_store_prepare (self, "SELECT 1 FROM revisions WHERE design_id = ? "
                            "AND frozen_at IS NOT NULL LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, design_id);
  rc = _mc_store_step (self, stmt, error);
  *frozen = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

gboolean
_mc_store_copy_revision (McStore  *self,
                         gint64    design_id,
                         guint     from,
                         guint    *to,
                         GError  **error)
{
  g_autoptr(McStmt) next = NULL;
  g_autoptr(McStmt) stmt = NULL;
  guint number;

  next = _mc_store_prepare (self, "SELECT coalesce (max (number), 0) + 1 FROM revisions "
                            "WHERE design_id = ?", error);
  if (next == NULL)
    return FALSE;
  sqlite3_bind_int64 (next, 1, design_id);
  if (_mc_store_step (self, next, error) != SQLITE_ROW)
    return FALSE;
  number = (guint) sqlite3_column_int64 (next, 0);

  stmt = _mc_store_prepare (self, "INSERT INTO revisions (design_id, number, content, created) "
                            "SELECT design_id, ?3, content, ?4 FROM revisions "
                            "WHERE design_id = ?1 AND number = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, design_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, number);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_mc_store_get_db (self)) == 0)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                   _("Revision %u of design %lld is missing"), from, (long long) design_id);
      return FALSE;
    }
  *to = number;
  return TRUE;
}

/**
 * mc_store_load_revision:
 * @self: a #McStore
 * @design_id: a design
 * @number: one of its revision numbers
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the content of that revision
 */
McRevision *
mc_store_load_revision (McStore  *self,
                        gint64    design_id,
                        guint     number,
                        GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  McRevision *content = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT content FROM revisions WHERE design_id = ? AND number = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, design_id);
  sqlite3_bind_int64 (stmt, 2, number);
  rc = _mc_store_step (self, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                 _("Revision %u of design %lld is not in the database"), number, (long long) design_id);
  if (rc != SQLITE_ROW)
    return NULL;

  parser = json_parser_new_immutable ();
  if (json_parser_load_from_data (parser, _mc_store_column_text (stmt, 0), -1, &local_error))
    content = mc_revision_new_from_json (json_parser_get_root (parser), &local_error);
  if (content == NULL)
    g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
                 _("Revision %u of design %lld in “%s” is damaged: %s"), number,
                 (long long) design_id, _mc_store_get_display_name (self), local_error->message);
  return content;
}

/**
 * mc_store_list_revision_numbers:
 *
 * Returns: (transfer full) (element-type guint): the design's revision
 *   numbers, oldest first
 */
GArray *
mc_store_list_revision_numbers (McStore  *self,
                                gint64    design_id,
                                GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT number FROM revisions WHERE design_id = ? ORDER BY number",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, design_id);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      guint number = (guint) sqlite3_column_int64 (stmt, 0);
      g_array_append_val (numbers, number);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&numbers);
}
