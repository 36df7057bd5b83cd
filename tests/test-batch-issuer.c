/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "mc-batch-issuer.h"
#include "mc-credential.h"
#include "mc-issuing-context.h"
#include "mc-keyring.h"
#include "workflow-fixture.h"

/* The batch issuer through its public interface: an offering issued with
 * one and two workers (one credential per learner who passed, files that
 * verify, a complete manifest), a cancel and its resume, a full disk and
 * its resume, and the asynchronous run with its progress. */

#define BASE_URL   "https://credentials.hanze.example"
#define PASSPHRASE "correct horse battery"

typedef struct {
  McTestInstitution *inst;
  McDesign          *design;
  McOffering        *offering;
  McKeyring         *keyring;
  McSigningKey      *key;          /* RS256, current */
  McSigningKey      *di_key;       /* Ed25519 */
  char              *export_dir;
  guint              n_passed;
} Fixture;

/* Learners from several scripts; every tenth fails. */
static GPtrArray *
cohort (guint n)
{
  static const char * const given[] = { "Aoife", "Bartosz", "Chidi", "Ελένη", "فرح", "伟", "Søren" };
  static const char * const family[] = { "Byrne", "Wójcik", "Okafor", "Παπαδοπούλου", "حداد", "王", "Ødegård" };
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_result_input_free);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *student_id = g_strdup_printf ("S%05u", i + 1);
      gboolean passed = i % 10 != 9;

      g_ptr_array_add (inputs, mc_test_result_input (student_id, given[i % G_N_ELEMENTS (given)],
                                                     family[i % G_N_ELEMENTS (family)],
                                                     passed ? "7.5" : "3", passed));
    }
  return inputs;
}

static guint
n_passed_of (guint n)
{
  return n - n / 10;
}

/* @data: how many learners. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inputs = cohort (GPOINTER_TO_UINT (data));
  g_autoptr(McKeyRecord) rsa = NULL;
  g_autoptr(McKeyRecord) ed = NULL;
  McWorkflow *admin;

  f->inst = mc_test_institution_new ();
  admin = mc_test_workflow (f->inst, MC_TEST_ADMIN);
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_VERIFICATION_URL, BASE_URL "/", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_SIGNATORY_NAME, "Dr. Ir. J. de Vries", &error));
  f->design = mc_test_create_design (f->inst);
  mc_revision_set_int (mc_design_get_content (f->design), "validity_months", 24);
  MC_TEST_ASSERT_OK (mc_workflow_save_design (mc_test_workflow (f->inst, MC_TEST_OWNER), f->design, &error));
  mc_test_make_active (f->inst, f->design);
  f->offering = mc_test_create_offering (f->inst, f->design, "2026-SPRING");
  if (inputs->len > 0)
    mc_test_record_results (f->inst, f->offering->id, inputs);
  f->n_passed = n_passed_of (GPOINTER_TO_UINT (data));

  f->keyring = mc_keyring_new (admin);
  rsa = mc_keyring_generate (f->keyring, MC_KEY_ALGORITHM_RS256, PASSPHRASE, FALSE, &error);
  g_assert_no_error (error);
  ed = mc_keyring_generate (f->keyring, MC_KEY_ALGORITHM_EDDSA, PASSPHRASE, FALSE, &error);
  g_assert_no_error (error);
  f->key = mc_keyring_unlock (f->keyring, NULL, PASSPHRASE, &error);
  g_assert_no_error (error);
  f->di_key = mc_keyring_unlock (f->keyring, ed->kid, PASSPHRASE, &error);
  g_assert_no_error (error);
  f->export_dir = g_build_filename (f->inst->dir, "export", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->key);
  g_clear_object (&f->di_key);
  g_clear_object (&f->keyring);
  g_clear_pointer (&f->offering, mc_offering_free);
  g_clear_object (&f->design);
  g_clear_pointer (&f->export_dir, g_free);
  g_clear_pointer (&f->inst, mc_test_institution_free);
}

static McBatchIssuer *
new_issuer (Fixture *f,
            guint    jobs)
{
  McBatchIssuer *issuer = mc_batch_issuer_new (f->inst->path, mc_test_username (MC_TEST_REGISTRAR), NULL);

  mc_batch_issuer_set_jobs (issuer, jobs);
  mc_batch_issuer_set_signing_key (issuer, f->key);
  mc_batch_issuer_set_data_integrity_key (issuer, f->di_key);
  mc_batch_issuer_set_export_dir (issuer, f->export_dir);
  return issuer;
}

static char *
read_file (const char *dir,
           const char *name,
           gsize      *len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
file_stem (McIssuedCredential *credential)
{
  return g_strdup_printf ("%s-%s", credential->student_id, credential->uuid);
}

/* Pages of a PDF, by its page objects (cairo writes them uncompressed);
 * the file holds binary streams, so no string functions. */
