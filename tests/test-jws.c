/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-core.h"
#include "mc-credential.h"
#include "credential-fixture.h"

/* Compact JWS: what we sign, and every kind of token a verifier must
 * refuse. */

#define PAYLOAD "{\"iss\":\"https://uni.example\",\"name\":\"Micro-credential en data \xC3\xA9thique\",\"n\":1}"

typedef enum {
  RSA_KEY,
  ED25519_KEY,
  OTHER_RSA_KEY,
  OTHER_ED25519_KEY,
} KeyName;

static McSigningKey *
key (KeyName name)
{
  McKeyAlgorithm alg = name == RSA_KEY || name == OTHER_RSA_KEY ? MC_KEY_ALGORITHM_RS256 : MC_KEY_ALGORITHM_EDDSA;

  return credential_fixture_key (alg, name == OTHER_RSA_KEY || name == OTHER_ED25519_KEY ? 1 : 0);
}

static McPublicKey *
public_key (KeyName name)
{
  return mc_signing_key_get_public_key (key (name));
}

static char *
sign (KeyName     name,
      const char *payload)
{
  g_autoptr(GError) error = NULL;
  char *token = mc_jws_sign (key (name), payload, &error);

  g_assert_no_error (error);
  return token;
}

static char *
encode (const char *text)
{
  return mc_base64url_encode ((const guint8 *) text, strlen (text));
}

static char *
decode (const char *part)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  guint8 *bytes = mc_base64url_decode (part, &len, &error);

  g_assert_no_error (error);
  return (char *) bytes;
}

/* A token from its parts; @signature NULL for an empty one. */
static char *
make_token (const char *header,
            const char *payload,
            GBytes     *signature)
{
  g_autofree char *header_part = encode (header);
  g_autofree char *payload_part = encode (payload);
  g_autofree char *signature_part = signature != NULL
    ? mc_base64url_encode (g_bytes_get_data (signature, NULL), g_bytes_get_size (signature))
    : g_strdup ("");

  return g_strjoin (".", header_part, payload_part, signature_part, NULL);
}

/* @header and @payload signed with @name: tokens that only the header
 * rules can stop. */
static char *
make_signed_token (KeyName     name,
                   const char *header,
                   const char *payload)
{
  g_autofree char *header_part = encode (header);
  g_autofree char *payload_part = encode (payload);
  g_autofree char *input = g_strjoin (".", header_part, payload_part, NULL);
  g_autoptr(GBytes) signature = mc_signing_key_sign (key (name), (const guint8 *) input, strlen (input), NULL);
  g_autofree char *signature_part = mc_base64url_encode (g_bytes_get_data (signature, NULL),
                                                         g_bytes_get_size (signature));

  return g_strjoin (".", input, signature_part, NULL);
}

static McJws *
parse (const char *token)
{
  g_autoptr(GError) error = NULL;
  McJws *jws = mc_jws_parse (token, &error);

  g_assert_no_error (error);
  return jws;
}

static void
assert_parse_refused (const char *token,
                      int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McJws) jws = mc_jws_parse (token, &error);

  if (jws != NULL)
    g_error ("accepted %.200s", token);
  g_assert_error (error, MC_CREDENTIAL_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
assert_verify_refused (const char *token,
                       KeyName     name,
                       int         code)
{
  g_autoptr(McJws) jws = parse (token);
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_jws_verify (jws, public_key (name), &error));
  g_assert_error (error, MC_CREDENTIAL_ERROR, code);
}

static char *
header_for (KeyName     name,
            const char *alg)
{
  return g_strdup_printf ("{\"alg\":\"%s\",\"kid\":\"%s\",\"typ\":\"JWT\"}", alg, mc_signing_key_get_kid (key (name)));
}

/* Round trips */

