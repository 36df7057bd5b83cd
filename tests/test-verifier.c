/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "credential-fixture.h"
#include "mc-credential-verifier.h"
#include "verify-fixture.h"

/* Verifying credentials signed here: the good ones pass, and each kind of
 * bad one fails the check it should, with the error code and sentence a
 * registrar reads.  test-verifier-store.c covers the register. */

#define RSA(i)     credential_fixture_key (MC_KEY_ALGORITHM_RS256, (i))
#define ED25519(i) credential_fixture_key (MC_KEY_ALGORITHM_EDDSA, (i))

static McCredentialVerifier *
new_verifier (McSigningKey *trusted)
{
  McCredentialVerifier *verifier = mc_credential_verifier_new ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (VERIFY_FIXTURE_NOW, NULL);

  if (trusted != NULL)
    mc_credential_verifier_add_public_key (verifier, mc_signing_key_get_public_key (trusted));
  mc_credential_verifier_set_now (verifier, now);
  return verifier;
}

static void
set_now (McCredentialVerifier *verifier,
         const char           *iso8601)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (now);
  mc_credential_verifier_set_now (verifier, now);
}

static void
give_list (McCredentialVerifier *verifier,
           McSigningKey         *key,
           const char           *purpose,
           gboolean              marked)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *list = verify_fixture_status_list (key, purpose, marked);

  g_assert_true (mc_credential_verifier_set_status_list (verifier, purpose, list, &error));
  g_assert_no_error (error);
}

/* Empty revocation and suspension lists signed by @key. */
static void
give_clear_lists (McCredentialVerifier *verifier,
                  McSigningKey         *key)
{
  give_list (verifier, key, "revocation", FALSE);
  give_list (verifier, key, "suspension", FALSE);
}

static McVerification *
verify (McCredentialVerifier *verifier,
        const char           *text)
{
  g_autoptr(GError) error = NULL;
  McVerification *result = mc_credential_verifier_verify_text (verifier, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (mc_verification_get_n_checks (result), ==, 6);
  return result;
}

static McCheckOutcome
outcome (McVerification *result,
         const char     *check_id)
{
  const McVerificationCheck *check = mc_verification_find_check (result, check_id);

  g_assert_nonnull (check);
  return mc_verification_check_get_outcome (check);
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
  g_assert_true (mc_verification_is_valid (result));
  g_assert_null (mc_verification_get_failure (result));
}

/* INVALID because @check_id failed first with @code. */
static void
assert_invalid (McVerification    *result,
                const char        *check_id,
                McCredentialError  code)
{
  const GError *failure = mc_verification_get_failure (result);

  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INVALID);
  g_assert_false (mc_verification_is_valid (result));
  g_assert_cmpint (outcome (result, check_id), ==, MC_CHECK_OUTCOME_FAILED);
  g_assert_error (failure, MC_CREDENTIAL_ERROR, (int) code);
  g_assert_cmpstr (failure->message, ==, detail (result, check_id));
  g_assert_true (g_str_has_prefix (mc_verification_get_summary (result), "Not valid: "));
}

/* Valid credentials */

static void
check_valid_jwt (McSigningKey *key)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (key, builder);
  g_autofree char *kid = verify_fixture_key_url (key);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (key);
  g_autoptr(McVerification) result = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *until = NULL;

  give_clear_lists (verifier, key);
  result = verify (verifier, token);
  assert_valid (result);
  g_assert_cmpstr (mc_verification_get_summary (result), ==,
                   "Valid. Lena de Vries earned “Battery Systems for Electric Vehicles” (4 ECTS, EQF level 6) "
                   "from Hanze Polytechnic on 20 January 2026.");
  g_assert_cmpstr (mc_verification_get_learner_name (result), ==, "Lena de Vries");
  g_assert_cmpstr (mc_verification_get_achievement_name (result), ==, "Battery Systems for Electric Vehicles");
  g_assert_cmpstr (mc_verification_get_issuer_name (result), ==, "Hanze Polytechnic");
  g_assert_cmpstr (mc_verification_get_issuer_id (result), ==, OB3_FIXTURE_BASE "/issuer");
  g_assert_cmpstr (mc_verification_get_credential_id (result), ==, "urn:uuid:" OB3_FIXTURE_CREDENTIAL);
  g_assert_cmpstr (mc_verification_get_key_id (result), ==, kid);
  issued = g_date_time_format_iso8601 (mc_verification_get_issued (result));
  until = g_date_time_format_iso8601 (mc_verification_get_valid_until (result));
  g_assert_cmpstr (issued, ==, "2026-02-01T09:00:00Z");
  g_assert_cmpstr (until, ==, "2027-02-01T09:00:00Z");
  /* The credential without the JWT claims. */
  g_assert_true (json_object_has_member (mc_verification_get_credential (result), "credentialSubject"));
  g_assert_false (json_object_has_member (mc_verification_get_credential (result), "jti"));
}

