/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "mc-base-encoding.h"
#include "mc-credential-error.h"
#include "mc-credential-private.h"
#include "mc-data-integrity.h"
#include "mc-jcs.h"

#define PROOF_TYPE      "DataIntegrityProof"
#define CRYPTOSUITE     "eddsa-jcs-2022"
#define PROOF_PURPOSE   "assertionMethod"
#define DID_KEY_PREFIX  "did:key:"
#define HASH_SIZE       32
#define SIGNATURE_SIZE  64

/* XML Schema 1.1 dateTime, four-digit years; the ranges of the fields are
 * then checked by GLib. */
#define DATE_TIME_PATTERN \
  "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"

static gboolean
is_date_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;

  if (!g_regex_match_simple (DATE_TIME_PATTERN, text, 0, 0))
    return FALSE;
  parsed = g_date_time_new_from_iso8601 (text, utc);
  return parsed != NULL;
}

static gboolean
malformed (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED, message);
  return FALSE;
}

static gboolean
refuse_key (GError **error)
{
  g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_KEY_MISMATCH,
                       _("Data Integrity proofs (eddsa-jcs-2022) need an Ed25519 key."));
  return FALSE;
}

static gboolean
refuse_proof_list (GError **error)
{
  return malformed (error, _("The document's “proof” is neither a proof nor a list of proofs."));
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A new object with the members of @object but @without, sharing their
 * values: neither is changed afterwards. */
static JsonObject *
object_without (JsonObject *object,
                const char *without)
{
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_str_equal (l->data, without))
      json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (object, l->data)));
  return copy;
}

static JsonNode *
node_for_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static gboolean
hash_canonical (JsonObject  *object,
                guint8      *digest,
                GError     **error)
{
  g_autoptr(JsonNode) node = node_for_object (json_object_ref (object));
  g_autofree char *canonical = mc_jcs_canonicalize (node, error);

  if (canonical == NULL)
    return FALSE;
  if (gnutls_hash_fast (GNUTLS_DIG_SHA256, canonical, strlen (canonical), digest) < 0)
    g_error ("GnuTLS cannot compute SHA-256");
  return TRUE;
}

/* vc-di-eddsa §3.3.4: the hash of the proof configuration, then the hash
 * of the document. */
static gboolean
hash_data (JsonObject  *proof_config,
           JsonObject  *unsecured,
           guint8      *hash,
           GError     **error)
{
  return hash_canonical (proof_config, hash, error)
         && hash_canonical (unsecured, hash + HASH_SIZE, error);
}

/* Signing */

static char *
now_date_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
check_sign_arguments (JsonNode      *document,
                      McSigningKey  *key,
                      const char    *created,
                      GError       **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (document))
    return malformed (error, _("The document to sign is not a JSON object."));
  if (mc_signing_key_get_algorithm (key) != MC_KEY_ALGORITHM_EDDSA)
    return refuse_key (error);
  if (created != NULL && !is_date_time (created))
    return malformed (error, _("The creation time of the proof is not a valid date and time."));
  return TRUE;
}

static JsonObject *
make_proof_config (JsonObject *document,
                   const char *verification_method,
                   const char *created)
{
  JsonObject *config = json_object_new ();
  JsonNode *context = json_object_get_member (document, "@context");

  json_object_set_string_member (config, "type", PROOF_TYPE);
  json_object_set_string_member (config, "cryptosuite", CRYPTOSUITE);
  json_object_set_string_member (config, "created", created);
  json_object_set_string_member (config, "verificationMethod", verification_method);
  json_object_set_string_member (config, "proofPurpose", PROOF_PURPOSE);
  if (context != NULL)
    json_object_set_member (config, "@context", _mc_json_node_deep_copy (context));
  return config;
}

/* The proofs already on @document, copied, as an array. */
static JsonArray *
copy_proofs (JsonObject  *document,
             GError     **error)
{
  JsonNode *proof = json_object_get_member (document, "proof");
  g_autoptr(JsonArray) proofs = json_array_new ();

  if (proof == NULL)
    return g_steal_pointer (&proofs);
  if (JSON_NODE_HOLDS_OBJECT (proof))
    {
      json_array_add_element (proofs, _mc_json_node_deep_copy (proof));
      return g_steal_pointer (&proofs);
    }
  if (JSON_NODE_HOLDS_ARRAY (proof))
    {
      g_autoptr(JsonNode) copy = _mc_json_node_deep_copy (proof);

      return json_array_ref (json_node_get_array (copy));
    }
  return (refuse_proof_list (error),
          NULL);
}

