/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-learner.h"

G_DEFINE_BOXED_TYPE (McLearner, mc_learner, mc_learner_copy, mc_learner_free)

McLearner *
mc_learner_new (void)
{
  return g_new0 (McLearner, 1);
}

McLearner *
mc_learner_copy (const McLearner *self)
{
  McLearner *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->uuid = g_strdup (self->uuid);
  copy->student_id = g_strdup (self->student_id);
  copy->given_name = g_strdup (self->given_name);
  copy->family_name = g_strdup (self->family_name);
  copy->email = g_strdup (self->email);
  copy->date_of_birth = g_strdup (self->date_of_birth);
  return copy;
}

void
mc_learner_free (McLearner *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->student_id);
  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->email);
  g_free (self->date_of_birth);
  g_free (self);
}

/**
 * mc_learner_dup_full_name:
 * @self: a #McLearner
 *
 * Returns: (transfer full): the given and family names, in that order,
 *   separated by one space and without leading or trailing spaces
 */
char *
mc_learner_dup_full_name (const McLearner *self)
{
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  given = g_strstrip (g_strdup (self->given_name != NULL ? self->given_name : ""));
  family = g_strstrip (g_strdup (self->family_name != NULL ? self->family_name : ""));
  if (*given == '\0' || *family == '\0')
    return g_strconcat (given, family, NULL);
  return g_strconcat (given, " ", family, NULL);
}
