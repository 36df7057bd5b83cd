/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-result.h"

G_DEFINE_BOXED_TYPE (McResult, mc_result, mc_result_copy, mc_result_free)
G_DEFINE_BOXED_TYPE (McResultInput, mc_result_input, mc_result_input_copy, mc_result_input_free)

McResult *
mc_result_new (void)
{
  return g_new0 (McResult, 1);
}

McResult *
mc_result_copy (const McResult *self)
{
  McResult *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->grade = g_strdup (self->grade);
  copy->completed_on = g_strdup (self->completed_on);
  copy->learner = self->learner != NULL ? mc_learner_copy (self->learner) : NULL;
  return copy;
}

void
mc_result_free (McResult *self)
{
  if (self == NULL)
    return;
  g_free (self->grade);
  g_free (self->completed_on);
  mc_learner_free (self->learner);
  g_free (self);
}

McResultInput *
mc_result_input_new (void)
{
  return g_new0 (McResultInput, 1);
}

McResultInput *
mc_result_input_copy (const McResultInput *self)
{
  McResultInput *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->student_id = g_strdup (self->student_id);
  copy->given_name = g_strdup (self->given_name);
  copy->family_name = g_strdup (self->family_name);
  copy->email = g_strdup (self->email);
  copy->date_of_birth = g_strdup (self->date_of_birth);
  copy->grade = g_strdup (self->grade);
  copy->completed_on = g_strdup (self->completed_on);
  return copy;
}

void
mc_result_input_free (McResultInput *self)
{
  if (self == NULL)
    return;
  g_free (self->student_id);
  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->email);
  g_free (self->date_of_birth);
  g_free (self->grade);
  g_free (self->completed_on);
  g_free (self);
}
