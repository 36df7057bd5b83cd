/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for what a verifier reads from outside: any bytes go
 * to the compact JWS parser and, when it accepts them, to verification with
 * fixed RSA and Ed25519 keys; and to the strict JSON parser, canonical JSON
 * and Data Integrity verification.  Besides crashes, leaks and undefined
 * behaviour, it hunts for broken promises: every refusal has a message,
 * canonical JSON reads back to itself, and whatever the strict decoders
 * accept encodes back to the same text. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mc-core.h"
#include "mc-credential.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Says which promise broke before stopping the fuzzer. */
static G_GNUC_NORETURN void
broken (const char   *what,
        const GError *error)
{
  g_printerr ("fuzz-jws: %s: %s\n", what, error != NULL ? error->message : "no error");
  abort ();
}

/* The seed of the W3C eddsa-jcs-2022 test key, so that the seed tokens
 * and credentials verify. */
static const guint8 vector_seed[32] = {
  0xc9, 0x6e, 0xf9, 0xea, 0x10, 0xc5, 0xe4, 0x14, 0xc4, 0x71, 0x72, 0x3a, 0xff, 0x9d, 0xe7, 0x2c,
  0x35, 0xfa, 0x5b, 0x70, 0xfa, 0xe9, 0x7e, 0x88, 0x32, 0xec, 0xac, 0x7d, 0x2e, 0x2b, 0x8e, 0xd6,
};

static McPublicKey *keys[2];

static void
set_up (void)
{
  g_autoptr(McSigningKey) ed25519 = NULL;
  g_autoptr(McSigningKey) rsa = NULL;
  g_autoptr(GError) error = NULL;

  if (keys[0] != NULL)
    return;
  mc_core_init ();
  ed25519 = mc_signing_key_new_from_ed25519_seed (vector_seed, &error);
  g_assert_no_error (error);
  rsa = mc_signing_key_generate (MC_KEY_ALGORITHM_RS256, &error);
  g_assert_no_error (error);
  keys[0] = g_object_ref (mc_signing_key_get_public_key (ed25519));
  keys[1] = g_object_ref (mc_signing_key_get_public_key (rsa));
}

static void
check_refusal (gboolean    ok,
               GError     *error,
               const char *what)
{
  if (ok && error != NULL)
    broken (what, error);
  if (!ok && (error == NULL || error->domain != MC_CREDENTIAL_ERROR || error->message[0] == '\0'))
    broken (what, error);
}

static void
fuzz_jws (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McJws) jws = mc_jws_parse (text, &error);

  check_refusal (jws != NULL, error, "mc_jws_parse");
  if (jws == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) verify_error = NULL;
      gboolean ok = mc_jws_verify (jws, keys[i], &verify_error);

      check_refusal (ok, verify_error, "mc_jws_verify");
      if (ok && mc_public_key_get_algorithm (keys[i]) != mc_jws_get_algorithm (jws))
        broken ("verified with a key of another type", NULL);
    }
}

static void
fuzz_json (const uint8_t *data,
           size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = mc_strict_json_parse ((const char *) data, (gssize) size, &error);
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *canonical_again = NULL;

  check_refusal (node != NULL, error, "mc_strict_json_parse");
  if (node == NULL)
    return;

  /* Whatever the strict parser accepts has a canonical form, which is
   * strict JSON and its own canonical form. */
  canonical = mc_jcs_canonicalize (node, &error);
  if (canonical == NULL)
    broken ("mc_jcs_canonicalize refused parsed JSON", error);
  again = mc_strict_json_parse (canonical, -1, &error);
  if (again == NULL)
    broken ("canonical JSON does not parse", error);
  canonical_again = mc_jcs_canonicalize (again, &error);
  if (g_strcmp0 (canonical, canonical_again) != 0)
    broken ("canonical JSON is not stable", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) verify_error = NULL;

      check_refusal (mc_data_integrity_verify (node, keys[i], &verify_error), verify_error,
                     "mc_data_integrity_verify");
    }
}

/* The strict decoders accept one text per byte string. */
static void
fuzz_encodings (const char *text)
{
  g_autofree guint8 *bytes64 = NULL;
  g_autofree guint8 *bytes58 = NULL;
  gsize len = 0;

  bytes64 = mc_base64url_decode (text, &len, NULL);
  if (bytes64 != NULL)
    {
      g_autofree char *back = mc_base64url_encode (bytes64, len);

      if (!g_str_equal (back, text))
        broken ("base64url decodes a text that is not canonical", NULL);
    }
  bytes58 = mc_base58btc_decode (text, &len, NULL);
  if (bytes58 != NULL)
    {
      g_autofree char *back = mc_base58btc_encode (bytes58, len);

      if (!g_str_equal (back, text))
        broken ("base58btc decodes a text that is not canonical", NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  set_up ();
  fuzz_jws (text);
  fuzz_json (data, size);
  fuzz_encodings (text);
  return 0;
}
