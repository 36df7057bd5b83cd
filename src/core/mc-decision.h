/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* A condition attached to an approval, and whether the author has met it. */
typedef struct {
  gint64    id;
  char     *text;
  gboolean  met;
  gint64    met_by;
  gint64    met_at;
  char     *evidence;
} McDecisionCondition;

#define MC_TYPE_DECISION_CONDITION (mc_decision_condition_get_type ())
GType        mc_decision_condition_get_type (void) G_GNUC_CONST;
McDecisionCondition *mc_decision_condition_new      (const char *text);
McDecisionCondition *mc_decision_condition_copy     (const McDecisionCondition *self);
void         mc_decision_condition_free     (McDecisionCondition *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McDecisionCondition, mc_decision_condition_free)

/* The QA committee's decision on a submitted revision, as recorded by the
 * chair: the outcome, the meeting it was taken at (date YYYY-MM-DD and the
 * minutes' reference) and, for an approval with conditions, the conditions. */
typedef struct {
  gint64         id;
  gint64         design_id;
  guint          revision_number;
  McOutcomeKind  outcome;
  char          *meeting_date;
  char          *reference;
  char          *comment;
  GPtrArray     *conditions;      /* McDecisionCondition */
  gint64         decided_by;
  char          *decided_by_name; /* filled when loaded */
  gint64         created;
} McDecision;

#define MC_TYPE_DECISION (mc_decision_get_type ())
GType       mc_decision_get_type (void) G_GNUC_CONST;
McDecision *mc_decision_new      (McOutcomeKind outcome, const char *meeting_date,
                                  const char *reference);
McDecision *mc_decision_copy     (const McDecision *self);
void        mc_decision_free     (McDecision *self);
void        mc_decision_add_condition (McDecision *self, const char *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McDecision, mc_decision_free)

G_END_DECLS
