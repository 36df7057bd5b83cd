/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "mc-credential.h"
#include "mc-keyring.h"
#include "workflow-fixture.h"

/* The credential addresses and the keyring through their public
 * interfaces: private keys encrypted beside the database with tight
 * permissions, unlocking and its refusals, public keys by id or address,
 * and the JWKS. */

#define BASE       "https://credentials.hanze.example"
#define PASSPHRASE "correct horse battery"

static void
test_urls (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = mc_credential_urls_normalize_base (BASE "//", &error);
  g_autofree char *issuer = mc_credential_urls_issuer (base);
  g_autofree char *jwks = mc_credential_urls_jwks (base);
  g_autofree char *key = mc_credential_urls_key (BASE "/", "kid123kid123kid123");
  g_autofree char *status = mc_credential_urls_status_base (base);
  g_autofree char *revocation = mc_credential_urls_status_list (base, "revocation", 2);
  g_autofree char *suspension = mc_credential_urls_status_list (base, "suspension", 0);
  g_autofree char *achievement = mc_credential_urls_achievement (base, "0b5c9b2c-5f0e-4a6e-9f55-3c2b1f7f1c11");
  g_autofree char *context = mc_credential_urls_context (base);
  g_autofree char *page = mc_credential_urls_verification_page (base, "6f1c2a8e-3b7d-4e1f-9a2b-5c6d7e8f9a0b",
                                                                "D-6BIVZAeX7Sw9C2mmmsGg");
  g_autofree char *bare_page = mc_credential_urls_verification_page (base, "6f1c2a8e-3b7d-4e1f-9a2b-5c6d7e8f9a0b",
                                                                     NULL);
  g_autofree char *thumbprint = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *token = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (base, ==, BASE);
  g_assert_cmpstr (issuer, ==, BASE "/issuer");
  g_assert_cmpstr (jwks, ==, BASE "/keys.json");
  g_assert_cmpstr (key, ==, BASE "/keys/kid123kid123kid123");
  g_assert_cmpstr (status, ==, BASE "/status");
  g_assert_cmpstr (revocation, ==, BASE "/status/revocation/2");
  g_assert_cmpstr (suspension, ==, BASE "/status/suspension/0");
  g_assert_cmpstr (achievement, ==, BASE "/achievements/0b5c9b2c-5f0e-4a6e-9f55-3c2b1f7f1c11");
  g_assert_cmpstr (context, ==, BASE "/contexts/microcred-v1.json");
  g_assert_cmpstr (page, ==, BASE "/credentials/6f1c2a8e-3b7d-4e1f-9a2b-5c6d7e8f9a0b?token=D-6BIVZAeX7Sw9C2mmmsGg");
  g_assert_cmpstr (bare_page, ==, BASE "/credentials/6f1c2a8e-3b7d-4e1f-9a2b-5c6d7e8f9a0b");

  /* Read back. */
  thumbprint = mc_credential_urls_parse_key (key);
  g_assert_cmpstr (thumbprint, ==, "kid123kid123kid123");
  g_clear_pointer (&thumbprint, g_free);
  thumbprint = mc_credential_urls_parse_key ("https://elsewhere.example/jwks#1");
  g_assert_null (thumbprint);
  g_assert_true (mc_credential_urls_parse_verification_page (page, &uuid, &token));
  g_assert_cmpstr (uuid, ==, "6f1c2a8e-3b7d-4e1f-9a2b-5c6d7e8f9a0b");
  g_assert_cmpstr (token, ==, "D-6BIVZAeX7Sw9C2mmmsGg");
  g_clear_pointer (&uuid, g_free);
  g_clear_pointer (&token, g_free);
  g_assert_true (mc_credential_urls_parse_verification_page (bare_page, &uuid, &token));
  g_assert_null (token);
  g_assert_false (mc_credential_urls_parse_verification_page (BASE "/credentials/not-a-uuid", NULL, NULL));
  g_assert_false (mc_credential_urls_parse_verification_page ("ftp://x.example/credentials/"
                                                              "6f1c2a8e-3b7d-4e1f-9a2b-5c6d7e8f9a0b", NULL, NULL));

  /* Addresses credentials could not be verified at. */
  {
    static const char * const bad[] = { "", "credentials.example.edu", "ftp://credentials.example.edu",
                                        "https://", "https://x.example/?a=b", "https://x.example/#top",
                                        "https://user@x.example", "https://x.example/a b" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *normalized = mc_credential_urls_normalize_base (bad[i], &error);

        g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED);
        g_assert_null (normalized);
        g_clear_error (&error);
      }
  }
}

