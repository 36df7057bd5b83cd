/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "credential-fixture.h"
#include "mc-credential-verifier.h"
#include "mc-status-list-export.h"
#include "verify-fixture.h"
#include "workflow-fixture.h"

/* The verifier with the institution's register: its own keys, the state
 * of its credentials, verification addresses from the QR code, and the
 * status lists it exports. */

#define PASSPHRASE "correct horse battery staple"
#define N_LEARNERS 3

typedef struct {
  McTestInstitution *inst;
  McSigningKey      *key;           /* the institution's Ed25519 key */
  McKeyRecord       *record;
  GPtrArray         *credentials;   /* McIssuedCredential, issued */
} Fixture;

/* Records @key as the institution's, with its private key saved where
 * the keyring keeps it ("<database>-keys/"). */
static McKeyRecord *
add_key (McTestInstitution *inst,
         McSigningKey      *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) jwk = mc_public_key_to_jwk (mc_signing_key_get_public_key (key));
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *keys_dir = g_strconcat (inst->path, "-keys", NULL);
  g_autofree char *file = g_strconcat (mc_signing_key_get_kid (key), ".p8", NULL);
  McKeyRecord *record = mc_key_record_new ();

  json_node_set_object (node, jwk);
  record->kid = g_strdup (mc_signing_key_get_kid (key));
  record->kind = mc_signing_key_get_algorithm (key) == MC_KEY_ALGORITHM_EDDSA ? MC_KEY_KIND_ED25519 : MC_KEY_KIND_RSA;
  record->public_jwk = json_to_string (node, FALSE);
  record->private_path = g_build_filename (keys_dir, file, NULL);
  MC_TEST_ASSERT_OK (mc_signing_key_save (key, record->private_path, PASSPHRASE, &error));
  MC_TEST_ASSERT_OK (mc_workflow_add_key (inst->workflows[MC_TEST_ADMIN], record, &error));
  return record;
}

/* Signs the pending credentials of @batch as the issuer would. */
static void
sign_batch (Fixture      *f,
            McIssueBatch *batch)
{
  g_autoptr(GError) error = NULL;
  McWorkflow *registrar = f->inst->workflows[MC_TEST_REGISTRAR];
  g_autoptr(GPtrArray) pending = mc_store_list_pending_credentials (f->inst->store, batch->id, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < pending->len; i++)
    {
      McIssuedCredential *credential = g_ptr_array_index (pending, i);
      g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();

      mc_credential_builder_set_credential (builder, credential->uuid, credential->valid_from,
                                            credential->valid_until);
      mc_credential_builder_set_status (builder, OB3_FIXTURE_BASE "/status", credential->status_index);
      credential->jwt = verify_fixture_jwt (f->key, builder);
    }
  MC_TEST_ASSERT_OK (mc_workflow_complete_credentials (registrar, pending, &error));
  MC_TEST_ASSERT_OK (mc_workflow_finish_batch (registrar, batch, MC_BATCH_STATE_DONE, &error));
  for (guint i = 0; i < pending->len; i++)
    {
      McIssuedCredential *credential = g_ptr_array_index (pending, i);

      g_ptr_array_add (f->credentials, mc_store_load_credential (f->inst->store, credential->id, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(McIssueBatch) batch = NULL;
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_result_input_free);
  static const char * const given[N_LEARNERS] = { "Aoife", "Bartosz", "Chidi" };

  f->inst = mc_test_institution_new ();
  f->key = credential_fixture_key (MC_KEY_ALGORITHM_EDDSA, 0);
  f->credentials = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_issued_credential_free);
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (f->inst->workflows[MC_TEST_ADMIN], MC_SETTING_VERIFICATION_URL,
                                              OB3_FIXTURE_BASE, &error));
  design = mc_test_create_design (f->inst);
  mc_test_make_active (f->inst, design);
  f->record = add_key (f->inst, f->key);
  offering = mc_test_create_offering (f->inst, design, "2026-SPRING");
  for (guint i = 0; i < N_LEARNERS; i++)
    {
      g_autofree char *student_id = g_strdup_printf ("S%04u", i + 1);

      g_ptr_array_add (inputs, mc_test_result_input (student_id, given[i], "Byrne", "B+", TRUE));
    }
  mc_test_record_results (f->inst, offering->id, inputs);
  batch = mc_workflow_start_batch (f->inst->workflows[MC_TEST_REGISTRAR], offering->id, f->record->kid,
                                   NULL, FALSE, &error);
  g_assert_no_error (error);
  sign_batch (f, batch);
  g_assert_cmpuint (f->credentials->len, ==, N_LEARNERS);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->credentials, g_ptr_array_unref);
  g_clear_pointer (&f->record, mc_key_record_free);
  g_clear_pointer (&f->inst, mc_test_institution_free);
}

