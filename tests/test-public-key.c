/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-core.h"
#include "mc-credential.h"
#include "credential-fixture.h"

/* Public keys: JWK, PEM and Multikey forms, thumbprints, algorithm names. */

#define PASSPHRASE "correct horse battery staple"

/* RFC 7638 §3.1: the example RSA key and its thumbprint. */
#define RFC7638_N \
  "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP" \
  "ebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2Qvzq" \
  "Y368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0" \
  "fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"
#define RFC7638_KID "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"

static McPublicKey *
shared_public_key (McKeyAlgorithm alg)
{
  return mc_signing_key_get_public_key (credential_fixture_key (alg, 0));
}

static JsonObject *
jwk_from_text (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = mc_strict_json_parse_object (json, -1, &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static void
test_rfc7638_thumbprint (void)
{
  g_autoptr(JsonObject) jwk = jwk_from_text ("{\"kty\": \"RSA\", \"n\": \"" RFC7638_N "\", \"e\": \"AQAB\", "
                                             "\"alg\": \"RS256\", \"kid\": \"2011-04-29\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(McPublicKey) key = mc_public_key_new_from_jwk (jwk, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (mc_public_key_get_kid (key), ==, RFC7638_KID);
  g_assert_cmpuint (mc_public_key_get_bits (key), ==, 2048);
}

static void
check_jwk_round_trip (McPublicKey *key)
{
  g_autoptr(JsonObject) jwk = mc_public_key_to_jwk (key);
  g_autoptr(McPublicKey) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pem = mc_public_key_to_pem (key);
  g_autoptr(McPublicKey) from_pem = NULL;

  g_assert_cmpstr (json_object_get_string_member (jwk, "kid"), ==, mc_public_key_get_kid (key));
  g_assert_cmpstr (json_object_get_string_member (jwk, "alg"), ==,
                   mc_key_algorithm_to_jws_name (mc_public_key_get_algorithm (key)));
  g_assert_cmpstr (json_object_get_string_member (jwk, "use"), ==, "sig");
  g_assert_false (json_object_has_member (jwk, "d"));

  back = mc_public_key_new_from_jwk (jwk, &error);
  g_assert_no_error (error);
  g_assert_true (mc_public_key_equal (back, key));

  g_assert_true (g_str_has_prefix (pem, "-----BEGIN PUBLIC KEY-----"));
  from_pem = mc_public_key_new_from_pem (pem, &error);
  g_assert_no_error (error);
  g_assert_true (mc_public_key_equal (from_pem, key));
}

static void
test_jwk_round_trip (void)
{
  McPublicKey *rsa = shared_public_key (MC_KEY_ALGORITHM_RS256);
  McPublicKey *ed = shared_public_key (MC_KEY_ALGORITHM_EDDSA);
  g_autoptr(JsonObject) rsa_jwk = mc_public_key_to_jwk (rsa);
  g_autoptr(JsonObject) ed_jwk = mc_public_key_to_jwk (ed);

  check_jwk_round_trip (rsa);
  check_jwk_round_trip (ed);
  g_assert_cmpstr (json_object_get_string_member (rsa_jwk, "kty"), ==, "RSA");
  g_assert_cmpstr (json_object_get_string_member (rsa_jwk, "e"), ==, "AQAB");
  g_assert_cmpstr (json_object_get_string_member (ed_jwk, "kty"), ==, "OKP");
  g_assert_cmpstr (json_object_get_string_member (ed_jwk, "crv"), ==, "Ed25519");
  g_assert_false (mc_public_key_equal (rsa, ed));
}

static void
test_jwk_refusals (void)
{
  static const char *const refused[] = {
    /* private parts */
    "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\","
    "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"}",
    "{\"kty\":\"RSA\",\"n\":\"" RFC7638_N "\",\"e\":\"AQAB\",\"p\":\"AQAB\"}",
    /* other types and curves */
    "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
    "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}",
    "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}",
    "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo\"}",
    "{\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}",
    /* damaged members */
    "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUR\"}",
    "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"}",
    "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":42}",
    "{\"kty\":\"RSA\",\"e\":\"AQAB\"}",
    "{\"kty\":\"RSA\",\"n\":\"AA" RFC7638_N "\",\"e\":\"AQAB\"}",
    /* marked for something else */
    "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\",\"alg\":\"RS256\"}",
    "{\"kty\":\"RSA\",\"n\":\"" RFC7638_N "\",\"e\":\"AQAB\",\"alg\":\"PS256\"}",
    "{\"kty\":\"RSA\",\"n\":\"" RFC7638_N "\",\"e\":\"AQAB\",\"use\":\"enc\"}",
    /* 1024 bits are too few */
    "{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"wAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB"
    "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQ\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(JsonObject) jwk = jwk_from_text (refused[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(McPublicKey) key = mc_public_key_new_from_jwk (jwk, &error);

      if (key != NULL)
        g_error ("accepted %s", refused[i]);
      g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY);
    }
}

