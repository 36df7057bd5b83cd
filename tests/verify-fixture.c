/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "verify-fixture.h"

#define LIST_BYTES (MC_STATUS_LIST_SIZE / 8)

McSigningKey *
verify_fixture_fixed_key (guint index)
{
  static McSigningKey *keys[2];

  g_assert (index < G_N_ELEMENTS (keys));
  if (keys[index] == NULL)
    {
      g_autoptr(GError) error = NULL;
      guint8 seed[32];

      /* Not secret: these keys sign test files only. */
      for (guint i = 0; i < sizeof seed; i++)
        seed[i] = (guint8) (i * 7 + index * 101 + 1);
      keys[index] = mc_signing_key_new_from_ed25519_seed (seed, &error);
      g_assert_no_error (error);
    }
  return keys[index];
}

McCredentialBuilder *
verify_fixture_builder (void)
{
  g_autoptr(McRevision) revision = ob3_fixture_full_revision (MC_GRADING_PASS_FAIL);

  return ob3_fixture_builder (revision);
}

char *
verify_fixture_key_url (McSigningKey *key)
{
  return g_strconcat (OB3_FIXTURE_BASE "/keys/", mc_signing_key_get_kid (key), NULL);
}

char *
verify_fixture_sign (McSigningKey *key,
                     const char   *payload)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kid = verify_fixture_key_url (key);
  char *token = mc_jws_sign_with_kid (key, kid, payload, &error);

  g_assert_no_error (error);
  return token;
}

char *
verify_fixture_jwt (McSigningKey        *key,
                    McCredentialBuilder *builder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = mc_credential_builder_build_jwt_payload (builder, &error);

  g_assert_no_error (error);
  return verify_fixture_sign (key, payload);
}

char *
verify_fixture_edited_jwt (McSigningKey        *key,
                           McCredentialBuilder *builder,
                           void               (*edit) (JsonObject *payload))
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = mc_credential_builder_build_jwt_payload (builder, &error);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *edited = NULL;

  g_assert_no_error (error);
  node = mc_strict_json_parse_object (payload, -1, &error);
  g_assert_no_error (error);
  edit (json_node_get_object (node));
  edited = json_to_string (node, FALSE);
  return verify_fixture_sign (key, edited);
}

char *
verify_fixture_data_integrity (McSigningKey        *key,
                               McCredentialBuilder *builder,
                               const char          *verification_method)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = mc_credential_builder_build (builder, &error);
  g_autoptr(JsonNode) secured = NULL;
  g_autofree char *method = verification_method != NULL ? g_strdup (verification_method)
                                                        : verify_fixture_key_url (key);

  g_assert_no_error (error);
  secured = mc_data_integrity_sign (document, key, method, "2026-02-01T09:00:00Z", &error);
  g_assert_no_error (error);
  return json_to_string (secured, TRUE);
}

static char *
encode (const char *text)
{
  return mc_base64url_encode ((const guint8 *) text, strlen (text));
}

char *
verify_fixture_token (const char *header,
                      const char *payload,
                      GBytes     *signature)
{
  g_autofree char *header_part = encode (header);
  g_autofree char *payload_part = encode (payload);
  g_autofree char *signature_part = mc_base64url_encode (g_bytes_get_data (signature, NULL),
                                                         g_bytes_get_size (signature));

  return g_strconcat (header_part, ".", payload_part, ".", signature_part, NULL);
}

char *
verify_fixture_status_list (McSigningKey *key,
                            const char   *purpose,
                            gboolean      marked)
{
  return verify_fixture_status_list_between (key, purpose, marked, "2026-05-31T00:00:00Z",
                                             "2026-06-02T00:00:00Z");
}

char *
verify_fixture_status_list_between (McSigningKey *key,
                                    const char   *purpose,
                                    gboolean      marked,
                                    const char   *valid_from,
                                    const char   *valid_until)
{
  g_autoptr(McIssuerProfile) issuer = ob3_fixture_issuer ();
  g_autofree guint8 *bits = g_malloc0 (LIST_BYTES);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *payload = NULL;
  guint offset;

  url = mc_status_list_url (OB3_FIXTURE_BASE "/status", purpose, OB3_FIXTURE_STATUS, &offset);
  if (marked)
    mc_status_list_set_bit (bits, LIST_BYTES, offset);
  bytes = g_bytes_new (bits, LIST_BYTES);
  list = mc_status_list_build_credential (issuer, url, purpose, bytes, valid_from, valid_until, &error);
  g_assert_no_error (error);
  payload = json_to_string (list, FALSE);
  return verify_fixture_sign (key, payload);
}

char *
verify_fixture_resign (McSigningKey *key,
                       const char   *jwt,
                       const char   *base,
                       const char   *kid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McJws) jws = mc_jws_parse (jwt, &error);
  g_autoptr(GString) moved = NULL;
  char *token;

  g_assert_no_error (error);
  moved = g_string_new (mc_jws_get_payload_text (jws));
  g_string_replace (moved, OB3_FIXTURE_BASE, base, 0);
  token = mc_jws_sign_with_kid (key, kid, moved->str, &error);
  g_assert_no_error (error);
  return token;
}