static McIssuedCredential *
credential (Fixture *f,
            guint    i)
{
  return g_ptr_array_index (f->credentials, i);
}

static char *
address_of (McIssuedCredential *credential)
{
  return g_strdup_printf (OB3_FIXTURE_BASE "/credentials/%s?token=%s", credential->uuid, credential->token);
}

static McCredentialVerifier *
store_verifier (Fixture *f)
{
  McCredentialVerifier *verifier = mc_credential_verifier_new ();

  mc_credential_verifier_set_store (verifier, f->inst->store);
  return verifier;
}

static McVerification *
verify (McCredentialVerifier *verifier,
        const char           *text)
{
  g_autoptr(GError) error = NULL;
  McVerification *result = mc_credential_verifier_verify_text (verifier, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static McCheckOutcome
outcome (McVerification *result,
         const char     *check_id)
{
  return mc_verification_check_get_outcome (mc_verification_find_check (result, check_id));
}

static const char *
detail (McVerification *result,
        const char     *check_id)
{
  return mc_verification_check_get_detail (mc_verification_find_check (result, check_id));
}

static void
assert_valid (McVerification *result)
{
  for (guint i = 0; i < mc_verification_get_n_checks (result); i++)
    {
      const McVerificationCheck *check = mc_verification_get_check (result, i);

      if (mc_verification_check_get_outcome (check) != MC_CHECK_OUTCOME_PASSED)
        g_error ("check %s: %s", mc_verification_check_get_id (check), mc_verification_check_get_detail (check));
    }
  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_VALID);
}

static void
assert_status_fails (McVerification    *result,
                     McCredentialError  code)
{
  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INVALID);
  g_assert_cmpint (outcome (result, MC_CHECK_STATUS), ==, MC_CHECK_OUTCOME_FAILED);
  g_assert_error (mc_verification_get_failure (result), MC_CREDENTIAL_ERROR, (int) code);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%-d %B %Y");
}

/* The register */

static void
test_address (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(McCredentialVerifier) verifier = store_verifier (f);
  g_autofree char *address = address_of (credential (f, 0));
  g_autofree char *urn = mc_issued_credential_dup_urn (credential (f, 0));
  g_autoptr(McVerification) result = verify (verifier, address);

  assert_valid (result);
  g_assert_cmpstr (mc_verification_get_credential_id (result), ==, urn);
  g_assert_cmpstr (detail (result, MC_CHECK_STATUS), ==,
                   "Neither revoked nor suspended, according to this institution's register.");
  g_assert_cmpstr (detail (result, MC_CHECK_ISSUER), ==, "Issued by Hanze Polytechnic, with one of its own keys.");
}

static void
test_address_unknown (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(McCredentialVerifier) verifier = store_verifier (f);
  /* A real uuid with another credential's token, and an unknown uuid. */
  g_autofree char *swapped = g_strdup_printf (OB3_FIXTURE_BASE "/credentials/%s?token=%s",
                                              credential (f, 0)->uuid, credential (f, 1)->token);
  const char *addresses[] = { swapped, OB3_FIXTURE_BASE "/credentials/" OB3_FIXTURE_CREDENTIAL };

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      g_autoptr(McVerification) result = verify (verifier, addresses[i]);

      g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INVALID);
      g_assert_cmpint (outcome (result, MC_CHECK_FORMAT), ==, MC_CHECK_OUTCOME_FAILED);
      g_assert_cmpstr (mc_verification_get_summary (result), ==,
                       "Not valid: no credential with this address was issued by this institution.");
    }
}

static void
test_address_of_another_institution (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(McCredentialVerifier) verifier = store_verifier (f);
  g_autofree char *address = g_strdup_printf ("https://verify.other.example/credentials/%s?token=%s",
                                              credential (f, 0)->uuid, credential (f, 0)->token);
  g_autoptr(McVerification) result = verify (verifier, address);

  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INCOMPLETE);
  g_assert_cmpint (outcome (result, MC_CHECK_FORMAT), ==, MC_CHECK_OUTCOME_SKIPPED);
}

