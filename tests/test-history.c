/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "workflow-fixture.h"

/* The history: one event for every action, hash-chained, and a chain
 * that shows where someone edited the database file behind the
 * application's back. */

/* What the newest event should say. */
typedef struct {
  McAction      action;
  McTestPerson  actor;
  McDesign     *design;       /* NULL for institution-wide events */
  int           from_state;
  int           to_state;
  const char   *comment;      /* NULL: any */
  const char   *details;      /* a member the details hold, NULL for none */
} Expected;

static GPtrArray *
list_events (McStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = mc_store_list_events (store, 0, &error);

  g_assert_no_error (error);
  return events;
}

/* Runs @step, then checks that it appended exactly the event @expected. */
#define STEP(inst, expected, step) \
  G_STMT_START { \
    guint64 n_before_ = mc_store_count_events ((inst)->store, NULL); \
    gint64 start_ = g_get_real_time (); \
    step; \
    check_last_event ((inst), n_before_, start_, &(expected)); \
  } G_STMT_END

static void
check_last_event (McTestInstitution *inst,
                  guint64            n_before,
                  gint64             start,
                  const Expected    *expected)
{
  g_autoptr(GPtrArray) events = list_events (inst->store);
  McEvent *event, *previous;

  g_test_message ("%s by %s", mc_enum_to_nick (MC_TYPE_ACTION, expected->action),
                  mc_test_username (expected->actor));
  g_assert_cmpuint (events->len, ==, n_before + 1);
  event = g_ptr_array_index (events, events->len - 1);
  previous = events->len > 1 ? g_ptr_array_index (events, events->len - 2) : NULL;

  g_assert_cmpint (event->id, ==, (gint64) events->len);
  g_assert_cmpint (event->action, ==, expected->action);
  g_assert_cmpint (event->actor_id, ==, inst->ids[expected->actor]);
  g_assert_cmpint (event->recorded_by_id, ==, inst->ids[expected->actor]);
  g_assert_cmpstr (event->actor_name, !=, NULL);
  g_assert_cmpint (event->time, >=, start);
  g_assert_cmpint (event->time, <=, g_get_real_time ());
  if (expected->design != NULL)
    {
      g_assert_cmpint (event->design_id, ==, mc_design_get_id (expected->design));
      g_assert_cmpstr (event->design_uuid, ==, mc_design_get_uuid (expected->design));
    }
  else
    {
      g_assert_cmpint (event->design_id, ==, 0);
      g_assert_null (event->design_uuid);
    }
  g_assert_cmpint (event->from_state, ==, expected->from_state);
  g_assert_cmpint (event->to_state, ==, expected->to_state);
  if (expected->comment != NULL)
    g_assert_cmpstr (event->comment, ==, expected->comment);
  if (expected->details != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (event->details);
      json_parser_load_from_data (parser, event->details, -1, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
      g_assert_true (json_object_has_member (json_node_get_object (json_parser_get_root (parser)),
                                             expected->details));
    }

  /* Chained to the one before. */
  g_assert_cmpuint (strlen (event->hash), ==, 64);
  if (previous != NULL)
    g_assert_cmpstr (event->prev_hash, ==, previous->hash);
  else
    g_assert_cmpstr (event->prev_hash, ==, "0000000000000000000000000000000000000000000000000000000000000000");
}

static void
check_intact (McStore *store)
{
  g_autoptr(GPtrArray) events = list_events (store);
  g_autoptr(GError) error = NULL;
  McHistoryCheck check = { 0 };

  g_assert_true (mc_store_verify_history (store, &check, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (check.intact);
  g_assert_cmpuint (check.n_checked, ==, events->len);
  g_assert_cmpint (check.first_broken_id, ==, 0);
  g_assert_null (check.reason);
  g_assert_cmpstr (check.head_hash, ==, ((McEvent *) g_ptr_array_index (events, events->len - 1))->hash);
  mc_history_check_clear (&check);
}

#define DRAFT MC_DESIGN_STATE_DRAFT
#define NONE  (-1)

/* Every kind of action, each checked as it is recorded. */
static void
journey (McTestInstitution *inst)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McDesign) scrap = NULL;
  g_autoptr(McComment) comment = mc_comment_new ("outcomes", 0, "text", "Which duty cycle?");
  g_autoptr(McReview) review = NULL;
  g_autoptr(McDecision) decision = mc_decision_new (MC_OUTCOME_APPROVE_WITH_CONDITIONS,
                                                    MC_TEST_MEETING_DATE, "QA/2026/12");
  g_autoptr(McAnnualReview) annual = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  McWorkflow *owner = mc_test_workflow (inst, MC_TEST_OWNER);
  McWorkflow *chair = mc_test_workflow (inst, MC_TEST_CHAIR);
  McWorkflow *admin = mc_test_workflow (inst, MC_TEST_ADMIN);
  McWorkflow *reviewer = mc_test_workflow (inst, MC_TEST_REVIEWER);
  gint64 unit = 0;

  /* Administration */
  STEP (inst, ((Expected) { MC_ACTION_ADD_UNIT, MC_TEST_ADMIN, NULL, NONE, NONE, "", "subject" }),
        unit = mc_workflow_add_unit (admin, "LAW", "School of Law", &error));
  g_assert_no_error (error);
  STEP (inst, ((Expected) { MC_ACTION_ADD_PERSON, MC_TEST_ADMIN, NULL, NONE, NONE, "", "value" }),
        mc_workflow_add_person (admin, "liam", "Liam Law", "liam@example.org", unit, &error));
  g_assert_no_error (error);
  STEP (inst, ((Expected) { MC_ACTION_GRANT_ROLE, MC_TEST_ADMIN, NULL, NONE, NONE, "", "value" }),
        MC_TEST_ASSERT_OK (mc_workflow_grant_role (admin, inst->ids[MC_TEST_NOBODY], MC_ROLE_AUTHOR, unit,
                                                   &error)));
  STEP (inst, ((Expected) { MC_ACTION_REVOKE_ROLE, MC_TEST_ADMIN, NULL, NONE, NONE, "", "value" }),
        MC_TEST_ASSERT_OK (mc_workflow_revoke_role (admin, inst->ids[MC_TEST_NOBODY], MC_ROLE_AUTHOR, unit,
                                                    &error)));
  STEP (inst, ((Expected) { MC_ACTION_CHANGE_SETTINGS, MC_TEST_ADMIN, NULL, NONE, NONE, "", "value" }),
        MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_MIN_REVIEWS, "1", &error)));
  template_ = mc_store_current_template (inst->store, MC_TEMPLATE_KIND_ANNUAL, &error);
  g_assert_no_error (error);
  mc_template_set_description (template_, "The yearly review, as the faculty asks for it");
  STEP (inst, ((Expected) { MC_ACTION_EDIT_TEMPLATE, MC_TEST_ADMIN, NULL, NONE, NONE, "", "subject" }),
        MC_TEST_ASSERT_OK (mc_workflow_save_template (admin, template_, &error)));

  /* A draft that is thrown away. */
  STEP (inst, ((Expected) { MC_ACTION_CREATE, MC_TEST_OWNER, scrap, NONE, DRAFT, "", NULL }),
        scrap = mc_test_create_design (inst));
  STEP (inst, ((Expected) { MC_ACTION_DELETE, MC_TEST_OWNER, scrap, DRAFT, NONE,
                            "Battery Systems for Electric Vehicles", NULL }),
        MC_TEST_ASSERT_OK (mc_workflow_delete_design (owner, scrap, &error)));

  /* The design's journey. */
  design = mc_test_create_design (inst);
  STEP (inst, ((Expected) { MC_ACTION_SUBMIT, MC_TEST_OWNER, design, DRAFT, MC_DESIGN_STATE_SUBMITTED,
                            "First go", NULL }),
        MC_TEST_ASSERT_OK (mc_workflow_submit (owner, design, "First go", &error)));
  STEP (inst, ((Expected) { MC_ACTION_WITHDRAW, MC_TEST_OWNER, design, MC_DESIGN_STATE_SUBMITTED, DRAFT,
                            "Forgot the partner", NULL }),
        MC_TEST_ASSERT_OK (mc_workflow_withdraw (owner, design, "Forgot the partner", &error)));
  STEP (inst, ((Expected) { MC_ACTION_SUBMIT, MC_TEST_OWNER, design, DRAFT, MC_DESIGN_STATE_SUBMITTED,
                            "", NULL }),
        MC_TEST_ASSERT_OK (mc_workflow_submit (owner, design, NULL, &error)));
  STEP (inst, ((Expected) { MC_ACTION_ASSIGN_REVIEWERS, MC_TEST_CHAIR, design, MC_DESIGN_STATE_SUBMITTED,
                            MC_DESIGN_STATE_IN_REVIEW, "", "reviewers" }),
        mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER));

  comment->design_id = mc_design_get_id (design);
  STEP (inst, ((Expected) { MC_ACTION_COMMENT, MC_TEST_REVIEWER, design, MC_DESIGN_STATE_IN_REVIEW, NONE,
                            "", "field" }),
        MC_TEST_ASSERT_OK (mc_workflow_add_comment (reviewer, comment, &error)));
  STEP (inst, ((Expected) { MC_ACTION_RESOLVE_COMMENT, MC_TEST_REVIEWER, design, MC_DESIGN_STATE_IN_REVIEW,
                            NONE, "", "comment" }),
        MC_TEST_ASSERT_OK (mc_workflow_resolve_comment (reviewer, comment->id, &error)));
  review = mc_test_find_review (inst, design, MC_TEST_REVIEWER);
  mc_test_answer_all (inst, review->answers, review->template_id);
  review->recommendation = MC_OUTCOME_REQUEST_CHANGES;
  STEP (inst, ((Expected) { MC_ACTION_SUBMIT_REVIEW, MC_TEST_REVIEWER, design, MC_DESIGN_STATE_IN_REVIEW,
                            NONE, "", "recommendation" }),
        MC_TEST_ASSERT_OK (mc_workflow_complete_review (reviewer, review, &error)));
  g_clear_pointer (&decision, mc_decision_free);
  decision = mc_decision_new (MC_OUTCOME_REQUEST_CHANGES, MC_TEST_MEETING_DATE, "QA/2026/12");
  g_free (decision->comment);
  decision->comment = g_strdup ("Clarify outcome 1");
  STEP (inst, ((Expected) { MC_ACTION_DECIDE, MC_TEST_CHAIR, design, MC_DESIGN_STATE_IN_REVIEW,
                            MC_DESIGN_STATE_CHANGES_REQUESTED, "Clarify outcome 1", "reference" }),
        MC_TEST_ASSERT_OK (mc_workflow_decide (chair, design, decision, &error)));
  STEP (inst, ((Expected) { MC_ACTION_REVISE, MC_TEST_OWNER, design, MC_DESIGN_STATE_CHANGES_REQUESTED,
                            DRAFT, "", NULL }),
        MC_TEST_ASSERT_OK (mc_workflow_revise (owner, design, &error)));
  mc_test_submit (inst, design);
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
  g_clear_pointer (&decision, mc_decision_free);
  decision = mc_decision_new (MC_OUTCOME_APPROVE_WITH_CONDITIONS, MC_TEST_MEETING_DATE, "QA/2026/13");
  mc_decision_add_condition (decision, "Add a reading list");
  STEP (inst, ((Expected) { MC_ACTION_DECIDE, MC_TEST_CHAIR, design, MC_DESIGN_STATE_IN_REVIEW,
                            MC_DESIGN_STATE_APPROVED, "", "conditions" }),
        MC_TEST_ASSERT_OK (mc_workflow_decide (chair, design, decision, &error)));
  STEP (inst, ((Expected) { MC_ACTION_MEET_CONDITION, MC_TEST_OWNER, design, MC_DESIGN_STATE_APPROVED, NONE,
                            "Added in section 4", "condition" }),
        MC_TEST_ASSERT_OK (mc_workflow_meet_condition (owner, design,
                                                       ((McDecisionCondition *) g_ptr_array_index (decision->conditions, 0))->id,
                                                       "Added in section 4", &error)));
  STEP (inst, ((Expected) { MC_ACTION_ACTIVATE, MC_TEST_CHAIR, design, MC_DESIGN_STATE_APPROVED,
                            MC_DESIGN_STATE_ACTIVE, "Open for enrolment", NULL }),
        MC_TEST_ASSERT_OK (mc_workflow_transition (chair, design, MC_ACTION_ACTIVATE, "Open for enrolment",
                                                   &error)));
  STEP (inst, ((Expected) { MC_ACTION_SUSPEND, MC_TEST_CHAIR, design, MC_DESIGN_STATE_ACTIVE,
                            MC_DESIGN_STATE_SUSPENDED, "Lab refurbished", NULL }),
        MC_TEST_ASSERT_OK (mc_workflow_transition (chair, design, MC_ACTION_SUSPEND, "Lab refurbished",
                                                   &error)));
  STEP (inst, ((Expected) { MC_ACTION_REINSTATE, MC_TEST_CHAIR, design, MC_DESIGN_STATE_SUSPENDED,
                            MC_DESIGN_STATE_ACTIVE, "", NULL }),
        MC_TEST_ASSERT_OK (mc_workflow_transition (chair, design, MC_ACTION_REINSTATE, NULL, &error)));
  STEP (inst, ((Expected) { MC_ACTION_START_MODIFICATION, MC_TEST_OWNER, design, MC_DESIGN_STATE_ACTIVE,
                            MC_DESIGN_STATE_MODIFYING, "", NULL }),
        MC_TEST_ASSERT_OK (mc_workflow_transition (owner, design, MC_ACTION_START_MODIFICATION, NULL, &error)));
  STEP (inst, ((Expected) { MC_ACTION_SUBMIT_MODIFICATION, MC_TEST_OWNER, design, MC_DESIGN_STATE_MODIFYING,
                            MC_DESIGN_STATE_MODIFICATION_REVIEW, "", NULL }),
        MC_TEST_ASSERT_OK (mc_workflow_transition (owner, design, MC_ACTION_SUBMIT_MODIFICATION, NULL,
                                                   &error)));
  mc_test_assign (inst, design, MC_TEST_REVIEWER, MC_TEST_REVIEWER);
  mc_test_complete_review (inst, design, MC_TEST_REVIEWER, MC_OUTCOME_APPROVE);
  g_clear_pointer (&decision, mc_decision_free);
  decision = mc_decision_new (MC_OUTCOME_APPROVE, MC_TEST_MEETING_DATE, "QA/2026/14");
  STEP (inst, ((Expected) { MC_ACTION_DECIDE, MC_TEST_CHAIR, design, MC_DESIGN_STATE_MODIFICATION_REVIEW,
                            MC_DESIGN_STATE_ACTIVE, "", "outcome" }),
        MC_TEST_ASSERT_OK (mc_workflow_decide (chair, design, decision, &error)));

  annual = mc_workflow_open_annual_review (owner, design, &error);
  g_assert_no_error (error);
  mc_test_answer_all (inst, annual->answers, annual->template_id);
  g_free (annual->actions);
  annual->actions = g_strdup ("No more demand");
  annual->outcome = MC_ANNUAL_OUTCOME_RETIRE;
  STEP (inst, ((Expected) { MC_ACTION_ANNUAL_REVIEW, MC_TEST_OWNER, design, MC_DESIGN_STATE_ACTIVE,
                            MC_DESIGN_STATE_RETIRED, "No more demand", "outcome" }),
        MC_TEST_ASSERT_OK (mc_workflow_complete_annual_review (owner, design, annual, &error)));

  /* Failed and refused calls leave no trace. */
  STEP (inst, ((Expected) { MC_ACTION_CHANGE_SETTINGS, MC_TEST_ADMIN, NULL, NONE, NONE, "", "subject" }),
        {
          g_assert_false (mc_workflow_transition (chair, design, MC_ACTION_ACTIVATE, NULL, &error));
          g_clear_error (&error);
          g_assert_false (mc_workflow_set_setting (admin, MC_SETTING_MIN_REVIEWS, "0", &error));
          g_clear_error (&error);
          MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_MIN_REVIEWS, "2", &error));
        });
}