static void
check_round_trip (KeyName     name,
                  const char *alg)
{
  g_autofree char *token = sign (name, PAYLOAD);
  g_auto(GStrv) parts = g_strsplit (token, ".", -1);
  g_autofree char *header = decode (parts[0]);
  g_autofree char *expected_header = header_for (name, alg);
  g_autoptr(McJws) jws = NULL;
  g_autoptr(McJws) copy = NULL;
  g_autoptr(GError) error = NULL;

  /* The header byte for byte, and the payload as given. */
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_cmpstr (header, ==, expected_header);

  jws = parse (token);
  g_assert_cmpint (mc_jws_get_algorithm (jws), ==, mc_signing_key_get_algorithm (key (name)));
  g_assert_cmpstr (mc_jws_get_kid (jws), ==, mc_signing_key_get_kid (key (name)));
  g_assert_cmpstr (mc_jws_get_payload_text (jws), ==, PAYLOAD);
  g_assert_cmpstr (json_object_get_string_member (mc_jws_get_payload (jws), "iss"), ==, "https://uni.example");
  g_assert_true (mc_jws_verify (jws, public_key (name), &error));
  g_assert_no_error (error);

  copy = g_boxed_copy (MC_TYPE_JWS, jws);
  g_assert_cmpstr (mc_jws_get_payload_text (copy), ==, PAYLOAD);
  g_assert_true (mc_jws_verify (copy, public_key (name), &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  check_round_trip (RSA_KEY, "RS256");
  check_round_trip (ED25519_KEY, "EdDSA");
}

static void
test_sign_with_kid (void)
{
  const char *kid = "https://uni.example/keys/\"2024\"";
  g_autoptr(GError) error = NULL;
  g_autofree char *token = mc_jws_sign_with_kid (key (ED25519_KEY), kid, PAYLOAD, &error);
  g_auto(GStrv) parts = NULL;
  g_autofree char *header = NULL;
  g_autoptr(McJws) jws = NULL;

  g_assert_no_error (error);
  parts = g_strsplit (token, ".", -1);
  header = decode (parts[0]);
  g_assert_cmpstr (header, ==, "{\"alg\":\"EdDSA\",\"kid\":\"https://uni.example/keys/\\\"2024\\\"\",\"typ\":\"JWT\"}");
  jws = parse (token);
  g_assert_cmpstr (mc_jws_get_kid (jws), ==, kid);
  g_assert_true (mc_jws_verify (jws, public_key (ED25519_KEY), &error));
  g_assert_no_error (error);
}

static void
test_sign_refuses_payload (void)
{
  static const char *const refused[] = { "[1]", "\"text\"", "42", "{\"a\":1,\"a\":2}", "{", "" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *token = mc_jws_sign (key (ED25519_KEY), refused[i], &error);

      g_assert_null (token);
      g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
    }
}

/* Signatures that do not match */

static void
test_tampered (void)
{
  g_autofree char *token = sign (RSA_KEY, PAYLOAD);
  g_auto(GStrv) parts = g_strsplit (token, ".", -1);
  g_autofree char *payload = encode ("{\"iss\":\"https://evil.example\",\"n\":1}");
  g_autofree char *header = encode ("{\"alg\":\"RS256\",\"kid\":\"another\",\"typ\":\"JWT\"}");
  g_autofree char *other = sign (RSA_KEY, "{\"n\":2}");
  g_auto(GStrv) other_parts = g_strsplit (other, ".", -1);
  g_autofree char *changed_payload = g_strjoin (".", parts[0], payload, parts[2], NULL);
  g_autofree char *changed_header = g_strjoin (".", header, parts[1], parts[2], NULL);
  g_autofree char *swapped = g_strjoin (".", parts[0], parts[1], other_parts[2], NULL);

  assert_verify_refused (changed_payload, RSA_KEY, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
  assert_verify_refused (changed_header, RSA_KEY, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
  assert_verify_refused (swapped, RSA_KEY, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
}

static void
test_signature_length (void)
{
  g_autofree char *token = sign (RSA_KEY, PAYLOAD);
  g_auto(GStrv) parts = g_strsplit (token, ".", -1);
  gsize len = 0;
  g_autofree guint8 *signature = mc_base64url_decode (parts[2], &len, NULL);
  g_autofree guint8 *longer = g_malloc0 (len + 1);
  g_autofree char *longer_part = NULL;
  g_autofree char *longer_token = NULL;

  /* The same number with a leading zero byte is another signature text. */
  memcpy (longer + 1, signature, len);
  longer_part = mc_base64url_encode (longer, len + 1);
  longer_token = g_strjoin (".", parts[0], parts[1], longer_part, NULL);
  assert_verify_refused (longer_token, RSA_KEY, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
}

static void
test_wrong_key (void)
{
  g_autofree char *rsa_token = sign (RSA_KEY, PAYLOAD);
  g_autofree char *ed_token = sign (ED25519_KEY, PAYLOAD);

  assert_verify_refused (rsa_token, OTHER_RSA_KEY, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
  assert_verify_refused (ed_token, OTHER_ED25519_KEY, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
}

/* An RS256 token never meets an Ed25519 key, nor the reverse. */
static void
test_algorithm_key_mismatch (void)
{
  g_autofree char *rsa_token = sign (RSA_KEY, PAYLOAD);
  g_autofree char *ed_token = sign (ED25519_KEY, PAYLOAD);
  g_autofree char *ed_header = header_for (ED25519_KEY, "EdDSA");
  g_autofree char *relabelled = make_signed_token (RSA_KEY, ed_header, PAYLOAD);

  assert_verify_refused (rsa_token, ED25519_KEY, MC_CREDENTIAL_ERROR_KEY_MISMATCH);
  assert_verify_refused (ed_token, RSA_KEY, MC_CREDENTIAL_ERROR_KEY_MISMATCH);
  /* RSA-signed bytes claiming EdDSA, checked with the RSA key. */
  assert_verify_refused (relabelled, RSA_KEY, MC_CREDENTIAL_ERROR_KEY_MISMATCH);
}

/* Algorithms and header fields */

static void
test_alg_none (void)
{
  g_autoptr(GBytes) junk = g_bytes_new_static ("junk", 4);
  g_autofree char *none = make_token ("{\"alg\":\"none\",\"typ\":\"JWT\"}", PAYLOAD, NULL);
  g_autofree char *none_signed = make_token ("{\"alg\":\"none\"}", PAYLOAD, junk);
  g_autofree char *none_capital = make_token ("{\"alg\":\"None\"}", PAYLOAD, NULL);

  assert_parse_refused (none, MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM);
  assert_parse_refused (none_signed, MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM);
  assert_parse_refused (none_capital, MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM);
}

/* The classic confusion: HMAC keyed with the issuer's public key, which a
 * naive verifier would happily use as the secret. */
static void
test_hs256_with_public_key (void)
{
  g_autofree char *public_pem = mc_public_key_to_pem (public_key (RSA_KEY));
  g_autofree char *header = header_for (RSA_KEY, "HS256");
  g_autofree char *header_part = encode (header);
  g_autofree char *payload_part = encode (PAYLOAD);
  g_autofree char *input = g_strjoin (".", header_part, payload_part, NULL);
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) public_pem, strlen (public_pem));
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  g_autoptr(GBytes) mac = NULL;
  g_autofree char *token = NULL;

  g_hmac_update (hmac, (const guchar *) input, (gssize) strlen (input));
  g_hmac_get_digest (hmac, digest, &digest_len);
  mac = g_bytes_new (digest, digest_len);
  token = make_token (header, PAYLOAD, mac);
  assert_parse_refused (token, MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM);
}

static void
test_other_algorithms (void)
{
  static const char *const algs[] = { "HS256", "HS512", "ES256", "PS256", "RS512", "rs256", "EDDSA", "Ed25519", "" };

  for (guint i = 0; i < G_N_ELEMENTS (algs); i++)
    {
      g_autofree char *header = header_for (RSA_KEY, algs[i]);
      g_autofree char *token = make_signed_token (RSA_KEY, header, PAYLOAD);

      assert_parse_refused (token, MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM);
    }
}

static void
test_forbidden_header_fields (void)
{
  g_autoptr(JsonObject) jwk = mc_public_key_to_jwk (public_key (ED25519_KEY));
  g_autoptr(JsonNode) jwk_node = json_node_init_object (json_node_alloc (), jwk);
  g_autofree char *jwk_text = json_to_string (jwk_node, FALSE);
  g_autofree char *with_jwk = g_strdup_printf ("{\"alg\":\"EdDSA\",\"jwk\":%s,\"typ\":\"JWT\"}", jwk_text);
  const char *const headers[] = {
    with_jwk,
    "{\"alg\":\"EdDSA\",\"crit\":[\"exp\"],\"exp\":1}",
    "{\"alg\":\"EdDSA\",\"x5u\":\"https://evil.example/cert.pem\"}",
    "{\"alg\":\"EdDSA\",\"jku\":\"https://evil.example/jwks.json\"}",
    "{\"alg\":\"EdDSA\",\"x5c\":[\"MIIB\"]}",
    "{\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"]}",
    "{\"alg\":\"EdDSA\",\"cty\":\"vc\"}",
    "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\"}",
    "{\"alg\":\"EdDSA\",\"typ\":\"jwt\"}",
    "{\"alg\":\"EdDSA\",\"typ\":7}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *token = make_signed_token (ED25519_KEY, headers[i], PAYLOAD);

      assert_parse_refused (token, MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM);
    }
}

static void
test_header_shape (void)
{
  const char *const headers[] = {
    "{\"typ\":\"JWT\"}",                                  /* no alg */
    "{\"alg\":5}",
    "{\"alg\":\"EdDSA\",\"kid\":\"\"}",
    "{\"alg\":\"EdDSA\",\"kid\":7}",
    "{\"alg\":\"EdDSA\",\"alg\":\"none\"}",               /* twice */
    "[\"EdDSA\"]",
    "{\"alg\":\"EdDSA\"",
    "",
  };
  g_autofree char *minimal = make_signed_token (ED25519_KEY, "{\"alg\":\"EdDSA\"}", PAYLOAD);
  g_autoptr(McJws) jws = parse (minimal);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *token = make_signed_token (ED25519_KEY, headers[i], PAYLOAD);

      assert_parse_refused (token, MC_CREDENTIAL_ERROR_MALFORMED);
    }

  /* kid and typ may be left out. */
  g_assert_null (mc_jws_get_kid (jws));
  g_assert_true (mc_jws_verify (jws, public_key (ED25519_KEY), &error));
  g_assert_no_error (error);
}

/* Shape of the token */

static void
test_parts (void)
{
  g_autofree char *token = sign (ED25519_KEY, PAYLOAD);
  g_auto(GStrv) parts = g_strsplit (token, ".", -1);
  g_autofree char *two = g_strjoin (".", parts[0], parts[1], NULL);
  g_autofree char *four = g_strjoin (".", parts[0], parts[1], parts[2], parts[2], NULL);
  g_autofree char *empty_signature = g_strjoin (".", parts[0], parts[1], "", NULL);
  g_autofree char *padded = g_strconcat (parts[0], "=.", parts[1], ".", parts[2], NULL);
  g_autofree char *padded_payload = g_strconcat (parts[0], ".", parts[1], "==.", parts[2], NULL);
  g_autofree char *space = g_strconcat (" ", token, NULL);
  g_autofree char *newline = g_strconcat (token, "\n", NULL);
  g_autofree char *inner_space = g_strconcat (parts[0], ". ", parts[1], ".", parts[2], NULL);
  /* base64's alphabet, not base64url's */
  g_autofree char *plus = g_strconcat (parts[0], ".", parts[1], ".+", parts[2] + 1, NULL);
  const char *const refused[] = {
    two, four, empty_signature, padded, padded_payload, space, newline, inner_space, plus, "", ".", "..",
    "...", "not a token",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_parse_refused (refused[i], MC_CREDENTIAL_ERROR_MALFORMED);
}

static void
test_payload_shape (void)
{
  const char *const payloads[] = {
    "[1]", "\"credential\"", "42", "null", "", "{", "{\"a\":1,\"a\":2}", "{\"a\":1} x", "{\"n\":01}",
    "{\"a\":\"\\u0000\"}", "{\"a\":\"\xC3\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      g_autofree char *header = header_for (ED25519_KEY, "EdDSA");
      g_autofree char *token = make_signed_token (ED25519_KEY, header, payloads[i]);

      assert_parse_refused (token, MC_CREDENTIAL_ERROR_MALFORMED);
    }
}

static void
test_huge (void)
{
  g_autofree char *header = header_for (ED25519_KEY, "EdDSA");
  g_autofree char *header_part = encode (header);
  g_autoptr(GString) token = g_string_new (header_part);
  g_autoptr(GString) big_payload = g_string_new ("{\"a\":\"");
  g_autoptr(GError) error = NULL;
  g_autofree char *signed_big = NULL;

  g_string_append_c (token, '.');
  while (token->len <= MC_JWS_MAX_LENGTH)
    g_string_append (token, "AAAA");
  g_string_append (token, ".AAAA");
  assert_parse_refused (token->str, MC_CREDENTIAL_ERROR_MALFORMED);

  /* Nor does signing make what parsing would refuse. */
  while (big_payload->len < MC_JWS_MAX_LENGTH)
    g_string_append (big_payload, "xxxxxxxxxxxxxxxx");
  g_string_append (big_payload, "\"}");
  signed_big = mc_jws_sign (key (ED25519_KEY), big_payload->str, &error);
  g_assert_null (signed_big);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
}

static void
test_deep_payload (void)
{
  g_autofree char *header = header_for (ED25519_KEY, "EdDSA");
  g_autoptr(GString) payload = g_string_new ("{\"a\":");
  g_autofree char *token = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (payload, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (payload, ']');
  g_string_append_c (payload, '}');
  token = make_signed_token (ED25519_KEY, header, payload->str);
  assert_parse_refused (token, MC_CREDENTIAL_ERROR_MALFORMED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/credential/jws/round-trip", test_round_trip);
  g_test_add_func ("/credential/jws/sign-with-kid", test_sign_with_kid);
  g_test_add_func ("/credential/jws/sign-refuses-payload", test_sign_refuses_payload);
  g_test_add_func ("/credential/jws/refuse/tampered", test_tampered);
  g_test_add_func ("/credential/jws/refuse/signature-length", test_signature_length);
  g_test_add_func ("/credential/jws/refuse/wrong-key", test_wrong_key);
  g_test_add_func ("/credential/jws/refuse/algorithm-key-mismatch", test_algorithm_key_mismatch);
  g_test_add_func ("/credential/jws/refuse/alg-none", test_alg_none);
  g_test_add_func ("/credential/jws/refuse/hs256-with-public-key", test_hs256_with_public_key);
  g_test_add_func ("/credential/jws/refuse/other-algorithms", test_other_algorithms);
  g_test_add_func ("/credential/jws/refuse/header-fields", test_forbidden_header_fields);
  g_test_add_func ("/credential/jws/refuse/header-shape", test_header_shape);
  g_test_add_func ("/credential/jws/refuse/parts", test_parts);
  g_test_add_func ("/credential/jws/refuse/payload-shape", test_payload_shape);
  g_test_add_func ("/credential/jws/refuse/huge", test_huge);
  g_test_add_func ("/credential/jws/refuse/deep-payload", test_deep_payload);

  return g_test_run ();
}