JsonNode *
mc_data_integrity_sign (JsonNode      *document,
                        McSigningKey  *key,
                        const char    *verification_method,
                        const char    *created,
                        GError       **error)
{
  g_autoptr(JsonObject) unsecured = NULL;
  g_autoptr(JsonObject) proof = NULL;
  g_autoptr(JsonArray) proofs = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *now = NULL;
  g_autofree char *base58 = NULL;
  g_autofree char *proof_value = NULL;
  guint8 hash[2 * HASH_SIZE];
  JsonNode *secured;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (MC_IS_SIGNING_KEY (key), NULL);
  g_return_val_if_fail (verification_method != NULL && verification_method[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_sign_arguments (document, key, created, error))
    return NULL;
  if (created == NULL)
    created = now = now_date_time ();

  proofs = copy_proofs (json_node_get_object (document), error);
  if (proofs == NULL)
    return NULL;
  unsecured = object_without (json_node_get_object (document), "proof");
  proof = make_proof_config (unsecured, verification_method, created);
  if (!hash_data (proof, unsecured, hash, error))
    return NULL;
  signature = mc_signing_key_sign (key, hash, sizeof hash, error);
  if (signature == NULL)
    return NULL;

  base58 = mc_base58btc_encode (g_bytes_get_data (signature, NULL), g_bytes_get_size (signature));
  proof_value = g_strconcat ("z", base58, NULL);
  json_object_set_string_member (proof, "proofValue", proof_value);
  json_array_add_element (proofs, node_for_object (g_steal_pointer (&proof)));

  secured = _mc_json_node_deep_copy (document);
  json_object_set_array_member (json_node_get_object (secured), "proof", g_steal_pointer (&proofs));
  return secured;
}

/* Verification */

/* Checks what the proof says about itself, and returns its signature. */
static GBytes *
read_proof (JsonObject  *proof,
            GError     **error)
{
  const char *value = get_string (proof, "proofValue");
  const char *method = get_string (proof, "verificationMethod");
  JsonNode *created = json_object_get_member (proof, "created");
  g_autofree guint8 *signature = NULL;
  gsize len = 0;

  if (g_strcmp0 (get_string (proof, "type"), PROOF_TYPE) != 0
      || g_strcmp0 (get_string (proof, "cryptosuite"), CRYPTOSUITE) != 0)
    return (malformed (error, _("The document has a proof of a kind that cannot be checked "
                                "(only eddsa-jcs-2022 Data Integrity proofs can).")), NULL);
  if (g_strcmp0 (get_string (proof, "proofPurpose"), PROOF_PURPOSE) != 0)
    return (malformed (error, _("The proof is not meant for issuing credentials "
                                "(its purpose is not assertionMethod).")), NULL);
  if (method == NULL || method[0] == '\0')
    return (malformed (error, _("The proof does not name its key (verificationMethod).")), NULL);
  if (created != NULL && (get_string (proof, "created") == NULL || !is_date_time (get_string (proof, "created"))))
    return (malformed (error, _("The creation time of the proof is not a valid date and time.")), NULL);
  if (json_object_has_member (proof, "previousProof"))
    return (malformed (error, _("The proof is part of a chain of proofs, which cannot be checked.")),
            NULL);

  if (value != NULL && value[0] == 'z')
    signature = mc_base58btc_decode (value + 1, &len, NULL);
  if (signature == NULL || len != SIGNATURE_SIZE)
    return (malformed (error, _("The proof's value is damaged.")), NULL);
  return g_bytes_new_take (g_steal_pointer (&signature), len);
}

/* A did:key verification method names the key itself: it must be @key. */
static gboolean
check_did_key (JsonObject   *proof,
               McPublicKey  *key,
               GError      **error)
{
  const char *method = get_string (proof, "verificationMethod");
  g_autofree char *multikey = NULL;
  gsize len;

  if (!g_str_has_prefix (method, DID_KEY_PREFIX))
    return TRUE;
  method += strlen (DID_KEY_PREFIX);
  len = strcspn (method, "#");
  multikey = mc_public_key_to_multikey (key, NULL);
  if (multikey != NULL && strlen (multikey) == len && strncmp (method, multikey, len) == 0)
    return TRUE;

  g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_KEY_MISMATCH,
                       _("The proof was made with another key than the one given."));
  return FALSE;
}