typedef struct {
  McTestInstitution *inst;
  McKeyring         *keyring;    /* the administrator's */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->inst = mc_test_institution_new ();
  f->keyring = mc_keyring_new (mc_test_workflow (f->inst, MC_TEST_ADMIN));
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (mc_test_workflow (f->inst, MC_TEST_ADMIN),
                                              MC_SETTING_VERIFICATION_URL, BASE, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->keyring);
  g_clear_pointer (&f->inst, mc_test_institution_free);
}

static McKeyRecord *
generate (Fixture        *f,
          McKeyAlgorithm  alg)
{
  g_autoptr(GError) error = NULL;
  McKeyRecord *record = mc_keyring_generate (f->keyring, alg, PASSPHRASE, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_files (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(McKeyRecord) record = generate (f, MC_KEY_ALGORITHM_EDDSA);
  g_autofree char *expected_dir = g_strconcat (f->inst->path, "-keys", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  struct stat st;

  g_assert_cmpstr (mc_keyring_get_directory (f->keyring), ==, expected_dir);
  g_assert_cmpint (g_stat (expected_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  /* The record names the file inside the folder. */
  g_assert_null (strchr (record->private_path, G_DIR_SEPARATOR));
  path = g_build_filename (expected_dir, record->private_path, NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "-----BEGIN ENCRYPTED PRIVATE KEY-----"));
  g_assert_null (strstr (contents, PASSPHRASE));
  g_assert_null (strstr (record->public_jwk, "\"d\""));
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McKeyring) registrars = mc_keyring_new (mc_test_workflow (f->inst, MC_TEST_REGISTRAR));
  g_autoptr(McKeyRecord) record = NULL;
  g_autoptr(McKeyRecord) none = NULL;

  /* No key yet: unlocking says how to get one. */
  g_assert_null (mc_keyring_unlock (f->keyring, NULL, PASSPHRASE, &error));
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY);
  g_assert_nonnull (strstr (error->message, "generate or import"));
  g_clear_error (&error);
  /* Only administrators add keys, and a key needs a passphrase; nothing is left behind. */
  none = mc_keyring_generate (registrars, MC_KEY_ALGORITHM_EDDSA, PASSPHRASE, FALSE, &error);
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_assert_null (none);
  g_clear_error (&error);
  none = mc_keyring_generate (f->keyring, MC_KEY_ALGORITHM_EDDSA, "", FALSE, &error);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (mc_keyring_get_directory (f->keyring)), ==, 0);

  /* A self-signed certificate needs the institution's name, set by the fixture. */
  record = mc_keyring_generate (f->keyring, MC_KEY_ALGORITHM_EDDSA, PASSPHRASE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (record->certificate_pem, "BEGIN CERTIFICATE"));
}

static void
test_unlock (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McKeyRecord) first = generate (f, MC_KEY_ALGORITHM_EDDSA);
  g_autoptr(McKeyRecord) second = generate (f, MC_KEY_ALGORITHM_EDDSA);
  g_autoptr(McSigningKey) key = NULL;
  g_autofree char *first_path = g_build_filename (mc_keyring_get_directory (f->keyring), first->private_path, NULL);
  g_autofree char *second_path = g_build_filename (mc_keyring_get_directory (f->keyring), second->private_path,
                                                   NULL);
  g_autofree char *second_contents = NULL;

  key = mc_keyring_unlock (f->keyring, first->kid, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_signing_key_get_kid (key), ==, first->kid);
  g_clear_object (&key);

  key = mc_keyring_unlock (f->keyring, first->kid, "wrong horse", &error);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE);
  g_assert_cmpstr (error->message, ==, "The passphrase is not right for this key");
  g_assert_null (key);
  g_clear_error (&error);

  key = mc_keyring_unlock (f->keyring, "no-such-key", PASSPHRASE, &error);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY);
  g_clear_error (&error);

  /* A file holding another key. */
  g_assert_true (g_file_get_contents (second_path, &second_contents, NULL, NULL));
  g_assert_true (g_file_set_contents (first_path, second_contents, -1, NULL));
  key = mc_keyring_unlock (f->keyring, first->kid, PASSPHRASE, &error);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY);
  g_assert_nonnull (strstr (error->message, first->private_path));
  g_clear_error (&error);

  /* A damaged file, and a missing one: the message names the file. */
  g_assert_true (g_file_set_contents (first_path, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n", -1, NULL));
  key = mc_keyring_unlock (f->keyring, first->kid, PASSPHRASE, &error);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY);
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (first_path), ==, 0);
  key = mc_keyring_unlock (f->keyring, first->kid, PASSPHRASE, &error);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY);
  g_assert_nonnull (strstr (error->message, first->private_path));
  g_clear_error (&error);

  /* The current key of the institution's algorithm (EdDSA here) is the newest. */
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (mc_test_workflow (f->inst, MC_TEST_ADMIN),
                                              MC_SETTING_SIGNING_ALGORITHM, "EdDSA", &error));
  g_assert_cmpint (mc_keyring_get_signing_algorithm (f->keyring), ==, MC_KEY_ALGORITHM_EDDSA);
  key = mc_keyring_unlock (f->keyring, NULL, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_signing_key_get_kid (key), ==, second->kid);
}

