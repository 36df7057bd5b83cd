/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-core.h"
#include "mc-credential.h"
#include "credential-fixture.h"

/* The W3C test vectors of eddsa-jcs-2022, step by step, then what a
 * verifier must refuse. */

static const guint8 multikey_secret_prefix[] = { 0x80, 0x26 };

static char *
vector_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "vc-di-eddsa", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return g_strchomp (text);
}

static JsonNode *
vector_json (const char *name)
{
  g_autofree char *text = vector_text (name);
  g_autoptr(GError) error = NULL;
  JsonNode *node = mc_strict_json_parse (text, -1, &error);

  g_assert_no_error (error);
  return node;
}

static const char *
string_member (JsonNode   *node,
               const char *name)
{
  return json_object_get_string_member (json_node_get_object (node), name);
}

static JsonObject *
first_proof (JsonNode *secured)
{
  JsonNode *proof = json_object_get_member (json_node_get_object (secured), "proof");

  if (JSON_NODE_HOLDS_OBJECT (proof))
    return json_node_get_object (proof);
  return json_array_get_object_element (json_node_get_array (proof), 0);
}

static char *
canonical (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  char *text = mc_jcs_canonicalize (node, &error);

  g_assert_no_error (error);
  return text;
}

static char *
sha256_hex (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* The key of keyPair.json, from its Multikey secret. */
static McSigningKey *
vector_key (void)
{
  g_autoptr(JsonNode) pair = vector_json ("keyPair.json");
  const char *secret = string_member (pair, "privateKeyMultibase");
  g_autofree guint8 *bytes = NULL;
  g_autoptr(GError) error = NULL;
  McSigningKey *key;
  gsize len = 0;

  g_assert_cmpint (secret[0], ==, 'z');
  bytes = mc_base58btc_decode (secret + 1, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, ==, 34);
  g_assert_cmpmem (bytes, 2, multikey_secret_prefix, 2);
  key = mc_signing_key_new_from_ed25519_seed (bytes + 2, &error);
  g_assert_no_error (error);
  return key;
}

static McPublicKey *
vector_public_key (void)
{
  g_autoptr(JsonNode) pair = vector_json ("keyPair.json");
  g_autoptr(GError) error = NULL;
  McPublicKey *key = mc_public_key_new_from_multikey (string_member (pair, "publicKeyMultibase"), &error);

  g_assert_no_error (error);
  return key;
}

static JsonNode *
sign_vector (McSigningKey *key,
             JsonNode     *document)
{
  g_autoptr(JsonNode) config = vector_json ("proofConfigJCS.json");
  g_autoptr(GError) error = NULL;
  JsonNode *secured = mc_data_integrity_sign (document, key, string_member (config, "verificationMethod"),
                                              string_member (config, "created"), &error);

  g_assert_no_error (error);
  return secured;
}

/* The vectors, step by step */

static void
test_canonical_document (void)
{
  g_autoptr(JsonNode) document = vector_json ("unsigned.json");
  g_autofree char *expected = vector_text ("canonDocJCS.txt");
  g_autofree char *text = canonical (document);
  g_autofree char *hash = sha256_hex (text);
  g_autofree char *expected_hash = vector_text ("docHashJCS.txt");

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (hash, ==, expected_hash);
}

static void
test_canonical_proof_config (void)
{
  g_autoptr(JsonNode) config = vector_json ("proofConfigJCS.json");
  g_autofree char *expected = vector_text ("proofCanonJCS.txt");
  g_autofree char *text = canonical (config);
  g_autofree char *hash = sha256_hex (text);
  g_autofree char *expected_hash = vector_text ("proofHashJCS.txt");
  g_autofree char *document_hash = vector_text ("docHashJCS.txt");
  g_autofree char *combined = g_strconcat (hash, document_hash, NULL);
  g_autofree char *expected_combined = vector_text ("combinedHashJCS.txt");

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (hash, ==, expected_hash);
  g_assert_cmpstr (combined, ==, expected_combined);
}

static void
test_key_pair (void)
{
  g_autoptr(McSigningKey) key = vector_key ();
  g_autoptr(McPublicKey) public_key = vector_public_key ();
  g_autoptr(JsonNode) pair = vector_json ("keyPair.json");
  g_autofree char *multikey = mc_public_key_to_multikey (mc_signing_key_get_public_key (key), NULL);

  g_assert_true (mc_public_key_equal (mc_signing_key_get_public_key (key), public_key));
  g_assert_cmpstr (multikey, ==, string_member (pair, "publicKeyMultibase"));
}

static void
test_sign_reproduces_vector (void)
{
  g_autoptr(McSigningKey) key = vector_key ();
  g_autoptr(JsonNode) document = vector_json ("unsigned.json");
  g_autoptr(JsonNode) expected = vector_json ("signedJCS.json");
  g_autoptr(JsonNode) secured = sign_vector (key, document);
  g_autofree char *signature = vector_text ("sigBTC58JCS.txt");
  g_autoptr(JsonNode) expected_proof = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) proof = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *expected_text = NULL;
  g_autofree char *text = NULL;
  JsonNode *proofs;

  proofs = json_object_get_member (json_node_get_object (secured), "proof");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (proofs));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (proofs)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first_proof (secured), "proofValue"), ==, signature);

  /* The same proof, member for member, as the W3C's signed document. */
  json_node_set_object (expected_proof, first_proof (expected));
  json_node_set_object (proof, first_proof (secured));
  expected_text = canonical (expected_proof);
  text = canonical (proof);
  g_assert_cmpstr (text, ==, expected_text);

  /* The input is left alone. */
  g_assert_false (json_object_has_member (json_node_get_object (document), "proof"));
}

