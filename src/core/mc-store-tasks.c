/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-task.h"
#include "mc-store-private.h"

/* What each person should do next, in one query.  ?1 person, ?2 today,
 * ?3 minimum reviews, ?4 minimum modification reviews, ?5 the date up to
 * which a yearly review counts as due soon. */

#define TASK_FROM "FROM designs AS d JOIN units AS u ON u.id = d.unit_id "
#define IS_CHAIR \
  "EXISTS (SELECT 1 FROM roles AS r WHERE r.person_id = ?1 AND r.role = 'qa-chair' " \
  "AND (r.unit_id = 0 OR r.unit_id = d.unit_id)) AND d.owner_id IS NOT ?1"
#define ACTIVE_REVIEWS(states) \
  "(SELECT count(*) FROM reviews AS v WHERE v.design_id = d.id " \
  "AND v.revision_number = d.revision_number AND v.state IN (" states "))"
#define MIN_REVIEWS "(CASE WHEN d.state = 'modification-review' THEN ?4 ELSE ?3 END)"
#define OPEN_CONDITIONS \
  "EXISTS (SELECT 1 FROM conditions AS c WHERE c.met_at = 0 AND c.decision_id = " \
  "(SELECT max(x.id) FROM decisions AS x WHERE x.design_id = d.id))"

static const char tasks_sql[] =
  "SELECT 'finish-draft', d.id, d.title, u.name, 0, NULL " TASK_FROM
  "WHERE d.owner_id = ?1 AND d.state IN ('draft', 'modifying') "
  "UNION ALL SELECT 'revise', d.id, d.title, u.name, 0, NULL " TASK_FROM
  "WHERE d.owner_id = ?1 AND d.state = 'changes-requested' "
  "UNION ALL SELECT 'meet-conditions', d.id, d.title, u.name, 0, NULL " TASK_FROM
  "WHERE d.owner_id = ?1 AND d.state = 'approved' AND " OPEN_CONDITIONS " "
  "UNION ALL SELECT 'review', d.id, d.title, u.name, v.id, NULL " TASK_FROM
  "JOIN reviews AS v ON v.design_id = d.id AND v.revision_number = d.revision_number "
  "WHERE v.reviewer_id = ?1 AND v.state IN ('assigned', 'in-progress') "
  "AND d.state IN ('in-review', 'modification-review') "
  "UNION ALL SELECT 'assign-reviewers', d.id, d.title, u.name, 0, NULL " TASK_FROM
  "WHERE (d.state = 'submitted' OR (d.state IN ('in-review', 'modification-review') AND "
  ACTIVE_REVIEWS ("'assigned', 'in-progress', 'completed'") " < " MIN_REVIEWS ")) AND " IS_CHAIR " "
  "UNION ALL SELECT 'decide', d.id, d.title, u.name, 0, NULL " TASK_FROM
  "WHERE d.state IN ('in-review', 'modification-review') AND "
  ACTIVE_REVIEWS ("'completed'") " >= " MIN_REVIEWS " AND " IS_CHAIR " "
  "UNION ALL SELECT 'activate', d.id, d.title, u.name, 0, NULL " TASK_FROM
  "WHERE d.state = 'approved' AND NOT " OPEN_CONDITIONS " AND " IS_CHAIR " "
  "UNION ALL SELECT 'annual-review-overdue', d.id, d.title, u.name, 0, d.review_due " TASK_FROM
  "WHERE d.state = 'active' AND d.review_due < ?2 AND (d.owner_id = ?1 OR (" IS_CHAIR ")) "
  "UNION ALL SELECT 'annual-review-due', d.id, d.title, u.name, 0, d.review_due " TASK_FROM
  "WHERE d.state = 'active' AND d.review_due >= ?2 AND d.review_due <= ?5 AND d.owner_id = ?1 "
  "ORDER BY 1, 3";

GPtrArray *
_mc_store_list_tasks (McStore     *self,
                      gint64       person_id,
                      const char  *today,
                      const char  *soon,
                      guint        min_reviews,
                      guint        min_modification_reviews,
                      GError     **error)
{
  g_autoptr(McStmt) stmt = _mc_store_prepare (self, tasks_sql, error);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_task_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  _mc_store_bind_text (stmt, 2, today);
  sqlite3_bind_int (stmt, 3, (int) min_reviews);
  sqlite3_bind_int (stmt, 4, (int) min_modification_reviews);
  _mc_store_bind_text (stmt, 5, soon);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      int kind = 0;
      McTask *task;

      if (!_mc_store_parse_enum (self, MC_TYPE_TASK_KIND, _mc_store_column_text (stmt, 0), &kind, error))
        return NULL;
      task = mc_task_new (kind, sqlite3_column_int64 (stmt, 1), _mc_store_column_text (stmt, 2),
                          _mc_store_column_text (stmt, 3));
      task->review_id = sqlite3_column_int64 (stmt, 4);
      task->due_on = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (tasks, task);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&tasks);
}