static void
test_public_keys (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McKeyRecord) old = generate (f, MC_KEY_ALGORITHM_EDDSA);
  g_autoptr(McKeyRecord) current = generate (f, MC_KEY_ALGORITHM_EDDSA);
  g_autofree char *url = mc_credential_urls_key (BASE, old->kid);
  g_autoptr(McPublicKey) by_url = NULL;
  g_autoptr(McPublicKey) by_kid = NULL;
  g_autoptr(McPublicKey) unknown = NULL;
  g_autoptr(JsonNode) jwks = NULL;
  JsonArray *keys;

  g_assert_cmpstr (current->kid, !=, old->kid);
  MC_TEST_ASSERT_OK (mc_workflow_retire_key (mc_test_workflow (f->inst, MC_TEST_ADMIN), old->kid, &error));
  /* A retired key still verifies, by its address or its thumbprint. */
  by_url = mc_keyring_find_public_key (f->keyring, url, &error);
  g_assert_no_error (error);
  by_kid = mc_keyring_find_public_key (f->keyring, old->kid, &error);
  g_assert_no_error (error);
  g_assert_true (mc_public_key_equal (by_url, by_kid));
  g_assert_cmpstr (mc_public_key_get_kid (by_url), ==, old->kid);
  unknown = mc_keyring_find_public_key (f->keyring, BASE "/keys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                        &error);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY);
  g_assert_null (unknown);
  g_clear_error (&error);
  /* Nor can it sign any more. */
  g_assert_null (mc_keyring_unlock (f->keyring, old->kid, PASSPHRASE, &error));
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY);
  g_clear_error (&error);

  jwks = mc_keyring_build_jwks (f->keyring, &error);
  g_assert_no_error (error);
  keys = json_object_get_array_member (json_node_get_object (jwks), "keys");
  g_assert_cmpuint (json_array_get_length (keys), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *jwk = json_array_get_object_element (keys, i);
      g_autoptr(McPublicKey) parsed = mc_public_key_new_from_jwk (jwk, &error);
      g_autofree char *expected = NULL;

      g_assert_no_error (error);
      expected = mc_credential_urls_key (BASE, mc_public_key_get_kid (parsed));
      g_assert_cmpstr (json_object_get_string_member (jwk, "kid"), ==, expected);
      g_assert_false (json_object_has_member (jwk, "d"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credential/urls", test_urls);
#define ADD(path, func) \
  g_test_add ("/credential/keyring/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("files", test_files);
  ADD ("refusals", test_refusals);
  ADD ("unlock", test_unlock);
  ADD ("public-keys", test_public_keys);
#undef ADD

  return g_test_run ();
}
