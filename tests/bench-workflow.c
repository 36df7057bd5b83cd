/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): the approval workflow at the size of a large
 * institution — 10,000 designs and 200,000 history events.  Prints the
 * time to open a design's history, to compare two revisions, to verify
 * the whole audit chain, to list a QA chair's tasks and to build a unit's
 * yearly report.  Usage: bench-workflow [DATABASE]; the database is built
 * once and reused when it exists. */
#include "config.h"

#include <glib/gstdio.h>

#include "mc-core.h"
#include "mc-store-private.h"

#define N_DESIGNS  10000
#define N_WORKFLOW 1500      /* designs taken through review and approval */
#define N_EVENTS   200000

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static McWorkflow *
as (McStore *store, const char *username)
{
  g_autoptr(GError) error = NULL;
  McWorkflow *workflow = mc_workflow_new (store, "admin", &error);

  g_assert_no_error (error);
  g_assert_true (mc_workflow_act_as (workflow, username, &error));
  return workflow;
}

typedef struct {
  McStore    *store;
  McRevision *content;
  gint64      unit_id;
  gint64      reviewers[2];
} Build;

/* One design through two rounds of review to active. */
static void
approve (Build *b, McDesign *design, McWorkflow *author, McWorkflow *chair, McWorkflow **reviewers)
{
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GPtrArray) reviews = NULL;
      g_autoptr(McDecision) decision = NULL;

      if (!mc_workflow_submit (author, design, NULL, &error))
        g_error ("%s", error->message);
      g_assert_true (mc_workflow_assign_reviewers (chair, design, b->reviewers, 2, &error));
      reviews = mc_store_list_reviews (b->store, mc_design_get_id (design),
                                       mc_design_get_revision_number (design), &error);
      for (guint i = 0; i < reviews->len; i++)
        {
          McReview *review = g_ptr_array_index (reviews, i);
          g_autoptr(McTemplate) template_ = mc_store_load_template (b->store, review->template_id, &error);
          McComment *comment = mc_comment_new ("outcomes", 0, "text", "Make this outcome measurable");

          for (guint c = 0; c < mc_template_get_n_criteria (template_); c++)
            mc_answers_set (review->answers, mc_template_get_criterion (template_, c)->id, MC_RATING_MET,
                            "Fine");
          review->recommendation = round == 0 ? MC_OUTCOME_REQUEST_CHANGES : MC_OUTCOME_APPROVE;
          comment->design_id = mc_design_get_id (design);
          g_assert_true (mc_workflow_add_comment (reviewers[i], comment, &error));
          mc_comment_free (comment);
          g_assert_true (mc_workflow_complete_review (reviewers[i], review, &error));
        }
      decision = mc_decision_new (round == 0 ? MC_OUTCOME_REQUEST_CHANGES : MC_OUTCOME_APPROVE,
                                  "2025-03-12", "APC/25/3");
      g_assert_true (mc_workflow_decide (chair, design, decision, &error));
      if (round == 0)
        {
          g_autoptr(McItem) outcome = NULL;

          g_assert_true (mc_workflow_revise (author, design, &error));
          outcome = g_list_model_get_item (G_LIST_MODEL (mc_revision_get_list (mc_design_get_content (design),
                                                                               "outcomes")), 0);
          mc_item_set_string (outcome, "text", "Measure the effect of a change in practice");
          g_assert_true (mc_workflow_save_design (author, design, &error));
        }
    }
  g_assert_true (mc_workflow_transition (chair, design, MC_ACTION_ACTIVATE, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
build_cb (McStore *store, gpointer user_data, GError **error)
{
  Build *b = user_data;
  g_autoptr(McWorkflow) author = as (store, "author");
  g_autoptr(McWorkflow) chair = as (store, "chair");
  McWorkflow *reviewers[2] = { as (store, "reviewer1"), as (store, "reviewer2") };
  guint64 n_events;

  for (guint i = 0; i < N_DESIGNS; i++)
    {
      g_autoptr(McDesign) design = mc_design_new ();
      g_autoptr(McRevision) content = mc_revision_copy (b->content);
      g_autofree char *title = g_strdup_printf ("%s %u", mc_revision_get_title (content), i);

      mc_revision_set_string (content, "title", title);
      mc_design_set_content (design, content);
      mc_design_set_unit_id (design, b->unit_id);
      g_assert_true (mc_workflow_create_design (author, design, error));
      if (i < N_WORKFLOW)
        approve (b, design, author, chair, reviewers);
      if (i % 1000 == 999)
        g_printerr ("  %u designs...\n", i + 1);
    }

  /* The rest of the history: what years of use add (settings changes and
   * the like), appended as the workflow would. */
  n_events = mc_store_count_events (store, error);
  for (guint64 i = n_events; i < N_EVENTS; i++)
    {
      McEvent *event = mc_event_new (MC_ACTION_CHANGE_SETTINGS);

      event->actor_id = event->recorded_by_id = 1;
      event->details = g_strdup_printf ("{\"subject\":\"filler\",\"value\":\"%" G_GUINT64_FORMAT "\"}", i);
      if (!_mc_store_append_event (store, event, error))
        return FALSE;
      mc_event_free (event);
    }
  g_object_unref (reviewers[0]);
  g_object_unref (reviewers[1]);
  return TRUE;
}

static void
build (McStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) demo = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
  g_autoptr(McWorkflow) admin = mc_workflow_new (store, "admin", &error);
  g_autoptr(McDesign) sample = NULL;
  g_autoptr(GPtrArray) active = NULL;
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  const char *names[] = { "author", "chair", "reviewer1", "reviewer2" };
  const McRole roles[] = { MC_ROLE_AUTHOR, MC_ROLE_QA_CHAIR, MC_ROLE_REVIEWER, MC_ROLE_REVIEWER };
  Build b = { store, NULL, 0, { 0, 0 } };
  double t = now ();

  g_assert_true (mc_demo_populate (demo, &error));
  query.state = MC_DESIGN_STATE_ACTIVE;
  active = mc_store_query_designs (demo, &query, &error);
  sample = mc_store_load_design (demo, mc_design_summary_get_id (g_ptr_array_index (active, 0)), &error);
  b.content = mc_design_get_content (sample);

  b.unit_id = mc_workflow_add_unit (admin, "COMP", "School of Computing", &error);
  g_assert_true (mc_workflow_set_setting (admin, MC_SETTING_INSTITUTION_COUNTRY, "IE", &error));
  g_assert_true (mc_workflow_set_setting (admin, MC_SETTING_INSTITUTION_NAME, "Bench University", &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 id = mc_workflow_add_person (admin, names[i], names[i], "", b.unit_id, &error);

      g_assert_true (mc_workflow_grant_role (admin, id, roles[i], b.unit_id, &error));
      if (i >= 2)
        b.reviewers[i - 2] = id;
    }
  g_assert_no_error (error);
  g_printerr ("Building %d designs (%d through approval) and %d events...\n",
              N_DESIGNS, N_WORKFLOW, N_EVENTS);
  g_assert_true (mc_store_run_in_transaction (store, build_cb, &b, &error));
  g_assert_no_error (error);
  g_printerr ("Built in %.1f s\n", now () - t);
}

static void
report_times (const char *what, GArray *times)
{
  double total = 0, worst = 0;

  for (guint i = 0; i < times->len; i++)
    {
      double t = g_array_index (times, double, i);
      total += t;
      worst = MAX (worst, t);
    }
  g_print ("%-44s mean %7.2f ms   worst %7.2f ms   (%u runs)\n", what,
           1000 * total / times->len, 1000 * worst, times->len);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McWorkflow) chair = NULL;
  g_autoptr(GArray) history = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) diffs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tasks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reports = g_array_new (FALSE, FALSE, sizeof (double));
  McHistoryCheck check = { 0 };
  gboolean fresh;
  double t;

  mc_core_init ();
  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("mc-bench-workflow-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "bench.db", NULL);
    }
  fresh = !g_file_test (path, G_FILE_TEST_EXISTS);
  store = mc_store_open (path, MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (fresh)
    build (store);

  g_print ("%u designs, %" G_GUINT64_FORMAT " events\n",
           mc_store_count_designs (store, NULL), mc_store_count_events (store, NULL));

  /* A design's history, as the window opens it. */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GPtrArray) events = NULL;
      gint64 id = 1 + (gint64) g_random_int_range (0, N_WORKFLOW);

      t = now ();
      events = mc_store_list_events (store, id, &error);
      t = now () - t;
      g_assert_nonnull (events);
      g_array_append_val (history, t);
    }
  report_times ("open a design's history", history);

  /* Revision 1 against the approved revision, as a reviewer sees it. */
  for (guint i = 0; i < 200; i++)
    {
      gint64 id = 1 + (gint64) g_random_int_range (0, N_WORKFLOW);
      g_autoptr(McRevision) old_rev = NULL;
      g_autoptr(McRevision) new_rev = NULL;
      g_autoptr(GPtrArray) changes = NULL;

      t = now ();
      old_rev = mc_store_load_revision (store, id, 1, &error);
      new_rev = mc_store_load_revision (store, id, 2, &error);
      changes = mc_revision_diff (old_rev, new_rev);
      t = now () - t;
      g_assert_no_error (error);
      g_assert_cmpuint (changes->len, >, 0);
      g_array_append_val (diffs, t);
    }
  report_times ("compare two revisions (load both + diff)", diffs);

  t = now ();
  g_assert_true (mc_store_verify_history (store, &check, NULL, &error));
  t = now () - t;
  g_print ("%-44s %7.2f s for %" G_GUINT64_FORMAT " events: %s\n", "verify the whole audit chain", t,
           check.n_checked, check.intact ? "intact" : check.reason);
  mc_history_check_clear (&check);

  chair = as (store, "chair");
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GPtrArray) list = NULL;

      t = now ();
      list = mc_workflow_list_tasks (chair, &error);
      t = now () - t;
      g_assert_nonnull (list);
      g_array_append_val (tasks, t);
    }
  report_times ("list a QA chair's tasks", tasks);

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(McYearlyReport) report = NULL;
      g_autofree char *csv = NULL;

      t = now ();
      report = mc_store_build_yearly_report (store, 1, 2025, "2026-11-22", &error);
      csv = mc_yearly_report_to_csv (report);
      t = now () - t;
      g_assert_no_error (error);
      g_array_append_val (reports, t);
      if (i == 0)
        g_print ("yearly report: %u credentials, %u decisions, %u overdue\n",
                 mc_yearly_report_get_credentials (report)->len,
                 mc_yearly_report_get_decisions (report)->len,
                 mc_yearly_report_get_overdue (report)->len);
    }
  report_times ("build a unit's yearly report (data + CSV)", reports);

  if (dir != NULL)
    {
      g_clear_object (&store);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
