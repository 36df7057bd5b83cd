/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-credential-summary.h"

G_DEFINE_BOXED_TYPE (McCredentialSummary, mc_credential_summary, mc_credential_summary_copy, mc_credential_summary_free)

McCredentialSummary *
mc_credential_summary_new (void)
{
  return g_new0 (McCredentialSummary, 1);
}

McCredentialSummary *
mc_credential_summary_copy (const McCredentialSummary *self)
{
  McCredentialSummary *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->uuid = g_strdup (self->uuid);
  copy->learner_name = g_strdup (self->learner_name);
  copy->student_id = g_strdup (self->student_id);
  copy->title = g_strdup (self->title);
  return copy;
}

void
mc_credential_summary_free (McCredentialSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->learner_name);
  g_free (self->student_id);
  g_free (self->title);
  g_free (self);
}
