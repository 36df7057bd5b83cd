/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-issued-credential.h"

G_DEFINE_BOXED_TYPE (McIssuedCredential, mc_issued_credential, mc_issued_credential_copy, mc_issued_credential_free)

McIssuedCredential *
mc_issued_credential_new (void)
{
  return g_new0 (McIssuedCredential, 1);
}

McIssuedCredential *
mc_issued_credential_copy (const McIssuedCredential *self)
{
  McIssuedCredential *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->uuid = g_strdup (self->uuid);
  copy->kid = g_strdup (self->kid);
  copy->token = g_strdup (self->token);
  copy->valid_from = g_strdup (self->valid_from);
  copy->valid_until = g_strdup (self->valid_until);
  copy->jwt = g_strdup (self->jwt);
  copy->document = g_strdup (self->document);
  copy->status_reason = g_strdup (self->status_reason);
  copy->learner_name = g_strdup (self->learner_name);
  copy->student_id = g_strdup (self->student_id);
  copy->title = g_strdup (self->title);
  copy->offering_code = g_strdup (self->offering_code);
  copy->result = self->result != NULL ? mc_result_copy (self->result) : NULL;
  return copy;
}

void
mc_issued_credential_free (McIssuedCredential *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->kid);
  g_free (self->token);
  g_free (self->valid_from);
  g_free (self->valid_until);
  g_free (self->jwt);
  g_free (self->document);
  g_free (self->status_reason);
  g_free (self->learner_name);
  g_free (self->student_id);
  g_free (self->title);
  g_free (self->offering_code);
  mc_result_free (self->result);
  g_free (self);
}

char *
mc_issued_credential_dup_urn (const McIssuedCredential *self)
{
  g_return_val_if_fail (self != NULL && self->uuid != NULL, NULL);

  return g_strconcat ("urn:uuid:", self->uuid, NULL);
}
