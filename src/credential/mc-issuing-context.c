/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-credential-builder.h"
#include "mc-credential-error.h"
#include "mc-credential-urls.h"
#include "mc-data-integrity.h"
#include "mc-issuing-context-private.h"
#include "mc-jws.h"
#include "mc-workflow.h"

/* The institution read once, the offerings' sources cached, and the
 * signed forms of a credential.  The certificate's content is in
 * mc-issuing-context-certificate.c. */

G_DEFINE_FINAL_TYPE (McIssuingContext, mc_issuing_context, G_TYPE_OBJECT)

static void
source_free (McIssuingSource *source)
{
  mc_offering_free (source->offering);
  g_object_unref (source->revision);
  g_free (source->design_uuid);
  g_free (source->achievement_id);
  g_free (source);
}

static void
mc_issuing_context_finalize (GObject *object)
{
  McIssuingContext *self = MC_ISSUING_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_free (self->base_url);
  g_free (self->status_base_url);
  g_clear_object (&self->issuer);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_free (self->institution_name);
  g_free (self->country);
  g_free (self->legal_identifier);
  g_free (self->institution_url);
  g_free (self->signatory_name);
  g_free (self->signatory_title);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (mc_issuing_context_parent_class)->finalize (object);
}

static void
mc_issuing_context_class_init (McIssuingContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_issuing_context_finalize;
}

static void
mc_issuing_context_init (McIssuingContext *self)
{
  g_mutex_init (&self->lock);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) source_free);
}

/* A setting, trimmed; NULL when unset or blank. */
static char *
setting (McStore    *store,
         const char *key)
{
  g_autofree char *value = mc_store_get_setting (store, key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

static McIssuerProfile *
build_issuer (McIssuingContext *self)
{
  g_autofree char *id = mc_credential_urls_issuer (self->base_url);
  McIssuerProfile *issuer = mc_issuer_profile_new (id, self->institution_name);
  g_autoptr(GError) error = NULL;

  mc_issuer_profile_set_url (issuer, self->institution_url);
  mc_issuer_profile_set_country (issuer, self->country);
  mc_issuer_profile_set_legal_identifier (issuer, self->legal_identifier);
  /* The logo goes only into the published profile, which may refuse a
   * large one; credentials and certificates do not depend on it. */
  if (self->logo != NULL && !mc_issuer_profile_set_image (issuer, self->logo, &error))
    g_debug ("The issuer profile goes without the logo: %s", error->message);
  return issuer;
}

/**
 * mc_issuing_context_new:
 * @store: the institution's database
 *
 * Returns: (transfer full): a context, or %NULL with @error set when the
 *   institution is not ready to issue
 */
McIssuingContext *
mc_issuing_context_new (McStore  *store,
                        GError  **error)
{
  g_autoptr(McIssuingContext) self = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);

  self = g_object_new (MC_TYPE_ISSUING_CONTEXT, NULL);
  self->store = g_object_ref (store);
  self->institution_name = setting (store, MC_SETTING_INSTITUTION_NAME);
  if (self->institution_name == NULL)
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                   _("Set the institution's name in Administration before issuing"));
      return NULL;
    }
  if ((self->base_url = mc_credential_urls_dup_base_from_store (store, error)) == NULL)
    return NULL;
  self->status_base_url = mc_credential_urls_status_base (self->base_url);
  self->country = setting (store, MC_SETTING_INSTITUTION_COUNTRY);
  self->legal_identifier = setting (store, MC_SETTING_INSTITUTION_LEGAL_ID);
  self->signatory_name = setting (store, MC_SETTING_SIGNATORY_NAME);
  self->signatory_title = setting (store, MC_SETTING_SIGNATORY_TITLE);
  self->institution_url = setting (store, MC_SETTING_INSTITUTION_URL);
  {
    g_autoptr(GError) local_error = NULL;

    self->logo = mc_store_get_logo (store, &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
  }
  self->issuer = build_issuer (self);
  return g_steal_pointer (&self);
}

/**
 * mc_issuing_context_dup:
 *
 * Returns: (transfer full): a context for another thread
 */
McIssuingContext *
mc_issuing_context_dup (McIssuingContext *self)
{
  McIssuingContext *copy;

  g_return_val_if_fail (MC_IS_ISSUING_CONTEXT (self), NULL);

  copy = g_object_new (MC_TYPE_ISSUING_CONTEXT, NULL);
  copy->original = g_object_ref (self->original != NULL ? self->original : self);
  copy->base_url = g_strdup (self->base_url);
  copy->status_base_url = g_strdup (self->status_base_url);
  copy->logo = self->logo != NULL ? g_bytes_ref (self->logo) : NULL;
  copy->institution_name = g_strdup (self->institution_name);
  copy->country = g_strdup (self->country);
  copy->legal_identifier = g_strdup (self->legal_identifier);
  copy->signatory_name = g_strdup (self->signatory_name);
  copy->signatory_title = g_strdup (self->signatory_title);
  copy->institution_url = g_strdup (self->institution_url);
  copy->issuer = build_issuer (copy);
  return copy;
}

