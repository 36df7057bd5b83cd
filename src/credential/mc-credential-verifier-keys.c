/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-credential-verifier-private.h"
#include "mc-data-integrity.h"
#include "mc-strict-json.h"

/* Which keys may have signed a credential, and trying them.  A key is
 * named by the JWS "kid" or the proof's verificationMethod: our "kid" is
 * the key's address, "<base>/keys/<thumbprint>", so a key is found by its
 * thumbprint in the last path segment (or the fragment), by the kid a
 * JWKS gave it, or, for a did:key, by the key itself. */

#define DID_KEY_PREFIX "did:key:"
/* JWT claims of VC-JWT that are not part of the credential. */
static const char * const jwt_claims[] = { "iss", "sub", "jti", "nbf", "exp", "iat", "aud" };

void
_mc_known_key_free (McKnownKey *known)
{
  g_clear_object (&known->key);
  g_free (known->alias);
  g_free (known->source);
  g_free (known);
}

void
_mc_found_key_free (McFoundKey *found)
{
  if (found == NULL)
    return;
  g_clear_object (&found->key);
  g_clear_pointer (&found->record, mc_key_record_free);
  g_free (found->source);
  g_free (found);
}

static McFoundKey *
found_key_new (McPublicKey *key,
               McKeyRecord *record,
               const char  *source)
{
  McFoundKey *found = g_new0 (McFoundKey, 1);

  found->key = g_object_ref (key);
  found->record = record != NULL ? mc_key_record_copy (record) : NULL;
  found->source = g_strdup (source);
  return found;
}

/* Signed texts */

void
_mc_signed_text_free (McSignedText *signed_text)
{
  if (signed_text == NULL)
    return;
  g_clear_pointer (&signed_text->jws, mc_jws_free);
  g_clear_pointer (&signed_text->document, json_node_unref);
  g_clear_pointer (&signed_text->credential, json_node_unref);
  g_free (signed_text);
}

/* The credential a VC-JWT carries: the "vc" claim (VC data model 1.1
 * style), or else the payload itself without the JWT claims. */
static JsonNode *
credential_of_payload (JsonObject *payload)
{
  JsonNode *vc = json_object_get_member (payload, "vc");
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autoptr(GList) names = NULL;
  JsonNode *node;

  if (vc != NULL && JSON_NODE_HOLDS_OBJECT (vc))
    return json_node_copy (vc);

  names = json_object_get_members (payload);
  for (GList *l = names; l != NULL; l = l->next)
    {
      gboolean claim = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (jwt_claims); i++)
        claim |= g_str_equal (l->data, jwt_claims[i]);
      if (!claim)
        json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (payload, l->data)));
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, copy);
  return node;
}

McSignedText *
_mc_signed_text_parse (const char  *text,
                       GError     **error)
{
  g_autoptr(McSignedText) signed_text = g_new0 (McSignedText, 1);

  if (text[0] == '{')
    {
      signed_text->document = mc_strict_json_parse_object (text, -1, error);
      if (signed_text->document == NULL)
        return NULL;
      signed_text->credential = json_node_ref (signed_text->document);
    }
  else
    {
      signed_text->jws = mc_jws_parse (text, error);
      if (signed_text->jws == NULL)
        return NULL;
      signed_text->credential = credential_of_payload (mc_jws_get_payload (signed_text->jws));
    }
  return g_steal_pointer (&signed_text);
}

static JsonObject *
first_proof (McSignedText *signed_text)
{
  JsonObject *document = json_node_get_object (signed_text->document);
  JsonNode *proof = json_object_get_member (document, "proof");

  if (proof != NULL && JSON_NODE_HOLDS_ARRAY (proof) && json_array_get_length (json_node_get_array (proof)) > 0)
    proof = json_array_get_element (json_node_get_array (proof), 0);
  return proof != NULL && JSON_NODE_HOLDS_OBJECT (proof) ? json_node_get_object (proof) : NULL;
}

const char *
_mc_signed_text_get_key_id (McSignedText *signed_text)
{
  if (signed_text->jws != NULL)
    return mc_jws_get_kid (signed_text->jws);
  return _mc_json_get_string (first_proof (signed_text), "verificationMethod");
}

/* Matching keys to their names */

/* Whether the last path segment of a URL-like @kid, or its fragment, is
 * @thumbprint. */