static guint
count_pages (const char *pdf,
             gsize       len)
{
  static const char needle[] = "/Type /Page";
  gsize n = sizeof needle - 1;
  guint pages = 0;

  for (gsize i = 0; i + n < len; i++)
    if (memcmp (pdf + i, needle, n) == 0 && pdf[i + n] != 's')
      pages++;
  return pages;
}

static void
check_credential_files (Fixture            *f,
                        McIssuedCredential *credential)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stem = file_stem (credential);
  g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *jwt_name = g_strconcat (stem, ".jwt", NULL);
  g_autofree char *json_name = g_strconcat (stem, ".json", NULL);
  gsize pdf_len = 0;
  g_autofree char *pdf = read_file (f->export_dir, pdf_name, &pdf_len);
  g_autofree char *jwt = read_file (f->export_dir, jwt_name, NULL);
  g_autofree char *json = read_file (f->export_dir, json_name, NULL);
  g_autofree char *urn = mc_issued_credential_dup_urn (credential);
  g_autofree char *key_url = g_strconcat (BASE_URL "/keys/", mc_signing_key_get_kid (f->key), NULL);
  g_autoptr(McJws) jws = NULL;
  g_autoptr(McPublicKey) public_key = NULL;
  g_autoptr(McPublicKey) di_public = NULL;
  g_autoptr(JsonNode) document = NULL;

  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (count_pages (pdf, pdf_len), ==, 2);
  /* The files are what the register holds. */
  g_assert_cmpstr (jwt, ==, credential->jwt);
  g_assert_cmpstr (json, ==, credential->document);

  jws = mc_jws_parse (jwt, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_jws_get_kid (jws), ==, key_url);
  public_key = mc_keyring_find_public_key (f->keyring, mc_jws_get_kid (jws), &error);
  g_assert_no_error (error);
  g_assert_true (mc_jws_verify (jws, public_key, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (mc_jws_get_payload (jws), "jti"), ==, urn);

  document = mc_strict_json_parse_object (json, -1, &error);
  g_assert_no_error (error);
  di_public = mc_keyring_find_public_key (f->keyring, mc_signing_key_get_kid (f->di_key), &error);
  g_assert_no_error (error);
  g_assert_true (mc_data_integrity_verify (document, di_public, &error));
  g_assert_no_error (error);
}

/* The batch's active credentials, by id. */
static GPtrArray *
active_credentials (Fixture *f,
                    gint64   batch_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *credentials = mc_store_list_batch_credentials (f->inst->store, batch_id, MC_CREDENTIAL_STATE_ACTIVE,
                                                            0, 0, &error);

  g_assert_no_error (error);
  return credentials;
}

/* Exactly one current credential per learner who passed, none for others. */
static void
check_one_per_learner (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = mc_store_list_results (f->inst->store, f->offering->id, &error);
  McCredentialQuery query = MC_CREDENTIAL_QUERY_INIT;
  guint with_credential = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      McResult *result = g_ptr_array_index (results, i);

      g_assert_cmpint (result->credential_id != 0, ==, result->passed);
      with_credential += result->credential_id != 0;
    }
  g_assert_cmpuint (with_credential, ==, f->n_passed);
  query.offering_id = f->offering->id;
  g_assert_cmpuint (mc_store_count_credentials (f->inst->store, &query, &error), ==, f->n_passed);
  query.state = MC_CREDENTIAL_STATE_ACTIVE;
  g_assert_cmpuint (mc_store_count_credentials (f->inst->store, &query, &error), ==, f->n_passed);
  g_assert_no_error (error);
}

