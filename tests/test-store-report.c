/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-core.h"

/* The yearly QA report's data, gathered from a unit's real history: a
 * design taken through approval and a yearly review, another overdue. */

static McStore *store;
static McWorkflow *admin;

static McWorkflow *
as (const char *username)
{
  g_autoptr(GError) error = NULL;
  McWorkflow *workflow = mc_workflow_new (store, "admin", &error);

  g_assert_no_error (error);
  g_assert_true (mc_workflow_act_as (workflow, username, &error));
  g_assert_no_error (error);
  mc_workflow_set_today (workflow, "2026-06-30");
  return workflow;
}

static gint64
person (const char *username,
        gint64      unit_id,
        McRole      role)
{
  g_autoptr(GError) error = NULL;
  gint64 id = mc_workflow_add_person (admin, username, username, "", unit_id, &error);

  g_assert_no_error (error);
  g_assert_true (mc_workflow_grant_role (admin, id, role, unit_id, &error));
  g_assert_no_error (error);
  return id;
}

/* A design that passes the required profiles, taken to active with two
 * reviews and a decision on @meeting_date. */
static McDesign *
active_design (gint64      unit_id,
               const char *title,
               const char *meeting_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McWorkflow) author = as ("author");
  g_autoptr(McWorkflow) chair = as ("chair");
  g_autoptr(McDecision) decision = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(McStore) demo = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
  g_autoptr(McDesign) sample = NULL;
  g_autoptr(McRevision) content = NULL;
  McDesign *design = mc_design_new ();
  const char *reviewers[] = { "reviewer1", "reviewer2" };
  gint64 ids[2];
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) all = NULL;

  /* The content of the demo's first active design is complete. */
  g_assert_true (mc_demo_populate (demo, &error));
  query.state = MC_DESIGN_STATE_ACTIVE;
  all = mc_store_query_designs (demo, &query, &error);
  g_assert_no_error (error);
  sample = mc_store_load_design (demo, mc_design_summary_get_id (g_ptr_array_index (all, 0)), &error);
  g_assert_no_error (error);
  content = mc_revision_copy (mc_design_get_content (sample));
  mc_revision_set_string (content, "title", title);
  mc_design_set_content (design, content);
  mc_design_set_unit_id (design, unit_id);

  g_assert_true (mc_workflow_create_design (author, design, &error));
  g_assert_no_error (error);
  g_assert_true (mc_workflow_submit (author, design, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(McPerson) reviewer = mc_store_find_person_by_username (store, reviewers[i], &error);
      ids[i] = mc_person_get_id (reviewer);
    }
  g_assert_true (mc_workflow_assign_reviewers (chair, design, ids, 2, &error));
  g_assert_no_error (error);

  reviews = mc_store_list_reviews (store, mc_design_get_id (design), 0, &error);
  g_assert_cmpuint (reviews->len, ==, 2);
  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);
      g_autoptr(McWorkflow) reviewer = as (review->reviewer_name);
      g_autoptr(McTemplate) template_ = mc_store_load_template (store, review->template_id, &error);

      for (guint c = 0; c < mc_template_get_n_criteria (template_); c++)
        mc_answers_set (review->answers, mc_template_get_criterion (template_, c)->id, MC_RATING_MET, "");
      review->recommendation = MC_OUTCOME_APPROVE;
      g_assert_true (mc_workflow_complete_review (reviewer, review, &error));
      g_assert_no_error (error);
    }

  decision = mc_decision_new (MC_OUTCOME_APPROVE_WITH_CONDITIONS, meeting_date, "APC/2026/07");
  mc_decision_add_condition (decision, "Name the external examiner");
  g_assert_true (mc_workflow_decide (chair, design, decision, &error));
  g_assert_no_error (error);
  g_assert_true (mc_workflow_meet_condition (author, design,
                                             ((McDecisionCondition *) g_ptr_array_index (decision->conditions, 0))->id,
                                             "Appointed", &error));
  g_assert_no_error (error);
  g_assert_true (mc_workflow_transition (chair, design, MC_ACTION_ACTIVATE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_ACTIVE);
  return design;
}