static void
test_valid_rs256 (void)
{
  check_valid_jwt (RSA (0));
}

static void
test_valid_eddsa (void)
{
  check_valid_jwt (ED25519 (0));
}

static void
test_valid_data_integrity (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autoptr(McCredentialVerifier) verifier = new_verifier (ED25519 (0));
  g_autofree char *multikey = mc_public_key_to_multikey (mc_signing_key_get_public_key (ED25519 (0)), NULL);
  g_autofree char *did = g_strdup_printf ("did:key:%s#%s", multikey, multikey);
  const char *methods[] = { NULL, did };

  give_clear_lists (verifier, ED25519 (0));
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autofree char *document = verify_fixture_data_integrity (ED25519 (0), builder, methods[i]);
      g_autoptr(McVerification) result = verify (verifier, document);

      assert_valid (result);
      g_assert_cmpstr (mc_verification_get_learner_name (result), ==, "Lena de Vries");
    }
}

static void
test_incomplete_without_status (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (RSA (0), builder);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = verify (verifier, token);

  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INCOMPLETE);
  g_assert_false (mc_verification_is_valid (result));
  g_assert_null (mc_verification_get_failure (result));
  g_assert_cmpint (outcome (result, MC_CHECK_SIGNATURE), ==, MC_CHECK_OUTCOME_PASSED);
  g_assert_cmpint (outcome (result, MC_CHECK_STATUS), ==, MC_CHECK_OUTCOME_SKIPPED);
  g_assert_cmpstr (detail (result, MC_CHECK_STATUS), ==,
                   "Not checked: no status list was given. The issuer publishes it at "
                   OB3_FIXTURE_BASE "/status/revocation/1.");
  g_assert_true (g_str_has_prefix (mc_verification_get_summary (result),
                                   "Not fully verified: its status could not be checked. Otherwise in order: "
                                   "Lena de Vries earned"));
}

static void
test_surrounding_space (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (ED25519 (0), builder);
  g_autofree char *pasted = g_strconcat ("\n  ", token, " \r\n", NULL);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (ED25519 (0));
  g_autoptr(McVerification) result = NULL;

  give_clear_lists (verifier, ED25519 (0));
  result = verify (verifier, pasted);
  assert_valid (result);
}

/* Tampering and keys */

static char *
replace_part (const char *token,
              guint       index,
              const char *json)
{
  g_auto(GStrv) parts = g_strsplit (token, ".", 3);

  g_free (parts[index]);
  parts[index] = mc_base64url_encode ((const guint8 *) json, strlen (json));
  return g_strjoinv (".", parts);
}