static void
check_manifest (Fixture *f,
                gint64   batch_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = read_file (f->export_dir, "manifest.json", NULL);
  g_autofree char *csv = read_file (f->export_dir, "manifest.csv", NULL);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  g_autoptr(JsonNode) root = mc_strict_json_parse_object (json, -1, &error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *manifest;
  JsonArray *entries;

  g_assert_no_error (error);
  manifest = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (manifest, "batch"), ==, batch_id);
  g_assert_cmpstr (json_object_get_string_member (manifest, "state"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (manifest, "offering"), "code"),
                   ==, "2026-SPRING");
  entries = json_object_get_array_member (manifest, "credentials");
  g_assert_cmpuint (json_array_get_length (entries), ==, f->n_passed);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonArray *files = json_object_get_array_member (entry, "files");
      const char *uuid = json_object_get_string_member (entry, "uuid");

      g_assert_false (g_hash_table_contains (seen, uuid));
      g_hash_table_add (seen, (gpointer) uuid);
      g_assert_cmpuint (json_array_get_length (files), ==, 3);
      for (guint j = 0; j < 3; j++)
        {
          JsonObject *file = json_array_get_object_element (files, j);
          gsize len = 0;
          g_autofree char *contents = read_file (f->export_dir, json_object_get_string_member (file, "name"), &len);
          g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guint8 *) contents, len);

          g_assert_cmpstr (json_object_get_string_member (file, "sha256"), ==, sha256);
        }
    }
  /* A header, a row per credential, and the empty rest after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, f->n_passed + 2);
  g_assert_true (g_str_has_prefix (lines[0], "credential_uuid,student_id,name,pdf,pdf_sha256"));
}

static void
check_no_temp_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->export_dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".tmp"));
}

typedef struct {
  guint         calls;
  guint         last_done;
  guint         last_total;
  GCancellable *cancel_after_first;
} ProgressLog;

static void
progress_cb (McBatchIssuer *issuer,
             guint          done,
             guint          total,
             gpointer       user_data)
{
  ProgressLog *log = user_data;

  g_assert_cmpuint (done, >=, log->last_done);
  g_assert_cmpuint (done, <=, total);
  log->calls++;
  log->last_done = done;
  log->last_total = total;
  if (log->cancel_after_first != NULL && done > 0)
    g_cancellable_cancel (log->cancel_after_first);
}

/* @data: the number of jobs, as the test path's suffix says. */
static void
test_issue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint jobs = g_str_has_suffix (g_test_get_path (), "2") ? 2 : 1;
  g_autoptr(McBatchIssuer) issuer = new_issuer (f, jobs);
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  McBatchIssuerStats stats;
  ProgressLog log = { 0 };

  g_signal_connect (issuer, "progress", G_CALLBACK (progress_cb), &log);
  batch = mc_batch_issuer_run (issuer, f->offering->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch->state, ==, MC_BATCH_STATE_DONE);
  g_assert_cmpuint (batch->total, ==, f->n_passed);
  g_assert_cmpuint (batch->issued, ==, f->n_passed);
  g_assert_cmpstr (batch->export_dir, ==, f->export_dir);
  /* The last report says it is all done. */
  g_assert_cmpuint (log.last_done, ==, f->n_passed);
  g_assert_cmpuint (log.last_total, ==, f->n_passed);
  mc_batch_issuer_get_stats (issuer, &stats);
  g_assert_cmpuint (stats.count, ==, f->n_passed);
  g_assert_cmpfloat (stats.sign_ms, >, 0);
  g_assert_cmpfloat (stats.render_ms, >, 0);

  check_one_per_learner (f);
  credentials = active_credentials (f, batch->id);
  g_assert_cmpuint (credentials->len, ==, f->n_passed);
  for (guint i = 0; i < credentials->len; i++)
    check_credential_files (f, g_ptr_array_index (credentials, i));
  check_manifest (f, batch->id);
  check_no_temp_files (f);

  /* Nothing more to issue: refused, nothing changes. */
  g_clear_pointer (&batch, mc_issue_batch_free);
  batch = mc_batch_issuer_run (issuer, f->offering->id, NULL, &error);
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);
  g_assert_null (batch);
  check_one_per_learner (f);
}

/* Path → SHA-256 of every file of the folder. */
static GHashTable *
snapshot (Fixture *f)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) dir = g_dir_open (f->export_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gsize len = 0;
      g_autofree char *contents = read_file (f->export_dir, name, &len);

      g_hash_table_insert (files, g_strdup (name),
                           g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guint8 *) contents, len));
    }
  return files;
}

