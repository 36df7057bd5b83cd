/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-credential-builder.h"
#include "mc-credential-urls.h"
#include "mc-design.h"
#include "mc-publication-private.h"

/* The JSON documents: the issuer, its keys (JWKS, each JWK, the did:web
 * document), the achievements and the JSON-LD context. */

#define JSON_TYPE "application/json"
#define JSON_LD_TYPE "application/ld+json"
#define DID_CONTEXT "https://www.w3.org/ns/did/v1"
#define JWS_2020_CONTEXT "https://w3id.org/security/suites/jws-2020/v1"

McPublicationDocument *
_mc_publication_json_document (JsonNode           *node,
                               const char         *content_type,
                               McPublicationCache  cache)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return mc_publication_document_new (g_bytes_new_take (text, length), content_type, cache, TRUE);
}

McPublicationDocument *
_mc_publication_build_issuer (McPublication *self)
{
  g_autoptr(JsonNode) profile = mc_issuer_profile_to_json (self->issuer, TRUE);

  return _mc_publication_json_document (profile, JSON_TYPE, MC_PUBLICATION_CACHE_LONG);
}

McPublicationDocument *
_mc_publication_build_context (McPublication *self)
{
  g_autoptr(JsonNode) context = mc_credential_builder_build_context_document ();

  return _mc_publication_json_document (context, JSON_LD_TYPE, MC_PUBLICATION_CACHE_LONG);
}

McPublicationDocument *
_mc_publication_build_jwks (McPublication           *self,
                            McPublicationConnection *connection,
                            GError                 **error)
{
  g_autoptr(JsonNode) jwks = mc_keyring_build_jwks (connection->keyring, error);

  if (jwks == NULL)
    return NULL;
  return _mc_publication_json_document (jwks, JSON_TYPE, MC_PUBLICATION_CACHE_LONG);
}

McPublicationDocument *
_mc_publication_build_jwk (McPublication           *self,
                           McPublicationConnection *connection,
                           const char              *thumbprint,
                           GError                 **error)
{
  g_autoptr(McKeyRecord) record = mc_store_find_key (connection->store, thumbprint, error);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *jwk;

  if (record == NULL)
    return NULL;
  if ((jwk = mc_keyring_build_jwk (connection->keyring, record, error)) == NULL)
    return NULL;
  node = json_node_init_object (json_node_alloc (), jwk);
  json_object_unref (jwk);
  return _mc_publication_json_document (node, JSON_TYPE, MC_PUBLICATION_CACHE_LONG);
}

static void
add_verification_method (JsonBuilder *builder,
                         const char  *did,
                         JsonObject  *jwk,
                         const char  *method_id)
{
  g_autoptr(JsonNode) public_jwk = json_node_init_object (json_node_alloc (), jwk);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, method_id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "JsonWebKey2020");
  json_builder_set_member_name (builder, "controller");
  json_builder_add_string_value (builder, did);
  json_builder_set_member_name (builder, "publicKeyJwk");
  json_builder_add_value (builder, g_steal_pointer (&public_jwk));
  json_builder_end_object (builder);
}

static void
add_string_array (JsonBuilder *builder,
                  const char  *name,
                  GPtrArray   *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < values->len; i++)
    json_builder_add_string_value (builder, values->pdata[i]);
  json_builder_end_array (builder);
}

/* The did:web document: every key (retired ones verify what they signed)
 * as a JsonWebKey2020 method "<did>#<thumbprint>", each an assertion
 * method; the issuer's https id as another name of the same subject. */
McPublicationDocument *
_mc_publication_build_did (McPublication           *self,
                           McPublicationConnection *connection,
                           GError                 **error)
{
  g_autofree char *did = mc_credential_urls_did_web (self->base_url);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (did == NULL || (keys = mc_store_list_keys (connection->store, error)) == NULL)
    return NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, DID_CONTEXT);
  json_builder_add_string_value (builder, JWS_2020_CONTEXT);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, did);
  json_builder_set_member_name (builder, "alsoKnownAs");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, mc_issuer_profile_get_id (self->issuer));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "verificationMethod");
  json_builder_begin_array (builder);
  for (guint i = 0; i < keys->len; i++)
    {
      McKeyRecord *record = g_ptr_array_index (keys, i);
      JsonObject *jwk = mc_keyring_build_jwk (connection->keyring, record, error);
      char *method_id = g_strconcat (did, "#", record->kid, NULL);

      if (jwk == NULL)
        {
          g_free (method_id);
          return NULL;
        }
      add_verification_method (builder, did, jwk, method_id);
      json_object_unref (jwk);
      g_ptr_array_add (ids, method_id);
    }
  json_builder_end_array (builder);
  add_string_array (builder, "assertionMethod", ids);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return _mc_publication_json_document (root, JSON_TYPE, MC_PUBLICATION_CACHE_LONG);
}

McRevision *
_mc_publication_load_approved (McStore     *store,
                               const char  *design_uuid,
                               gboolean     active_only,
                               GError     **error)
{
  g_autoptr(McDesign) design = mc_store_find_design_by_uuid (store, design_uuid, error);
  guint number;

  if (design == NULL)
    return NULL;
  number = mc_design_get_approved_revision (design);
  if (number == 0 || (active_only && mc_design_get_state (design) != MC_DESIGN_STATE_ACTIVE))
    return NULL;
  return mc_store_load_revision (store, mc_design_get_id (design), number, error);
}

/* Every design that was approved keeps its achievement published: the
 * credentials issued from it name that address. */
McPublicationDocument *
_mc_publication_build_achievement (McPublication           *self,
                                   McPublicationConnection *connection,
                                   const char              *design_uuid,
                                   GError                 **error)
{
  g_autoptr(McRevision) revision = _mc_publication_load_approved (connection->store, design_uuid, FALSE, error);
  g_autoptr(McCredentialBuilder) builder = NULL;
  g_autoptr(JsonNode) achievement = NULL;
  g_autofree char *id = NULL;

  if (revision == NULL)
    return NULL;
  id = mc_credential_urls_achievement (self->base_url, design_uuid);
  builder = mc_credential_builder_new (self->issuer);
  mc_credential_builder_set_revision (builder, revision, design_uuid, id);
  achievement = mc_credential_builder_build_achievement (builder);
  return _mc_publication_json_document (achievement, JSON_TYPE, MC_PUBLICATION_CACHE_LONG);
}
