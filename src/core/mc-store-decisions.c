/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* The committee's decisions and the conditions attached to approvals. */

static gboolean
load_conditions (McStore     *self,
                 McDecision  *decision,
                 GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;
  int rc;

  stmt = _mc_store_prepare (self, "SELECT id, text, met_by, met_at, evidence FROM conditions "
                            "WHERE decision_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, decision->id);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      McDecisionCondition *condition = mc_decision_condition_new (_mc_store_column_text (stmt, 1));

      condition->id = sqlite3_column_int64 (stmt, 0);
      condition->met_by = sqlite3_column_int64 (stmt, 2);
      condition->met_at = sqlite3_column_int64 (stmt, 3);
      condition->met = condition->met_at != 0;
      g_free (condition->evidence);
      condition->evidence = g_strdup (_mc_store_column_text (stmt, 4));
      g_ptr_array_add (decision->conditions, condition);
    }
  return rc == SQLITE_DONE;
}

/**
 * mc_store_list_decisions:
 *
 * Returns: (transfer full) (element-type McDecision): the design's
 *   decisions with their conditions, oldest first
 */
GPtrArray *
mc_store_list_decisions (McStore  *self,
                         gint64    design_id,
                         GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_decision_free);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT d.id, d.revision_number, d.outcome, d.meeting_date, "
                            "d.reference, d.comment, d.decided_by, d.created, p.name "
                            "FROM decisions AS d JOIN people AS p ON p.id = d.decided_by "
                            "WHERE d.design_id = ? ORDER BY d.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, design_id);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      McDecision *decision;
      int outcome = 0;

      if (!_mc_store_parse_enum (self, MC_TYPE_OUTCOME_KIND, _mc_store_column_text (stmt, 2),
                                 &outcome, error))
        return NULL;
      decision = mc_decision_new (outcome, _mc_store_column_text (stmt, 3),
                                  _mc_store_column_text (stmt, 4));
      decision->id = sqlite3_column_int64 (stmt, 0);
      decision->design_id = design_id;
      decision->revision_number = (guint) sqlite3_column_int64 (stmt, 1);
      g_free (decision->comment);
      decision->comment = g_strdup (_mc_store_column_text (stmt, 5));
      decision->decided_by = sqlite3_column_int64 (stmt, 6);
      decision->created = sqlite3_column_int64 (stmt, 7);
      decision->decided_by_name = g_strdup (_mc_store_column_text (stmt, 8));
      g_ptr_array_add (decisions, decision);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, _mc_store_release);

  for (guint i = 0; i < decisions->len; i++)
    if (!load_conditions (self, g_ptr_array_index (decisions, i), error))
      return NULL;
  return g_steal_pointer (&decisions);
}

gboolean
_mc_store_insert_decision (McStore     *self,
                           McDecision  *decision,
                           GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "INSERT INTO decisions (design_id, revision_number, outcome, "
                            "meeting_date, reference, comment, decided_by, created) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, decision->design_id);
  sqlite3_bind_int64 (stmt, 2, decision->revision_number);
  _mc_store_bind_text (stmt, 3, mc_enum_to_nick (MC_TYPE_OUTCOME_KIND, decision->outcome));
  _mc_store_bind_text (stmt, 4, decision->meeting_date);
  _mc_store_bind_text (stmt, 5, decision->reference);
  _mc_store_bind_text (stmt, 6, decision->comment != NULL ? decision->comment : "");
  sqlite3_bind_int64 (stmt, 7, decision->decided_by);
  sqlite3_bind_int64 (stmt, 8, decision->created);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  decision->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  g_clear_pointer (&stmt, _mc_store_release);

  for (guint i = 0; i < decision->conditions->len; i++)
    {
      McDecisionCondition *condition = g_ptr_array_index (decision->conditions, i);

      stmt = _mc_store_prepare (self, "INSERT INTO conditions (decision_id, position, text) "
                                "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, decision->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      _mc_store_bind_text (stmt, 3, condition->text);
      if (!_mc_store_exec (self, stmt, error))
        return FALSE;
      condition->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
      g_clear_pointer (&stmt, _mc_store_release);
    }
  return TRUE;
}

gboolean
_mc_store_meet_condition (McStore     *self,
                          gint64       condition_id,
                          gint64       person_id,
                          const char  *evidence,
                          gint64       when,
                          GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "UPDATE conditions SET met_by = ?1, met_at = ?2, evidence = ?3 "
                            "WHERE id = ?4 AND met_at = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, when);
  _mc_store_bind_text (stmt, 3, evidence != NULL ? evidence : "");
  sqlite3_bind_int64 (stmt, 4, condition_id);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_mc_store_get_db (self)) == 0)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                   _("This condition was already marked as met, or no longer exists"));
      return FALSE;
    }
  return TRUE;
}