static void
test_every_action (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();

  journey (inst);
  check_intact (inst->store);
}

static void
test_import_event (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "design-valid.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(McDesignFile) parsed = mc_design_io_read_file (file, NULL, &error);
  g_autoptr(GPtrArray) events = NULL;
  McEvent *event;
  gint64 id;

  g_assert_no_error (error);
  id = mc_workflow_import_design (mc_test_workflow (inst, MC_TEST_ADMIN), parsed, FALSE, &error);
  g_assert_no_error (error);
  events = mc_store_list_events (inst->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->action, ==, MC_ACTION_IMPORT);
  g_assert_cmpint (event->from_state, ==, NONE);
  g_assert_cmpint (event->to_state, ==, MC_DESIGN_STATE_APPROVED);
  check_intact (inst->store);
}

/* Tampering: copies of a database with a history, edited with SQLite
 * itself, as someone could behind the application's back. */

typedef struct {
  McTestInstitution *inst;
  char              *head_hash;   /* of the original, as written down */
  guint              n_copies;
} Tamper;

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
}

/* A copy of the database, its triggers gone, with @sql applied. */
static char *
tampered_copy (Tamper     *tamper,
               const char *sql)
{
  g_autofree char *name = g_strdup_printf ("copy-%u.db", tamper->n_copies++);
  char *path = g_build_filename (tamper->inst->dir, name, NULL);
  g_autofree char *vacuum = g_strdup_printf ("VACUUM INTO '%s'", path);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (tamper->inst->path, &db), ==, SQLITE_OK);
  raw_exec (db, vacuum);
  sqlite3_close (db);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  raw_exec (db, "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;");
  raw_exec (db, sql);
  sqlite3_close (db);
  return path;
}