static void
test_tampered_payload (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (RSA (0), builder);
  g_autoptr(McJws) jws = mc_jws_parse (token, NULL);
  g_autoptr(GString) payload = g_string_new (mc_jws_get_payload_text (jws));
  g_autofree char *forged = NULL;
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = NULL;

  g_assert_cmpuint (g_string_replace (payload, "Lena de Vries", "Lena de Vriez", 0), ==, 1);
  forged = replace_part (token, 1, payload->str);
  result = verify (verifier, forged);
  assert_invalid (result, MC_CHECK_SIGNATURE, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
  g_assert_cmpstr (mc_verification_get_summary (result), ==,
                   "Not valid: the signature does not match — the file was changed after it was signed.");
  /* What the forgery says is still shown, beside the verdict. */
  g_assert_cmpstr (mc_verification_get_learner_name (result), ==, "Lena de Vriez");
  g_assert_cmpint (outcome (result, MC_CHECK_ISSUER), ==, MC_CHECK_OUTCOME_SKIPPED);
}

static void
test_tampered_header (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (RSA (0), builder);
  g_autofree char *kid = verify_fixture_key_url (RSA (0));
  /* The same fields in another order: other bytes under the signature. */
  g_autofree char *header = g_strdup_printf ("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"%s\"}", kid);
  g_autofree char *forged = replace_part (token, 0, header);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = verify (verifier, forged);

  assert_invalid (result, MC_CHECK_SIGNATURE, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
}

static void
test_wrong_key (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = mc_credential_builder_build_jwt_payload (builder, &error);
  g_autofree char *other_kid = verify_fixture_key_url (RSA (1));
  /* Signed with key 0, naming key 1, which the verifier knows. */
  g_autofree char *token = mc_jws_sign_with_kid (RSA (0), other_kid, payload, &error);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (1));
  g_autoptr(McVerification) result = NULL;

  g_assert_no_error (error);
  result = verify (verifier, token);
  assert_invalid (result, MC_CHECK_SIGNATURE, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
}

static void
test_unknown_key (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (ED25519 (1), builder);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (ED25519 (0));
  g_autoptr(McVerification) result = verify (verifier, token);

  assert_invalid (result, MC_CHECK_SIGNATURE, MC_CREDENTIAL_ERROR_KEY_MISMATCH);
  g_assert_cmpstr (detail (result, MC_CHECK_SIGNATURE), ==,
                   "It was signed with a key this institution does not know.");
  g_assert_cmpstr (mc_verification_get_summary (result), ==,
                   "Not valid: it was signed with a key this institution does not know.");
}

/* A key fetched from the issuer's own publication: the signature says
 * where it came from, and a did:web key must belong to the issuer's
 * own host (and port). */
static void
test_published_key (void)
{
  const struct {
    const char     *base;
    const char     *kid;
    McCheckOutcome  issuer;
  } cases[] = {
    { "https://partner.example", "did:web:partner.example#key-1", MC_CHECK_OUTCOME_PASSED },
    { "https://partner.example:8443/mc", "did:web:partner.example%3A8443:mc#key-1", MC_CHECK_OUTCOME_PASSED },
    { "https://partner.example", "did:web:elsewhere.example#key-1", MC_CHECK_OUTCOME_FAILED },
    { "https://partner.example", "did:web:partner.example%3A8443#key-1", MC_CHECK_OUTCOME_FAILED },
    { "https://partner.example", "https://partner.example/keys/k1", MC_CHECK_OUTCOME_PASSED },
    { "https://partner.example", "https://other.example/keys/k1", MC_CHECK_OUTCOME_FAILED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      McSigningKey *key = ED25519 (0);
      g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
      g_autofree char *jwt = verify_fixture_jwt (key, builder);
      g_autofree char *token = verify_fixture_resign (key, jwt, cases[i].base, cases[i].kid);
      g_autoptr(McCredentialVerifier) verifier = new_verifier (NULL);
      g_autoptr(McVerification) result = NULL;
      const char *source = "https://partner.example/.well-known/did.json";
      g_autofree char *signed_with = g_strdup_printf ("Signed with the issuer’s key published at %s, "
                                                      "and unchanged since.", source);

      g_test_message ("%s, %s", cases[i].base, cases[i].kid);
      mc_credential_verifier_add_published_key (verifier, mc_signing_key_get_public_key (key), cases[i].kid,
                                                source);
      result = verify (verifier, token);
      g_assert_cmpint (outcome (result, MC_CHECK_SIGNATURE), ==, MC_CHECK_OUTCOME_PASSED);
      g_assert_cmpstr (detail (result, MC_CHECK_SIGNATURE), ==, signed_with);
      g_assert_cmpint (outcome (result, MC_CHECK_ISSUER), ==, cases[i].issuer);
      if (cases[i].issuer == MC_CHECK_OUTCOME_PASSED)
        g_assert_nonnull (strstr (detail (result, MC_CHECK_ISSUER), source));
      else
        assert_invalid (result, MC_CHECK_ISSUER, MC_CREDENTIAL_ERROR_KEY_MISMATCH);
    }
}

static void
test_alg_none (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = mc_credential_builder_build_jwt_payload (builder, &error);
  g_autoptr(GBytes) nothing = g_bytes_new (NULL, 0);
  g_autofree char *token = verify_fixture_token ("{\"alg\":\"none\",\"typ\":\"JWT\"}", payload, nothing);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = verify (verifier, token);

  assert_invalid (result, MC_CHECK_FORMAT, MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM);
  g_assert_nonnull (strstr (detail (result, MC_CHECK_FORMAT), "RS256 or EdDSA"));
  g_assert_cmpstr (mc_verification_get_summary (result), ==,
                   "Not valid: it is signed in a way that cannot be trusted.");
  for (guint i = 1; i < mc_verification_get_n_checks (result); i++)
    g_assert_cmpint (mc_verification_check_get_outcome (mc_verification_get_check (result, i)), ==,
                     MC_CHECK_OUTCOME_SKIPPED);
}

/* HS256 with the RSA public key as the HMAC secret: a verifier that
 * takes the algorithm from the token would accept it. */
static void
test_key_confusion (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = mc_credential_builder_build_jwt_payload (builder, &error);
  g_autofree char *kid = verify_fixture_key_url (RSA (0));
  g_autofree char *header = g_strdup_printf ("{\"alg\":\"HS256\",\"kid\":\"%s\",\"typ\":\"JWT\"}", kid);
  g_autofree char *pem = mc_public_key_to_pem (mc_signing_key_get_public_key (RSA (0)));
  g_autoptr(GBytes) nothing = g_bytes_new (NULL, 0);
  g_autofree char *unsigned_token = verify_fixture_token (header, payload, nothing);
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) pem, strlen (pem));
  guint8 mac[32];
  gsize mac_len = sizeof mac;
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *token = NULL;
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = NULL;

  /* The signing input is the token up to its last dot. */
  g_hmac_update (hmac, (const guchar *) unsigned_token, strrchr (unsigned_token, '.') - unsigned_token);
  g_hmac_get_digest (hmac, mac, &mac_len);
  signature = g_bytes_new (mac, mac_len);
  token = verify_fixture_token (header, payload, signature);
  result = verify (verifier, token);
  assert_invalid (result, MC_CHECK_FORMAT, MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM);
}

/* An Ed25519 signature under a header that claims RS256. */
static void
test_algorithm_of_another_key (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = mc_credential_builder_build_jwt_payload (builder, &error);
  g_autofree char *kid = verify_fixture_key_url (ED25519 (0));
  g_autofree char *header = g_strdup_printf ("{\"alg\":\"RS256\",\"kid\":\"%s\",\"typ\":\"JWT\"}", kid);
  g_autoptr(GBytes) nothing = g_bytes_new (NULL, 0);
  g_autofree char *unsigned_token = verify_fixture_token (header, payload, nothing);
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *token = NULL;
  g_autoptr(McCredentialVerifier) verifier = new_verifier (ED25519 (0));
  g_autoptr(McVerification) result = NULL;

  signature = mc_signing_key_sign (ED25519 (0), (const guint8 *) unsigned_token,
                                   strrchr (unsigned_token, '.') - unsigned_token, &error);
  g_assert_no_error (error);
  token = verify_fixture_token (header, payload, signature);
  result = verify (verifier, token);
  assert_invalid (result, MC_CHECK_SIGNATURE, MC_CREDENTIAL_ERROR_KEY_MISMATCH);
}

static void
change_jti (JsonObject *payload)
{
  json_object_set_string_member (payload, "jti", "urn:uuid:00000000-0000-4000-8000-000000000000");
}

static void
test_claims_disagree (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_edited_jwt (RSA (0), builder, change_jti);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = verify (verifier, token);

  assert_invalid (result, MC_CHECK_SIGNATURE, MC_CREDENTIAL_ERROR_MALFORMED);
  g_assert_cmpstr (detail (result, MC_CHECK_SIGNATURE), ==,
                   "The token's “jti” claim (urn:uuid:00000000-0000-4000-8000-000000000000) differs from "
                   "the credential's “id” (urn:uuid:" OB3_FIXTURE_CREDENTIAL ").");
}

static void
test_data_integrity_tampered (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *document = verify_fixture_data_integrity (ED25519 (0), builder, NULL);
  g_autoptr(GString) forged = g_string_new (document);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (ED25519 (0));
  g_autoptr(McVerification) result = NULL;

  g_assert_cmpuint (g_string_replace (forged, "\"Lena de Vries\"", "\"Lena de Vriez\"", 0), ==, 1);
  result = verify (verifier, forged->str);
  assert_invalid (result, MC_CHECK_SIGNATURE, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
}

static void
test_data_integrity_unsigned (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = mc_credential_builder_build (builder, &error);
  g_autofree char *text = json_to_string (document, FALSE);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (ED25519 (0));
  g_autoptr(McVerification) result = verify (verifier, text);

  g_assert_cmpint (outcome (result, MC_CHECK_FORMAT), ==, MC_CHECK_OUTCOME_PASSED);
  assert_invalid (result, MC_CHECK_SIGNATURE, MC_CREDENTIAL_ERROR_BAD_SIGNATURE);
  g_assert_cmpstr (mc_verification_get_summary (result), ==, "Not valid: it is not signed.");
}

/* Dates */

static void
test_expired (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (RSA (0), builder);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = NULL;

  set_now (verifier, "2027-03-01T00:00:00Z");
  result = verify (verifier, token);
  assert_invalid (result, MC_CHECK_DATES, MC_CREDENTIAL_ERROR_EXPIRED);
  g_assert_cmpstr (mc_verification_get_summary (result), ==,
                   "Not valid: this credential expired on 1 February 2027.");
}

static void
add_past_exp (JsonObject *payload)
{
  g_autoptr(GDateTime) past = g_date_time_new_utc (2026, 5, 1, 0, 0, 0);

  json_object_set_int_member (payload, "exp", g_date_time_to_unix (past));
}

/* No validUntil, but the JWT expires. */
static void
test_exp_claim (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = NULL;
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = NULL;

  mc_credential_builder_set_credential (builder, OB3_FIXTURE_CREDENTIAL, "2026-02-01T09:00:00Z", NULL);
  token = verify_fixture_edited_jwt (RSA (0), builder, add_past_exp);
  result = verify (verifier, token);
  g_assert_cmpint (outcome (result, MC_CHECK_SIGNATURE), ==, MC_CHECK_OUTCOME_PASSED);
  assert_invalid (result, MC_CHECK_DATES, MC_CREDENTIAL_ERROR_EXPIRED);
  g_assert_cmpstr (detail (result, MC_CHECK_DATES), ==, "It expired on 1 May 2026.");
}

static void
test_not_yet_valid (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (ED25519 (0), builder);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (ED25519 (0));
  g_autoptr(McVerification) result = NULL;

  set_now (verifier, "2026-01-31T23:59:59Z");
  result = verify (verifier, token);
  assert_invalid (result, MC_CHECK_DATES, MC_CREDENTIAL_ERROR_NOT_YET_VALID);
  g_assert_cmpstr (detail (result, MC_CHECK_DATES), ==, "It is not valid before 1 February 2026.");
}

/* Status lists */

static void
check_marked (const char       *marked_purpose,
              McCredentialError code,
              const char       *summary)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (RSA (0), builder);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = NULL;

  give_list (verifier, RSA (0), "revocation", g_str_equal (marked_purpose, "revocation"));
  give_list (verifier, RSA (0), "suspension", g_str_equal (marked_purpose, "suspension"));
  result = verify (verifier, token);
  assert_invalid (result, MC_CHECK_STATUS, code);
  g_assert_cmpstr (mc_verification_get_summary (result), ==, summary);
}

static void
test_revoked_by_list (void)
{
  check_marked ("revocation", MC_CREDENTIAL_ERROR_REVOKED,
                "Not valid: this credential was revoked (the issuer's list of 31 May 2026 says so).");
}

static void
test_suspended_by_list (void)
{
  check_marked ("suspension", MC_CREDENTIAL_ERROR_SUSPENDED,
                "Not valid: this credential is suspended (the issuer's list of 31 May 2026 says so).");
}

/* A revocation list signed by an unknown key, or changed after signing,
 * is not used, even when it marks the credential. */
static void
test_list_signature_fails (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (RSA (0), builder);
  g_autofree char *foreign = verify_fixture_status_list (RSA (1), "revocation", TRUE);
  g_autofree char *genuine = verify_fixture_status_list (RSA (0), "revocation", FALSE);
  g_autoptr(McJws) jws = mc_jws_parse (genuine, NULL);
  g_autoptr(GString) payload = g_string_new (mc_jws_get_payload_text (jws));
  g_autofree char *tampered = NULL;
  const char *lists[2];

  g_assert_cmpuint (g_string_replace (payload, "2026-06-02T00:00:00Z", "2026-06-12T00:00:00Z", 0), ==, 1);
  tampered = replace_part (genuine, 1, payload->str);
  lists[0] = foreign;
  lists[1] = tampered;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
      g_autoptr(McVerification) result = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (mc_credential_verifier_set_status_list (verifier, "revocation", lists[i], &error));
      give_list (verifier, RSA (0), "suspension", FALSE);
      result = verify (verifier, token);
      g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INCOMPLETE);
      g_assert_cmpint (outcome (result, MC_CHECK_STATUS), ==, MC_CHECK_OUTCOME_SKIPPED);
      g_assert_cmpstr (detail (result, MC_CHECK_STATUS), ==,
                       i == 0 ? "Not checked: the revocation list given cannot be used: it is signed with a "
                                "key this institution does not know."
                              : "Not checked: the revocation list given cannot be used: its signature does "
                                "not match.");
    }
}

