/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "workflow-fixture.h"

/* The records of issuing through the public interface: the schema
 * migration, offerings, learners and results, signing keys and the
 * logo, batches that reserve, sign and store credentials (and resume
 * after a crash without ever issuing twice), the credentials' states,
 * reprints and re-issues, the register and the status lists, and who may
 * do each of them. */

typedef struct {
  McTestInstitution *inst;
  McDesign          *design;      /* active, validity 24 months */
  McKeyRecord       *key;
  McOffering        *offering;
} Fixture;

static McWorkflow *
wf (Fixture      *f,
    McTestPerson  person)
{
  return mc_test_workflow (f->inst, person);
}

static void issue_cohort (Fixture *f, guint n_passed, guint n_failed);

/* @data: how many learners' credentials to issue beforehand, if any. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->inst = mc_test_institution_new ();
  f->design = mc_test_create_design (f->inst);
  mc_revision_set_int (mc_design_get_content (f->design), "validity_months", 24);
  MC_TEST_ASSERT_OK (mc_workflow_save_design (wf (f, MC_TEST_OWNER), f->design, &error));
  mc_test_make_active (f->inst, f->design);
  f->key = mc_test_add_key (f->inst, "key-2026", MC_KEY_KIND_RSA);
  f->offering = mc_test_create_offering (f->inst, f->design, "2026-SPRING");
  if (data != NULL)
    issue_cohort (f, GPOINTER_TO_UINT (data), 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->offering, mc_offering_free);
  g_clear_pointer (&f->key, mc_key_record_free);
  g_clear_object (&f->design);
  g_clear_pointer (&f->inst, mc_test_institution_free);
}

static guint64
n_events (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  guint64 n = mc_store_count_events (f->inst->store, &error);

  g_assert_no_error (error);
  return n;
}

static McEvent *
last_event (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_list_events_before (f->inst->store, 0, 0, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  return mc_event_copy (g_ptr_array_index (events, 0));
}

static void
assert_history_intact (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  McHistoryCheck check = { 0 };

  MC_TEST_ASSERT_OK (mc_store_verify_history (f->inst->store, &check, NULL, &error));
  g_assert_true (check.intact);
  mc_history_check_clear (&check);
}

/* The class of learners of most tests: @n_passed who passed, then
 * @n_failed who did not; student ids S0001 and up. */
static GPtrArray *
cohort (guint n_passed,
        guint n_failed)
{
  static const char * const given[] = { "Aoife", "Bartosz", "Chidi", "Dana", "Eleni", "Farah" };
  static const char * const family[] = { "Byrne", "Nowak", "Okafor", "Levi", "Papadopoulou", "Haddad" };
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_result_input_free);

  for (guint i = 0; i < n_passed + n_failed; i++)
    {
      g_autofree char *student_id = g_strdup_printf ("S%04u", i + 1);
      gboolean passed = i < n_passed;

      g_ptr_array_add (inputs, mc_test_result_input (student_id, given[i % G_N_ELEMENTS (given)],
                                                     family[i % G_N_ELEMENTS (family)],
                                                     passed ? "B+" : "F", passed));
    }
  return inputs;
}

static McIssueBatch *
start_batch (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  McIssueBatch *batch = mc_workflow_start_batch (wf (f, MC_TEST_REGISTRAR), f->offering->id, f->key->kid,
                                                 NULL, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  return batch;
}

/* Records a cohort and issues it whole. */
static void
issue_cohort (Fixture *f,
              guint    n_passed,
              guint    n_failed)
{
  g_autoptr(GPtrArray) inputs = cohort (n_passed, n_failed);
  g_autoptr(McIssueBatch) batch = NULL;

  mc_test_record_results (f->inst, f->offering->id, inputs);
  batch = start_batch (f);
  g_assert_cmpuint (mc_test_issue_batch (f->inst, batch, 7), ==, n_passed);
}

static McIssuedCredential *
credential_of (Fixture    *f,
               const char *student_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = mc_store_list_results (f->inst->store, f->offering->id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      McResult *result = g_ptr_array_index (results, i);

      if (g_str_equal (result->learner->student_id, student_id))
        {
          McIssuedCredential *credential = mc_store_load_credential (f->inst->store, result->credential_id,
                                                                     &error);

          g_assert_no_error (error);
          return credential;
        }
    }
  g_assert_not_reached ();
}

/* Migration */

/* What every schema object is, to compare two databases. */
static char *
schema_of (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name FROM sqlite_schema "
                                       "WHERE name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static void
test_migrate_from_v2 (void)
{
  g_autoptr(McTestInstitution) inst = mc_test_institution_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) design = mc_test_create_design (inst);
  g_autoptr(McStore) store = NULL;
  g_autoptr(McWorkflow) registrar = NULL;
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autofree char *migrated_schema = NULL;
  McHistoryCheck check = { 0 };
  guint64 n_before;

  mc_test_make_active (inst, design);
  n_before = mc_store_count_events (inst->store, NULL);
  fresh_schema = schema_of (inst->path);
  for (guint i = 0; i < MC_TEST_N_PEOPLE; i++)
    g_clear_object (&inst->workflows[i]);
  g_clear_object (&inst->store);

  /* Back to schema version 2: versions 3 and 4 only added these. */
  raw_exec (inst->path, "DROP TABLE recognitions; DROP TABLE partners; "
                        "DROP TABLE credential_trigrams; DROP TABLE credential_counts; "
                        "DROP TABLE credential_search; DROP TABLE credential_documents; "
                        "DROP TABLE credentials; DROP TABLE issue_batches; DROP TABLE signing_keys; "
                        "DROP TABLE results; DROP TABLE learners; DROP TABLE offerings; DROP TABLE assets; "
                        "PRAGMA user_version = 2;");
  {
    g_autofree char *v2_schema = schema_of (inst->path);

    g_assert_null (strstr (v2_schema, "offerings"));
    g_assert_nonnull (strstr (v2_schema, "table events events"));
  }

  store = mc_store_open (inst->path, MC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_store_get_schema_version (store), ==, MC_STORE_SCHEMA_VERSION);
  migrated_schema = schema_of (inst->path);
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);

  /* Everything is still there, and the history still verifies. */
  g_assert_cmpuint (mc_store_count_events (store, NULL), ==, n_before);
  g_assert_cmpuint (mc_store_count_designs (store, NULL), ==, 1);
  MC_TEST_ASSERT_OK (mc_store_verify_history (store, &check, NULL, &error));
  g_assert_true (check.intact);
  g_assert_cmpuint (check.n_checked, ==, n_before);
  mc_history_check_clear (&check);

  /* And the new records work. */
  registrar = mc_workflow_new (store, mc_test_username (MC_TEST_REGISTRAR), &error);
  g_assert_no_error (error);
  offering = mc_offering_new ();
  offering->design_id = mc_design_get_id (design);
  offering->code = g_strdup ("2026-A");
  offering->starts_on = g_strdup ("2026-02-02");
  offering->ends_on = g_strdup ("2026-02-20");
  MC_TEST_ASSERT_OK (mc_workflow_create_offering (registrar, offering, &error));
  events = mc_store_list_events (store, mc_design_get_id (design), &error);
  g_assert_cmpint (((McEvent *) g_ptr_array_index (events, events->len - 1))->action, ==,
                   MC_ACTION_CREATE_OFFERING);
}

/* Roles */

