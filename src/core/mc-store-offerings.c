/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* Offerings (runs of a design), learners and their results. */

/* The counts of an offering: its results, the passed ones, and the
 * learners holding a signed credential (pending ones are not issued yet,
 * superseded ones are replaced by a current one). */
#define OFFERING_COLUMNS \
  "o.id, o.uuid, o.design_id, o.revision_number, o.code, o.title, o.starts_on, o.ends_on, " \
  "o.mode, o.location, o.created_at, o.created_by, " \
  "(SELECT count(*) FROM results AS r WHERE r.offering_id = o.id), " \
  "(SELECT count(*) FROM results AS r WHERE r.offering_id = o.id AND r.passed), " \
  "(SELECT count(*) FROM credentials AS c WHERE c.offering_id = o.id " \
  "   AND c.state NOT IN ('pending', 'superseded'))"

static McOffering *
offering_from_row (McStore  *self,
                   McStmt   *stmt,
                   GError  **error)
{
  g_autoptr(McOffering) offering = mc_offering_new ();
  int mode = 0;

  if (!_mc_store_parse_enum (self, MC_TYPE_PARTICIPATION_MODE, _mc_store_column_text (stmt, 8),
                             &mode, error))
    return NULL;
  offering->id = sqlite3_column_int64 (stmt, 0);
  offering->uuid = g_strdup (_mc_store_column_text (stmt, 1));
  offering->design_id = sqlite3_column_int64 (stmt, 2);
  offering->revision_number = (guint) sqlite3_column_int64 (stmt, 3);
  offering->code = g_strdup (_mc_store_column_text (stmt, 4));
  offering->title = g_strdup (_mc_store_column_text (stmt, 5));
  offering->starts_on = g_strdup (_mc_store_column_text (stmt, 6));
  offering->ends_on = g_strdup (_mc_store_column_text (stmt, 7));
  offering->mode = mode;
  offering->location = g_strdup (_mc_store_column_text (stmt, 9));
  offering->created_at = sqlite3_column_int64 (stmt, 10);
  offering->created_by = sqlite3_column_int64 (stmt, 11);
  offering->n_results = (guint) sqlite3_column_int64 (stmt, 12);
  offering->n_passed = (guint) sqlite3_column_int64 (stmt, 13);
  offering->n_issued = (guint) sqlite3_column_int64 (stmt, 14);
  return g_steal_pointer (&offering);
}

/**
 * mc_store_load_offering:
 *
 * Returns: (transfer full) (nullable): the offering with its counts, or
 *   %NULL with %MC_STORE_ERROR_NOT_FOUND
 */
McOffering *
mc_store_load_offering (McStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_select_by_id (self, "SELECT " OFFERING_COLUMNS " FROM offerings AS o WHERE o.id = ?", id, error,
                                 _("There is no offering number %lld"), (long long) id);
  return stmt != NULL ? offering_from_row (self, stmt, error) : NULL;
}

/**
 * mc_store_list_offerings:
 * @design_id: a design, or 0 for the offerings of every design
 *
 * Returns: (transfer full) (element-type McOffering): the offerings with
 *   their counts, newest first
 */
GPtrArray *
mc_store_list_offerings (McStore  *self,
                         gint64    design_id,
                         GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) offerings = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_offering_free);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " OFFERING_COLUMNS " FROM offerings AS o "
                            "WHERE ?1 = 0 OR o.design_id = ?1 "
                            "ORDER BY o.created_at DESC, o.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, design_id);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      McOffering *offering = offering_from_row (self, stmt, error);

      if (offering == NULL)
        return NULL;
      g_ptr_array_add (offerings, offering);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&offerings);
}