static void
test_multikey (void)
{
  McPublicKey *ed = shared_public_key (MC_KEY_ALGORITHM_EDDSA);
  McPublicKey *rsa = shared_public_key (MC_KEY_ALGORITHM_RS256);
  g_autoptr(GError) error = NULL;
  g_autofree char *multikey = mc_public_key_to_multikey (ed, &error);
  g_autofree char *rsa_multikey = NULL;
  g_autoptr(McPublicKey) back = NULL;
  static const char *const refused[] = {
    "6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",      /* no multibase prefix */
    "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ",      /* too short */
    "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq",     /* a secret key */
    "uO0BsA2Nk45_dz1RVlqtNqYj9TRPf10ZYPnPPo4SYg6igQ8",      /* base64url multibase */
  };

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (multikey, "z6Mk"));
  back = mc_public_key_new_from_multikey (multikey, &error);
  g_assert_no_error (error);
  g_assert_true (mc_public_key_equal (back, ed));

  rsa_multikey = mc_public_key_to_multikey (rsa, &error);
  g_assert_null (rsa_multikey);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_KEY_MISMATCH);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(McPublicKey) key = mc_public_key_new_from_multikey (refused[i], &error);

      g_assert_null (key);
      g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY);
      g_clear_error (&error);
    }
}

static void
test_pem_refusals (void)
{
  McSigningKey *signing_key = credential_fixture_key (MC_KEY_ALGORITHM_EDDSA, 0);
  g_autoptr(GBytes) private_pem = mc_signing_key_export_pkcs8 (signing_key, PASSPHRASE, NULL);
  g_autofree char *private_text = g_strndup (g_bytes_get_data (private_pem, NULL), g_bytes_get_size (private_pem));
  const char *refused[] = { private_text, "", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
                            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McPublicKey) key = mc_public_key_new_from_pem (refused[i], &error);

      g_assert_null (key);
      g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY);
    }
}

static void
test_algorithm_names (void)
{
  static const char *const refused[] = { "none", "None", "HS256", "ES256", "PS256", "RS512", "rs256", "EDDSA", "Ed25519", "" };
  McKeyAlgorithm alg = MC_KEY_ALGORITHM_EDDSA;

  g_assert_cmpstr (mc_key_algorithm_to_jws_name (MC_KEY_ALGORITHM_RS256), ==, "RS256");
  g_assert_cmpstr (mc_key_algorithm_to_jws_name (MC_KEY_ALGORITHM_EDDSA), ==, "EdDSA");
  g_assert_true (mc_key_algorithm_from_jws_name ("RS256", &alg));
  g_assert_cmpint (alg, ==, MC_KEY_ALGORITHM_RS256);
  g_assert_true (mc_key_algorithm_from_jws_name ("EdDSA", &alg));
  g_assert_cmpint (alg, ==, MC_KEY_ALGORITHM_EDDSA);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_false (mc_key_algorithm_from_jws_name (refused[i], &alg));
  g_assert_false (mc_key_algorithm_from_jws_name (NULL, &alg));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/credential/public-key/rfc7638-thumbprint", test_rfc7638_thumbprint);
  g_test_add_func ("/credential/public-key/jwk-round-trip", test_jwk_round_trip);
  g_test_add_func ("/credential/public-key/jwk-refusals", test_jwk_refusals);
  g_test_add_func ("/credential/public-key/multikey", test_multikey);
  g_test_add_func ("/credential/public-key/pem-refusals", test_pem_refusals);
  g_test_add_func ("/credential/public-key/algorithm-names", test_algorithm_names);

  return g_test_run ();
}
