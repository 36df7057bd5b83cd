/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* The data of a unit's yearly QA report, gathered in a few queries. */

static char *
date_of (gint64 unix_utc)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_utc);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("");
}

static gboolean
add_credentials (McStore         *self,
                 McYearlyReport  *report,
                 gint64           unit_id,
                 const char      *today,
                 GError         **error)
{
  g_autoptr(McStmt) stmt = NULL;
  int rc;

  stmt = _mc_store_prepare (self, "SELECT title, credential_type, ects, eqf_level, state, approved_on, "
                            "review_due FROM designs WHERE unit_id = ? AND state IN ('active', 'suspended') "
                            "ORDER BY title_key, title", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      const char *due = (const char *) sqlite3_column_text (stmt, 6);
      int type = 0, state = 0;

      if (!_mc_store_parse_enum (self, MC_TYPE_CREDENTIAL_TYPE, _mc_store_column_text (stmt, 1), &type, error) ||
          !_mc_store_parse_enum (self, MC_TYPE_DESIGN_STATE, _mc_store_column_text (stmt, 4), &state, error))
        return FALSE;
      mc_yearly_report_add_credential (report, mc_report_credential_new (
        _mc_store_column_text (stmt, 0), type, sqlite3_column_double (stmt, 2),
        sqlite3_column_int (stmt, 3), state, (const char *) sqlite3_column_text (stmt, 5), due,
        due != NULL && state == MC_DESIGN_STATE_ACTIVE && g_strcmp0 (due, today) < 0));
    }
  return rc == SQLITE_DONE;
}

/* What a yearly review raised: each answer with something written, under
 * its criterion's title and rating. */
static char *
describe_issues (McStore     *self,
                 GHashTable  *templates,
                 gint64       template_id,
                 const char  *answers_json,
                 GError     **error)
{
  g_autoptr(GPtrArray) answers = _mc_store_answers_from_json (self, answers_json, error);
  g_autoptr(GString) text = g_string_new ("");
  McTemplate *template_;

  if (answers == NULL)
    return NULL;
  template_ = g_hash_table_lookup (templates, &template_id);
  if (template_ == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      template_ = mc_store_load_template (self, template_id, error);
      if (template_ == NULL)
        {
          g_free (key);
          return NULL;
        }
      *key = template_id;
      g_hash_table_insert (templates, key, template_);
    }
  for (guint i = 0; i < answers->len; i++)
    {
      McAnswer *answer = g_ptr_array_index (answers, i);
      const McCriterion *criterion = mc_template_find_criterion (template_, answer->criterion_id, NULL);
      g_autofree char *written = g_strstrip (g_strdup (answer->text));

      if (*written == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, criterion != NULL ? criterion->title : answer->criterion_id);
      if (answer->rating != MC_RATING_UNSET)
        g_string_append_printf (text, " (%s)", mc_enum_label (MC_TYPE_RATING, answer->rating));
      g_string_append_printf (text, ": %s", written);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
add_annual_reviews (McStore         *self,
                    McYearlyReport  *report,
                    gint64           unit_id,
                    gint64           from,
                    gint64           to,
                    GError         **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GHashTable) templates = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, g_object_unref);
  int rc;

  stmt = _mc_store_prepare (self, "SELECT d.title, p.name, y.completed_at, y.outcome, y.template_id, "
                            "y.answers, y.actions FROM annual_reviews AS y "
                            "JOIN designs AS d ON d.id = y.design_id JOIN people AS p ON p.id = y.reviewer_id "
                            "WHERE d.unit_id = ?1 AND y.state = 'completed' "
                            "AND y.completed_at >= ?2 AND y.completed_at < ?3 "
                            "ORDER BY y.completed_at, d.title_key", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *completed_on = date_of (sqlite3_column_int64 (stmt, 2));
      g_autofree char *issues = NULL;
      int outcome = 0;

      if (!_mc_store_parse_enum (self, MC_TYPE_ANNUAL_OUTCOME, _mc_store_column_text (stmt, 3), &outcome, error))
        return FALSE;
      issues = describe_issues (self, templates, sqlite3_column_int64 (stmt, 4),
                                _mc_store_column_text (stmt, 5), error);
      if (issues == NULL)
        return FALSE;
      mc_yearly_report_add_annual_review (report, mc_report_annual_review_new (
        _mc_store_column_text (stmt, 0), _mc_store_column_text (stmt, 1), completed_on, outcome,
        issues, _mc_store_column_text (stmt, 6)));
    }
  return rc == SQLITE_DONE;
}