/* @call must be refused as not allowed, and change nothing. */
#define ASSERT_NOT_ALLOWED(f, call) \
  G_STMT_START { \
    g_autoptr(GError) refusal_ = NULL; \
    guint64 n_ = n_events (f); \
    GError **error_ = &refusal_; \
    gboolean ok_ = (call); \
    g_assert_false (ok_); \
    g_assert_error (refusal_, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED); \
    g_assert_cmpuint (n_events (f), ==, n_); \
  } G_STMT_END

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  static const McTestPerson outsiders[] = {
    MC_TEST_OWNER, MC_TEST_REVIEWER, MC_TEST_CHAIR, MC_TEST_ADMIN, MC_TEST_NOBODY, MC_TEST_OTHER_REGISTRAR,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inputs = cohort (2, 0);
  g_autoptr(McIssuedCredential) issued = credential_of (f, "S0001");
  gint64 credential_id = issued->id;
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\b\6\0\0\0\x1f\x15\xc4\x89", 33);

  for (guint i = 0; i < G_N_ELEMENTS (outsiders); i++)
    {
      McWorkflow *w = wf (f, outsiders[i]);
      g_autoptr(McOffering) offering = mc_offering_new ();

      offering->design_id = mc_design_get_id (f->design);
      offering->code = g_strdup ("2026-AUTUMN");
      offering->starts_on = g_strdup ("2026-09-01");
      offering->ends_on = g_strdup ("2026-12-18");
      ASSERT_NOT_ALLOWED (f, mc_workflow_create_offering (w, offering, error_));
      ASSERT_NOT_ALLOWED (f, mc_workflow_record_results (w, f->offering->id, inputs, NULL, error_));
      ASSERT_NOT_ALLOWED (f, mc_workflow_start_batch (w, f->offering->id, f->key->kid, NULL, FALSE,
                                                      error_) != NULL);
      ASSERT_NOT_ALLOWED (f, mc_workflow_set_credential_state (w, credential_id, MC_CREDENTIAL_STATE_REVOKED,
                                                               "Plagiarism", error_));
      ASSERT_NOT_ALLOWED (f, mc_workflow_record_reprint (w, credential_id, error_));
      ASSERT_NOT_ALLOWED (f, mc_workflow_reissue_credential (w, credential_id, "Typo", error_) != NULL);
      /* The mapping of the importer is the registrars' (and administrators'). */
      if (outsiders[i] != MC_TEST_ADMIN && outsiders[i] != MC_TEST_OTHER_REGISTRAR)
        ASSERT_NOT_ALLOWED (f, mc_workflow_set_setting (w, MC_SETTING_RESULTS_CSV_MAPPING, "{}", error_));
    }

  /* Keys, the logo and the institution's settings are the administrator's. */
  {
    McWorkflow *registrar = wf (f, MC_TEST_REGISTRAR);
    g_autoptr(McKeyRecord) key = mc_key_record_copy (f->key);

    key->id = 0;
    g_free (key->kid);
    key->kid = g_strdup ("another");
    g_free (key->public_jwk);
    key->public_jwk = g_strdup ("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAAA\"}");
    key->kind = MC_KEY_KIND_ED25519;
    ASSERT_NOT_ALLOWED (f, mc_workflow_add_key (registrar, key, error_));
    ASSERT_NOT_ALLOWED (f, mc_workflow_retire_key (registrar, f->key->kid, error_));
    ASSERT_NOT_ALLOWED (f, mc_workflow_set_logo (registrar, png, error_));
    ASSERT_NOT_ALLOWED (f, mc_workflow_set_setting (registrar, MC_SETTING_VERIFICATION_URL,
                                                    "https://credentials.example.edu", error_));
    MC_TEST_ASSERT_OK (mc_workflow_set_setting (registrar, MC_SETTING_RESULTS_CSV_MAPPING,
                                                "{\"Student number\":\"student_id\"}", &error));
    MC_TEST_ASSERT_OK (mc_workflow_add_key (wf (f, MC_TEST_ADMIN), key, &error));
    MC_TEST_ASSERT_OK (mc_workflow_set_logo (wf (f, MC_TEST_ADMIN), png, &error));
  }

  /* mc_workflow_check() answers the same for the interface. */
  g_assert_false (mc_workflow_check (wf (f, MC_TEST_OTHER_REGISTRAR), f->design, MC_ACTION_ISSUE, NULL));
  g_assert_false (mc_workflow_check (wf (f, MC_TEST_CHAIR), f->design, MC_ACTION_CREATE_OFFERING, NULL));
  g_assert_true (mc_workflow_check (wf (f, MC_TEST_REGISTRAR), f->design, MC_ACTION_ISSUE, NULL));
  assert_history_intact (f);
}

/* A registrar of the design's own unit may, like an institution-wide one. */
static void
test_unit_registrar (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McOffering) offering = mc_offering_new ();
  McWorkflow *admin = wf (f, MC_TEST_ADMIN);

  MC_TEST_ASSERT_OK (mc_workflow_grant_role (admin, f->inst->ids[MC_TEST_OTHER_REGISTRAR], MC_ROLE_REGISTRAR,
                                             f->inst->unit_id, &error));
  offering->design_id = mc_design_get_id (f->design);
  offering->code = g_strdup ("2026-SUMMER");
  offering->starts_on = g_strdup ("2026-06-01");
  offering->ends_on = g_strdup ("2026-06-01");
  MC_TEST_ASSERT_OK (mc_workflow_create_offering (wf (f, MC_TEST_OTHER_REGISTRAR), offering, &error));
}

/* Offerings */

static void
assert_create_refused (Fixture     *f,
                       McOffering  *offering,
                       int          code,
                       const char  *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code_before = g_strdup (offering->code);
  guint64 n = n_events (f);

  g_assert_false (mc_workflow_create_offering (wf (f, MC_TEST_REGISTRAR), offering, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, code);
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_cmpint (offering->id, ==, 0);
  g_assert_null (offering->uuid);
  g_assert_cmpstr (offering->code, ==, code_before);
  g_assert_cmpuint (n_events (f), ==, n);
}

static void
test_offering (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McOffering) offering = mc_offering_new ();
  g_autoptr(McOffering) loaded = NULL;
  g_autoptr(McDesign) draft = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(McEvent) event = NULL;

  /* What the fixture created. */
  g_assert_cmpuint (strlen (f->offering->uuid), ==, 36);
  g_assert_cmpuint (f->offering->revision_number, ==, mc_design_get_approved_revision (f->design));
  g_assert_cmpstr (f->offering->title, ==, "Battery Systems for Electric Vehicles");
  g_assert_cmpint (f->offering->mode, ==,
                   mc_revision_get_int (mc_design_get_content (f->design), "participation_mode"));
  g_assert_cmpint (f->offering->created_by, ==, f->inst->ids[MC_TEST_REGISTRAR]);
  event = last_event (f);
  g_assert_cmpint (event->action, ==, MC_ACTION_CREATE_OFFERING);
  g_assert_cmpint (event->design_id, ==, mc_design_get_id (f->design));
  g_assert_nonnull (strstr (event->details, "\"2026-SPRING\""));

  offering->design_id = mc_design_get_id (f->design);
  offering->code = g_strdup ("  ");
  offering->starts_on = g_strdup ("2026-09-01");
  offering->ends_on = g_strdup ("2026-08-01");
  offering->mode = MC_PARTICIPATION_ONLINE;
  offering->location = g_strdup ("Online");
  assert_create_refused (f, offering, MC_WORKFLOW_ERROR_INVALID, "code");
  g_free (offering->code);
  offering->code = g_strdup (" 2026-SPRING ");
  assert_create_refused (f, offering, MC_WORKFLOW_ERROR_INVALID, "end");
  g_free (offering->ends_on);
  offering->ends_on = g_strdup ("2026-02-30");
  assert_create_refused (f, offering, MC_WORKFLOW_ERROR_INVALID, "2026-02-30");
  g_free (offering->ends_on);
  offering->ends_on = g_strdup ("2026-12-18");
  assert_create_refused (f, offering, MC_WORKFLOW_ERROR_INVALID, "already has an offering");

  /* Only designs in force are offered. */
  draft = mc_test_create_design (f->inst);
  offering->design_id = mc_design_get_id (draft);
  assert_create_refused (f, offering, MC_WORKFLOW_ERROR_WRONG_STATE, "only an active design");
  mc_test_transition (f->inst, f->design, MC_TEST_CHAIR, MC_ACTION_SUSPEND);
  offering->design_id = mc_design_get_id (f->design);
  g_free (offering->code);
  offering->code = g_strdup ("2026-AUTUMN");
  assert_create_refused (f, offering, MC_WORKFLOW_ERROR_WRONG_STATE, "only an active design");
  mc_test_transition (f->inst, f->design, MC_TEST_CHAIR, MC_ACTION_REINSTATE);

  MC_TEST_ASSERT_OK (mc_workflow_create_offering (wf (f, MC_TEST_REGISTRAR), offering, &error));
  g_assert_cmpstr (offering->code, ==, "2026-AUTUMN");
  g_assert_cmpint (offering->mode, ==, MC_PARTICIPATION_ONLINE);
  loaded = mc_store_load_offering (f->inst->store, offering->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->uuid, ==, offering->uuid);
  g_assert_cmpstr (loaded->location, ==, "Online");
  g_assert_cmpstr (loaded->starts_on, ==, "2026-09-01");
  g_assert_cmpstr (loaded->ends_on, ==, "2026-12-18");

  list = mc_store_list_offerings (f->inst->store, mc_design_get_id (f->design), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((McOffering *) g_ptr_array_index (list, 0))->id, ==, offering->id);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mc_store_list_offerings (f->inst->store, mc_design_get_id (draft), &error);
  g_assert_cmpuint (list->len, ==, 0);

  g_clear_pointer (&loaded, mc_offering_free);
  loaded = mc_store_load_offering (f->inst->store, 999, &error);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
}

/* During a modification the approved revision stays the one offered and
 * issued, never the draft. */
