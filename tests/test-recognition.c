/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "workflow-fixture.h"

/* Trusted partner issuers and recognition decisions through McWorkflow,
 * and schema version 4 that holds them. */

#define PARTNER_ID "https://credentials.partner.example/issuer"

static McEvent *
last_event (McStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_list_events (store, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  return mc_event_copy (g_ptr_array_index (events, events->len - 1));
}

static void
test_partners (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  McWorkflow *admin = mc_test_workflow (inst, MC_TEST_ADMIN);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(McPartnerIssuer) found = NULL;
  g_autoptr(McEvent) event = NULL;
  gint64 id;

  /* Only an administrator lists partners. */
  g_assert_cmpint (mc_workflow_add_partner (mc_test_workflow (inst, MC_TEST_REGISTRAR), PARTNER_ID,
                                            "Partner University", NULL, &error), ==, 0);
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  id = mc_workflow_add_partner (admin, PARTNER_ID, "  Partner University ", "Erasmus+ agreement 2026", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  found = mc_store_find_partner (inst->store, PARTNER_ID, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, "Partner University");
  g_assert_cmpstr (found->note, ==, "Erasmus+ agreement 2026");
  g_assert_cmpint (found->added_by, ==, inst->ids[MC_TEST_ADMIN]);
  g_assert_cmpint (found->added_at, >, 0);
  event = last_event (inst->store);
  g_assert_cmpint (event->action, ==, MC_ACTION_ADD_PARTNER);
  g_assert_cmpint (event->actor_id, ==, inst->ids[MC_TEST_ADMIN]);
  g_assert_nonnull (strstr (event->details, PARTNER_ID));
  g_clear_pointer (&event, mc_event_free);

  /* Listed once; bad ids and blank names are refused. */
  g_assert_cmpint (mc_workflow_add_partner (admin, PARTNER_ID, "Again", NULL, &error), ==, 0);
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (mc_workflow_add_partner (admin, "ftp://x.example", "X", NULL, &error), ==, 0);
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (mc_workflow_add_partner (admin, "did:web:uni.example", " ", NULL, &error), ==, 0);
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (mc_workflow_add_partner (admin, "did:web:uni.example", "A University", NULL, &error), >, 0);
  g_assert_no_error (error);

  partners = mc_store_list_partners (inst->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (partners->len, ==, 2);
  g_assert_cmpstr (((McPartnerIssuer *) g_ptr_array_index (partners, 0))->name, ==, "A University");

  /* Removing: administrators only, and only a partner. */
  g_assert_false (mc_workflow_remove_partner (mc_test_workflow (inst, MC_TEST_CHAIR), PARTNER_ID, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  MC_TEST_ASSERT_OK (mc_workflow_remove_partner (admin, PARTNER_ID, &error));
  g_assert_false (mc_workflow_remove_partner (admin, PARTNER_ID, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&found, mc_partner_issuer_free);
  found = mc_store_find_partner (inst->store, PARTNER_ID, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  event = last_event (inst->store);
  g_assert_cmpint (event->action, ==, MC_ACTION_REMOVE_PARTNER);
}

static McRecognition *
verified_recognition (void)
{
  McRecognition *r = mc_recognition_new ();

  r->credential_id = g_strdup ("urn:uuid:2f6f0a56-9a55-4c43-9a0c-5d7a3d3b8e11");
  r->issuer_id = g_strdup (PARTNER_ID);
  r->issuer_name = g_strdup ("Partner University");
  r->learner_name = g_strdup ("Ada Lovelace");
  r->achievement_name = g_strdup ("Data Ethics");
  r->credential_text = g_strdup ("eyJhbGciOiJFZERTQSJ9.e30.c2ln");
  r->verification = g_strdup ("{\"verdict\":\"valid\"}");
  r->verdict = g_strdup ("valid");
  r->credits_available = 5;
  r->ects = 5;
  r->route = MC_CREDIT_ROUTE_CREDIT_TRANSFER;
  return r;
}

static void
expect_refused (McWorkflow    *workflow,
                McRecognition *recognition,
                int            code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_workflow_recognise (workflow, recognition, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, code);
}

static void
test_recognise (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McDesign) draft = mc_test_create_design (inst);
  McWorkflow *registrar = mc_test_workflow (inst, MC_TEST_REGISTRAR);
  g_autoptr(McRecognition) r = verified_recognition ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(McEvent) event = NULL;
  McRecognition *stored;
  guint64 n_events;

  mc_test_make_active (inst, design);
  r->design_id = mc_design_get_id (design);
  r->note = g_strdup ("  Matches module CS101 ");

  /* The wrong people. */
  expect_refused (mc_test_workflow (inst, MC_TEST_OWNER), r, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  expect_refused (mc_test_workflow (inst, MC_TEST_ADMIN), r, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  expect_refused (mc_test_workflow (inst, MC_TEST_OTHER_REGISTRAR), r, MC_WORKFLOW_ERROR_NOT_ALLOWED);

  /* A credential that did not verify, or only partly. */
  g_free (r->verdict);
  r->verdict = g_strdup ("invalid");
  expect_refused (registrar, r, MC_WORKFLOW_ERROR_NOT_READY);
  g_free (r->verdict);
  r->verdict = g_strdup ("incomplete");
  expect_refused (registrar, r, MC_WORKFLOW_ERROR_NOT_READY);
  g_free (r->verdict);
  r->verdict = g_strdup ("valid");

  /* More credit than the credential carries, none, a draft design, two targets. */
  r->ects = 5.5;
  expect_refused (registrar, r, MC_WORKFLOW_ERROR_INVALID);
  r->ects = 0;
  expect_refused (registrar, r, MC_WORKFLOW_ERROR_INVALID);
  r->ects = 4;
  r->design_id = mc_design_get_id (draft);
  expect_refused (registrar, r, MC_WORKFLOW_ERROR_WRONG_STATE);
  r->design_id = mc_design_get_id (design);
  r->programme = g_strdup ("MSc Data Science");
  expect_refused (registrar, r, MC_WORKFLOW_ERROR_INVALID);
  g_clear_pointer (&r->programme, g_free);

  n_events = mc_store_count_events (inst->store, NULL);
  MC_TEST_ASSERT_OK (mc_workflow_recognise (registrar, r, &error));
  g_assert_cmpint (r->id, >, 0);
  g_assert_cmpuint (mc_store_count_events (inst->store, NULL), ==, n_events + 1);
  event = last_event (inst->store);
  g_assert_cmpint (event->action, ==, MC_ACTION_RECOGNISE);
  g_assert_cmpint (event->design_id, ==, mc_design_get_id (design));
  g_assert_cmpstr (event->comment, ==, "Matches module CS101");
  g_assert_nonnull (strstr (event->details, "urn:uuid:2f6f0a56"));
  g_assert_nonnull (strstr (event->details, "credit-transfer"));

  /* Towards a programme; without stated credits any positive amount. */
  g_clear_pointer (&r->note, g_free);
  r->design_id = 0;
  r->programme = g_strdup ("MSc Data Science");
  r->credits_available = 0;
  r->ects = 10;
  r->route = MC_CREDIT_ROUTE_PRIOR_LEARNING;
  MC_TEST_ASSERT_OK (mc_workflow_recognise (registrar, r, &error));

  list = mc_store_list_recognitions (inst->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  stored = g_ptr_array_index (list, 1);
  g_assert_cmpint (stored->design_id, ==, mc_design_get_id (design));
  g_assert_null (stored->programme);
  g_assert_cmpfloat (stored->ects, ==, 4);
  g_assert_cmpint (stored->route, ==, MC_CREDIT_ROUTE_CREDIT_TRANSFER);
  g_assert_cmpstr (stored->credential_text, ==, r->credential_text);
  g_assert_cmpstr (stored->verification, ==, "{\"verdict\":\"valid\"}");
  g_assert_cmpstr (stored->verdict, ==, "valid");
  g_assert_cmpfloat (stored->credits_available, ==, 5);
  g_assert_cmpint (stored->recorded_by, ==, inst->ids[MC_TEST_REGISTRAR]);
  stored = g_ptr_array_index (list, 0);
  g_assert_cmpstr (stored->programme, ==, "MSc Data Science");
  g_assert_cmpfloat (stored->credits_available, ==, 0);
  g_assert_cmpint (stored->route, ==, MC_CREDIT_ROUTE_PRIOR_LEARNING);
}

/* A decision is a record: the database itself refuses to change it. */
static void
test_recognition_frozen (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McRecognition) r = verified_recognition ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  r->programme = g_strdup ("BSc Computing");
  MC_TEST_ASSERT_OK (mc_workflow_recognise (mc_test_workflow (inst, MC_TEST_REGISTRAR), r, &error));
  g_assert_cmpint (sqlite3_open (inst->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE recognitions SET ects = 99", NULL, NULL, &message), !=, SQLITE_OK);
  sqlite3_free (message);
  message = NULL;
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM recognitions", NULL, NULL, &message), !=, SQLITE_OK);
  sqlite3_free (message);
  sqlite3_close (db);
}

static void
test_migrate_from_v3 (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McWorkflow) admin = NULL;
  McHistoryCheck check = { 0 };
  sqlite3 *db = NULL;
  guint64 n_before = mc_store_count_events (inst->store, NULL);

  for (guint i = 0; i < MC_TEST_N_PEOPLE; i++)
    g_clear_object (&inst->workflows[i]);
  g_clear_object (&inst->store);

  /* Back to schema version 3: version 4 only added these. */
  g_assert_cmpint (sqlite3_open (inst->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE recognitions; DROP TABLE partners; PRAGMA user_version = 3;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = mc_store_open (inst->path, MC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_store_get_schema_version (store), ==, 4);
  g_assert_cmpuint (mc_store_count_events (store, NULL), ==, n_before);
  MC_TEST_ASSERT_OK (mc_store_verify_history (store, &check, NULL, &error));
  g_assert_true (check.intact);
  mc_history_check_clear (&check);

  admin = mc_workflow_new (store, mc_test_username (MC_TEST_ADMIN), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_workflow_add_partner (admin, PARTNER_ID, "Partner University", NULL, &error), >, 0);
  g_assert_no_error (error);
}

/* The interface's question: may this person record recognitions at all? */
static void
test_check_recognise (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(McRecognition) recognition = NULL;
  g_autoptr(GError) error = NULL;

  MC_TEST_ASSERT_OK (mc_workflow_check_recognise (mc_test_workflow (inst, MC_TEST_REGISTRAR), NULL, &error));
  MC_TEST_ASSERT_OK (mc_workflow_check_recognise (mc_test_workflow (inst, MC_TEST_OTHER_REGISTRAR), NULL, &error));
  g_assert_false (mc_workflow_check_recognise (mc_test_workflow (inst, MC_TEST_OWNER), NULL, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "Registrar"));
  g_clear_error (&error);

  /* Only partly verified: the core's reason, for a registrar too. */
  recognition = verified_recognition ();
  g_free (recognition->verdict);
  recognition->verdict = g_strdup ("incomplete");
  g_assert_false (mc_workflow_check_recognise (mc_test_workflow (inst, MC_TEST_REGISTRAR), recognition, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);
  g_clear_error (&error);
  g_free (recognition->verdict);
  recognition->verdict = g_strdup ("valid");
  MC_TEST_ASSERT_OK (mc_workflow_check_recognise (mc_test_workflow (inst, MC_TEST_REGISTRAR), recognition, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/partners/add-list-remove", test_partners);
  g_test_add_func ("/core/recognition/record", test_recognise);
  g_test_add_func ("/core/recognition/check", test_check_recognise);
  g_test_add_func ("/core/recognition/frozen", test_recognition_frozen);
  g_test_add_func ("/core/recognition/migrate-from-v3", test_migrate_from_v3);
  return g_test_run ();
}
