/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-base-encoding.h"
#include "mc-credential-error.h"
#include "mc-jcs.h"
#include "mc-jws.h"
#include "mc-strict-json.h"

#define JWS_TYPE "JWT"

struct _McJws
{
  McKeyAlgorithm alg;
  char *kid;             /* NULL when the header has none */
  char *signing_input;   /* the first two parts, as received */
  GBytes *signature;
  JsonNode *payload;     /* an object */
  char *payload_text;
};

G_DEFINE_BOXED_TYPE (McJws, mc_jws, mc_jws_copy, mc_jws_free)

void
mc_jws_free (McJws *self)
{
  if (self == NULL)
    return;

  g_free (self->kid);
  g_free (self->signing_input);
  g_clear_pointer (&self->signature, g_bytes_unref);
  g_clear_pointer (&self->payload, json_node_unref);
  g_free (self->payload_text);
  g_free (self);
}

McJws *
mc_jws_copy (McJws *self)
{
  McJws *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (McJws, 1);
  copy->alg = self->alg;
  copy->kid = g_strdup (self->kid);
  copy->signing_input = g_strdup (self->signing_input);
  copy->signature = g_bytes_ref (self->signature);
  /* Parsed again, so that the copies share no mutable JSON. */
  copy->payload = mc_strict_json_parse (self->payload_text, -1, NULL);
  copy->payload_text = g_strdup (self->payload_text);
  g_assert (copy->payload != NULL);
  return copy;
}

/* Signing */

static char *
encode_text (const char *text)
{
  return mc_base64url_encode ((const guint8 *) text, strlen (text));
}

/* {"alg":…,"kid":…,"typ":"JWT"}: canonical JSON puts the members in
 * exactly this order and escapes the kid as JSON needs. */
static char *
encode_header (McKeyAlgorithm  alg,
               const char     *kid)
{
  g_autoptr(JsonNode) header = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *json = NULL;

  json_object_set_string_member (object, "alg", mc_key_algorithm_to_jws_name (alg));
  json_object_set_string_member (object, "kid", kid);
  json_object_set_string_member (object, "typ", JWS_TYPE);
  json_node_set_object (header, object);
  json = mc_jcs_canonicalize (header, NULL);
  return encode_text (json);
}

char *
mc_jws_sign_with_kid (McSigningKey  *key,
                      const char    *kid,
                      const char    *payload_json,
                      GError       **error)
{
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *header_part = NULL;
  g_autofree char *payload_part = NULL;
  g_autofree char *signing_input = NULL;
  g_autofree char *signature_part = NULL;

  g_return_val_if_fail (MC_IS_SIGNING_KEY (key), NULL);
  g_return_val_if_fail (kid == NULL || (kid[0] != '\0' && g_utf8_validate (kid, -1, NULL)), NULL);
  g_return_val_if_fail (payload_json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Nothing is signed that mc_jws_parse() would refuse. */
  if (strlen (payload_json) / 3 * 4 > MC_JWS_MAX_LENGTH - 1024)
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
                           _("The credential is too large to sign."));
      return NULL;
    }
  payload = mc_strict_json_parse_object (payload_json, -1, error);
  if (payload == NULL)
    return NULL;

  header_part = encode_header (mc_signing_key_get_algorithm (key),
                               kid != NULL ? kid : mc_signing_key_get_kid (key));
  payload_part = encode_text (payload_json);
  signing_input = g_strconcat (header_part, ".", payload_part, NULL);
  signature = mc_signing_key_sign (key, (const guint8 *) signing_input, strlen (signing_input), error);
  if (signature == NULL)
    return NULL;
  signature_part = mc_base64url_encode (g_bytes_get_data (signature, NULL), g_bytes_get_size (signature));
  return g_strconcat (signing_input, ".", signature_part, NULL);
}

char *
mc_jws_sign (McSigningKey  *key,
             const char    *payload_json,
             GError       **error)
{
  return mc_jws_sign_with_kid (key, NULL, payload_json, error);
}

/* Parsing */

static gboolean
malformed (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED, message);
  return FALSE;
}

static gboolean
unsupported (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM, message);
  return FALSE;
}