static gboolean
kid_names_thumbprint (const char *kid,
                      const char *thumbprint)
{
  const char *fragment = strchr (kid, '#');
  g_autofree char *path = g_strndup (kid, strcspn (kid, "?#"));
  const char *segment = strrchr (path, '/');

  if (fragment != NULL && g_str_equal (fragment + 1, thumbprint))
    return TRUE;
  return segment != NULL && g_str_equal (segment + 1, thumbprint);
}

static gboolean
kid_matches (const char  *kid,
             McPublicKey *key,
             const char  *alias)
{
  const char *thumbprint = mc_public_key_get_kid (key);

  if (kid == NULL)
    return TRUE;
  if (g_strcmp0 (kid, alias) == 0 || g_str_equal (kid, thumbprint))
    return TRUE;
  if (g_str_has_prefix (kid, DID_KEY_PREFIX))
    {
      g_autofree char *multikey = mc_public_key_to_multikey (key, NULL);
      const char *value = kid + strlen (DID_KEY_PREFIX);

      return multikey != NULL && strncmp (value, multikey, strcspn (value, "#")) == 0 &&
             strlen (multikey) == strcspn (value, "#");
    }
  return kid_names_thumbprint (kid, thumbprint);
}

/* The institution's keys, current and retired, that @kid names. */
static gboolean
add_store_keys (McCredentialVerifier *self,
                const char           *kid,
                GPtrArray            *found,
                GError              **error)
{
  g_autoptr(GPtrArray) records = NULL;

  if (self->store == NULL)
    return TRUE;
  records = mc_store_list_keys (self->store, error);
  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      McKeyRecord *record = g_ptr_array_index (records, i);
      g_autoptr(JsonNode) jwk = NULL;
      g_autoptr(McPublicKey) key = NULL;
      g_autoptr(GError) local_error = NULL;

      jwk = mc_strict_json_parse_object (record->public_jwk != NULL ? record->public_jwk : "", -1, &local_error);
      if (jwk != NULL)
        key = mc_public_key_new_from_jwk (json_node_get_object (jwk), &local_error);
      if (key == NULL)
        {
          g_warning ("Signing key %s in the database is unusable: %s", record->kid, local_error->message);
          continue;
        }
      if (kid_matches (kid, key, record->kid))
        g_ptr_array_add (found, found_key_new (key, record, NULL));
    }
  return TRUE;
}

/* Every key that @kid may name (all keys when NULL): the institution's
 * first, then those given.  Returns: (element-type McFoundKey) */
static GPtrArray *
find_keys (McCredentialVerifier *self,
           const char           *kid,
           GError              **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) _mc_found_key_free);

  if (!add_store_keys (self, kid, found, error))
    return NULL;
  for (guint i = 0; i < self->keys->len; i++)
    {
      McKnownKey *known = g_ptr_array_index (self->keys, i);

      if (kid_matches (kid, known->key, known->alias))
        g_ptr_array_add (found, found_key_new (known->key, NULL, known->source));
    }
  return g_steal_pointer (&found);
}

/* Trying them */

static gboolean
verify_with (McSignedText *signed_text,
             McPublicKey  *key,
             GError      **error)
{
  if (signed_text->jws != NULL)
    return mc_jws_verify (signed_text->jws, key, error);
  return mc_data_integrity_verify (signed_text->document, key, error);
}

/* Of two failures, the one that says more: a signature that does not
 * match (the right key, changed data) over a key that does not fit. */
static void
keep_better_error (GError **best,
                   GError  *error)
{
  if (*best == NULL || (error->code == MC_CREDENTIAL_ERROR_BAD_SIGNATURE &&
                        (*best)->code == MC_CREDENTIAL_ERROR_KEY_MISMATCH))
    {
      g_clear_error (best);
      *best = error;
    }
  else
    g_error_free (error);
}

McFoundKey *
_mc_credential_verifier_check_signature (McCredentialVerifier *self,
                                         McSignedText         *signed_text,
                                         gboolean             *unknown_key,
                                         GError              **error)
{
  const char *kid = _mc_signed_text_get_key_id (signed_text);
  g_autoptr(GPtrArray) found = NULL;
  GError *best = NULL;

  found = find_keys (self, kid, error);
  if (found == NULL)
    return NULL;
  *unknown_key = found->len == 0;
  if (found->len == 0)
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_KEY_MISMATCH,
                           kid != NULL
                           ? _("It was signed with a key this institution does not know.")
                           : _("It names no signing key, and no key is known to check it with."));
      return NULL;
    }
  for (guint i = 0; i < found->len; i++)
    {
      McFoundKey *candidate = g_ptr_array_index (found, i);
      GError *local_error = NULL;

      if (verify_with (signed_text, candidate->key, &local_error))
        {
          g_clear_error (&best);
          return g_ptr_array_steal_index (found, i);
        }
      keep_better_error (&best, local_error);
    }
  g_propagate_error (error, best);
  return NULL;
}