static void
test_offering_approved_revision (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(GPtrArray) inputs = cohort (1, 0);
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  McIssuedCredential *credential;
  guint approved = mc_design_get_approved_revision (f->design);

  mc_test_transition (f->inst, f->design, MC_TEST_OWNER, MC_ACTION_START_MODIFICATION);
  g_assert_cmpuint (mc_design_get_revision_number (f->design), >, approved);
  mc_revision_set_string (mc_design_get_content (f->design), "title", "Battery Systems, Revised");
  mc_revision_set_int (mc_design_get_content (f->design), "validity_months", 0);
  MC_TEST_ASSERT_OK (mc_workflow_save_design (wf (f, MC_TEST_OWNER), f->design, &error));

  offering = mc_test_create_offering (f->inst, f->design, "2026-MOD");
  g_assert_cmpuint (offering->revision_number, ==, approved);
  g_assert_cmpstr (offering->title, ==, "Battery Systems for Electric Vehicles");

  mc_test_record_results (f->inst, offering->id, inputs);
  batch = mc_workflow_start_batch (wf (f, MC_TEST_REGISTRAR), offering->id, f->key->kid, NULL, FALSE, &error);
  g_assert_no_error (error);
  pending = mc_store_list_pending_credentials (f->inst->store, batch->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  credential = g_ptr_array_index (pending, 0);
  g_assert_cmpuint (credential->revision_number, ==, approved);
  g_assert_cmpstr (credential->title, ==, "Battery Systems for Electric Vehicles");
  /* The approved revision's validity, not the draft's. */
  g_assert_nonnull (credential->valid_until);
}

/* Results */

static guint
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open (f->inst->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
assert_results_refused (Fixture    *f,
                        GPtrArray  *inputs,
                        int         code,
                        const char *fragment)
{
  g_autoptr(GError) error = NULL;
  guint64 n = n_events (f);
  guint learners = count_rows (f, "SELECT count(*) FROM learners");
  guint results = count_rows (f, "SELECT count(*) FROM results");
  guint written = 77;

  g_assert_false (mc_workflow_record_results (wf (f, MC_TEST_REGISTRAR), f->offering->id, inputs, &written,
                                              &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, code);
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_cmpuint (written, ==, 77);
  g_assert_cmpuint (n_events (f), ==, n);
  g_assert_cmpuint (count_rows (f, "SELECT count(*) FROM learners"), ==, learners);
  g_assert_cmpuint (count_rows (f, "SELECT count(*) FROM results"), ==, results);
}

static void
test_record_results (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inputs = cohort (3, 1);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(McLearner) learner = NULL;
  g_autoptr(McOffering) loaded = NULL;
  g_autoptr(McEvent) event = NULL;
  g_autofree char *first_uuid = NULL;
  McResultInput *first;
  guint written = 0;

  MC_TEST_ASSERT_OK (mc_workflow_record_results (wf (f, MC_TEST_REGISTRAR), f->offering->id, inputs, &written,
                                                 &error));
  g_assert_cmpuint (written, ==, 4);
  event = last_event (f);
  g_assert_cmpint (event->action, ==, MC_ACTION_RECORD_RESULTS);
  g_assert_nonnull (strstr (event->details, "\"results\":4"));

  results = mc_store_list_results (f->inst->store, f->offering->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 4);
  /* By family name: Byrne, Levi (who failed), Nowak, Okafor. */
  g_assert_cmpstr (((McResult *) g_ptr_array_index (results, 0))->learner->family_name, ==, "Byrne");
  g_assert_cmpstr (((McResult *) g_ptr_array_index (results, 1))->learner->family_name, ==, "Levi");
  g_assert_false (((McResult *) g_ptr_array_index (results, 1))->passed);
  g_assert_cmpint (((McResult *) g_ptr_array_index (results, 1))->credential_id, ==, 0);
  /* Each learner has a uuid of their own, the subject of their credentials. */
  g_assert_true (g_uuid_string_is_valid (((McResult *) g_ptr_array_index (results, 0))->learner->uuid));
  g_assert_cmpstr (((McResult *) g_ptr_array_index (results, 0))->learner->uuid, !=,
                   ((McResult *) g_ptr_array_index (results, 1))->learner->uuid);
  first_uuid = g_strdup (((McResult *) g_ptr_array_index (results, 0))->learner->uuid);
  loaded = mc_store_load_offering (f->inst->store, f->offering->id, &error);
  g_assert_cmpuint (loaded->n_results, ==, 4);
  g_assert_cmpuint (loaded->n_passed, ==, 3);
  g_assert_cmpuint (loaded->n_issued, ==, 0);

  /* The same file again changes nothing and records nothing. */
  {
    guint64 n = n_events (f);

    MC_TEST_ASSERT_OK (mc_workflow_record_results (wf (f, MC_TEST_REGISTRAR), f->offering->id, inputs,
                                                   &written, &error));
    g_assert_cmpuint (written, ==, 0);
    g_assert_cmpuint (n_events (f), ==, n);
  }

  /* A corrected name, grade and email update the same learner. */
  first = g_ptr_array_index (inputs, 0);
  g_free (first->given_name);
  first->given_name = g_strdup (" Aoife Máire ");
  g_free (first->grade);
  first->grade = g_strdup ("A");
  first->email = g_strdup ("aoife@example.org");
  first->date_of_birth = g_strdup ("2001-04-23");
  MC_TEST_ASSERT_OK (mc_workflow_record_results (wf (f, MC_TEST_REGISTRAR), f->offering->id, inputs, &written,
                                                 &error));
  g_assert_cmpuint (written, ==, 1);
  learner = mc_store_find_learner (f->inst->store, "S0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (learner->given_name, ==, "Aoife Máire");
  g_assert_cmpstr (learner->email, ==, "aoife@example.org");
  g_assert_cmpstr (learner->date_of_birth, ==, "2001-04-23");
  /* A correction keeps the learner's uuid. */
  g_assert_cmpstr (learner->uuid, ==, first_uuid);
  {
    g_autofree char *name = mc_learner_dup_full_name (learner);

    g_assert_cmpstr (name, ==, "Aoife Máire Byrne");
  }
  g_assert_cmpuint (count_rows (f, "SELECT count(*) FROM learners"), ==, 4);
  g_clear_pointer (&learner, mc_learner_free);
  learner = mc_store_find_learner (f->inst->store, "S9999", &error);
  g_assert_no_error (error);
  g_assert_null (learner);

  /* Malformed input: nothing at all is written, not even the good rows
   * before it. */
  g_ptr_array_add (inputs, mc_test_result_input ("S0100", "New", "Learner", "A", TRUE));
  g_ptr_array_add (inputs, mc_test_result_input ("S0101", "", "  ", "A", TRUE));
  assert_results_refused (f, inputs, MC_WORKFLOW_ERROR_INVALID, "no name");
  g_ptr_array_remove_index (inputs, inputs->len - 1);
  g_ptr_array_add (inputs, mc_test_result_input (" ", "No", "Id", "A", TRUE));
  assert_results_refused (f, inputs, MC_WORKFLOW_ERROR_INVALID, "no student id");
  g_ptr_array_remove_index (inputs, inputs->len - 1);
  g_ptr_array_add (inputs, mc_test_result_input ("S0102", "No", "Grade", "", TRUE));
  assert_results_refused (f, inputs, MC_WORKFLOW_ERROR_INVALID, "grade");
  g_ptr_array_remove_index (inputs, inputs->len - 1);
  g_ptr_array_add (inputs, mc_test_result_input ("S0103", "Bad", "Date", "A", TRUE));
  g_free (((McResultInput *) g_ptr_array_index (inputs, inputs->len - 1))->completed_on);
  ((McResultInput *) g_ptr_array_index (inputs, inputs->len - 1))->completed_on = g_strdup ("29/05/2026");
  assert_results_refused (f, inputs, MC_WORKFLOW_ERROR_INVALID, "completion date");
  g_ptr_array_remove_index (inputs, inputs->len - 1);
  g_ptr_array_add (inputs, mc_test_result_input ("S0002", "Twice", "Listed", "A", TRUE));
  assert_results_refused (f, inputs, MC_WORKFLOW_ERROR_INVALID, "more than once");
  g_ptr_array_remove_index (inputs, inputs->len - 1);
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();

    assert_results_refused (f, none, MC_WORKFLOW_ERROR_INVALID, "no results");
  }
  MC_TEST_ASSERT_OK (mc_workflow_record_results (wf (f, MC_TEST_REGISTRAR), f->offering->id, inputs, &written,
                                                 &error));
  g_assert_cmpuint (written, ==, 1);
}

/* A result a credential was issued for changes only by re-issuing. */
static void
test_results_behind_credential (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inputs = cohort (2, 0);
  g_autoptr(McIssuedCredential) old = credential_of (f, "S0001");
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(McIssuedCredential) replacement = NULL;
  McResultInput *first = g_ptr_array_index (inputs, 0);

  g_free (first->grade);
  first->grade = g_strdup ("A+");
  assert_results_refused (f, inputs, MC_WORKFLOW_ERROR_WRONG_STATE,
                          "already has a credential for this offering; re-issue it");
  /* A name correction alone is allowed: the learner record is not the result. */
  g_free (first->grade);
  first->grade = g_strdup ("B+");
  g_free (first->family_name);
  first->family_name = g_strdup ("Ó Broin");
  mc_test_record_results (f->inst, f->offering->id, inputs);

  batch = mc_workflow_reissue_credential (wf (f, MC_TEST_REGISTRAR), old->id, "The grade was wrong", &error);
  g_assert_no_error (error);
  g_free (first->grade);
  first->grade = g_strdup ("A+");
  /* A pending replacement cannot go to a learner who failed … */
  first->passed = FALSE;
  assert_results_refused (f, inputs, MC_WORKFLOW_ERROR_WRONG_STATE, "cannot be marked as failed");
  /* … but takes the corrected grade. */
  first->passed = TRUE;
  mc_test_record_results (f->inst, f->offering->id, inputs);
  g_assert_cmpuint (mc_test_issue_batch (f->inst, batch, 10), ==, 1);
  replacement = credential_of (f, "S0001");
  g_assert_cmpint (replacement->supersedes_id, ==, old->id);
  g_assert_cmpstr (replacement->result->grade, ==, "A+");
  g_assert_cmpstr (replacement->learner_name, ==, "Aoife Ó Broin");
}

/* Keys and the logo */

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  McWorkflow *admin = wf (f, MC_TEST_ADMIN);
  g_autoptr(McKeyRecord) ed = mc_test_add_key (f->inst, "ed-2026", MC_KEY_KIND_ED25519);
  g_autoptr(McKeyRecord) verify_only = mc_key_record_copy (ed);
  g_autoptr(McKeyRecord) current = NULL;
  g_autoptr(McKeyRecord) found = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(McEvent) event = last_event (f);
  guint64 n;

  g_assert_cmpint (event->action, ==, MC_ACTION_ADD_KEY);
  g_assert_cmpstr (event->details, ==, "{\"subject\":\"ed-2026\",\"value\":\"ed25519\"}");
  g_assert_cmpint (ed->created_by, ==, f->inst->ids[MC_TEST_ADMIN]);
  g_assert_cmpint (ed->created_at, >, 0);

  /* A key that only verifies: an older one handed over by a partner. */
  verify_only->id = 0;
  g_free (verify_only->kid);
  verify_only->kid = g_strdup ("ed-2020");
  g_clear_pointer (&verify_only->private_path, g_free);
  g_free (verify_only->public_jwk);
  verify_only->public_jwk = g_strdup ("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"abc\"}");
  MC_TEST_ASSERT_OK (mc_workflow_add_key (admin, verify_only, &error));

  current = mc_store_get_current_key (f->inst->store, MC_KEY_KIND_ED25519, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (current->kid, ==, "ed-2026");
  g_clear_pointer (&current, mc_key_record_free);
  current = mc_store_get_current_key (f->inst->store, MC_KEY_KIND_RSA, &error);
  g_assert_cmpstr (current->kid, ==, "key-2026");
  keys = mc_store_list_keys (f->inst->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 3);
  g_assert_cmpstr (((McKeyRecord *) g_ptr_array_index (keys, 0))->kid, ==, "ed-2020");
  found = mc_store_find_key (f->inst->store, "nope", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* Refusals, each changing nothing. */
  n = n_events (f);
  verify_only->id = 0;
  g_assert_false (mc_workflow_add_key (admin, verify_only, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);
  g_free (verify_only->kid);
  verify_only->kid = g_strdup ("leaky");
  g_free (verify_only->public_jwk);
  verify_only->public_jwk = g_strdup ("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"abc\",\"d\":\"secret\"}");
  g_assert_false (mc_workflow_add_key (admin, verify_only, &error));
  g_assert_nonnull (strstr (error->message, "private key material"));
  g_clear_error (&error);
  g_free (verify_only->public_jwk);
  verify_only->public_jwk = g_strdup ("{\"kty\":\"RSA\",\"n\":\"abc\",\"e\":\"AQAB\"}");
  g_assert_false (mc_workflow_add_key (admin, verify_only, &error));
  g_assert_nonnull (strstr (error->message, "not a complete Ed25519 key"));
  g_clear_error (&error);
  g_free (verify_only->kid);
  verify_only->kid = g_strdup ("with space");
  g_assert_false (mc_workflow_add_key (admin, verify_only, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_free (verify_only->kid);
  verify_only->kid = g_strdup ("missing-file");
  verify_only->kind = MC_KEY_KIND_RSA;
  verify_only->private_path = g_build_filename (f->inst->dir, "missing.p8", NULL);
  g_assert_false (mc_workflow_add_key (admin, verify_only, &error));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);
  g_assert_cmpuint (n_events (f), ==, n);

  /* A retired key verifies but signs no more. */
  MC_TEST_ASSERT_OK (mc_workflow_retire_key (admin, "ed-2026", &error));
  g_assert_false (mc_workflow_retire_key (admin, "ed-2026", &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE);
  g_clear_error (&error);
  g_assert_false (mc_workflow_retire_key (admin, "nope", &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&current, mc_key_record_free);
  current = mc_store_get_current_key (f->inst->store, MC_KEY_KIND_ED25519, &error);
  g_assert_no_error (error);
  g_assert_null (current);
  g_clear_pointer (&found, mc_key_record_free);
  found = mc_store_find_key (f->inst->store, "ed-2026", &error);
  g_assert_cmpint (found->retired_at, >, 0);

  {
    g_autoptr(GPtrArray) inputs = cohort (1, 0);

    mc_test_record_results (f->inst, f->offering->id, inputs);
  }
  g_assert_null (mc_workflow_start_batch (wf (f, MC_TEST_REGISTRAR), f->offering->id, "ed-2026", NULL, FALSE,
                                          &error));
  g_assert_nonnull (strstr (error->message, "retired"));
  g_clear_error (&error);
  g_assert_null (mc_workflow_start_batch (wf (f, MC_TEST_REGISTRAR), f->offering->id, "ed-2020", NULL, FALSE,
                                          &error));
  g_assert_nonnull (strstr (error->message, "no private key"));
  g_clear_error (&error);
  g_assert_null (mc_workflow_start_batch (wf (f, MC_TEST_REGISTRAR), f->offering->id, "nope", NULL, FALSE,
                                          &error));
  g_assert_nonnull (strstr (error->message, "no signing key"));
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (f, "SELECT count(*) FROM issue_batches"), ==, 0);
}

static void
test_logo_and_settings (Fixture       *f,
                        gconstpointer  data)
{
  static const guint8 png_data[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  static const struct {
    const char *key;
    const char *value;
    gboolean    ok;
  } settings[] = {
    { MC_SETTING_VERIFICATION_URL, "https://credentials.example.edu", TRUE },
    { MC_SETTING_VERIFICATION_URL, "https://example.edu/credentials/", TRUE },
    { MC_SETTING_VERIFICATION_URL, "http://localhost:8080", TRUE },
    { MC_SETTING_VERIFICATION_URL, "http://127.0.0.1:8080/v", TRUE },
    { MC_SETTING_VERIFICATION_URL, "", TRUE },
    { MC_SETTING_VERIFICATION_URL, "http://credentials.example.edu", FALSE },
    { MC_SETTING_VERIFICATION_URL, "credentials.example.edu", FALSE },
    { MC_SETTING_VERIFICATION_URL, "ftp://example.edu", FALSE },
    { MC_SETTING_VERIFICATION_URL, "https://user:pw@example.edu", FALSE },
    { MC_SETTING_VERIFICATION_URL, "https://example.edu/?a=1", FALSE },
    { MC_SETTING_INSTITUTION_URL, "https://www.example.edu", TRUE },
    { MC_SETTING_INSTITUTION_URL, "javascript:alert(1)", FALSE },
    { MC_SETTING_SIGNING_ALGORITHM, "EdDSA", TRUE },
    { MC_SETTING_SIGNING_ALGORITHM, "RS256", TRUE },
    { MC_SETTING_SIGNING_ALGORITHM, "none", FALSE },
    { MC_SETTING_SIGNING_ALGORITHM, "HS256", FALSE },
    { MC_SETTING_INSTITUTION_LEGAL_ID, "IE-HEA-0042", TRUE },
    { MC_SETTING_SIGNATORY_NAME, "Prof. Nuala Ní Bhriain", TRUE },
    { MC_SETTING_SIGNATORY_TITLE, "Registrar", TRUE },
    { MC_SETTING_SIGNATORY_TITLE, "two\nlines", FALSE },
    { MC_SETTING_RESULTS_CSV_MAPPING, "{\"Student No.\": \"student_id\",\n \"Mark\": \"grade\"}", TRUE },
    { MC_SETTING_RESULTS_CSV_MAPPING, "[1, 2]", FALSE },
    { MC_SETTING_RESULTS_CSV_MAPPING, "{\"unterminated\": ", FALSE },
  };
  g_autoptr(GError) error = NULL;
  McWorkflow *admin = wf (f, MC_TEST_ADMIN);
  g_autoptr(GBytes) png = g_bytes_new_static (png_data, sizeof png_data);
  g_autoptr(GBytes) jpeg = g_bytes_new_static ("\xff\xd8\xff\xe0\0\x10JFIF\0\1\1\0\0\1\0\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 33);
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(McEvent) event = NULL;
  g_autofree guint8 *huge = g_malloc0 (2 * 1024 * 1024 + 1);
  g_autoptr(GBytes) too_big = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      gboolean ok = mc_workflow_set_setting (admin, settings[i].key, settings[i].value, &error);

      g_assert_cmpint (ok, ==, settings[i].ok);
      if (ok)
        {
          g_autofree char *value = mc_store_get_setting (f->inst->store, settings[i].key, NULL);

          g_assert_no_error (error);
          g_assert_cmpstr (value, ==, settings[i].value);
        }
      else
        g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
      g_clear_error (&error);
    }

  stored = mc_store_get_logo (f->inst->store, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
  g_assert_false (mc_workflow_set_logo (admin, jpeg, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  memcpy (huge, png_data, sizeof png_data);
  too_big = g_bytes_new_static (huge, 2 * 1024 * 1024 + 1);
  g_assert_false (mc_workflow_set_logo (admin, too_big, &error));
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);

  MC_TEST_ASSERT_OK (mc_workflow_set_logo (admin, png, &error));
  stored = mc_store_get_logo (f->inst->store, &error);
  g_assert_true (g_bytes_equal (stored, png));
  event = last_event (f);
  g_assert_cmpint (event->action, ==, MC_ACTION_CHANGE_SETTINGS);
  g_assert_nonnull (strstr (event->details, "\"logo\""));
  MC_TEST_ASSERT_OK (mc_workflow_set_logo (admin, NULL, &error));
  g_clear_pointer (&stored, g_bytes_unref);
  stored = mc_store_get_logo (f->inst->store, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
}

/* Batches */

static gboolean
is_base64url (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inputs = cohort (5, 2);
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(McIssueBatch) again = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GHashTable) tokens = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(McEvent) event = NULL;
  g_autofree char *export_dir = g_build_filename (f->inst->dir, "export", NULL);
  guint64 n;

  mc_test_record_results (f->inst, f->offering->id, inputs);
  batch = mc_workflow_start_batch (wf (f, MC_TEST_REGISTRAR), f->offering->id, f->key->kid, export_dir, TRUE,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch->state, ==, MC_BATCH_STATE_RUNNING);
  g_assert_cmpuint (batch->total, ==, 5);
  g_assert_cmpuint (batch->issued, ==, 0);
  g_assert_cmpstr (batch->export_dir, ==, export_dir);
  g_assert_true (batch->data_integrity);
  g_assert_cmpint (batch->started_by, ==, f->inst->ids[MC_TEST_REGISTRAR]);

  /* One pending credential per passed result, none for the failed. */
  pending = mc_store_list_pending_credentials (f->inst->store, batch->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 5);
  for (guint i = 0; i < pending->len; i++)
    {
      McIssuedCredential *credential = g_ptr_array_index (pending, i);
      g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 (credential->valid_from, NULL);
      g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 (credential->valid_until, NULL);
      g_autoptr(GDateTime) expected = g_date_time_add_months (from, 24);
      g_autofree char *urn = mc_issued_credential_dup_urn (credential);

      g_assert_cmpint (credential->state, ==, MC_CREDENTIAL_STATE_PENDING);
      g_assert_true (g_uuid_string_is_valid (credential->uuid));
      g_assert_cmpstr (urn + strlen ("urn:uuid:"), ==, credential->uuid);
      g_assert_true (g_str_has_prefix (urn, "urn:uuid:"));
      g_assert_cmpuint (strlen (credential->token), ==, 22);
      g_assert_true (is_base64url (credential->token));
      g_assert_true (g_hash_table_add (tokens, credential->token));
      g_assert_cmpuint (credential->status_index, ==, i);
      g_assert_cmpstr (credential->kid, ==, "key-2026");
      g_assert_cmpint (credential->design_id, ==, mc_design_get_id (f->design));
      g_assert_cmpuint (credential->revision_number, ==, f->offering->revision_number);
      g_assert_cmpstr (credential->offering_code, ==, "2026-SPRING");
      g_assert_cmpstr (credential->title, ==, "Battery Systems for Electric Vehicles");
      g_assert_null (credential->jwt);
      g_assert_true (credential->result->passed);
      g_assert_cmpstr (credential->result->grade, ==, "B+");
      g_assert_cmpstr (credential->student_id, ==, credential->result->learner->student_id);
      g_assert_true (g_str_has_suffix (credential->valid_from, "Z"));
      g_assert_cmpuint (strlen (credential->valid_from), ==, strlen ("2026-06-12T00:00:00Z"));
      g_assert_nonnull (from);
      g_assert_true (g_date_time_equal (until, expected));
      g_assert_cmpint (credential->issued_at, ==, g_date_time_to_unix (from));
    }

  /* A second start (as after a crash) resumes the batch and reserves
   * nothing twice. */
  again = start_batch (f);
  g_assert_cmpint (again->id, ==, batch->id);
  g_assert_cmpuint (again->total, ==, 5);
  g_assert_cmpstr (again->export_dir, ==, export_dir);
  g_assert_cmpuint (count_rows (f, "SELECT count(*) FROM credentials"), ==, 5);

  /* Two are signed, then the registrar cancels. */
  page = mc_store_list_pending_credentials (f->inst->store, batch->id, 2, &error);
  g_assert_cmpuint (page->len, ==, 2);
  for (guint i = 0; i < page->len; i++)
    {
      McIssuedCredential *credential = g_ptr_array_index (page, i);

      credential->jwt = mc_test_fake_jwt (credential);
      credential->document = g_strdup ("{\"proof\":[]}");
    }
  n = n_events (f);
  MC_TEST_ASSERT_OK (mc_workflow_complete_credentials (wf (f, MC_TEST_REGISTRAR), page, &error));
  g_assert_cmpint (((McIssuedCredential *) g_ptr_array_index (page, 0))->state, ==, MC_CREDENTIAL_STATE_ACTIVE);
  g_assert_cmpuint (n_events (f), ==, n + 2);
  event = last_event (f);
  g_assert_cmpint (event->action, ==, MC_ACTION_ISSUE);
  g_assert_cmpint (event->design_id, ==, mc_design_get_id (f->design));
  g_assert_nonnull (strstr (event->details, ((McIssuedCredential *) g_ptr_array_index (page, 1))->uuid));
  g_assert_nonnull (strstr (event->details, ((McIssuedCredential *) g_ptr_array_index (page, 1))->student_id));

  /* Completing them again is refused whole. */
  g_assert_false (mc_workflow_complete_credentials (wf (f, MC_TEST_REGISTRAR), page, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE);
  g_clear_error (&error);
  g_assert_cmpuint (n_events (f), ==, n + 2);

  MC_TEST_ASSERT_OK (mc_workflow_finish_batch (wf (f, MC_TEST_REGISTRAR), again, MC_BATCH_STATE_CANCELLED,
                                               &error));
  g_assert_cmpint (again->state, ==, MC_BATCH_STATE_CANCELLED);
  g_assert_cmpuint (again->issued, ==, 2);
  g_assert_cmpint (again->finished_at, >, 0);
  g_assert_false (mc_workflow_finish_batch (wf (f, MC_TEST_REGISTRAR), again, MC_BATCH_STATE_DONE, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE);
  g_clear_error (&error);

  /* A late result arrives; the next start resumes the cancelled batch
   * with it, on another key. */
  g_ptr_array_add (inputs, mc_test_result_input ("S0050", "Farah", "Haddad", "A", TRUE));
  mc_test_record_results (f->inst, f->offering->id, inputs);
  g_clear_pointer (&again, mc_issue_batch_free);
  {
    g_autoptr(McKeyRecord) ed = mc_test_add_key (f->inst, "ed-2026", MC_KEY_KIND_ED25519);

    again = mc_workflow_start_batch (wf (f, MC_TEST_REGISTRAR), f->offering->id, ed->kid, NULL, FALSE, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (again->id, ==, batch->id);
  g_assert_cmpint (again->state, ==, MC_BATCH_STATE_RUNNING);
  g_assert_cmpint (again->finished_at, ==, 0);
  g_assert_cmpuint (again->total, ==, 6);
  g_assert_cmpuint (again->issued, ==, 2);
  g_assert_cmpstr (again->kid, ==, "ed-2026");
  g_assert_cmpstr (again->export_dir, ==, export_dir);
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = mc_store_list_pending_credentials (f->inst->store, batch->id, 0, &error);
  g_assert_cmpuint (pending->len, ==, 4);
  g_assert_cmpstr (((McIssuedCredential *) g_ptr_array_index (pending, 0))->kid, ==, "ed-2026");

  /* Not done while something is pending. */
  g_assert_false (mc_workflow_finish_batch (wf (f, MC_TEST_REGISTRAR), again, MC_BATCH_STATE_DONE, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);
  g_clear_error (&error);
  g_assert_cmpuint (mc_test_issue_batch (f->inst, again, 3), ==, 4);
  g_assert_cmpint (again->state, ==, MC_BATCH_STATE_DONE);
  g_assert_cmpuint (again->issued, ==, 6);

  offering = mc_store_load_offering (f->inst->store, f->offering->id, &error);
  g_assert_cmpuint (offering->n_issued, ==, 6);
  g_assert_cmpuint (count_rows (f, "SELECT count(*) FROM credential_documents WHERE document IS NOT NULL"),
                    ==, 2);

  /* Everything is issued now. */
  n = n_events (f);
  g_assert_null (mc_workflow_start_batch (wf (f, MC_TEST_REGISTRAR), f->offering->id, f->key->kid, NULL, FALSE,
                                          &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);
  g_assert_nonnull (strstr (error->message, "nothing to issue"));
  g_clear_error (&error);
  g_assert_null (mc_workflow_start_batch (wf (f, MC_TEST_REGISTRAR), f->offering->id, f->key->kid, "relative",
                                          FALSE, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_events (f), ==, n);
  g_assert_cmpuint (count_rows (f, "SELECT count(*) FROM issue_batches"), ==, 1);
  assert_history_intact (f);
}

/* A batch interrupted by a crash (still marked running) resumes; a
 * failed one with credentials left too; a suspended design is not
 * issued. */
static void
test_batch_resume_and_design_state (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inputs = cohort (3, 0);
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(McIssueBatch) resumed = NULL;
  g_autoptr(McIssueBatch) found = NULL;
  g_autoptr(GPtrArray) pending = NULL;

  mc_test_record_results (f->inst, f->offering->id, inputs);
  batch = start_batch (f);
  found = mc_store_find_unfinished_batch (f->inst->store, f->offering->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, batch->id);
  MC_TEST_ASSERT_OK (mc_workflow_finish_batch (wf (f, MC_TEST_REGISTRAR), batch, MC_BATCH_STATE_FAILED, &error));
  resumed = start_batch (f);
  g_assert_cmpint (resumed->id, ==, batch->id);

  /* The design is suspended mid-batch: signing stops, the batch can
   * still be ended, and picks up again once the design is reinstated. */
  mc_test_transition (f->inst, f->design, MC_TEST_CHAIR, MC_ACTION_SUSPEND);
  pending = mc_store_list_pending_credentials (f->inst->store, resumed->id, 1, &error);
  ((McIssuedCredential *) g_ptr_array_index (pending, 0))->jwt =
    mc_test_fake_jwt (g_ptr_array_index (pending, 0));
  g_assert_false (mc_workflow_complete_credentials (wf (f, MC_TEST_REGISTRAR), pending, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE);
  g_clear_error (&error);
  g_assert_null (mc_workflow_start_batch (wf (f, MC_TEST_REGISTRAR), f->offering->id, f->key->kid, NULL, FALSE,
                                          &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE);
  g_clear_error (&error);
  MC_TEST_ASSERT_OK (mc_workflow_finish_batch (wf (f, MC_TEST_REGISTRAR), resumed, MC_BATCH_STATE_CANCELLED,
                                               &error));
  mc_test_transition (f->inst, f->design, MC_TEST_CHAIR, MC_ACTION_REINSTATE);
  g_clear_pointer (&batch, mc_issue_batch_free);
  batch = start_batch (f);
  g_assert_cmpint (batch->id, ==, resumed->id);

  /* A damaged signed form is refused. */
  g_free (((McIssuedCredential *) g_ptr_array_index (pending, 0))->jwt);
  ((McIssuedCredential *) g_ptr_array_index (pending, 0))->jwt = g_strdup ("not.a jws");
  g_assert_false (mc_workflow_complete_credentials (wf (f, MC_TEST_REGISTRAR), pending, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (mc_test_issue_batch (f->inst, batch, 50), ==, 3);
  g_clear_pointer (&found, mc_issue_batch_free);
  found = mc_store_find_unfinished_batch (f->inst->store, f->offering->id, &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

/* A copy of credential @id in @state, written behind the store's back. */
static int
insert_copy (sqlite3    *db,
             gint64      id,
             const char *state)
{
  g_autofree char *sql = NULL;
  char *message = NULL;
  int rc;

  sql = g_strdup_printf ("INSERT INTO credentials (uuid, offering_id, learner_id, result_id, batch_id, "
                         "design_id, revision_number, title, kid, status_index, token, state, issued_at, "
                         "valid_from) SELECT '00000000-0000-4000-8000-000000000000', offering_id, "
                         "learner_id, result_id, batch_id, design_id, revision_number, title, kid, 9999, "
                         "'tok', '%s', issued_at, valid_from FROM credentials WHERE id = %" G_GINT64_FORMAT,
                         state, id);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_assert_nonnull (strstr (message, "UNIQUE constraint failed: credentials.offering_id, "
                                       "credentials.learner_id"));
  sqlite3_free (message);
  return rc;
}

static int
raw_update (sqlite3    *db,
            const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  sqlite3_free (message);
  return rc;
}

/* The database itself refuses a second current credential for a learner
 * and offering, whoever writes to it. */
static void
test_unique_current_credential (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(McIssuedCredential) credential = credential_of (f, "S0001");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->inst->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (insert_copy (db, credential->id, "pending"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (insert_copy (db, credential->id, "active"), ==, SQLITE_CONSTRAINT);
  /* A superseded one is history, not current: allowed. */
  g_assert_cmpint (insert_copy (db, credential->id, "superseded"), ==, SQLITE_OK);
  g_assert_cmpint (raw_update (db, "UPDATE credentials SET state = 'active' WHERE state = 'superseded'"), ==,
                   SQLITE_CONSTRAINT);
  /* Revocation is final there too, and what was signed stays. */
  g_assert_cmpint (raw_update (db, "UPDATE credentials SET state = 'revoked' WHERE state = 'active'"), ==,
                   SQLITE_OK);
  g_assert_cmpint (raw_update (db, "UPDATE credentials SET state = 'active' WHERE state = 'revoked'"), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_update (db, "UPDATE credential_documents SET jwt = 'forged'"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_update (db, "DELETE FROM credential_documents"), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* Credential states */

static void
assert_state_refused (Fixture           *f,
                      gint64             id,
                      McCredentialState  state,
                      const char        *reason,
                      int                code,
                      const char        *fragment)
{
  g_autoptr(GError) error = NULL;
  guint64 n = n_events (f);

  g_assert_false (mc_workflow_set_credential_state (wf (f, MC_TEST_REGISTRAR), id, state, reason, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, code);
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_cmpuint (n_events (f), ==, n);
}

static McCredentialState
state_of (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McIssuedCredential) credential = mc_store_load_credential (f->inst->store, id, &error);

  g_assert_no_error (error);
  return credential->state;
}

static void
test_credential_states (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McIssuedCredential) credential = credential_of (f, "S0002");
  g_autoptr(McIssuedCredential) loaded = NULL;
  g_autoptr(McEvent) event = NULL;
  McWorkflow *registrar = wf (f, MC_TEST_REGISTRAR);
  gint64 id = credential->id;
  gint64 changed_before = mc_store_get_status_changed_at (f->inst->store, NULL);

  g_assert_cmpint (changed_before, ==, 0);
  assert_state_refused (f, id, MC_CREDENTIAL_STATE_SUSPENDED, "  ", MC_WORKFLOW_ERROR_INVALID,
                        "reason for suspending");
  assert_state_refused (f, id, MC_CREDENTIAL_STATE_ACTIVE, NULL, MC_WORKFLOW_ERROR_WRONG_STATE,
                        "nothing to reinstate");
  assert_state_refused (f, id, MC_CREDENTIAL_STATE_PENDING, NULL, MC_WORKFLOW_ERROR_WRONG_STATE,
                        "only be suspended, reinstated or revoked");

  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, id, MC_CREDENTIAL_STATE_SUSPENDED,
                                                       "Disciplinary inquiry", &error));
  g_assert_cmpint (state_of (f, id), ==, MC_CREDENTIAL_STATE_SUSPENDED);
  g_assert_cmpint (mc_store_get_status_changed_at (f->inst->store, NULL), >, changed_before);
  event = last_event (f);
  g_assert_cmpint (event->action, ==, MC_ACTION_SUSPEND_CREDENTIAL);
  g_assert_cmpstr (event->comment, ==, "Disciplinary inquiry");
  g_assert_nonnull (strstr (event->details, credential->uuid));
  assert_state_refused (f, id, MC_CREDENTIAL_STATE_SUSPENDED, "Again", MC_WORKFLOW_ERROR_WRONG_STATE,
                        "already suspended");

  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, id, MC_CREDENTIAL_STATE_ACTIVE, NULL, &error));
  g_assert_cmpint (state_of (f, id), ==, MC_CREDENTIAL_STATE_ACTIVE);
  g_clear_pointer (&event, mc_event_free);
  event = last_event (f);
  g_assert_cmpint (event->action, ==, MC_ACTION_REINSTATE_CREDENTIAL);

  assert_state_refused (f, id, MC_CREDENTIAL_STATE_REVOKED, NULL, MC_WORKFLOW_ERROR_INVALID,
                        "reason for revoking");
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, id, MC_CREDENTIAL_STATE_REVOKED,
                                                       "Academic misconduct", &error));
  loaded = mc_store_load_credential (f->inst->store, id, &error);
  g_assert_cmpint (loaded->state, ==, MC_CREDENTIAL_STATE_REVOKED);
  g_assert_cmpstr (loaded->status_reason, ==, "Academic misconduct");
  g_assert_cmpint (loaded->status_changed_at, >, 0);
  g_assert_nonnull (loaded->jwt);

  /* Revocation is final. */
  assert_state_refused (f, id, MC_CREDENTIAL_STATE_ACTIVE, NULL, MC_WORKFLOW_ERROR_WRONG_STATE, "final");
  assert_state_refused (f, id, MC_CREDENTIAL_STATE_SUSPENDED, "x", MC_WORKFLOW_ERROR_WRONG_STATE, "final");
  assert_state_refused (f, id, MC_CREDENTIAL_STATE_REVOKED, "x", MC_WORKFLOW_ERROR_WRONG_STATE, "final");
  g_assert_null (mc_workflow_reissue_credential (registrar, id, "x", &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE);
  g_clear_error (&error);

  /* A suspended one may be revoked directly. */
  g_clear_pointer (&credential, mc_issued_credential_free);
  credential = credential_of (f, "S0001");
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, credential->id, MC_CREDENTIAL_STATE_SUSPENDED,
                                                       "Inquiry", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, credential->id, MC_CREDENTIAL_STATE_REVOKED,
                                                       "Inquiry upheld", &error));
  g_assert_false (mc_workflow_set_credential_state (registrar, 4242, MC_CREDENTIAL_STATE_REVOKED, "x", &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_history_intact (f);
}

static void
test_reprint (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McIssuedCredential) credential = credential_of (f, "S0001");
  g_autoptr(McIssuedCredential) loaded = NULL;
  g_autoptr(McEvent) event = NULL;
  McWorkflow *registrar = wf (f, MC_TEST_REGISTRAR);

  g_assert_cmpuint (credential->reprints, ==, 0);
  MC_TEST_ASSERT_OK (mc_workflow_record_reprint (registrar, credential->id, &error));
  MC_TEST_ASSERT_OK (mc_workflow_record_reprint (registrar, credential->id, &error));
  loaded = mc_store_load_credential (f->inst->store, credential->id, &error);
  g_assert_cmpuint (loaded->reprints, ==, 2);
  event = last_event (f);
  g_assert_cmpint (event->action, ==, MC_ACTION_REPRINT);
  g_assert_nonnull (strstr (event->details, "\"reprints\":2"));

  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, credential->id, MC_CREDENTIAL_STATE_SUSPENDED,
                                                       "Inquiry", &error));
  g_assert_false (mc_workflow_record_reprint (registrar, credential->id, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE);
}

static void
test_reissue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McIssuedCredential) old = credential_of (f, "S0002");
  g_autoptr(McIssuedCredential) superseded = NULL;
  g_autoptr(McIssuedCredential) replacement = NULL;
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(McEvent) event = NULL;
  McWorkflow *registrar = wf (f, MC_TEST_REGISTRAR);
  guint64 n = n_events (f);

  g_assert_null (mc_workflow_reissue_credential (registrar, old->id, " ", &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_events (f), ==, n);

  /* With the institution's current key of its algorithm. */
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (wf (f, MC_TEST_ADMIN), MC_SETTING_SIGNING_ALGORITHM, "EdDSA",
                                              &error));
  mc_key_record_free (mc_test_add_key (f->inst, "ed-2026", MC_KEY_KIND_ED25519));
  batch = mc_workflow_reissue_credential (registrar, old->id, "Name misspelt", &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch->state, ==, MC_BATCH_STATE_RUNNING);
  g_assert_cmpuint (batch->total, ==, 1);
  g_assert_cmpstr (batch->kid, ==, "ed-2026");
  event = last_event (f);
  g_assert_cmpint (event->action, ==, MC_ACTION_REISSUE);
  g_assert_cmpstr (event->comment, ==, "Name misspelt");

  superseded = mc_store_load_credential (f->inst->store, old->id, &error);
  g_assert_cmpint (superseded->state, ==, MC_CREDENTIAL_STATE_SUPERSEDED);
  pending = mc_store_list_pending_credentials (f->inst->store, batch->id, 0, &error);
  g_assert_cmpuint (pending->len, ==, 1);
  replacement = mc_issued_credential_copy (g_ptr_array_index (pending, 0));
  g_assert_cmpint (superseded->superseded_by_id, ==, replacement->id);
  g_assert_cmpint (replacement->supersedes_id, ==, old->id);
  g_assert_cmpint (replacement->result_id, ==, old->result_id);
  g_assert_cmpstr (replacement->uuid, !=, old->uuid);
  g_assert_cmpuint (replacement->status_index, >, old->status_index);
  g_assert_nonnull (strstr (event->details, replacement->uuid));

  /* The old one is done with; the learner's current credential is the new one. */
  g_assert_false (mc_workflow_record_reprint (registrar, old->id, &error));
  g_assert_nonnull (strstr (error->message, "replaced"));
  g_clear_error (&error);
  g_assert_cmpuint (mc_test_issue_batch (f->inst, batch, 1), ==, 1);
  g_clear_pointer (&replacement, mc_issued_credential_free);
  replacement = credential_of (f, "S0002");
  g_assert_cmpint (replacement->state, ==, MC_CREDENTIAL_STATE_ACTIVE);
  g_assert_cmpint (replacement->supersedes_id, ==, old->id);
  /* Re-issuing the re-issued works the same. */
  g_clear_pointer (&batch, mc_issue_batch_free);
  batch = mc_workflow_reissue_credential (registrar, replacement->id, "Again", &error);
  g_assert_no_error (error);
  assert_history_intact (f);
}

/* A credential's own history: its issue and what was done to it, and
 * the re-issue that made its replacement; nothing of the others. */
static void
test_credential_events (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McIssuedCredential) old = credential_of (f, "S0001");
  g_autoptr(McIssuedCredential) other = credential_of (f, "S0002");
  g_autoptr(McIssuedCredential) replacement = NULL;
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) new_events = NULL;
  g_autoptr(GPtrArray) none = NULL;
  McWorkflow *registrar = wf (f, MC_TEST_REGISTRAR);
  const McAction expected[] = { MC_ACTION_ISSUE, MC_ACTION_REPRINT, MC_ACTION_SUSPEND_CREDENTIAL,
                                MC_ACTION_REINSTATE_CREDENTIAL, MC_ACTION_REISSUE };

  MC_TEST_ASSERT_OK (mc_workflow_record_reprint (registrar, old->id, &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, other->id, MC_CREDENTIAL_STATE_REVOKED,
                                                       "Misconduct", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, old->id, MC_CREDENTIAL_STATE_SUSPENDED,
                                                       "Inquiry", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, old->id, MC_CREDENTIAL_STATE_ACTIVE,
                                                       NULL, &error));
  batch = mc_workflow_reissue_credential (registrar, old->id, "Name misspelt", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_test_issue_batch (f->inst, batch, 1), ==, 1);

  events = mc_store_list_credential_events (f->inst->store, old->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (((McEvent *) g_ptr_array_index (events, i))->action, ==, expected[i]);
  g_assert_cmpstr (((McEvent *) g_ptr_array_index (events, 2))->comment, ==, "Inquiry");

  /* The replacement: the re-issue that made it, then its own issue. */
  replacement = credential_of (f, "S0001");
  new_events = mc_store_list_credential_events (f->inst->store, replacement->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (new_events->len, ==, 2);
  g_assert_cmpint (((McEvent *) g_ptr_array_index (new_events, 0))->action, ==, MC_ACTION_REISSUE);
  g_assert_cmpint (((McEvent *) g_ptr_array_index (new_events, 1))->action, ==, MC_ACTION_ISSUE);

  none = mc_store_list_credential_events (f->inst->store, "00000000-0000-4000-8000-000000000000", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* The status lists: bit i, most significant first, for status index i. */
static void
test_status_bits (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) revocation = NULL;
  g_autoptr(GBytes) suspension = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(McIssueBatch) batch = NULL;
  McWorkflow *registrar = wf (f, MC_TEST_REGISTRAR);
  const guint8 *bits;
  gsize size = 0;
  gint64 by_index[12];

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *student_id = g_strdup_printf ("S%04u", i + 1);
      g_autoptr(McIssuedCredential) credential = credential_of (f, student_id);

      g_assert_cmpuint (credential->status_index, ==, i);
      by_index[i] = credential->id;
    }
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, by_index[0], MC_CREDENTIAL_STATE_REVOKED,
                                                       "Fraud", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, by_index[9], MC_CREDENTIAL_STATE_SUSPENDED,
                                                       "Inquiry", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, by_index[11], MC_CREDENTIAL_STATE_SUSPENDED,
                                                       "Inquiry", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, by_index[11], MC_CREDENTIAL_STATE_REVOKED,
                                                       "Upheld", &error));
  batch = mc_workflow_reissue_credential (registrar, by_index[3], "Corrected", &error);
  g_assert_no_error (error);

  revocation = mc_store_get_status_bits (f->inst->store, 0, "revocation", &error);
  g_assert_no_error (error);
  bits = g_bytes_get_data (revocation, &size);
  g_assert_cmpuint (size, ==, 16384);
  g_assert_cmpuint (MC_STATUS_LIST_SIZE, ==, 131072);
  /* 0 revoked and 3 superseded: 1001 0000; 11 revoked: byte 1 0001 0000. */
  g_assert_cmphex (bits[0], ==, 0x90);
  g_assert_cmphex (bits[1], ==, 0x10);
  for (gsize i = 2; i < size; i++)
    g_assert_cmphex (bits[i], ==, 0);

  suspension = mc_store_get_status_bits (f->inst->store, 0, "suspension", &error);
  bits = g_bytes_get_data (suspension, &size);
  /* 9 suspended: byte 1 0100 0000 (11 is revoked now, not suspended). */
  g_assert_cmphex (bits[0], ==, 0);
  g_assert_cmphex (bits[1], ==, 0x40);
  for (gsize i = 2; i < size; i++)
    g_assert_cmphex (bits[i], ==, 0);

  /* The next list holds indexes from 131072 on: none yet. */
  second = mc_store_get_status_bits (f->inst->store, 1, "revocation", &error);
  g_assert_no_error (error);
  bits = g_bytes_get_data (second, &size);
  g_assert_cmpuint (size, ==, 16384);
  for (gsize i = 0; i < size; i++)
    g_assert_cmphex (bits[i], ==, 0);

  bad = mc_store_get_status_bits (f->inst->store, 0, "refresh", &error);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND);
  g_assert_null (bad);
}

/* The register */

static GPtrArray *
query (Fixture    *f,
       const char *search,
       int         state,
       guint       offset,
       guint       limit,
       guint      *count)
{
  g_autoptr(GError) error = NULL;
  McCredentialQuery q = MC_CREDENTIAL_QUERY_INIT;
  GPtrArray *page;

  q.search = search;
  q.state = state;
  *count = mc_store_count_credentials (f->inst->store, &q, &error);
  g_assert_no_error (error);
  page = mc_store_query_credentials (f->inst->store, &q, offset, limit, &error);
  g_assert_no_error (error);
  return page;
}

static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inputs = cohort (30, 2);
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(McOffering) other = NULL;
  g_autoptr(McIssuedCredential) sinead = NULL;
  g_autoptr(McIssuedCredential) found = NULL;
  g_autoptr(GPtrArray) all = NULL;
  McCredentialQuery by_offering = MC_CREDENTIAL_QUERY_INIT;
  McResultInput *special;
  guint count = 0;

  special = g_ptr_array_index (inputs, 6);
  g_free (special->given_name);
  special->given_name = g_strdup ("Sinéad");
  g_free (special->family_name);
  special->family_name = g_strdup ("Ó Súilleabháin");
  mc_test_record_results (f->inst, f->offering->id, inputs);
  batch = start_batch (f);
  g_assert_cmpuint (mc_test_issue_batch (f->inst, batch, 8), ==, 30);

  /* Every credential, newest first, a page at a time. */
  all = query (f, NULL, -1, 0, 100, &count);
  g_assert_cmpuint (count, ==, 30);
  g_assert_cmpuint (all->len, ==, 30);
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (((McCredentialSummary *) g_ptr_array_index (all, i - 1))->id, >,
                     ((McCredentialSummary *) g_ptr_array_index (all, i))->id);
  for (guint offset = 0; offset < 30; offset += 7)
    {
      g_autoptr(GPtrArray) page = query (f, "", -1, offset, 7, &count);

      g_assert_cmpuint (page->len, ==, MIN (7, 30 - offset));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpint (((McCredentialSummary *) g_ptr_array_index (page, i))->id, ==,
                         ((McCredentialSummary *) g_ptr_array_index (all, offset + i))->id);
    }

  /* By name, accents and case aside. */
  {
    g_autoptr(GPtrArray) page = query (f, "sinead o suil", -1, 0, 10, &count);
    McCredentialSummary *row;

    g_assert_cmpuint (count, ==, 1);
    row = g_ptr_array_index (page, 0);
    g_assert_cmpstr (row->learner_name, ==, "Sinéad Ó Súilleabháin");
    g_assert_cmpstr (row->student_id, ==, "S0007");
    g_assert_cmpstr (row->title, ==, "Battery Systems for Electric Vehicles");
    g_assert_cmpint (row->state, ==, MC_CREDENTIAL_STATE_ACTIVE);
    g_assert_cmpint (row->issued_at, >, 0);
    sinead = mc_store_load_credential (f->inst->store, row->id, &error);
    g_assert_no_error (error);
  }
  /* By family name: 5 of the 30 are Okafor (every sixth, from the third). */
  g_ptr_array_unref (query (f, "OKAFOR", -1, 0, 10, &count));
  g_assert_cmpuint (count, ==, 5);
  {
    g_autoptr(GPtrArray) page = query (f, "okafor", -1, 3, 10, &count);

    g_assert_cmpuint (page->len, ==, 2);
  }
  /* Two letters are looked for without the trigram index, alike. */
  {
    g_autoptr(GPtrArray) page = query (f, "OK", -1, 1, 10, &count);

    g_assert_cmpuint (count, ==, 5);
    g_assert_cmpuint (page->len, ==, 4);
    g_ptr_array_unref (query (f, "q", -1, 0, 10, &count));
    g_assert_cmpuint (count, ==, 0);
    g_ptr_array_unref (query (f, "É", -1, 0, 10, &count));
    g_assert_cmpuint (count, ==, 30);
  }
  /* By student id, uuid (bare or as a URN), title and offering code. */
  g_ptr_array_unref (query (f, "s0007", -1, 0, 10, &count));
  g_assert_cmpuint (count, ==, 1);
  {
    g_autofree char *urn = mc_issued_credential_dup_urn (sinead);
    g_autofree char *upper = g_ascii_strup (sinead->uuid, -1);
    g_autoptr(GPtrArray) page = query (f, urn, -1, 0, 10, &count);

    g_assert_cmpuint (count, ==, 1);
    g_assert_cmpint (((McCredentialSummary *) g_ptr_array_index (page, 0))->id, ==, sinead->id);
    g_ptr_array_unref (query (f, upper + 9, -1, 0, 10, &count));
    g_assert_cmpuint (count, ==, 1);
  }
  g_ptr_array_unref (query (f, "battery systems", -1, 0, 10, &count));
  g_assert_cmpuint (count, ==, 30);
  g_ptr_array_unref (query (f, "2026-spring", -1, 0, 10, &count));
  g_assert_cmpuint (count, ==, 30);
  g_ptr_array_unref (query (f, "nobody by this name", -1, 0, 10, &count));
  g_assert_cmpuint (count, ==, 0);
  g_ptr_array_unref (query (f, "100%", -1, 0, 10, &count));
  g_assert_cmpuint (count, ==, 0);

  /* By state, with a search. */
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (wf (f, MC_TEST_REGISTRAR), sinead->id,
                                                       MC_CREDENTIAL_STATE_REVOKED, "Fraud", &error));
  g_ptr_array_unref (query (f, NULL, MC_CREDENTIAL_STATE_REVOKED, 0, 10, &count));
  g_assert_cmpuint (count, ==, 1);
  g_ptr_array_unref (query (f, "sinead", MC_CREDENTIAL_STATE_ACTIVE, 0, 10, &count));
  g_assert_cmpuint (count, ==, 0);
  g_ptr_array_unref (query (f, NULL, MC_CREDENTIAL_STATE_ACTIVE, 0, 10, &count));
  g_assert_cmpuint (count, ==, 29);

  /* A learner's new name is found at once. */
  g_free (special->family_name);
  special->family_name = g_strdup ("Murphy");
  mc_test_record_results (f->inst, f->offering->id, inputs);
  g_ptr_array_unref (query (f, "sinead murphy", -1, 0, 10, &count));
  g_assert_cmpuint (count, ==, 1);

  /* By offering. */
  other = mc_test_create_offering (f->inst, f->design, "2026-AUTUMN");
  by_offering.offering_id = other->id;
  g_assert_cmpuint (mc_store_count_credentials (f->inst->store, &by_offering, &error), ==, 0);
  by_offering.offering_id = f->offering->id;
  g_assert_cmpuint (mc_store_count_credentials (f->inst->store, &by_offering, &error), ==, 30);
  by_offering.search = "okafor";
  g_assert_cmpuint (mc_store_count_credentials (f->inst->store, &by_offering, &error), ==, 5);
  g_assert_cmpuint (mc_store_count_credentials (f->inst->store, NULL, &error), ==, 30);

  /* The public page finds a credential by its token; the uuid finds it too. */
  found = mc_store_find_credential_by_token (f->inst->store, sinead->token, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, sinead->id);
  g_clear_pointer (&found, mc_issued_credential_free);
  found = mc_store_find_credential_by_token (f->inst->store, "AAAAAAAAAAAAAAAAAAAAAA", &error);
  g_assert_no_error (error);
  g_assert_null (found);
  found = mc_store_find_credential (f->inst->store, sinead->uuid, &error);
  g_assert_cmpint (found->id, ==, sinead->id);
  g_assert_cmpint (found->state, ==, MC_CREDENTIAL_STATE_REVOKED);
  g_clear_pointer (&found, mc_issued_credential_free);
  found = mc_store_find_credential (f->inst->store, "urn:uuid:00000000-0000-4000-8000-000000000000", &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  /* With @n credentials issued first. */
#define ADD_ISSUED(path, func, n) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/core/issuing/migrate-from-v2", test_migrate_from_v2);
  ADD_ISSUED ("/core/issuing/roles", test_roles, 2);
  ADD ("/core/issuing/roles/unit-registrar", test_unit_registrar);
  ADD ("/core/issuing/offering", test_offering);
  ADD ("/core/issuing/offering/approved-revision", test_offering_approved_revision);
  ADD ("/core/issuing/results", test_record_results);
  ADD_ISSUED ("/core/issuing/results/behind-credential", test_results_behind_credential, 2);
  ADD ("/core/issuing/keys", test_keys);
  ADD ("/core/issuing/logo-and-settings", test_logo_and_settings);
  ADD ("/core/issuing/batch", test_batch);
  ADD ("/core/issuing/batch/resume", test_batch_resume_and_design_state);
  ADD_ISSUED ("/core/issuing/unique-current-credential", test_unique_current_credential, 1);
  ADD_ISSUED ("/core/issuing/credential-states", test_credential_states, 2);
  ADD_ISSUED ("/core/issuing/reprint", test_reprint, 1);
  ADD_ISSUED ("/core/issuing/reissue", test_reissue, 2);
  ADD_ISSUED ("/core/issuing/credential-events", test_credential_events, 2);
  ADD_ISSUED ("/core/issuing/status-bits", test_status_bits, 12);
  ADD ("/core/issuing/register", test_register);
#undef ADD

  return g_test_run ();
}