McIssuerProfile *
mc_issuing_context_get_issuer (McIssuingContext *self)
{
  g_return_val_if_fail (MC_IS_ISSUING_CONTEXT (self), NULL);

  return self->issuer;
}

const char *
mc_issuing_context_get_base_url (McIssuingContext *self)
{
  g_return_val_if_fail (MC_IS_ISSUING_CONTEXT (self), NULL);

  return self->base_url;
}

GBytes *
mc_issuing_context_get_logo (McIssuingContext *self)
{
  g_return_val_if_fail (MC_IS_ISSUING_CONTEXT (self), NULL);

  return self->logo;
}

static McIssuingSource *
load_source (McIssuingContext   *self,
             McIssuedCredential *credential,
             GError            **error)
{
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McRevision) revision = NULL;
  McIssuingSource *source;

  if ((offering = mc_store_load_offering (self->store, credential->offering_id, error)) == NULL ||
      (design = mc_store_load_design (self->store, offering->design_id, error)) == NULL ||
      (revision = mc_store_load_revision (self->store, offering->design_id, credential->revision_number,
                                          error)) == NULL)
    return NULL;
  source = g_new0 (McIssuingSource, 1);
  source->offering = g_steal_pointer (&offering);
  source->revision = g_steal_pointer (&revision);
  source->design_uuid = g_strdup (mc_design_get_uuid (design));
  source->achievement_id = mc_credential_urls_achievement (self->base_url, source->design_uuid);
  return source;
}

static McIssuingSource *
copy_source (const McIssuingSource *source)
{
  McIssuingSource *copy = g_new0 (McIssuingSource, 1);

  copy->offering = mc_offering_copy (source->offering);
  copy->revision = mc_revision_copy (source->revision);
  copy->design_uuid = g_strdup (source->design_uuid);
  copy->achievement_id = g_strdup (source->achievement_id);
  return copy;
}

/* The source of @key in the original of a copy, copied. */
static McIssuingSource *
copy_from_original (McIssuingContext  *self,
                    const char        *key,
                    GError           **error)
{
  McIssuingContext *original = self->original;
  McIssuingSource *source;
  McIssuingSource *copy = NULL;

  g_mutex_lock (&original->lock);
  source = g_hash_table_lookup (original->sources, key);
  if (source != NULL)
    copy = copy_source (source);
  g_mutex_unlock (&original->lock);
  if (copy == NULL)
    g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                 "The offering and revision %s were not prepared for this thread", key);
  return copy;
}

const McIssuingSource *
_mc_issuing_context_get_source (McIssuingContext   *self,
                                McIssuedCredential *credential,
                                GError            **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%u", credential->offering_id,
                                          credential->revision_number);
  McIssuingSource *source;

  g_mutex_lock (&self->lock);
  source = g_hash_table_lookup (self->sources, key);
  g_mutex_unlock (&self->lock);
  if (source != NULL)
    return source;
  source = self->original != NULL ? copy_from_original (self, key, error) : load_source (self, credential, error);
  if (source == NULL)
    return NULL;
  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->sources, g_steal_pointer (&key), source);
  g_mutex_unlock (&self->lock);
  return source;
}

gboolean
mc_issuing_context_prepare (McIssuingContext    *self,
                            McIssuedCredential  *credential,
                            GError             **error)
{
  g_return_val_if_fail (MC_IS_ISSUING_CONTEXT (self), FALSE);
  g_return_val_if_fail (credential != NULL, FALSE);

  return _mc_issuing_context_get_source (self, credential, error) != NULL;
}

/* A builder holding everything about @credential. */
static McCredentialBuilder *
new_builder (McIssuingContext    *self,
             McIssuedCredential  *credential,
             GError             **error)
{
  const McIssuingSource *source = _mc_issuing_context_get_source (self, credential, error);
  McCredentialBuilder *builder;
  McLearner *learner;
  g_autofree char *full_name = NULL;

  if (source == NULL)
    return NULL;
  if (credential->result == NULL || credential->result->learner == NULL)
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                   _("The credential %s has no result to show"), credential->uuid);
      return NULL;
    }
  learner = credential->result->learner;
  full_name = mc_learner_dup_full_name (learner);
  builder = mc_credential_builder_new (self->issuer);
  mc_credential_builder_set_revision (builder, source->revision, source->design_uuid,
                                      source->achievement_id);
  mc_credential_builder_set_offering (builder, source->offering->code, source->offering->starts_on,
                                      source->offering->ends_on, source->offering->mode);
  mc_credential_builder_set_learner (builder, learner->uuid, full_name, learner->student_id,
                                     learner->email != NULL && *learner->email != '\0' ? learner->email : NULL);
  mc_credential_builder_set_result (builder, credential->result->grade, credential->result->completed_on, NULL);
  mc_credential_builder_set_credential (builder, credential->uuid, credential->valid_from,
                                        credential->valid_until);
  mc_credential_builder_set_status (builder, self->status_base_url, credential->status_index);
  mc_credential_builder_set_credential_schema (builder, TRUE);
  return builder;
}