/* A base64url part holding strict JSON: an object. */
static JsonNode *
decode_json_part (const char  *part,
                  char       **text_out,
                  GError     **error)
{
  g_autofree guint8 *bytes = NULL;
  JsonNode *node;
  gsize len = 0;

  bytes = mc_base64url_decode (part, &len, error);
  if (bytes == NULL)
    return NULL;
  node = mc_strict_json_parse_object ((const char *) bytes, (gssize) len, error);
  if (node != NULL && text_out != NULL)
    *text_out = g_strndup ((const char *) bytes, len);
  return node;
}

static const char *
string_member (JsonObject *object,
               const char *name,
               gboolean   *valid)
{
  JsonNode *node = json_object_get_member (object, name);

  *valid = node == NULL
           || (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING);
  return node != NULL && *valid ? json_node_get_string (node) : NULL;
}

static gboolean
read_header (McJws       *self,
             JsonObject  *header,
             GError     **error)
{
  g_autoptr(GList) names = json_object_get_members (header);
  const char *alg;
  const char *kid;
  const char *typ;
  gboolean valid;

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "alg") && !g_str_equal (l->data, "kid") && !g_str_equal (l->data, "typ"))
      return unsupported (error, _("The token's header has fields that Open Badges 3.0 does not "
                                   "allow (only “alg”, “kid” and “typ”)."));

  alg = string_member (header, "alg", &valid);
  if (alg == NULL)
    return malformed (error, _("The token's header names no signature algorithm."));
  if (!mc_key_algorithm_from_jws_name (alg, &self->alg))
    return unsupported (error, _("The token is not signed with an accepted algorithm "
                                 "(RS256 or EdDSA)."));

  kid = string_member (header, "kid", &valid);
  if (!valid || (kid != NULL && kid[0] == '\0'))
    return malformed (error, _("The token's key identifier (“kid”) is not a text."));
  self->kid = g_strdup (kid);

  typ = string_member (header, "typ", &valid);
  if (!valid || (typ != NULL && !g_str_equal (typ, JWS_TYPE)))
    return unsupported (error, _("The token's type (“typ”) is not “JWT”."));
  return TRUE;
}

static gboolean
read_parts (McJws       *self,
            char       **parts,
            GError     **error)
{
  g_autoptr(JsonNode) header = NULL;
  guint8 *signature;
  gsize len = 0;

  header = decode_json_part (parts[0], NULL, error);
  if (header == NULL)
    return FALSE;
  if (!read_header (self, json_node_get_object (header), error))
    return FALSE;

  self->payload = decode_json_part (parts[1], &self->payload_text, error);
  if (self->payload == NULL)
    return FALSE;

  signature = mc_base64url_decode (parts[2], &len, error);
  if (signature == NULL)
    return FALSE;
  self->signature = g_bytes_new_take (signature, len);
  if (len == 0)
    return malformed (error, _("The token has no signature."));

  self->signing_input = g_strconcat (parts[0], ".", parts[1], NULL);
  return TRUE;
}

McJws *
mc_jws_parse (const char  *compact,
              GError     **error)
{
  g_autoptr(McJws) self = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (compact != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strnlen (compact, MC_JWS_MAX_LENGTH + 1) > MC_JWS_MAX_LENGTH)
    return (malformed (error, _("The token is larger than 1 MiB; no credential is.")), NULL);

  parts = g_strsplit (compact, ".", 4);
  if (g_strv_length (parts) != 3)
    return (malformed (error, _("The text is not a signed credential (a compact JWS has "
                                "three parts separated by dots).")), NULL);

  self = g_new0 (McJws, 1);
  if (!read_parts (self, parts, error))
    {
      g_prefix_error (error, "%s", _("The signed credential cannot be read: "));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* Properties */

const char *
mc_jws_get_kid (McJws *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->kid;
}

McKeyAlgorithm
mc_jws_get_algorithm (McJws *self)
{
  g_return_val_if_fail (self != NULL, MC_KEY_ALGORITHM_RS256);
  return self->alg;
}

JsonObject *
mc_jws_get_payload (McJws *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return json_node_get_object (self->payload);
}

const char *
mc_jws_get_payload_text (McJws *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->payload_text;
}

gboolean
mc_jws_verify (McJws        *self,
               McPublicKey  *key,
               GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MC_IS_PUBLIC_KEY (key), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mc_public_key_verify (key, self->alg,
                               (const guint8 *) self->signing_input, strlen (self->signing_input),
                               g_bytes_get_data (self->signature, NULL),
                               g_bytes_get_size (self->signature), error);
}