static gboolean
add_overdue (McStore         *self,
             McYearlyReport  *report,
             gint64           unit_id,
             const char      *today,
             GError         **error)
{
  g_autoptr(McStmt) stmt = NULL;
  int rc;

  stmt = _mc_store_prepare (self, "SELECT d.title, coalesce (p.name, ''), d.review_due FROM designs AS d "
                            "LEFT JOIN people AS p ON p.id = d.owner_id "
                            "WHERE d.unit_id = ?1 AND d.state = 'active' AND d.review_due < ?2 "
                            "ORDER BY d.review_due, d.title_key", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  _mc_store_bind_text (stmt, 2, today);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    mc_yearly_report_add_overdue (report, mc_report_overdue_new (_mc_store_column_text (stmt, 0),
                                                                 _mc_store_column_text (stmt, 1),
                                                                 _mc_store_column_text (stmt, 2)));
  return rc == SQLITE_DONE;
}

static gboolean
add_decisions (McStore         *self,
               McYearlyReport  *report,
               gint64           unit_id,
               int              year,
               GError         **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  int rc;

  stmt = _mc_store_prepare (self, "SELECT d.title, x.meeting_date, x.reference, x.outcome, "
                            "(SELECT group_concat (text, char (30)) FROM "
                            " (SELECT text FROM conditions WHERE decision_id = x.id ORDER BY position)) "
                            "FROM decisions AS x JOIN designs AS d ON d.id = x.design_id "
                            "WHERE d.unit_id = ?1 AND x.meeting_date BETWEEN ?2 AND ?3 "
                            "ORDER BY x.meeting_date, x.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  _mc_store_bind_text (stmt, 2, first);
  _mc_store_bind_text (stmt, 3, last);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      const char *joined = (const char *) sqlite3_column_text (stmt, 4);
      g_auto(GStrv) conditions = g_strsplit (joined != NULL ? joined : "", "\x1e", -1);
      int outcome = 0;

      if (!_mc_store_parse_enum (self, MC_TYPE_OUTCOME_KIND, _mc_store_column_text (stmt, 3), &outcome, error))
        return FALSE;
      mc_yearly_report_add_decision (report, mc_report_decision_new (
        _mc_store_column_text (stmt, 0), _mc_store_column_text (stmt, 1),
        _mc_store_column_text (stmt, 2), outcome,
        joined != NULL ? (const char * const *) conditions : NULL));
    }
  return rc == SQLITE_DONE;
}

static gboolean
count_in_year (McStore     *self,
               const char  *sql,
               gint64       unit_id,
               gint64       from,
               gint64       to,
               guint       *count,
               GError     **error)
{
  g_autoptr(McStmt) stmt = _mc_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  if (_mc_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  *count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * mc_store_build_yearly_report:
 * @self: a #McStore
 * @unit_id: an academic unit
 * @year: the year reported on
 * @today: the report's date (YYYY-MM-DD), for overdue reviews
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the report's data
 */
McYearlyReport *
mc_store_build_yearly_report (McStore     *self,
                              gint64       unit_id,
                              int          year,
                              const char  *today,
                              GError     **error)
{
  g_autoptr(McUnit) unit = NULL;
  g_autoptr(McYearlyReport) report = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *institution = NULL;
  guint reviews = 0, submitted = 0;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (year < 1970 || year > 9999)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_FAILED,
                   _("%d is not a year a report can cover"), year);
      return NULL;
    }
  unit = mc_store_get_unit (self, unit_id, error);
  if (unit == NULL)
    return NULL;
  start = g_date_time_new_local (year, 1, 1, 0, 0, 0);
  end = g_date_time_add_years (start, 1);
  institution = mc_store_get_setting (self, "institution-name", "");
  report = mc_yearly_report_new (institution, mc_unit_get_code (unit), mc_unit_get_name (unit),
                                 year, today);

  if (!add_credentials (self, report, unit_id, today, error) ||
      !add_annual_reviews (self, report, unit_id, g_date_time_to_unix (start),
                           g_date_time_to_unix (end), error) ||
      !add_overdue (self, report, unit_id, today, error) ||
      !add_decisions (self, report, unit_id, year, error) ||
      !count_in_year (self, "SELECT count(*) FROM reviews AS v JOIN designs AS d ON d.id = v.design_id "
                      "WHERE d.unit_id = ?1 AND v.state = 'completed' "
                      "AND v.completed_at >= ?2 AND v.completed_at < ?3",
                      unit_id, g_date_time_to_unix (start), g_date_time_to_unix (end), &reviews, error) ||
      !count_in_year (self, "SELECT count(*) FROM events AS e JOIN designs AS d ON d.id = e.design_id "
                      "WHERE d.unit_id = ?1 AND e.action IN ('submit', 'submit-modification') "
                      "AND e.time >= ?2 * 1000000 AND e.time < ?3 * 1000000",
                      unit_id, g_date_time_to_unix (start), g_date_time_to_unix (end), &submitted, error))
    return NULL;
  mc_yearly_report_set_counts (report, reviews, submitted);
  return g_steal_pointer (&report);
}