/* Loading keys */

static void
add_key (GPtrArray   *keys,
         McPublicKey *key,
         const char  *alias,
         const char  *source)
{
  McKnownKey *known = g_new0 (McKnownKey, 1);

  known->key = g_object_ref (key);
  known->alias = g_strdup (alias);
  known->source = g_strdup (source);
  g_ptr_array_add (keys, known);
}

void
mc_credential_verifier_add_public_key (McCredentialVerifier *self,
                                       McPublicKey          *key)
{
  g_return_if_fail (MC_IS_CREDENTIAL_VERIFIER (self));
  g_return_if_fail (MC_IS_PUBLIC_KEY (key));

  add_key (self->keys, key, NULL, NULL);
}

void
mc_credential_verifier_add_public_key_as (McCredentialVerifier *self,
                                          McPublicKey          *key,
                                          const char           *kid)
{
  g_return_if_fail (MC_IS_CREDENTIAL_VERIFIER (self));
  g_return_if_fail (MC_IS_PUBLIC_KEY (key));
  g_return_if_fail (kid != NULL);

  add_key (self->keys, key, kid, NULL);
}

void
mc_credential_verifier_add_published_key (McCredentialVerifier *self,
                                          McPublicKey          *key,
                                          const char           *kid,
                                          const char           *source)
{
  g_return_if_fail (MC_IS_CREDENTIAL_VERIFIER (self));
  g_return_if_fail (MC_IS_PUBLIC_KEY (key));
  g_return_if_fail (source != NULL);

  add_key (self->keys, key, kid, source);
}

static gboolean
parse_jwk_set (JsonArray  *members,
               GPtrArray  *keys,
               GError    **error)
{
  if (json_array_get_length (members) == 0)
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                           _("The key set is empty."));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonNode *node = json_array_get_element (members, i);
      g_autoptr(McPublicKey) key = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        key = mc_public_key_new_from_jwk (json_node_get_object (node), error);
      else
        g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                             _("It is not a key."));
      if (key == NULL)
        {
          g_prefix_error (error, _("Key %u of the key set: "), i + 1);
          return FALSE;
        }
      add_key (keys, key, _mc_json_get_string (json_node_get_object (node), "kid"), NULL);
    }
  return TRUE;
}

static gboolean
parse_key_text (const char *text,
                GPtrArray  *keys,
                GError    **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(McPublicKey) key = NULL;
  JsonObject *object;
  JsonNode *members;

  if (g_str_has_prefix (text, "-----BEGIN"))
    {
      key = mc_public_key_new_from_pem (text, error);
      if (key != NULL)
        add_key (keys, key, NULL, NULL);
      return key != NULL;
    }
  root = mc_strict_json_parse_object (text, -1, NULL);
  if (root == NULL)
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                           _("The file is not a public key: a key set (JWKS), a single key (JWK), "
                             "a PEM public key or an X.509 certificate in PEM were expected."));
      return FALSE;
    }
  object = json_node_get_object (root);
  members = json_object_get_member (object, "keys");
  if (members != NULL && JSON_NODE_HOLDS_ARRAY (members))
    return parse_jwk_set (json_node_get_array (members), keys, error);
  key = mc_public_key_new_from_jwk (object, error);
  if (key != NULL)
    add_key (keys, key, _mc_json_get_string (object, "kid"), NULL);
  return key != NULL;
}

guint
mc_credential_verifier_load_key_file (McCredentialVerifier *self,
                                      const char           *path,
                                      GError              **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) _mc_known_key_free);
  g_autofree char *text = NULL;
  guint n;

  g_return_val_if_fail (MC_IS_CREDENTIAL_VERIFIER (self), 0);
  g_return_val_if_fail (path != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  file = g_file_new_for_path (path);
  bytes = _mc_credential_verifier_read_file (file, NULL, error);
  if (bytes == NULL)
    return 0;
  text = mc_credential_verifier_bytes_to_text (bytes, error);
  if (text == NULL || !parse_key_text (text, keys, error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_prefix_error (error, _("The key file “%s” cannot be used. "), name);
      return 0;
    }
  n = keys->len;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->keys, g_ptr_array_steal_index (keys, 0));
  return n;
}