static void
test_list_out_of_date (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (RSA (0), builder);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = NULL;

  give_clear_lists (verifier, RSA (0));
  set_now (verifier, "2026-06-03T00:00:00Z");
  result = verify (verifier, token);
  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INCOMPLETE);
  g_assert_cmpstr (detail (result, MC_CHECK_STATUS), ==,
                   "Not checked: the revocation list given cannot be used: it is out of date; fetch the "
                   "current one from the issuer.");
}

/* Only the revocation list: suspension is not known. */
static void
test_suspension_list_missing (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (RSA (0), builder);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = NULL;

  give_list (verifier, RSA (0), "revocation", FALSE);
  result = verify (verifier, token);
  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INCOMPLETE);
  g_assert_cmpstr (detail (result, MC_CHECK_STATUS), ==,
                   "Not checked: the suspension list " OB3_FIXTURE_BASE "/status/suspension/1 was not given.");
}

static void
test_status_list_refused (void)
{
  g_autoptr(McCredentialVerifier) verifier = new_verifier (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *list = verify_fixture_status_list (RSA (0), "revocation", FALSE);

  g_assert_false (mc_credential_verifier_set_status_list (verifier, "revocation", "not a list", &error));
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_false (mc_credential_verifier_set_status_list (verifier, "refresh", list, &error));
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
}

/* Without a purpose, the list's own is taken. */
static void
test_status_list_purpose (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (RSA (0), builder);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autofree char *revocation = verify_fixture_status_list (RSA (0), "revocation", FALSE);
  g_autofree char *suspension = verify_fixture_status_list (RSA (0), "suspension", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(McVerification) result = NULL;

  g_assert_true (mc_credential_verifier_set_status_list (verifier, NULL, suspension, &error));
  g_assert_true (mc_credential_verifier_set_status_list (verifier, NULL, revocation, &error));
  g_assert_no_error (error);
  result = verify (verifier, token);
  assert_invalid (result, MC_CHECK_STATUS, MC_CREDENTIAL_ERROR_SUSPENDED);
}

/* Schema */

static void
drop_open_badge_type (JsonObject *payload)
{
  JsonArray *types = json_array_new ();

  json_array_add_string_element (types, "VerifiableCredential");
  json_object_set_array_member (payload, "type", types);
}

static void
test_schema_failure (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_edited_jwt (RSA (0), builder, drop_open_badge_type);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = NULL;

  give_clear_lists (verifier, RSA (0));
  result = verify (verifier, token);
  g_assert_cmpint (outcome (result, MC_CHECK_SIGNATURE), ==, MC_CHECK_OUTCOME_PASSED);
  assert_invalid (result, MC_CHECK_SCHEMA, MC_CREDENTIAL_ERROR_SCHEMA);
  g_assert_nonnull (strstr (detail (result, MC_CHECK_SCHEMA), "OpenBadgeCredential"));
}

/* Input that is not a credential at all */

static void
assert_refused (McCredentialVerifier *verifier,
                GBytes               *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McVerification) result = mc_credential_verifier_verify_bytes (verifier, bytes, &error);

  g_assert_null (result);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
}

static void
test_not_a_credential (void)
{
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  static const char binary[] = { 'e', 'y', 0, 'J', 'h' };
  static const char latin1[] = { 'e', 'y', (char) 0xe9 };
  g_autofree char *huge = g_malloc (MC_CREDENTIAL_VERIFIER_MAX_SIZE + 2);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) blank = g_bytes_new_static (" \n\t\r\n", 5);
  g_autoptr(GBytes) with_nul = g_bytes_new_static (binary, sizeof binary);
  g_autoptr(GBytes) not_utf8 = g_bytes_new_static (latin1, sizeof latin1);
  g_autoptr(GError) error = NULL;
  g_autoptr(McVerification) result = NULL;

  assert_refused (verifier, empty);
  assert_refused (verifier, blank);
  assert_refused (verifier, with_nul);
  assert_refused (verifier, not_utf8);
  memset (huge, 'a', MC_CREDENTIAL_VERIFIER_MAX_SIZE + 1);
  huge[MC_CREDENTIAL_VERIFIER_MAX_SIZE + 1] = '\0';
  result = mc_credential_verifier_verify_text (verifier, huge, &error);
  g_assert_null (result);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "1 MiB"));
}

