/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-decision.h"

G_DEFINE_BOXED_TYPE (McDecisionCondition, mc_decision_condition,
                     mc_decision_condition_copy, mc_decision_condition_free)
G_DEFINE_BOXED_TYPE (McDecision, mc_decision, mc_decision_copy, mc_decision_free)

McDecisionCondition *
mc_decision_condition_new (const char *text)
{
  McDecisionCondition *self = g_new0 (McDecisionCondition, 1);

  self->text = g_strdup (text != NULL ? text : "");
  self->evidence = g_strdup ("");
  return self;
}

McDecisionCondition *
mc_decision_condition_copy (const McDecisionCondition *self)
{
  McDecisionCondition *copy = g_memdup2 (self, sizeof *self);

  copy->text = g_strdup (self->text);
  copy->evidence = g_strdup (self->evidence);
  return copy;
}

void
mc_decision_condition_free (McDecisionCondition *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->evidence);
  g_free (self);
}

McDecision *
mc_decision_new (McOutcomeKind  outcome,
                 const char    *meeting_date,
                 const char    *reference)
{
  McDecision *self = g_new0 (McDecision, 1);

  self->outcome = outcome;
  self->meeting_date = g_strdup (meeting_date != NULL ? meeting_date : "");
  self->reference = g_strdup (reference != NULL ? reference : "");
  self->comment = g_strdup ("");
  self->conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_decision_condition_free);
  return self;
}

void
mc_decision_add_condition (McDecision *self,
                           const char *text)
{
  g_ptr_array_add (self->conditions, mc_decision_condition_new (text));
}

McDecision *
mc_decision_copy (const McDecision *self)
{
  McDecision *copy = g_memdup2 (self, sizeof *self);

  copy->meeting_date = g_strdup (self->meeting_date);
  copy->reference = g_strdup (self->reference);
  copy->comment = g_strdup (self->comment);
  copy->decided_by_name = g_strdup (self->decided_by_name);
  copy->conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_decision_condition_free);
  for (guint i = 0; i < self->conditions->len; i++)
    g_ptr_array_add (copy->conditions,
                     mc_decision_condition_copy (g_ptr_array_index (self->conditions, i)));
  return copy;
}

void
mc_decision_free (McDecision *self)
{
  if (self == NULL)
    return;
  g_free (self->meeting_date);
  g_free (self->reference);
  g_free (self->comment);
  g_free (self->decided_by_name);
  g_clear_pointer (&self->conditions, g_ptr_array_unref);
  g_free (self);
}