gboolean
_mc_store_has_offering_code (McStore     *self,
                             gint64       design_id,
                             const char  *code,
                             gboolean    *found,
                             GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;
  int rc;

  stmt = _mc_store_prepare (self, "SELECT 1 FROM offerings WHERE design_id = ? AND code = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, design_id);
  _mc_store_bind_text (stmt, 2, code);
  rc = _mc_store_step (self, stmt, error);
  *found = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

gboolean
_mc_store_insert_offering (McStore     *self,
                           McOffering  *offering,
                           GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "INSERT INTO offerings (uuid, design_id, revision_number, code, "
                            "title, starts_on, ends_on, mode, location, created_at, created_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, offering->uuid);
  sqlite3_bind_int64 (stmt, 2, offering->design_id);
  sqlite3_bind_int64 (stmt, 3, offering->revision_number);
  _mc_store_bind_text (stmt, 4, offering->code);
  _mc_store_bind_text (stmt, 5, offering->title != NULL ? offering->title : "");
  _mc_store_bind_text (stmt, 6, offering->starts_on);
  _mc_store_bind_text (stmt, 7, offering->ends_on);
  _mc_store_bind_text (stmt, 8, mc_enum_to_nick (MC_TYPE_PARTICIPATION_MODE, offering->mode));
  _mc_store_bind_text (stmt, 9, offering->location != NULL ? offering->location : "");
  sqlite3_bind_int64 (stmt, 10, offering->created_at);
  sqlite3_bind_int64 (stmt, 11, offering->created_by);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  offering->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  return TRUE;
}

/* Learners */

McLearner *
_mc_store_learner_from_row (McStmt *stmt,
                            int     first)
{
  McLearner *learner = mc_learner_new ();

  learner->id = sqlite3_column_int64 (stmt, first);
  learner->student_id = g_strdup (_mc_store_column_text (stmt, first + 1));
  learner->given_name = g_strdup (_mc_store_column_text (stmt, first + 2));
  learner->family_name = g_strdup (_mc_store_column_text (stmt, first + 3));
  learner->email = g_strdup (_mc_store_column_text (stmt, first + 4));
  learner->date_of_birth = g_strdup ((const char *) sqlite3_column_text (stmt, first + 5));
  learner->uuid = g_strdup (_mc_store_column_text (stmt, first + 6));
  return learner;
}

/**
 * mc_store_find_learner:
 * @student_id: the learner's identifier in the student-records system
 *
 * Returns: (transfer full) (nullable): the learner, or %NULL (without an
 *   error) if there is none with @student_id
 */
McLearner *
mc_store_find_learner (McStore     *self,
                       const char  *student_id,
                       GError     **error)
{
  g_autoptr(McStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (student_id != NULL, NULL);

  stmt = _mc_store_prepare (self, "SELECT " MC_STORE_LEARNER_COLUMNS " FROM learners AS l "
                            "WHERE l.student_id = ?", error);
  if (stmt == NULL)
    return NULL;
  _mc_store_bind_text (stmt, 1, student_id);
  rc = _mc_store_step (self, stmt, error);
  return rc == SQLITE_ROW ? _mc_store_learner_from_row (stmt, 0) : NULL;
}

static gboolean
same_learner (const McLearner *a,
              const McLearner *b)
{
  return g_strcmp0 (a->given_name, b->given_name) == 0 &&
         g_strcmp0 (a->family_name, b->family_name) == 0 &&
         g_strcmp0 (a->email, b->email) == 0 &&
         g_strcmp0 (a->date_of_birth, b->date_of_birth) == 0;
}

gboolean
_mc_store_save_learner (McStore     *self,
                        McLearner   *learner,
                        gboolean    *changed,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McLearner) stored = mc_store_find_learner (self, learner->student_id, &local_error);
  g_autoptr(McStmt) stmt = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *changed = stored == NULL || !same_learner (stored, learner);
  learner->id = stored != NULL ? stored->id : 0;
  /* A learner's uuid is given once and never changes: it is the subject
   * of all their credentials. */
  g_free (learner->uuid);
  learner->uuid = stored != NULL ? g_strdup (stored->uuid) : g_uuid_string_random ();
  if (!*changed)
    return TRUE;

  stmt = _mc_store_prepare (self, stored == NULL
                            ? "INSERT INTO learners (given_name, family_name, email, date_of_birth, "
                              "student_id, uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                            : "UPDATE learners SET given_name = ?1, family_name = ?2, email = ?3, "
                              "date_of_birth = ?4 WHERE student_id = ?5", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, learner->given_name != NULL ? learner->given_name : "");
  _mc_store_bind_text (stmt, 2, learner->family_name != NULL ? learner->family_name : "");
  _mc_store_bind_text (stmt, 3, learner->email != NULL ? learner->email : "");
  _mc_store_bind_text (stmt, 4, learner->date_of_birth);
  _mc_store_bind_text (stmt, 5, learner->student_id);
  if (stored == NULL)
    _mc_store_bind_text (stmt, 6, learner->uuid);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  if (stored == NULL)
    learner->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  /* The register finds credentials by their holder's name. */
  return stored == NULL || _mc_store_refresh_credential_search (self, learner->id, error);
}

/* Results */

McResult *
_mc_store_result_from_row (McStmt *stmt,
                           int     first)
{
  McResult *result = mc_result_new ();

  result->id = sqlite3_column_int64 (stmt, first);
  result->offering_id = sqlite3_column_int64 (stmt, first + 1);
  result->learner_id = sqlite3_column_int64 (stmt, first + 2);
  result->grade = g_strdup (_mc_store_column_text (stmt, first + 3));
  result->completed_on = g_strdup (_mc_store_column_text (stmt, first + 4));
  result->passed = sqlite3_column_int (stmt, first + 5) != 0;
  result->credential_id = sqlite3_column_int64 (stmt, first + 6);
  result->learner = _mc_store_learner_from_row (stmt, first + 7);
  return result;
}

/**
 * mc_store_list_results:
 * @offering_id: an offering
 *
 * Returns: (transfer full) (element-type McResult): the results of the
 *   offering with their learners and current credentials, by family
 *   name, given name and student id
 */
GPtrArray *
mc_store_list_results (McStore  *self,
                       gint64    offering_id,
                       GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_result_free);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " MC_STORE_RESULT_COLUMNS " FROM results AS r " MC_STORE_RESULT_JOINS
                            "WHERE r.offering_id = ? "
                            "ORDER BY l.family_name, l.given_name, l.student_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, offering_id);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (results, _mc_store_result_from_row (stmt, 0));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&results);
}

McResult *
_mc_store_find_result (McStore  *self,
                       gint64    offering_id,
                       gint64    learner_id,
                       GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "SELECT " MC_STORE_RESULT_COLUMNS " FROM results AS r " MC_STORE_RESULT_JOINS
                            "WHERE r.offering_id = ? AND r.learner_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, offering_id);
  sqlite3_bind_int64 (stmt, 2, learner_id);
  return _mc_store_step (self, stmt, error) == SQLITE_ROW ? _mc_store_result_from_row (stmt, 0) : NULL;
}

gboolean
_mc_store_save_result (McStore   *self,
                       McResult  *result,
                       GError   **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, result->id == 0
                            ? "INSERT INTO results (grade, completed_on, passed, offering_id, learner_id) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)"
                            : "UPDATE results SET grade = ?1, completed_on = ?2, passed = ?3 "
                              "WHERE offering_id = ?4 AND learner_id = ?5", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, result->grade);
  _mc_store_bind_text (stmt, 2, result->completed_on);
  sqlite3_bind_int (stmt, 3, result->passed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, result->offering_id);
  sqlite3_bind_int64 (stmt, 5, result->learner_id);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  if (result->id == 0)
    result->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  return TRUE;
}