/* Text, but no credential: a failed format check, not an error. */
static void
test_unreadable_text (void)
{
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  const char *texts[] = { "hello", "{\"a\": 1, \"a\": 2}", "{", "a.b.c", "https://www.example.org/" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(McVerification) result = verify (verifier, texts[i]);

      assert_invalid (result, MC_CHECK_FORMAT, i == 4 ? MC_CREDENTIAL_ERROR_FAILED : MC_CREDENTIAL_ERROR_MALFORMED);
      g_assert_null (mc_verification_get_credential (result));
    }
}

/* A verification address needs the register. */
static void
test_address_without_store (void)
{
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = verify (verifier, OB3_FIXTURE_BASE "/credentials/"
                                             OB3_FIXTURE_CREDENTIAL "?token=abcdefghijklmnopqrstuv");

  g_assert_cmpint (mc_verification_get_verdict (result), ==, MC_VERDICT_INCOMPLETE);
  g_assert_cmpint (outcome (result, MC_CHECK_FORMAT), ==, MC_CHECK_OUTCOME_SKIPPED);
  g_assert_nonnull (strstr (detail (result, MC_CHECK_FORMAT), "credentials.example.edu"));
  g_assert_cmpstr (mc_verification_get_summary (result), ==,
                   "Not verified: a verification address can only be checked in a web browser or by the "
                   "institution that issued it.");
}