static void
resume_and_check (Fixture       *f,
                  gint64         batch_id,
                  GHashTable    *before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBatchIssuer) issuer = new_issuer (f, 2);
  g_autoptr(McIssueBatch) batch = mc_batch_issuer_run (issuer, f->offering->id, NULL, &error);
  g_autoptr(GPtrArray) credentials = NULL;
  GHashTableIter iter;
  gpointer name, sha256;
  g_autoptr(GHashTable) after = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (batch->id, ==, batch_id);
  g_assert_cmpint (batch->state, ==, MC_BATCH_STATE_DONE);
  g_assert_cmpuint (batch->issued, ==, f->n_passed);
  check_one_per_learner (f);
  credentials = active_credentials (f, batch_id);
  for (guint i = 0; i < credentials->len; i++)
    check_credential_files (f, g_ptr_array_index (credentials, i));
  check_manifest (f, batch_id);
  check_no_temp_files (f);
  /* The credentials issued before the stop kept their files as they were. */
  after = snapshot (f);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &sha256))
    if (!g_str_has_prefix (name, "manifest."))
      g_assert_cmpstr (g_hash_table_lookup (after, name), ==, sha256);
}

static void
test_cancel_resume (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBatchIssuer) issuer = new_issuer (f, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(McIssueBatch) stopped = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GPtrArray) done = NULL;
  ProgressLog log = { 0, 0, 0, cancellable };

  g_signal_connect (issuer, "progress", G_CALLBACK (progress_cb), &log);
  batch = mc_batch_issuer_run (issuer, f->offering->id, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (batch);
  g_clear_error (&error);
  stopped = mc_store_find_unfinished_batch (f->inst->store, f->offering->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stopped);
  g_assert_cmpint (stopped->state, ==, MC_BATCH_STATE_CANCELLED);
  /* It stopped after a whole page, well before the end. */
  g_assert_cmpuint (stopped->issued, >, 0);
  g_assert_cmpuint (stopped->issued, <, f->n_passed);
  g_assert_cmpuint (stopped->issued % 64, ==, 0);
  done = active_credentials (f, stopped->id);
  g_assert_cmpuint (done->len, ==, stopped->issued);
  for (guint i = 0; i < done->len; i++)
    check_credential_files (f, g_ptr_array_index (done, i));
  before = snapshot (f);
  g_assert_true (g_hash_table_contains (before, "manifest.json"));

  resume_and_check (f, stopped->id, before);
}

/* A cancel that comes while the last page is signed finds nothing left
 * to stop: the batch is done. */
static void
test_cancel_last_page (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBatchIssuer) issuer = new_issuer (f, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(McIssueBatch) batch = NULL;
  ProgressLog log = { 0, 0, 0, cancellable };

  g_signal_connect (issuer, "progress", G_CALLBACK (progress_cb), &log);
  batch = mc_batch_issuer_run (issuer, f->offering->id, cancellable, &error);
  g_assert_no_error (error);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_cmpint (batch->state, ==, MC_BATCH_STATE_DONE);
  g_assert_cmpuint (batch->issued, ==, f->n_passed);
  check_one_per_learner (f);
}

/* Makes the PDF of the @index-th pending credential land on /dev/full. */
static void
plant_full_disk (Fixture *f,
                 guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_test_open_store (f->inst);
  g_autoptr(McIssueBatch) batch = mc_store_find_unfinished_batch (store, f->offering->id, &error);
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *temp = NULL;

  g_assert_no_error (error);
  pending = mc_store_list_pending_credentials (store, batch->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, >, index);
  stem = file_stem (g_ptr_array_index (pending, index));
  temp = g_strdup_printf ("%s/%s.pdf.tmp", f->export_dir, stem);
  g_assert_cmpint (symlink ("/dev/full", temp), ==, 0);
}

/* What to make full once the folder is ready: the PDF of a pending
 * credential, or the file at @path. */
typedef struct {
  Fixture    *f;
  const char *path;
} Plant;

static void
plant_cb (McBatchIssuer *issuer,
          guint          done,
          guint          total,
          gpointer       user_data)
{
  Plant *plant = user_data;

  /* The first report comes once the folder is ready (and old temporary
   * files are cleared), before any page. */
  if (done == 0 && !g_object_get_data (G_OBJECT (issuer), "planted"))
    {
      if (plant->path != NULL)
        g_assert_cmpint (symlink ("/dev/full", plant->path), ==, 0);
      else
        plant_full_disk (plant->f, 100);
      g_object_set_data (G_OBJECT (issuer), "planted", GINT_TO_POINTER (TRUE));
    }
}

