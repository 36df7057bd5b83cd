/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-credential-urls.h"
#include "mc-issuing-context-private.h"

/* What the certificate of a credential shows: the same sources as the
 * signed credential, worded for paper. */

static McCertificateWatermark
watermark_for (McIssuedCredential *credential)
{
  switch (credential->state)
    {
    case MC_CREDENTIAL_STATE_REVOKED:
      return MC_CERTIFICATE_WATERMARK_REVOKED;
    case MC_CREDENTIAL_STATE_SUPERSEDED:
      return MC_CERTIFICATE_WATERMARK_SUPERSEDED;
    case MC_CREDENTIAL_STATE_PENDING:
    case MC_CREDENTIAL_STATE_ACTIVE:
    case MC_CREDENTIAL_STATE_SUSPENDED:
    default:
      return MC_CERTIFICATE_WATERMARK_NONE;
    }
}

static void
fill_institution (McIssuingContext     *self,
                  McCertificateContent *content)
{
  mc_certificate_content_set_institution_name (content, self->institution_name);
  mc_certificate_content_set_country (content, self->country);
  mc_certificate_content_set_legal_identifier (content, self->legal_identifier);
  mc_certificate_content_set_logo (content, self->logo);
  mc_certificate_content_set_signatory_name (content, self->signatory_name);
  mc_certificate_content_set_signatory_title (content, self->signatory_title);
}

/* The holder, their result and the credential's own identifiers. */
static gboolean
fill_credential (McIssuingContext      *self,
                 McIssuedCredential    *credential,
                 McCertificateContent  *content,
                 GError               **error)
{
  McResult *result = credential->result;
  g_autofree char *name = mc_learner_dup_full_name (result->learner);
  g_autofree char *urn = mc_issued_credential_dup_urn (credential);
  g_autofree char *page = mc_credential_urls_verification_page (self->base_url, credential->uuid,
                                                                credential->token);

  mc_certificate_content_set_learner_name (content, name);
  mc_certificate_content_set_learner_identifier (content, result->learner->student_id);
  mc_certificate_content_set_grade (content, result->grade);
  mc_certificate_content_set_credential_id (content, urn);
  mc_certificate_content_set_verification_url (content, page);
  mc_certificate_content_set_watermark (content, watermark_for (credential));
  /* Awarded when the learner completed it, as in the signed credential. */
  if (!mc_certificate_content_set_date_awarded_iso (content, result->completed_on, error))
    return FALSE;
  if (credential->valid_until == NULL)
    {
      mc_certificate_content_set_valid_until_text (content, NULL);
      return TRUE;
    }
  return mc_certificate_content_set_valid_until_iso (content, credential->valid_until, error);
}

/**
 * mc_issuing_context_fill_certificate:
 * @credential: a credential with its result and learner
 * @content: the content to fill
 *
 * Returns: %TRUE when @content shows @credential
 */
gboolean
mc_issuing_context_fill_certificate (McIssuingContext      *self,
                                     McIssuedCredential    *credential,
                                     McCertificateContent  *content,
                                     GError               **error)
{
  const McIssuingSource *source;

  g_return_val_if_fail (MC_IS_ISSUING_CONTEXT (self), FALSE);
  g_return_val_if_fail (credential != NULL, FALSE);
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (content), FALSE);

  if ((source = _mc_issuing_context_get_source (self, credential, error)) == NULL)
    return FALSE;
  if (credential->result == NULL || credential->result->learner == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The credential %s has no result to show"), credential->uuid);
      return FALSE;
    }
  /* Title, type, workload, level, awarding body and the supplement. */
  mc_certificate_content_fill_from_revision (content, source->revision);
  fill_institution (self, content);
  return fill_credential (self, credential, content, error);
}

/**
 * mc_issuing_context_build_certificate:
 * @credential: a credential with its result and learner
 *
 * Returns: (transfer full): the certificate's content, or %NULL with
 *   @error set
 */
McCertificateContent *
mc_issuing_context_build_certificate (McIssuingContext    *self,
                                      McIssuedCredential  *credential,
                                      GError             **error)
{
  g_autoptr(McCertificateContent) content = mc_certificate_content_new ();

  if (!mc_issuing_context_fill_certificate (self, credential, content, error))
    return NULL;
  return g_steal_pointer (&content);
}