/* Keys from files */

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static char *
jwk_text (McSigningKey *key,
          const char   *kid)
{
  g_autoptr(JsonObject) jwk = mc_public_key_to_jwk (mc_signing_key_get_public_key (key));
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  if (kid != NULL)
    json_object_set_string_member (jwk, "kid", kid);
  json_node_set_object (node, jwk);
  return json_to_string (node, FALSE);
}

static void
assert_signed_by (McCredentialVerifier *verifier,
                  McSigningKey         *key,
                  gboolean              trusted)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (key, builder);
  g_autoptr(McVerification) result = verify (verifier, token);

  g_assert_cmpint (outcome (result, MC_CHECK_SIGNATURE), ==,
                   trusted ? MC_CHECK_OUTCOME_PASSED : MC_CHECK_OUTCOME_FAILED);
}

static void
test_load_key_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-verifier-XXXXXX", &error);
  g_autofree char *rsa_jwk = jwk_text (RSA (0), NULL);
  g_autofree char *ed_jwk = jwk_text (ED25519 (0), "key-2026");
  g_autofree char *jwks_text = g_strdup_printf ("{\"keys\":[%s,%s]}", rsa_jwk, ed_jwk);
  g_autofree char *pem = mc_public_key_to_pem (mc_signing_key_get_public_key (ED25519 (1)));
  g_autofree char *jwks = write_file (dir, "keys.json", jwks_text);
  g_autofree char *single = write_file (dir, "key.jwk", ed_jwk);
  g_autofree char *pem_file = write_file (dir, "key.pem", pem);
  g_autofree char *certificate = NULL;
  g_autoptr(McCredentialVerifier) verifier = new_verifier (NULL);
  g_autoptr(McCredentialVerifier) other = new_verifier (NULL);

  g_assert_no_error (error);
  assert_signed_by (verifier, RSA (0), FALSE);
  g_assert_cmpuint (mc_credential_verifier_load_key_file (verifier, jwks, &error), ==, 2);
  g_assert_no_error (error);
  assert_signed_by (verifier, RSA (0), TRUE);
  assert_signed_by (verifier, ED25519 (0), TRUE);
  assert_signed_by (verifier, ED25519 (1), FALSE);
  g_assert_cmpuint (mc_credential_verifier_load_key_file (verifier, pem_file, &error), ==, 1);
  g_assert_no_error (error);
  assert_signed_by (verifier, ED25519 (1), TRUE);

  g_assert_cmpuint (mc_credential_verifier_load_key_file (other, single, &error), ==, 1);
  g_assert_no_error (error);
  assert_signed_by (other, ED25519 (0), TRUE);

  /* An X.509 certificate. */
  g_assert_true (mc_signing_key_create_self_signed (ED25519 (2), "Hanze Polytechnic", "NL", 30, &error));
  certificate = write_file (dir, "key.crt", mc_signing_key_get_certificate_pem (ED25519 (2)));
  g_assert_cmpuint (mc_credential_verifier_load_key_file (other, certificate, &error), ==, 1);
  g_assert_no_error (error);
  assert_signed_by (other, ED25519 (2), TRUE);

  g_assert_no_errno (g_unlink (jwks));
  g_assert_no_errno (g_unlink (single));
  g_assert_no_errno (g_unlink (pem_file));
  g_assert_no_errno (g_unlink (certificate));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_load_bad_key_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-verifier-XXXXXX", &error);
  g_autofree char *good = jwk_text (RSA (0), NULL);
  g_autofree char *half_bad = g_strdup_printf ("{\"keys\":[%s,{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}", good);
  const char *contents[] = { "", "hello", "{\"kty\":\"RSA\"}", "{\"keys\":[]}", half_bad,
                             "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n" };
  g_autoptr(McCredentialVerifier) verifier = new_verifier (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *path = write_file (dir, "bad-key", contents[i]);

      g_assert_cmpuint (mc_credential_verifier_load_key_file (verifier, path, &error), ==, 0);
      g_assert_error (error, MC_CREDENTIAL_ERROR, (int) (i == 0 ? MC_CREDENTIAL_ERROR_MALFORMED
                                                                : MC_CREDENTIAL_ERROR_INVALID_KEY));
      g_assert_true (g_str_has_prefix (error->message, "The key file “bad-key” cannot be used. "));
      g_clear_error (&error);
      g_assert_no_errno (g_unlink (path));
    }
  /* Nothing of the half-bad key set was kept. */
  assert_signed_by (verifier, RSA (0), FALSE);
  g_assert_cmpuint (mc_credential_verifier_load_key_file (verifier, "/nonexistent/keys.json", &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_no_errno (g_rmdir (dir));
}

/* The result as JSON, for scripts */

static void
test_to_json (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (RSA (0), builder);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (RSA (0));
  g_autoptr(McVerification) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonArray *checks;

  set_now (verifier, "2027-03-01T00:00:00Z");
  result = verify (verifier, token);
  node = mc_verification_to_json (result);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "invalid");
  g_assert_cmpstr (json_object_get_string_member (object, "error"), ==, "expired");
  g_assert_cmpstr (json_object_get_string_member (object, "summary"), ==, mc_verification_get_summary (result));
  g_assert_cmpstr (json_object_get_string_member (object, "issued"), ==, "2026-02-01T09:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (object, "learner_name"), ==, "Lena de Vries");
  checks = json_object_get_array_member (object, "checks");
  g_assert_cmpuint (json_array_get_length (checks), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (checks, 3), "id"), ==, "dates");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (checks, 3), "outcome"), ==,
                   "failed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (checks, 1), "outcome"), ==,
                   "passed");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "credential")));
}