static void
test_revoked_in_register (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McCredentialVerifier) verifier = store_verifier (f);
  g_autofree char *date = today ();
  g_autofree char *expected_detail = g_strdup_printf ("Revoked on %s. Reason given: Result withdrawn after "
                                                      "the appeal", date);
  g_autofree char *expected_summary = g_strdup_printf ("Not valid: this credential was revoked on %s.", date);
  g_autofree char *address = address_of (credential (f, 0));
  g_autoptr(McVerification) by_address = NULL;
  g_autoptr(McVerification) by_token = NULL;

  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (f->inst->workflows[MC_TEST_REGISTRAR], credential (f, 0)->id,
                                                       MC_CREDENTIAL_STATE_REVOKED, "Result withdrawn after the appeal",
                                                       &error));
  by_address = verify (verifier, address);
  assert_status_fails (by_address, MC_CREDENTIAL_ERROR_REVOKED);
  g_assert_cmpstr (detail (by_address, MC_CHECK_STATUS), ==, expected_detail);
  g_assert_cmpstr (mc_verification_get_summary (by_address), ==, expected_summary);
  /* The signed credential itself, pasted: the register still knows. */
  by_token = verify (verifier, credential (f, 0)->jwt);
  assert_status_fails (by_token, MC_CREDENTIAL_ERROR_REVOKED);
  g_assert_cmpstr (detail (by_token, MC_CHECK_STATUS), ==, expected_detail);
}

static void
test_suspended_and_superseded (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McCredentialVerifier) verifier = store_verifier (f);
  g_autoptr(McIssueBatch) replacement = NULL;
  g_autoptr(McVerification) suspended = NULL;
  g_autoptr(McVerification) superseded = NULL;
  McWorkflow *registrar = f->inst->workflows[MC_TEST_REGISTRAR];

  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, credential (f, 1)->id,
                                                       MC_CREDENTIAL_STATE_SUSPENDED, "Under investigation", &error));
  suspended = verify (verifier, credential (f, 1)->jwt);
  assert_status_fails (suspended, MC_CREDENTIAL_ERROR_SUSPENDED);

  replacement = mc_workflow_reissue_credential (registrar, credential (f, 2)->id, "Grade corrected", &error);
  g_assert_no_error (error);
  superseded = verify (verifier, credential (f, 2)->jwt);
  assert_status_fails (superseded, MC_CREDENTIAL_ERROR_REVOKED);
  g_assert_true (g_str_has_prefix (detail (superseded, MC_CHECK_STATUS), "Replaced by a corrected credential on "));
}

/* Our key, but another issuer named: a key must not vouch for others. */
static void
test_our_key_other_issuer (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(McIssuerProfile) other = mc_issuer_profile_new ("https://other.example/issuer", "Other College");
  g_autoptr(McCredentialBuilder) builder = mc_credential_builder_new (other);
  g_autoptr(McRevision) revision = ob3_fixture_full_revision (MC_GRADING_PASS_FAIL);
  g_autoptr(McCredentialVerifier) verifier = store_verifier (f);
  g_autoptr(McVerification) result = NULL;
  g_autofree char *token = NULL;

  mc_credential_builder_set_revision (builder, revision, OB3_FIXTURE_DESIGN, "https://other.example/a/1");
  mc_credential_builder_set_learner (builder, OB3_FIXTURE_LEARNER, "Lena de Vries", "S1", NULL);
  mc_credential_builder_set_result (builder, "Pass", "2026-01-20", NULL);
  mc_credential_builder_set_credential (builder, OB3_FIXTURE_CREDENTIAL, "2026-02-01", NULL);
  token = verify_fixture_jwt (f->key, builder);
  result = verify (verifier, token);
  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INVALID);
  g_assert_cmpint (outcome (result, MC_CHECK_ISSUER), ==, MC_CHECK_OUTCOME_FAILED);
  g_assert_error (mc_verification_get_failure (result), MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_KEY_MISMATCH);
}

/* Status list export */