static JsonArray *
context_list (JsonNode *context)
{
  JsonArray *list;

  if (JSON_NODE_HOLDS_ARRAY (context))
    return json_array_ref (json_node_get_array (context));
  list = json_array_new ();
  json_array_add_element (list, json_node_copy (context));
  return list;
}

/* vc-di-eddsa §3.3.2 step 4: the document's @context must start with the
 * proof's. */
static gboolean
context_starts_with (JsonNode *document_context,
                     JsonNode *proof_context)
{
  g_autoptr(JsonArray) document_list = NULL;
  g_autoptr(JsonArray) proof_list = NULL;

  if (document_context == NULL)
    return FALSE;
  document_list = context_list (document_context);
  proof_list = context_list (proof_context);
  if (json_array_get_length (proof_list) > json_array_get_length (document_list))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (proof_list); i++)
    if (!json_node_equal (json_array_get_element (proof_list, i),
                          json_array_get_element (document_list, i)))
      return FALSE;
  return TRUE;
}

static gboolean
verify_proof (JsonObject   *unsecured,
              JsonObject   *proof,
              McPublicKey  *key,
              GError      **error)
{
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(JsonObject) options = NULL;
  g_autoptr(JsonObject) document = NULL;
  JsonNode *proof_context;
  guint8 hash[2 * HASH_SIZE];

  signature = read_proof (proof, error);
  if (signature == NULL || !check_did_key (proof, key, error))
    return FALSE;

  options = object_without (proof, "proofValue");
  document = object_without (unsecured, "@context");
  proof_context = json_object_get_member (options, "@context");
  if (proof_context != NULL)
    {
      if (!context_starts_with (json_object_get_member (unsecured, "@context"), proof_context))
        {
          g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_SIGNATURE,
                               _("The proof was made for another @context than the document has."));
          return FALSE;
        }
      json_object_set_member (document, "@context", json_node_copy (proof_context));
    }
  else if (json_object_has_member (unsecured, "@context"))
    json_object_set_member (document, "@context",
                            json_node_copy (json_object_get_member (unsecured, "@context")));

  return hash_data (options, document, hash, error)
         && mc_public_key_verify (key, MC_KEY_ALGORITHM_EDDSA, hash, sizeof hash,
                                  g_bytes_get_data (signature, NULL), g_bytes_get_size (signature),
                                  error);
}

/* The proofs of @secured as a non-empty array of objects. */
static JsonArray *
proofs_of (JsonObject  *secured,
           GError     **error)
{
  JsonNode *proof = json_object_get_member (secured, "proof");
  g_autoptr(JsonArray) proofs = NULL;

  if (proof != NULL && JSON_NODE_HOLDS_OBJECT (proof))
    {
      proofs = json_array_new ();
      json_array_add_element (proofs, json_node_copy (proof));
    }
  else if (proof != NULL && JSON_NODE_HOLDS_ARRAY (proof))
    proofs = json_array_ref (json_node_get_array (proof));

  if (proofs == NULL || json_array_get_length (proofs) == 0)
    return (malformed (error, _("The document has no proof.")), NULL);
  for (guint i = 0; i < json_array_get_length (proofs); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (proofs, i)))
      return (refuse_proof_list (error),
              NULL);
  return g_steal_pointer (&proofs);
}

gboolean
mc_data_integrity_verify (JsonNode     *secured,
                          McPublicKey  *key,
                          GError      **error)
{
  g_autoptr(JsonArray) proofs = NULL;
  g_autoptr(JsonObject) unsecured = NULL;

  g_return_val_if_fail (secured != NULL, FALSE);
  g_return_val_if_fail (MC_IS_PUBLIC_KEY (key), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (secured))
    return malformed (error, _("The document is not a JSON object."));
  proofs = proofs_of (json_node_get_object (secured), error);
  if (proofs == NULL)
    return FALSE;
  if (mc_public_key_get_algorithm (key) != MC_KEY_ALGORITHM_EDDSA)
    return refuse_key (error);

  unsecured = object_without (json_node_get_object (secured), "proof");
  for (guint i = 0; i < json_array_get_length (proofs); i++)
    if (!verify_proof (unsecured, json_array_get_object_element (proofs, i), key, error))
      return FALSE;
  return TRUE;
}