static void
test_yearly_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) reviewed = NULL;
  g_autoptr(McDesign) late = NULL;
  g_autoptr(McWorkflow) author = NULL;
  g_autoptr(McAnnualReview) annual = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(McYearlyReport) report = NULL;
  g_autofree char *csv = NULL;
  McReportAnnualReview *line;
  McReportDecision *decision;
  gint64 unit_id;

  store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  admin = mc_workflow_new (store, "admin", &error);
  g_assert_no_error (error);
  unit_id = mc_workflow_add_unit (admin, "COMP", "School of Computing", &error);
  g_assert_no_error (error);
  g_assert_true (mc_workflow_set_setting (admin, MC_SETTING_INSTITUTION_COUNTRY, "IE", &error));
  g_assert_no_error (error);
  person ("author", unit_id, MC_ROLE_AUTHOR);
  person ("reviewer1", 0, MC_ROLE_REVIEWER);
  person ("reviewer2", unit_id, MC_ROLE_REVIEWER);
  person ("chair", unit_id, MC_ROLE_QA_CHAIR);

  /* Approved in 2025: its yearly review fell due in 2026. */
  reviewed = active_design (unit_id, "Applied Data Analytics", "2025-03-12");
  g_assert_cmpstr (mc_design_get_approved_on (reviewed), ==, "2025-03-12");
  g_assert_cmpstr (mc_design_get_review_due (reviewed), ==, "2026-03-12");
  late = active_design (unit_id, "Secure Coding", "2025-01-20");

  author = as ("author");
  annual = mc_workflow_open_annual_review (author, reviewed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (annual->due_on, ==, "2026-03-12");
  template_ = mc_store_load_template (store, annual->template_id, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < mc_template_get_n_criteria (template_); c++)
    {
      const McCriterion *criterion = mc_template_get_criterion (template_, c);

      if (criterion->answer == MC_ANSWER_KIND_TEXT)
        mc_answers_set (annual->answers, criterion->id, MC_RATING_UNSET, "Learners asked for more lab time");
      else
        mc_answers_set (annual->answers, criterion->id, MC_RATING_MET, "");
    }
  g_free (annual->actions);
  annual->actions = g_strdup ("Two more lab sessions from September");
  annual->outcome = MC_ANNUAL_OUTCOME_CONTINUE;
  g_assert_true (mc_workflow_complete_annual_review (author, reviewed, annual, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mc_design_get_review_due (reviewed), ==, "2027-03-12");

  report = mc_store_build_yearly_report (store, unit_id, 2026, "2026-06-30", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_yearly_report_get_unit_name (report), ==, "School of Computing");
  g_assert_cmpuint (mc_yearly_report_get_credentials (report)->len, ==, 2);
  g_assert_cmpuint (mc_yearly_report_get_annual_reviews (report)->len, ==, 1);
  line = g_ptr_array_index (mc_yearly_report_get_annual_reviews (report), 0);
  g_assert_cmpstr (line->design_title, ==, "Applied Data Analytics");
  g_assert_cmpint (line->outcome, ==, MC_ANNUAL_OUTCOME_CONTINUE);
  g_assert_nonnull (strstr (line->issues, "Learners asked for more lab time"));
  g_assert_cmpstr (line->actions, ==, "Two more lab sessions from September");
  g_assert_cmpuint (mc_yearly_report_get_overdue (report)->len, ==, 1);
  g_assert_cmpstr (((McReportOverdue *) g_ptr_array_index (mc_yearly_report_get_overdue (report), 0))->due_on,
                   ==, "2026-01-20");
  /* The decisions were taken in 2025: none in 2026's report... */
  g_assert_cmpuint (mc_yearly_report_get_decisions (report)->len, ==, 0);
  g_clear_object (&report);

  /* ...and both in 2025's, with their conditions. */
  report = mc_store_build_yearly_report (store, unit_id, 2025, "2025-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_yearly_report_get_decisions (report)->len, ==, 2);
  decision = g_ptr_array_index (mc_yearly_report_get_decisions (report), 0);
  g_assert_cmpstr (decision->reference, ==, "APC/2026/07");
  g_assert_cmpstr (decision->conditions[0], ==, "Name the external examiner");
  g_assert_null (decision->conditions[1]);
  g_assert_cmpuint (mc_yearly_report_get_approval_reviews_completed (report), ==, 0);
  csv = mc_yearly_report_to_csv (report);
  g_assert_nonnull (strstr (csv, "Secure Coding"));

  /* An unknown unit is an error, not an empty report. */
  g_clear_object (&report);
  report = mc_store_build_yearly_report (store, 999, 2026, "2026-06-30", &error);
  g_assert_null (report);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND);

  g_clear_object (&admin);
  g_clear_object (&store);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();
  g_test_add_func ("/core/store/yearly-report", test_yearly_report);
  return g_test_run ();
}