/* Runs a batch that meets a full disk at @path (or at a pending
 * credential's PDF when NULL); the batch it left unfinished, and the
 * error's message. */
static McIssueBatch *
run_into_full_disk (Fixture     *f,
                    const char  *path,
                    char       **message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBatchIssuer) issuer = new_issuer (f, 2);
  g_autoptr(McIssueBatch) batch = NULL;
  McIssueBatch *stopped;
  Plant plant = { f, path };

  g_signal_connect (issuer, "progress", G_CALLBACK (plant_cb), &plant);
  batch = mc_batch_issuer_run (issuer, f->offering->id, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_null (batch);
  stopped = mc_store_find_unfinished_batch (f->inst->store, f->offering->id, NULL);
  g_assert_nonnull (stopped);
  *message = g_strdup (error->message);
  return stopped;
}

static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(McIssueBatch) stopped = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;

  stopped = run_into_full_disk (f, NULL, &message);
  g_assert_cmpint (stopped->state, ==, MC_BATCH_STATE_FAILED);
  /* The first page and what the workers finished of the second. */
  g_assert_cmpuint (stopped->issued, >=, 64);
  g_assert_cmpuint (stopped->issued, <, f->n_passed);
  expected = g_strdup_printf ("The disk is full: %u of %u credentials were issued. "
                              "Free some space and issue again to continue.", stopped->issued, f->n_passed);
  g_assert_cmpstr (message, ==, expected);
  check_no_temp_files (f);
  before = snapshot (f);

  resume_and_check (f, stopped->id, before);
}

/* The manifest is written before the batch is marked done: a batch whose
 * manifest failed (or that was killed between the two) stays unfinished,
 * and issuing again writes the manifest without issuing anything twice. */
static void
test_manifest_failure (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(McIssueBatch) stopped = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autofree char *temp = g_build_filename (f->export_dir, "manifest.json.tmp", NULL);
  g_autofree char *message = NULL;

  stopped = run_into_full_disk (f, temp, &message);
  g_assert_true (g_str_has_prefix (message, "Every credential was issued, but the manifest was not written"));
  g_assert_true (g_str_has_suffix (message, "Issue again to write it."));
  g_assert_cmpint (stopped->state, ==, MC_BATCH_STATE_RUNNING);
  g_assert_cmpuint (stopped->issued, ==, f->n_passed);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));
  check_no_temp_files (f);
  before = snapshot (f);
  g_assert_false (g_hash_table_contains (before, "manifest.json"));

  resume_and_check (f, stopped->id, before);
}

static void
test_unwritable_folder (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBatchIssuer) issuer = new_issuer (f, 1);
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(McIssueBatch) stopped = NULL;
  g_autofree char *blocker = g_build_filename (f->inst->dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "export", NULL);

  /* A folder inside a file cannot be made, even by root. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  mc_batch_issuer_set_export_dir (issuer, inside);
  batch = mc_batch_issuer_run (issuer, f->offering->id, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "Cannot create the export folder"));
  g_assert_nonnull (strstr (error->message, "0 of 27 credentials were issued"));
  stopped = mc_store_find_unfinished_batch (f->inst->store, f->offering->id, NULL);
  g_assert_cmpint (stopped->state, ==, MC_BATCH_STATE_FAILED);
  g_assert_cmpstr (stopped->export_dir, ==, inside);

  /* Issued again into a folder that works, it completes. */
  g_clear_error (&error);
  mc_batch_issuer_set_export_dir (issuer, f->export_dir);
  batch = mc_batch_issuer_run (issuer, f->offering->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch->id, ==, stopped->id);
  g_assert_cmpuint (batch->issued, ==, f->n_passed);
  check_one_per_learner (f);
}

typedef struct {
  GMainLoop    *loop;
  McIssueBatch *batch;
  GError       *error;
  GThread      *thread;
  guint         reports;
  guint         last_done;
} AsyncRun;

