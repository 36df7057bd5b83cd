/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-recognition.h"

G_DEFINE_BOXED_TYPE (McRecognition, mc_recognition, mc_recognition_copy, mc_recognition_free)

McRecognition *
mc_recognition_new (void)
{
  return g_new0 (McRecognition, 1);
}

McRecognition *
mc_recognition_copy (const McRecognition *self)
{
  McRecognition *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->credential_id = g_strdup (self->credential_id);
  copy->issuer_id = g_strdup (self->issuer_id);
  copy->issuer_name = g_strdup (self->issuer_name);
  copy->learner_name = g_strdup (self->learner_name);
  copy->achievement_name = g_strdup (self->achievement_name);
  copy->programme = g_strdup (self->programme);
  copy->note = g_strdup (self->note);
  copy->credential_text = g_strdup (self->credential_text);
  copy->verification = g_strdup (self->verification);
  copy->verdict = g_strdup (self->verdict);
  return copy;
}

void
mc_recognition_free (McRecognition *self)
{
  if (self == NULL)
    return;
  g_free (self->credential_id);
  g_free (self->issuer_id);
  g_free (self->issuer_name);
  g_free (self->learner_name);
  g_free (self->achievement_name);
  g_free (self->programme);
  g_free (self->note);
  g_free (self->credential_text);
  g_free (self->verification);
  g_free (self->verdict);
  g_free (self);
}
