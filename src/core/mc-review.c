/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-review.h"

G_DEFINE_BOXED_TYPE (McAnswer, mc_answer, mc_answer_copy, mc_answer_free)
G_DEFINE_BOXED_TYPE (McReview, mc_review, mc_review_copy, mc_review_free)

McAnswer *
mc_answer_new (const char *criterion_id,
               McRating    rating,
               const char *text)
{
  McAnswer *self = g_new0 (McAnswer, 1);

  g_return_val_if_fail (criterion_id != NULL, NULL);

  self->criterion_id = g_strdup (criterion_id);
  self->rating = rating;
  self->text = g_strdup (text != NULL ? text : "");
  return self;
}

McAnswer *
mc_answer_copy (const McAnswer *self)
{
  return mc_answer_new (self->criterion_id, self->rating, self->text);
}

void
mc_answer_free (McAnswer *self)
{
  if (self == NULL)
    return;
  g_free (self->criterion_id);
  g_free (self->text);
  g_free (self);
}

/**
 * mc_answers_find:
 *
 * Returns: (transfer none) (nullable): the answer to @criterion_id
 */
McAnswer *
mc_answers_find (GPtrArray  *answers,
                 const char *criterion_id)
{
  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      McAnswer *answer = g_ptr_array_index (answers, i);

      if (g_strcmp0 (answer->criterion_id, criterion_id) == 0)
        return answer;
    }
  return NULL;
}

void
mc_answers_set (GPtrArray  *answers,
                const char *criterion_id,
                McRating    rating,
                const char *text)
{
  McAnswer *answer = mc_answers_find (answers, criterion_id);

  if (answer == NULL)
    {
      g_ptr_array_add (answers, mc_answer_new (criterion_id, rating, text));
      return;
    }
  answer->rating = rating;
  g_free (answer->text);
  answer->text = g_strdup (text != NULL ? text : "");
}

static GPtrArray *
copy_answers (GPtrArray *answers)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_answer_free);

  for (guint i = 0; answers != NULL && i < answers->len; i++)
    g_ptr_array_add (copy, mc_answer_copy (g_ptr_array_index (answers, i)));
  return copy;
}

McReview *
mc_review_new (void)
{
  McReview *self = g_new0 (McReview, 1);

  self->state = MC_REVIEW_STATE_ASSIGNED;
  self->recommendation = MC_OUTCOME_UNSET;
  self->summary = g_strdup ("");
  self->answers = copy_answers (NULL);
  return self;
}

McReview *
mc_review_copy (const McReview *self)
{
  McReview *copy = g_memdup2 (self, sizeof *self);

  copy->reviewer_name = g_strdup (self->reviewer_name);
  copy->summary = g_strdup (self->summary);
  copy->answers = copy_answers (self->answers);
  return copy;
}

void
mc_review_free (McReview *self)
{
  if (self == NULL)
    return;
  g_free (self->reviewer_name);
  g_free (self->summary);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_free (self);
}

/* Shared with McAnnualReview. */
GPtrArray *_mc_answers_copy (GPtrArray *answers);

GPtrArray *
_mc_answers_copy (GPtrArray *answers)
{
  return copy_answers (answers);
}
