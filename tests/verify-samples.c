/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>

#include "credential-fixture.h"
#include "verify-fixture.h"

/* Writes signed credentials, keys and status lists into a folder, for
 * the test of `mcred verify` (test-cli-verify.py) and as fuzzing seeds
 * (tests/files/verify/, made with this program).  The trusted keys are in
 * keys.json: the fixed Ed25519 key 0 and an RSA key made on each run;
 * ed25519.p8 is key 0's private key, encrypted with "sample passphrase".
 * Everything is meant to be checked at VERIFY_FIXTURE_NOW.
 *
 * Usage: verify-samples DIR */

#define VERIFY_SAMPLES_PASSPHRASE "sample passphrase"

static const char *dir;

static void
write_sample (const char *name,
              const char *contents,
              gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!g_file_set_contents (path, contents, length, &error))
    g_error ("%s", error->message);
}

static void
write_text (const char *name,
            const char *contents)
{
  g_autofree char *line = g_strconcat (contents, "\n", NULL);

  write_sample (name, line, -1);
}

static void
write_keys (McSigningKey *ed25519,
            McSigningKey *rsa)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *jwks = NULL;
  g_autofree char *pem = mc_public_key_to_pem (mc_signing_key_get_public_key (ed25519));
  McSigningKey *keys[] = { ed25519, rsa };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "keys");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(JsonObject) jwk = mc_public_key_to_jwk (mc_signing_key_get_public_key (keys[i]));

      json_builder_add_value (builder, json_node_init_object (json_node_alloc (), jwk));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  jwks = json_to_string (root, TRUE);
  write_text ("keys.json", jwks);
  write_sample ("ed25519.pem", pem, -1);
}

/* The Ed25519 key's private half, for `mcred status-list export`. */
static void
write_private_key (McSigningKey *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) jwk = mc_public_key_to_jwk (mc_signing_key_get_public_key (key));
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), jwk);
  g_autofree char *jwk_text = json_to_string (node, FALSE);
  g_autofree char *path = g_build_filename (dir, "ed25519.p8", NULL);

  if (!mc_signing_key_save (key, path, VERIFY_SAMPLES_PASSPHRASE, &error))
    g_error ("%s", error->message);
  write_text ("ed25519.jwk", jwk_text);
}

static void
change_jti (JsonObject *payload)
{
  json_object_set_string_member (payload, "jti", "urn:uuid:00000000-0000-4000-8000-000000000000");
}

static void
drop_subject (JsonObject *payload)
{
  json_object_remove_member (payload, "credentialSubject");
  json_object_remove_member (payload, "sub");
}

static void
write_bad_tokens (McSigningKey        *key,
                  McCredentialBuilder *builder)
{
  g_autofree char *token = verify_fixture_jwt (key, builder);
  g_auto(GStrv) parts = g_strsplit (token, ".", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = mc_credential_builder_build_jwt_payload (builder, &error);
  g_autoptr(GBytes) nothing = g_bytes_new (NULL, 0);
  g_autofree char *none = verify_fixture_token ("{\"alg\":\"none\",\"typ\":\"JWT\"}", payload, nothing);
  const char *other_signature;
  g_autofree char *tampered = NULL;
  g_autofree char *unknown = verify_fixture_jwt (verify_fixture_fixed_key (1), builder);
  g_autofree char *claims = verify_fixture_edited_jwt (key, builder, change_jti);
  g_autofree char *schema = verify_fixture_edited_jwt (key, builder, drop_subject);

  g_assert_no_error (error);
  /* The signature of another credential under this one's header and payload. */
  other_signature = strrchr (unknown, '.') + 1;
  tampered = g_strconcat (parts[0], ".", parts[1], ".", other_signature, NULL);
  write_text ("tampered.jwt", tampered);
  write_text ("alg-none.jwt", none);
  write_text ("unknown-key.jwt", unknown);
  write_text ("claims.jwt", claims);
  write_text ("schema.jwt", schema);
}

static void
write_lists (McSigningKey *key)
{
  const char *purposes[] = { "revocation", "suspension" };

  for (guint i = 0; i < G_N_ELEMENTS (purposes); i++)
    {
      g_autofree char *clear = verify_fixture_status_list (key, purposes[i], FALSE);
      g_autofree char *marked = verify_fixture_status_list (key, purposes[i], TRUE);
      g_autofree char *clear_name = g_strdup_printf ("%s-1.jwt", purposes[i]);
      g_autofree char *marked_name = g_strdup_printf ("%s-marked-1.jwt", purposes[i]);

      write_text (clear_name, clear);
      write_text (marked_name, marked);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(McCredentialBuilder) builder = NULL;
  McSigningKey *ed25519 = NULL;
  McSigningKey *rsa = NULL;
  g_autofree char *eddsa_token = NULL;
  g_autofree char *rsa_token = NULL;
  g_autofree char *document = NULL;
  static const char binary[] = { 'e', 'y', 'J', 0, 1, 2, (char) 0xff };

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 2)
    {
      g_printerr ("Usage: %s DIR\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  if (g_mkdir_with_parents (dir, 0755) != 0)
    g_error ("%s: %s", dir, g_strerror (errno));

  ed25519 = verify_fixture_fixed_key (0);
  rsa = credential_fixture_key (MC_KEY_ALGORITHM_RS256, 0);
  builder = verify_fixture_builder ();
  write_keys (ed25519, rsa);
  write_private_key (ed25519);
  eddsa_token = verify_fixture_jwt (ed25519, builder);
  rsa_token = verify_fixture_jwt (rsa, builder);
  document = verify_fixture_data_integrity (ed25519, builder, NULL);
  write_text ("valid-eddsa.jwt", eddsa_token);
  write_text ("valid-rs256.jwt", rsa_token);
  write_text ("valid-di.json", document);
  write_bad_tokens (ed25519, builder);
  write_lists (ed25519);
  write_text ("address.txt", OB3_FIXTURE_BASE "/credentials/" OB3_FIXTURE_CREDENTIAL "?token=0123456789abcdefghijkl");
  write_sample ("binary.bin", binary, sizeof binary);
  write_sample ("empty.jwt", "", 0);
  return 0;
}
