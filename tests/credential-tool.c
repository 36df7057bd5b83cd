/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mc-core.h"
#include "mc-credential.h"

/* A small driver of the credential layer for tests/interop/, which checks
 * our tokens against another JOSE implementation:
 *
 *   credential-tool sign ALG PAYLOAD_FILE   signs with a new key (RS256 or EdDSA);
 *                                           prints {"jws": …, "jwk": public JWK}
 *   credential-tool verify JWS JWK_FILE     exits 0 when the token verifies, 1 if not
 *   credential-tool kid JWK_FILE            prints the key's RFC 7638 thumbprint */

static int
fail (GError *error)
{
  g_printerr ("credential-tool: %s\n", error->message);
  g_error_free (error);
  return 1;
}

static JsonNode *
read_json (const char  *path,
           GError     **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &text, &len, error))
    return NULL;
  return mc_strict_json_parse (text, (gssize) len, error);
}

static McPublicKey *
read_jwk (const char  *path,
          GError     **error)
{
  g_autoptr(JsonNode) node = read_json (path, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY, "not a JWK");
      return NULL;
    }
  return mc_public_key_new_from_jwk (json_node_get_object (node), error);
}

static int
sign (const char *alg_name,
      const char *payload_path)
{
  GError *error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *token = NULL;
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonObject) jwk = NULL;
  g_autofree char *text = NULL;
  McKeyAlgorithm alg;

  if (!mc_key_algorithm_from_jws_name (alg_name, &alg))
    {
      g_printerr ("credential-tool: unknown algorithm %s\n", alg_name);
      return 2;
    }
  if (!g_file_get_contents (payload_path, &payload, NULL, &error))
    return fail (error);
  key = mc_signing_key_generate (alg, &error);
  if (key == NULL)
    return fail (error);
  token = mc_jws_sign (key, payload, &error);
  if (token == NULL)
    return fail (error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "jws");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "jwk");
  jwk = mc_public_key_to_jwk (mc_signing_key_get_public_key (key));
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), jwk));
  json_builder_end_object (builder);
  result = json_builder_get_root (builder);
  text = json_to_string (result, FALSE);
  g_print ("%s\n", text);
  return 0;
}

static int
verify (const char *token,
        const char *jwk_path)
{
  GError *error = NULL;
  g_autoptr(McPublicKey) key = read_jwk (jwk_path, &error);
  g_autoptr(McJws) jws = NULL;

  if (key == NULL)
    return fail (error);
  jws = mc_jws_parse (token, &error);
  if (jws == NULL || !mc_jws_verify (jws, key, &error))
    return fail (error);
  return 0;
}

static int
kid (const char *jwk_path)
{
  GError *error = NULL;
  g_autoptr(McPublicKey) key = read_jwk (jwk_path, &error);

  if (key == NULL)
    return fail (error);
  g_print ("%s\n", mc_public_key_get_kid (key));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  mc_core_init ();

  if (argc == 4 && g_str_equal (argv[1], "sign"))
    return sign (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "verify"))
    return verify (argv[2], argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "kid"))
    return kid (argv[2]);

  g_printerr ("usage: credential-tool sign ALG PAYLOAD_FILE | verify JWS JWK_FILE | kid JWK_FILE\n");
  return 2;
}