static void
test_verify_vector (void)
{
  g_autoptr(McPublicKey) key = vector_public_key ();
  g_autoptr(JsonNode) secured = vector_json ("signedJCS.json");
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_data_integrity_verify (secured, key, &error));
  g_assert_no_error (error);
}

/* Refusals */

static void
assert_refused (JsonNode    *secured,
                McPublicKey *key,
                int          code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_data_integrity_verify (secured, key, &error));
  g_assert_error (error, MC_CREDENTIAL_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_tampered_document (void)
{
  g_autoptr(McPublicKey) key = vector_public_key ();
  g_autofree char *text = vector_text ("signedJCS.json");
  char *change = strstr (text, "The School of Examples");
  g_autoptr(JsonNode) secured = NULL;

  /* One character. */
  g_assert_nonnull (change);
  change[4] = 's';
  secured = mc_strict_json_parse (text, -1, NULL);
  assert_refused (secured, key, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
}

static void
test_tampered_proof (void)
{
  g_autoptr(McPublicKey) key = vector_public_key ();
  g_autoptr(JsonNode) secured = vector_json ("signedJCS.json");

  json_object_set_string_member (first_proof (secured), "created", "2023-02-24T23:36:39Z");
  assert_refused (secured, key, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
}

static void
test_proof_missing_or_unknown (void)
{
  g_autoptr(McPublicKey) key = vector_public_key ();
  g_autoptr(JsonNode) unsigned_document = vector_json ("unsigned.json");
  g_autoptr(JsonNode) rdfc = vector_json ("signedJCS.json");
  g_autoptr(JsonNode) no_value = vector_json ("signedJCS.json");
  g_autoptr(JsonNode) empty = vector_json ("signedJCS.json");
  g_autoptr(JsonNode) purpose = vector_json ("signedJCS.json");
  g_autoptr(JsonNode) chained = vector_json ("signedJCS.json");

  assert_refused (unsigned_document, key, MC_CREDENTIAL_ERROR_MALFORMED);

  json_object_set_string_member (first_proof (rdfc), "cryptosuite", "eddsa-rdfc-2022");
  assert_refused (rdfc, key, MC_CREDENTIAL_ERROR_MALFORMED);

  json_object_remove_member (first_proof (no_value), "proofValue");
  assert_refused (no_value, key, MC_CREDENTIAL_ERROR_MALFORMED);

  json_object_set_array_member (json_node_get_object (empty), "proof", json_array_new ());
  assert_refused (empty, key, MC_CREDENTIAL_ERROR_MALFORMED);

  json_object_set_string_member (first_proof (purpose), "proofPurpose", "authentication");
  assert_refused (purpose, key, MC_CREDENTIAL_ERROR_MALFORMED);

  json_object_set_string_member (first_proof (chained), "previousProof", "urn:uuid:1");
  assert_refused (chained, key, MC_CREDENTIAL_ERROR_MALFORMED);
}

static void
test_wrong_key (void)
{
  g_autoptr(JsonNode) secured = vector_json ("signedJCS.json");
  McSigningKey *other = credential_fixture_key (MC_KEY_ALGORITHM_EDDSA, 1);
  McSigningKey *rsa = credential_fixture_key (MC_KEY_ALGORITHM_RS256, 0);

  /* The proof names its did:key, which is not this one. */
  assert_refused (secured, mc_signing_key_get_public_key (other), MC_CREDENTIAL_ERROR_KEY_MISMATCH);
  assert_refused (secured, mc_signing_key_get_public_key (rsa), MC_CREDENTIAL_ERROR_KEY_MISMATCH);
}

/* Our own proofs */

static void
test_sign_and_verify (void)
{
  McSigningKey *key = credential_fixture_key (MC_KEY_ALGORITHM_EDDSA, 0);
  McSigningKey *other = credential_fixture_key (MC_KEY_ALGORITHM_EDDSA, 1);
  g_autoptr(JsonNode) document = vector_json ("unsigned.json");
  g_autoptr(JsonNode) secured = NULL;
  g_autoptr(GError) error = NULL;
  const char *created;

  secured = mc_data_integrity_sign (document, key, "https://uni.example/issuers/1#key-1", NULL, &error);
  g_assert_no_error (error);
  created = json_object_get_string_member (first_proof (secured), "created");
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       created, 0, 0));
  g_assert_true (json_object_has_member (first_proof (secured), "@context"));

  g_assert_true (mc_data_integrity_verify (secured, mc_signing_key_get_public_key (key), &error));
  g_assert_no_error (error);
  /* The method is not a did:key, so only the signature tells. */
  assert_refused (secured, mc_signing_key_get_public_key (other), MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
}

static void
test_proof_set (void)
{
  g_autoptr(McSigningKey) key = vector_key ();
  McSigningKey *second = credential_fixture_key (MC_KEY_ALGORITHM_EDDSA, 1);
  g_autoptr(JsonNode) document = vector_json ("signedJCS.json");
  g_autoptr(JsonNode) secured = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *proofs;

  /* The W3C document has one proof as an object; a second one makes a list. */
  secured = mc_data_integrity_sign (document, key, "https://uni.example/keys/2", "2024-05-01T10:00:00+02:00",
                                    &error);
  g_assert_no_error (error);
  proofs = json_object_get_array_member (json_node_get_object (secured), "proof");
  g_assert_cmpuint (json_array_get_length (proofs), ==, 2);
  g_assert_true (mc_data_integrity_verify (secured, mc_signing_key_get_public_key (key), &error));
  g_assert_no_error (error);

  /* Every proof must hold: one by another key fails the set. */
  g_clear_pointer (&document, json_node_unref);
  document = g_steal_pointer (&secured);
  secured = mc_data_integrity_sign (document, second, "https://other.example/keys/1", NULL, &error);
  g_assert_no_error (error);
  assert_refused (secured, mc_signing_key_get_public_key (key), MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
}

static void
test_context (void)
{
  g_autoptr(McPublicKey) key = vector_public_key ();
  g_autoptr(JsonNode) appended = vector_json ("signedJCS.json");
  g_autoptr(JsonNode) replaced = vector_json ("signedJCS.json");
  g_autoptr(GError) error = NULL;
  JsonArray *context;

  /* vc-di-eddsa lets a document's @context grow after the proof's. */
  context = json_object_get_array_member (json_node_get_object (appended), "@context");
  json_array_add_string_element (context, "https://uni.example/context/v1");
  g_assert_true (mc_data_integrity_verify (appended, key, &error));
  g_assert_no_error (error);

  context = json_object_get_array_member (json_node_get_object (replaced), "@context");
  json_array_remove_element (context, 1);
  json_array_add_string_element (context, "https://uni.example/context/v1");
  assert_refused (replaced, key, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
}

static void
test_sign_refusals (void)
{
  McSigningKey *key = credential_fixture_key (MC_KEY_ALGORITHM_EDDSA, 0);
  McSigningKey *rsa = credential_fixture_key (MC_KEY_ALGORITHM_RS256, 0);
  g_autoptr(JsonNode) document = vector_json ("unsigned.json");
  g_autoptr(JsonNode) list = mc_strict_json_parse ("[1]", -1, NULL);
  g_autoptr(JsonNode) bad_proof = vector_json ("unsigned.json");
  const char *bad_times[] = { "yesterday", "2024-13-01T00:00:00Z", "2024-01-01", "2024-01-01T25:00:00Z" };
  g_autoptr(GError) error = NULL;
  JsonNode *secured;

  secured = mc_data_integrity_sign (document, rsa, "https://uni.example/keys/1", NULL, &error);
  g_assert_null (secured);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_KEY_MISMATCH);
  g_clear_error (&error);

  secured = mc_data_integrity_sign (list, key, "https://uni.example/keys/1", NULL, &error);
  g_assert_null (secured);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
  g_clear_error (&error);

  json_object_set_string_member (json_node_get_object (bad_proof), "proof", "signed, honestly");
  secured = mc_data_integrity_sign (bad_proof, key, "https://uni.example/keys/1", NULL, &error);
  g_assert_null (secured);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_times); i++)
    {
      secured = mc_data_integrity_sign (document, key, "https://uni.example/keys/1", bad_times[i], &error);
      g_assert_null (secured);
      g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/credential/data-integrity/vector/canonical-document", test_canonical_document);
  g_test_add_func ("/credential/data-integrity/vector/canonical-proof-config", test_canonical_proof_config);
  g_test_add_func ("/credential/data-integrity/vector/key-pair", test_key_pair);
  g_test_add_func ("/credential/data-integrity/vector/sign", test_sign_reproduces_vector);
  g_test_add_func ("/credential/data-integrity/vector/verify", test_verify_vector);
  g_test_add_func ("/credential/data-integrity/refuse/tampered-document", test_tampered_document);
  g_test_add_func ("/credential/data-integrity/refuse/tampered-proof", test_tampered_proof);
  g_test_add_func ("/credential/data-integrity/refuse/proof", test_proof_missing_or_unknown);
  g_test_add_func ("/credential/data-integrity/refuse/wrong-key", test_wrong_key);
  g_test_add_func ("/credential/data-integrity/sign-and-verify", test_sign_and_verify);
  g_test_add_func ("/credential/data-integrity/proof-set", test_proof_set);
  g_test_add_func ("/credential/data-integrity/context", test_context);
  g_test_add_func ("/credential/data-integrity/refuse/sign", test_sign_refusals);

  return g_test_run ();
}