static McSigningKey *
unlock_key (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  McSigningKey *key = mc_signing_key_load (f->record->private_path, PASSPHRASE, &error);

  g_assert_no_error (error);
  return key;
}

static char *
read_list (const char *dir,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* The file's bits are the store's. */
static void
assert_list_matches (Fixture    *f,
                     const char *dir,
                     const char *purpose)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s-0.jwt", purpose);
  g_autofree char *text = read_list (dir, name);
  g_autoptr(McJws) jws = mc_jws_parse (text, &error);
  JsonObject *subject;
  g_autoptr(GBytes) bits = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *kid = verify_fixture_key_url (f->key);

  g_assert_no_error (error);
  g_assert_true (mc_jws_verify (jws, mc_signing_key_get_public_key (f->key), &error));
  g_assert_cmpstr (mc_jws_get_kid (jws), ==, kid);
  subject = json_object_get_object_member (mc_jws_get_payload (jws), "credentialSubject");
  g_assert_cmpstr (json_object_get_string_member (subject, "statusPurpose"), ==, purpose);
  bits = mc_status_list_decode (json_object_get_string_member (subject, "encodedList"), &error);
  g_assert_no_error (error);
  expected = mc_store_get_status_bits (f->inst->store, 0, purpose, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bits, expected));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McSigningKey) key = unlock_key (f);
  g_autofree char *dir = g_build_filename (f->inst->dir, "published", "status", NULL);
  McWorkflow *registrar = f->inst->workflows[MC_TEST_REGISTRAR];
  g_autoptr(McCredentialVerifier) verifier = mc_credential_verifier_new ();
  g_autofree char *revocation = NULL;
  g_autofree char *suspension = NULL;
  const McCredentialError expected[N_LEARNERS] = { MC_CREDENTIAL_ERROR_REVOKED, MC_CREDENTIAL_ERROR_SUSPENDED, 0 };

  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, credential (f, 0)->id,
                                                       MC_CREDENTIAL_STATE_REVOKED, "Fraud", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_credential_state (registrar, credential (f, 1)->id,
                                                       MC_CREDENTIAL_STATE_SUSPENDED, "Appeal", &error));
  g_assert_cmpuint (mc_status_list_export (f->inst->store, key, NULL, NULL, dir, &error), ==, 2);
  g_assert_no_error (error);
  assert_list_matches (f, dir, "revocation");
  assert_list_matches (f, dir, "suspension");

  /* A verifier elsewhere, with the published key and lists only. */
  revocation = read_list (dir, "revocation-0.jwt");
  suspension = read_list (dir, "suspension-0.jwt");
  mc_credential_verifier_add_public_key (verifier, mc_signing_key_get_public_key (f->key));
  MC_TEST_ASSERT_OK (mc_credential_verifier_set_status_list (verifier, "revocation", revocation, &error));
  MC_TEST_ASSERT_OK (mc_credential_verifier_set_status_list (verifier, "suspension", suspension, &error));
  for (guint i = 0; i < N_LEARNERS; i++)
    {
      g_autoptr(McVerification) result = verify (verifier, credential (f, i)->jwt);

      if (expected[i] == 0)
        assert_valid (result);
      else
        assert_status_fails (result, expected[i]);
    }
}

static void
test_export_without_address (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McSigningKey) key = unlock_key (f);
  g_autofree char *dir = g_build_filename (f->inst->dir, "lists", NULL);

  MC_TEST_ASSERT_OK (mc_workflow_set_setting (f->inst->workflows[MC_TEST_ADMIN], MC_SETTING_VERIFICATION_URL,
                                              "", &error));
  g_assert_cmpuint (mc_status_list_export (f->inst->store, key, NULL, NULL, dir, &error), ==, 0);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/credential/verifier-store/address", test_address);
  ADD ("/credential/verifier-store/address-unknown", test_address_unknown);
  ADD ("/credential/verifier-store/address-of-another-institution", test_address_of_another_institution);
  ADD ("/credential/verifier-store/revoked", test_revoked_in_register);
  ADD ("/credential/verifier-store/suspended-and-superseded", test_suspended_and_superseded);
  ADD ("/credential/verifier-store/our-key-other-issuer", test_our_key_other_issuer);
  ADD ("/credential/verifier-store/export", test_export);
  ADD ("/credential/verifier-store/export-without-address", test_export_without_address);
#undef ADD

  return g_test_run ();
}
