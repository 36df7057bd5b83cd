/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-annual-review.h"
#include "mc-review.h"

G_DEFINE_BOXED_TYPE (McAnnualReview, mc_annual_review, mc_annual_review_copy, mc_annual_review_free)

GPtrArray *_mc_answers_copy (GPtrArray *answers);

McAnnualReview *
mc_annual_review_new (void)
{
  McAnnualReview *self = g_new0 (McAnnualReview, 1);

  self->state = MC_REVIEW_STATE_IN_PROGRESS;
  self->outcome = MC_ANNUAL_OUTCOME_UNSET;
  self->answers = _mc_answers_copy (NULL);
  self->actions = g_strdup ("");
  return self;
}

McAnnualReview *
mc_annual_review_copy (const McAnnualReview *self)
{
  McAnnualReview *copy = g_memdup2 (self, sizeof *self);

  copy->due_on = g_strdup (self->due_on);
  copy->reviewer_name = g_strdup (self->reviewer_name);
  copy->answers = _mc_answers_copy (self->answers);
  copy->actions = g_strdup (self->actions);
  return copy;
}

void
mc_annual_review_free (McAnnualReview *self)
{
  if (self == NULL)
    return;
  g_free (self->due_on);
  g_free (self->reviewer_name);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_free (self->actions);
  g_free (self);
}