/**
 * mc_issuing_context_build_credential:
 * @credential: a credential with its result and learner
 *
 * Returns: (transfer full): the unsigned credential, or %NULL with @error set
 */
JsonNode *
mc_issuing_context_build_credential (McIssuingContext    *self,
                                     McIssuedCredential  *credential,
                                     GError             **error)
{
  g_autoptr(McCredentialBuilder) builder = NULL;

  g_return_val_if_fail (MC_IS_ISSUING_CONTEXT (self), NULL);
  g_return_val_if_fail (credential != NULL, NULL);

  if ((builder = new_builder (self, credential, error)) == NULL)
    return NULL;
  return mc_credential_builder_build (builder, error);
}

/**
 * mc_issuing_context_build_jwt_payload:
 * @credential: a credential with its result and learner
 *
 * Returns: (transfer full): the VC-JWT payload, or %NULL with @error set
 */
char *
mc_issuing_context_build_jwt_payload (McIssuingContext    *self,
                                      McIssuedCredential  *credential,
                                      GError             **error)
{
  g_autoptr(McCredentialBuilder) builder = NULL;

  g_return_val_if_fail (MC_IS_ISSUING_CONTEXT (self), NULL);
  g_return_val_if_fail (credential != NULL, NULL);

  if ((builder = new_builder (self, credential, error)) == NULL)
    return NULL;
  return mc_credential_builder_build_jwt_payload (builder, error);
}

/* The key is the one the credential was reserved for. */
static gboolean
check_key (McIssuedCredential  *credential,
           McSigningKey        *key,
           GError             **error)
{
  if (credential->kid == NULL || g_str_equal (credential->kid, mc_signing_key_get_kid (key)))
    return TRUE;
  g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_KEY_MISMATCH,
               _("The credential %s is to be signed with the key “%s”, not with “%s”"),
               credential->uuid, credential->kid, mc_signing_key_get_kid (key));
  return FALSE;
}

static char *
sign_data_integrity (McIssuingContext    *self,
                     McCredentialBuilder *builder,
                     McIssuedCredential  *credential,
                     McSigningKey        *key,
                     GError             **error)
{
  g_autofree char *method = mc_credential_urls_key (self->base_url, mc_signing_key_get_kid (key));
  g_autoptr(JsonNode) document = mc_credential_builder_build (builder, error);
  g_autoptr(JsonNode) secured = NULL;

  if (document == NULL ||
      (secured = mc_data_integrity_sign (document, key, method, credential->valid_from, error)) == NULL)
    return NULL;
  return json_to_string (secured, FALSE);
}

/**
 * mc_issuing_context_sign:
 * @credential: a credential with its result and learner
 * @key: the key it was reserved for
 * @data_integrity_key: (nullable): an Ed25519 key for a Data Integrity
 *   proof, or %NULL for none
 *
 * Returns: %TRUE when @credential's jwt (and document) are set
 */
gboolean
mc_issuing_context_sign (McIssuingContext    *self,
                         McIssuedCredential  *credential,
                         McSigningKey        *key,
                         McSigningKey        *data_integrity_key,
                         GError             **error)
{
  g_autoptr(McCredentialBuilder) builder = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *kid = NULL;
  g_autofree char *jwt = NULL;
  g_autofree char *document = NULL;

  g_return_val_if_fail (MC_IS_ISSUING_CONTEXT (self), FALSE);
  g_return_val_if_fail (credential != NULL, FALSE);
  g_return_val_if_fail (MC_IS_SIGNING_KEY (key), FALSE);
  g_return_val_if_fail (data_integrity_key == NULL || MC_IS_SIGNING_KEY (data_integrity_key), FALSE);

  if (!check_key (credential, key, error) ||
      (builder = new_builder (self, credential, error)) == NULL ||
      (payload = mc_credential_builder_build_jwt_payload (builder, error)) == NULL)
    return FALSE;
  kid = mc_credential_urls_key (self->base_url, mc_signing_key_get_kid (key));
  if ((jwt = mc_jws_sign_with_kid (key, kid, payload, error)) == NULL)
    return FALSE;
  if (data_integrity_key != NULL &&
      (document = sign_data_integrity (self, builder, credential, data_integrity_key, error)) == NULL)
    return FALSE;
  g_free (credential->jwt);
  credential->jwt = g_steal_pointer (&jwt);
  g_free (credential->document);
  credential->document = g_steal_pointer (&document);
  return TRUE;
}