static void
async_progress_cb (McBatchIssuer *issuer,
                   guint          done,
                   guint          total,
                   gpointer       user_data)
{
  AsyncRun *run = user_data;

  /* In the thread that started the run. */
  g_assert_true (g_thread_self () == run->thread);
  run->reports++;
  run->last_done = done;
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->batch = mc_batch_issuer_run_finish (MC_BATCH_ISSUER (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(McBatchIssuer) issuer = new_issuer (f, 2);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncRun run = { loop, NULL, NULL, g_thread_self (), 0, 0 };

  mc_batch_issuer_set_data_integrity_key (issuer, NULL);
  g_signal_connect (issuer, "progress", G_CALLBACK (async_progress_cb), &run);
  mc_batch_issuer_run_async (issuer, f->offering->id, NULL, async_done_cb, &run);
  g_main_loop_run (loop);
  g_assert_no_error (run.error);
  g_assert_cmpint (run.batch->state, ==, MC_BATCH_STATE_DONE);
  g_assert_cmpuint (run.batch->issued, ==, f->n_passed);
  /* Pending reports are delivered before the result, the last one final. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (run.reports, >=, 2);
  g_assert_cmpuint (run.last_done, ==, f->n_passed);
  check_one_per_learner (f);
  mc_issue_batch_free (run.batch);
}

/* The issuing context and its copies for worker threads build the same
 * documents; a copy takes only what its original prepared. */
static void
test_context_copy (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McIssueBatch) batch = mc_workflow_start_batch (mc_test_workflow (f->inst, MC_TEST_REGISTRAR),
                                                           f->offering->id, mc_signing_key_get_kid (f->key),
                                                           NULL, FALSE, &error);
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(McIssuingContext) context = NULL;
  g_autoptr(McIssuingContext) copy = NULL;
  g_autoptr(JsonNode) from_copy = NULL;
  g_autoptr(JsonNode) from_original = NULL;
  g_autoptr(McCertificateContent) content = NULL;
  g_autofree char *copy_text = NULL;
  g_autofree char *original_text = NULL;
  g_autofree char *subject = NULL;
  McIssuedCredential *credential;

  g_assert_no_error (error);
  pending = mc_store_list_pending_credentials (f->inst->store, batch->id, 1, &error);
  g_assert_no_error (error);
  credential = g_ptr_array_index (pending, 0);
  context = mc_issuing_context_new (f->inst->store, &error);
  g_assert_no_error (error);
  copy = mc_issuing_context_dup (context);

  from_copy = mc_issuing_context_build_credential (copy, credential, &error);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED);
  g_assert_null (from_copy);
  g_clear_error (&error);

  g_assert_true (mc_issuing_context_prepare (context, credential, &error));
  from_copy = mc_issuing_context_build_credential (copy, credential, &error);
  g_assert_no_error (error);
  from_original = mc_issuing_context_build_credential (context, credential, &error);
  g_assert_no_error (error);
  copy_text = json_to_string (from_copy, FALSE);
  original_text = json_to_string (from_original, FALSE);
  g_assert_cmpstr (copy_text, ==, original_text);
  /* The learner is the subject, by their permanent uuid. */
  subject = g_strconcat ("urn:uuid:", credential->result->learner->uuid, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (from_copy),
                                                                                  "credentialSubject"), "id"),
                   ==, subject);

  content = mc_issuing_context_build_certificate (copy, credential, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_certificate_content_get_learner_name (content), ==, credential->learner_name);
  g_assert_true (g_str_has_prefix (mc_certificate_content_get_verification_url (content),
                                   BASE_URL "/credentials/"));
  g_assert_nonnull (strstr (mc_certificate_content_get_verification_url (content), credential->token));
}

static void
test_wrong_passphrase (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McSigningKey) key = mc_keyring_unlock (f->keyring, NULL, "wrong horse", &error);

  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE);
  g_assert_cmpstr (error->message, ==, "The passphrase is not right for this key");
  g_assert_null (key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, n, func) \
  g_test_add ("/credential/batch-issuer/" path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, \
              fixture_tear_down)
  ADD ("issue/jobs-1", 30, test_issue);
  ADD ("issue/jobs-2", 30, test_issue);
  ADD ("cancel-resume", 150, test_cancel_resume);
  ADD ("cancel-last-page", 30, test_cancel_last_page);
  ADD ("full-disk", 150, test_full_disk);
  ADD ("unwritable-folder", 30, test_unwritable_folder);
  ADD ("manifest-failure", 30, test_manifest_failure);
  ADD ("async", 30, test_async);
  ADD ("wrong-passphrase", 0, test_wrong_passphrase);
  ADD ("context-copy", 3, test_context_copy);
#undef ADD

  return g_test_run ();
}