/* Off the main thread */

static void
verified_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  McVerification **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = mc_credential_verifier_verify_finish (MC_CREDENTIAL_VERIFIER (source), res, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  g_autofree char *token = verify_fixture_jwt (ED25519 (0), builder);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-verifier-XXXXXX", &error);
  g_autofree char *path = write_file (dir, "credential.jwt", token);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(McCredentialVerifier) verifier = new_verifier (ED25519 (0));
  McVerification *from_text = NULL;
  McVerification *from_file = NULL;

  give_clear_lists (verifier, ED25519 (0));
  mc_credential_verifier_verify_text_async (verifier, token, NULL, verified_cb, &from_text);
  mc_credential_verifier_verify_file_async (verifier, file, NULL, verified_cb, &from_file);
  while (from_text == NULL || from_file == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_valid (from_text);
  assert_valid (from_file);
  g_object_unref (from_text);
  g_object_unref (from_file);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credential/verifier/valid/rs256", test_valid_rs256);
  g_test_add_func ("/credential/verifier/valid/eddsa", test_valid_eddsa);
  g_test_add_func ("/credential/verifier/valid/data-integrity", test_valid_data_integrity);
  g_test_add_func ("/credential/verifier/valid/surrounding-space", test_surrounding_space);
  g_test_add_func ("/credential/verifier/incomplete/no-status-list", test_incomplete_without_status);
  g_test_add_func ("/credential/verifier/signature/tampered-payload", test_tampered_payload);
  g_test_add_func ("/credential/verifier/signature/tampered-header", test_tampered_header);
  g_test_add_func ("/credential/verifier/signature/wrong-key", test_wrong_key);
  g_test_add_func ("/credential/verifier/signature/unknown-key", test_unknown_key);
  g_test_add_func ("/credential/verifier/signature/published-key", test_published_key);
  g_test_add_func ("/credential/verifier/signature/alg-none", test_alg_none);
  g_test_add_func ("/credential/verifier/signature/key-confusion", test_key_confusion);
  g_test_add_func ("/credential/verifier/signature/algorithm-of-another-key", test_algorithm_of_another_key);
  g_test_add_func ("/credential/verifier/signature/claims-disagree", test_claims_disagree);
  g_test_add_func ("/credential/verifier/signature/data-integrity-tampered", test_data_integrity_tampered);
  g_test_add_func ("/credential/verifier/signature/data-integrity-unsigned", test_data_integrity_unsigned);
  g_test_add_func ("/credential/verifier/dates/expired", test_expired);
  g_test_add_func ("/credential/verifier/dates/exp-claim", test_exp_claim);
  g_test_add_func ("/credential/verifier/dates/not-yet-valid", test_not_yet_valid);
  g_test_add_func ("/credential/verifier/status/revoked", test_revoked_by_list);
  g_test_add_func ("/credential/verifier/status/suspended", test_suspended_by_list);
  g_test_add_func ("/credential/verifier/status/list-signature-fails", test_list_signature_fails);
  g_test_add_func ("/credential/verifier/status/list-out-of-date", test_list_out_of_date);
  g_test_add_func ("/credential/verifier/status/suspension-list-missing", test_suspension_list_missing);
  g_test_add_func ("/credential/verifier/status/list-refused", test_status_list_refused);
  g_test_add_func ("/credential/verifier/status/list-purpose", test_status_list_purpose);
  g_test_add_func ("/credential/verifier/schema/failure", test_schema_failure);
  g_test_add_func ("/credential/verifier/input/not-a-credential", test_not_a_credential);
  g_test_add_func ("/credential/verifier/input/unreadable-text", test_unreadable_text);
  g_test_add_func ("/credential/verifier/input/address-without-store", test_address_without_store);
  g_test_add_func ("/credential/verifier/keys/load", test_load_key_files);
  g_test_add_func ("/credential/verifier/keys/load-bad", test_load_bad_key_files);
  g_test_add_func ("/credential/verifier/json", test_to_json);
  g_test_add_func ("/credential/verifier/async", test_async);

  return g_test_run ();
}