/* The copy with the SQL of @format applied breaks at @first_broken_id,
 * for @reason, after @n_intact good events whose head it reports. */
static void G_GNUC_PRINTF (5, 6)
expect_broken (Tamper     *tamper,
               gint64      first_broken_id,
               guint       n_intact,
               const char *reason,
               const char *format,
               ...)
{
  g_autofree char *sql = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GPtrArray) original = list_events (tamper->inst->store);
  McHistoryCheck check = { 0 };
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("%s", sql);
  path = tampered_copy (tamper, sql);
  store = mc_store_open (path, MC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (mc_store_verify_history (store, &check, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (check.intact);
  g_assert_cmpint (check.first_broken_id, ==, first_broken_id);
  g_assert_nonnull (strstr (check.reason, reason));
  g_assert_cmpuint (check.n_checked, ==, n_intact);
  g_assert_cmpuint (n_intact, >, 0);
  g_assert_cmpstr (check.head_hash, ==, ((McEvent *) g_ptr_array_index (original, n_intact - 1))->hash);
  mc_history_check_clear (&check);
}

static void
test_tampering (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  McHistoryCheck check = { 0 };
  Tamper tamper = { inst, NULL, 0 };
  guint k = 12, j = 20, last;

  journey (inst);
  events = list_events (inst->store);
  last = events->len;
  g_assert_cmpuint (last, >, j);
  g_assert_true (mc_store_verify_history (inst->store, &check, NULL, &error));
  g_assert_true (check.intact);
  tamper.head_hash = g_strdup (check.head_hash);
  mc_history_check_clear (&check);

  /* (a) a comment changed */
  expect_broken (&tamper, k, k - 1, "changed",
                 "UPDATE events SET comment = 'nothing happened' WHERE id = %u", k);
  /* … or the actor, or the time */
  expect_broken (&tamper, k, k - 1, "changed",
                 "UPDATE events SET actor_id = %" G_GINT64_FORMAT " WHERE id = %u",
                 inst->ids[MC_TEST_NOBODY], k);
  expect_broken (&tamper, k, k - 1, "changed",
                 "UPDATE events SET time = time - 86400000000 WHERE id = %u", k);
  expect_broken (&tamper, j, j - 1, "changed",
                 "UPDATE events SET to_state = 'active' WHERE id = %u", j);
  expect_broken (&tamper, j, j - 1, "unknown",
                 "UPDATE events SET action = 'vanish' WHERE id = %u", j);

  /* (b) an event deleted: the break shows at the one after it */
  expect_broken (&tamper, k + 1, k - 1, "missing",
                 "DELETE FROM events WHERE id = %u", k);

  /* (c) two events' contents swapped */
  expect_broken (&tamper, k, k - 1, "link",
                 "CREATE TEMP TABLE saved AS SELECT * FROM events WHERE id IN (%u, %u);"
                 "UPDATE events SET (design_id, design_uuid, actor_id, recorded_by_id, time, action, "
                 "from_state, to_state, comment, details, prev_hash, hash) = "
                 "(SELECT design_id, design_uuid, actor_id, recorded_by_id, time, action, from_state, "
                 "to_state, comment, details, prev_hash, hash FROM saved "
                 "WHERE saved.id = %u + %u - events.id) WHERE id IN (%u, %u)",
                 k, j, k, j, k, j);

  /* (d) the hash of the newest event changed */
  expect_broken (&tamper, last, last - 1, "changed",
                 "UPDATE events SET hash = '%064d' WHERE id = %u", 7, last);
  expect_broken (&tamper, j, j - 1, "link",
                 "UPDATE events SET prev_hash = '%064d' WHERE id = %u", 0, j);

  /* (e) a forged event appended: with a made-up hash … */
  expect_broken (&tamper, last + 1, last, "changed",
                 "INSERT INTO events (id, design_id, actor_id, recorded_by_id, time, action, "
                 "comment, prev_hash, hash) SELECT id + 1, NULL, actor_id, actor_id, time + 1, "
                 "'grant-role', 'Made myself administrator', hash, '%064d' FROM events WHERE id = %u",
                 1, last);
  /* … or placed after a gap … */
  expect_broken (&tamper, last + 5, last, "missing",
                 "INSERT INTO events (id, design_id, actor_id, recorded_by_id, time, action, "
                 "comment, prev_hash, hash) SELECT id + 5, NULL, actor_id, actor_id, time + 1, "
                 "'grant-role', '', hash, hash FROM events WHERE id = %u", last);

  /* … or with its hash computed as the application would: the chain
   * holds, but its head is no longer the one written down. */
  {
    McEvent *newest = g_ptr_array_index (events, last - 1);
    g_autoptr(McEvent) forged = mc_event_new (MC_ACTION_GRANT_ROLE);
    g_autofree char *path = NULL;
    g_autoptr(McStore) store = NULL;

    forged->id = newest->id + 1;
    forged->actor_id = forged->recorded_by_id = inst->ids[MC_TEST_NOBODY];
    forged->time = newest->time + 1;
    g_free (forged->comment);
    forged->comment = g_strdup ("Made myself administrator");
    forged->prev_hash = g_strdup (newest->hash);
    forged->hash = mc_event_compute_hash (forged);
    sql = g_strdup_printf ("INSERT INTO events (id, actor_id, recorded_by_id, time, action, comment, "
                           "prev_hash, hash) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", "
                           "%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'grant-role', '%s', '%s', '%s')",
                           forged->id, forged->actor_id, forged->recorded_by_id, forged->time,
                           forged->comment, forged->prev_hash, forged->hash);
    path = tampered_copy (&tamper, sql);
    store = mc_store_open (path, MC_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_true (mc_store_verify_history (store, &check, NULL, &error));
    g_assert_true (check.intact);
    g_assert_cmpuint (check.n_checked, ==, last + 1);
    g_assert_cmpstr (check.head_hash, ==, forged->hash);
    g_assert_cmpstr (check.head_hash, !=, tamper.head_hash);
    mc_history_check_clear (&check);
  }

  /* The untouched original is still intact. */
  check_intact (inst->store);
  g_free (tamper.head_hash);
}

static gboolean
many_events_cb (McStore   *store,
                gpointer   user_data,
                GError   **error)
{
  McWorkflow *admin = user_data;

  for (guint i = 0; i < 20000; i++)
    if (!mc_workflow_set_setting (admin, MC_SETTING_REVIEW_CYCLE_MONTHS, i % 2 ? "12" : "24", error))
      return FALSE;
  return TRUE;
}

static void
test_long_chain (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  McHistoryCheck check = { 0 };
  Tamper tamper = { inst, NULL, 0 };
  guint64 n_events;

  MC_TEST_ASSERT_OK (mc_store_run_in_transaction (inst->store, many_events_cb,
                                                  mc_test_workflow (inst, MC_TEST_ADMIN), &error));
  n_events = mc_store_count_events (inst->store, NULL);
  g_assert_cmpuint (n_events, >, 20000);
  check_intact (inst->store);

  /* A break deep down the chain is found. */
  expect_broken (&tamper, 15000, 14999, "changed", "UPDATE events SET details = '{}' WHERE id = %d", 15000);

  /* The check can be stopped. */
  g_cancellable_cancel (cancellable);
  g_assert_false (mc_store_verify_history (inst->store, &check, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  mc_history_check_clear (&check);
}

static void
test_history_cannot_be_changed (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  sqlite3 *db = NULL;
  char *message = NULL;

  /* Without dropping the triggers, SQLite itself refuses. */
  g_assert_cmpint (sqlite3_open (inst->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE events SET comment = 'x' WHERE id = 1", NULL, NULL, &message),
                   ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (message, "history cannot be changed"));
  sqlite3_free (message);
  message = NULL;
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM events", NULL, NULL, &message), ==, SQLITE_CONSTRAINT);
  sqlite3_free (message);
  sqlite3_close (db);
  check_intact (inst->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/history/every-action", test_every_action);
  g_test_add_func ("/core/history/import", test_import_event);
  g_test_add_func ("/core/history/append-only", test_history_cannot_be_changed);
  g_test_add_func ("/core/history/tampering", test_tampering);
  g_test_add_func ("/core/history/long-chain", test_long_chain);

  return g_test_run ();
}
