/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-yearly-report.h"

/* The rows of the yearly report's sections: plain boxed structs, so the
 * store can fill them and the renderer read their fields directly. */

G_DEFINE_BOXED_TYPE (McReportCredential, mc_report_credential,
                     mc_report_credential_copy, mc_report_credential_free)
G_DEFINE_BOXED_TYPE (McReportAnnualReview, mc_report_annual_review,
                     mc_report_annual_review_copy, mc_report_annual_review_free)
G_DEFINE_BOXED_TYPE (McReportOverdue, mc_report_overdue,
                     mc_report_overdue_copy, mc_report_overdue_free)
G_DEFINE_BOXED_TYPE (McReportDecision, mc_report_decision,
                     mc_report_decision_copy, mc_report_decision_free)

/**
 * mc_report_credential_new:
 * @title: title of the design
 * @type: kind of credential
 * @ects: credits
 * @eqf_level: EQF level, or 0 when not set
 * @state: state of the design (active or suspended)
 * @approved_on: (nullable): date of approval
 * @review_due: (nullable): date the next yearly review is due
 * @overdue: whether that review is overdue at the report date
 *
 * Returns: (transfer full): a new row of the credentials section
 */
McReportCredential *
mc_report_credential_new (const char       *title,
                          McCredentialType  type,
                          double            ects,
                          int               eqf_level,
                          McDesignState     state,
                          const char       *approved_on,
                          const char       *review_due,
                          gboolean          overdue)
{
  McReportCredential *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_new0 (McReportCredential, 1);
  self->title = g_strdup (title);
  self->type = type;
  self->ects = ects;
  self->eqf_level = eqf_level;
  self->state = state;
  self->approved_on = g_strdup (approved_on);
  self->review_due = g_strdup (review_due);
  self->overdue = !!overdue;
  return self;
}

/**
 * mc_report_credential_copy:
 * @self: a credential row
 *
 * Returns: (transfer full): a deep copy of @self
 */
McReportCredential *
mc_report_credential_copy (const McReportCredential *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return mc_report_credential_new (self->title, self->type, self->ects, self->eqf_level,
                                   self->state, self->approved_on, self->review_due,
                                   self->overdue);
}

void
mc_report_credential_free (McReportCredential *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->approved_on);
  g_free (self->review_due);
  g_free (self);
}

/**
 * mc_report_annual_review_new:
 * @design_title: title of the reviewed design
 * @reviewer: (nullable): who carried out the review
 * @completed_on: (nullable): date the review was completed
 * @outcome: what the review leads to
 * @issues: (nullable): what student evaluation and the review raised
 * @actions: (nullable): steps taken or proposed
 *
 * Returns: (transfer full): a new row of the yearly reviews section
 */
McReportAnnualReview *
mc_report_annual_review_new (const char      *design_title,
                             const char      *reviewer,
                             const char      *completed_on,
                             McAnnualOutcome  outcome,
                             const char      *issues,
                             const char      *actions)
{
  McReportAnnualReview *self;

  g_return_val_if_fail (design_title != NULL, NULL);

  self = g_new0 (McReportAnnualReview, 1);
  self->design_title = g_strdup (design_title);
  self->reviewer = g_strdup (reviewer);
  self->completed_on = g_strdup (completed_on);
  self->outcome = outcome;
  self->issues = g_strdup (issues);
  self->actions = g_strdup (actions);
  return self;
}

/**
 * mc_report_annual_review_copy:
 * @self: a yearly review row
 *
 * Returns: (transfer full): a deep copy of @self
 */
McReportAnnualReview *
mc_report_annual_review_copy (const McReportAnnualReview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return mc_report_annual_review_new (self->design_title, self->reviewer, self->completed_on,
                                      self->outcome, self->issues, self->actions);
}

void
mc_report_annual_review_free (McReportAnnualReview *self)
{
  if (self == NULL)
    return;
  g_free (self->design_title);
  g_free (self->reviewer);
  g_free (self->completed_on);
  g_free (self->issues);
  g_free (self->actions);
  g_free (self);
}

/**
 * mc_report_overdue_new:
 * @design_title: title of the design whose yearly review is overdue
 * @owner: (nullable): who is responsible for the review
 * @due_on: (nullable): date the review was due
 *
 * Returns: (transfer full): a new row of the overdue section
 */
McReportOverdue *
mc_report_overdue_new (const char *design_title,
                       const char *owner,
                       const char *due_on)
{
  McReportOverdue *self;

  g_return_val_if_fail (design_title != NULL, NULL);

  self = g_new0 (McReportOverdue, 1);
  self->design_title = g_strdup (design_title);
  self->owner = g_strdup (owner);
  self->due_on = g_strdup (due_on);
  return self;
}

/**
 * mc_report_overdue_copy:
 * @self: an overdue row
 *
 * Returns: (transfer full): a deep copy of @self
 */
McReportOverdue *
mc_report_overdue_copy (const McReportOverdue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return mc_report_overdue_new (self->design_title, self->owner, self->due_on);
}

void
mc_report_overdue_free (McReportOverdue *self)
{
  if (self == NULL)
    return;
  g_free (self->design_title);
  g_free (self->owner);
  g_free (self->due_on);
  g_free (self);
}

/**
 * mc_report_decision_new:
 * @design_title: title of the design decided on
 * @meeting_date: (nullable): date of the committee meeting
 * @reference: (nullable): minute or decision reference
 * @outcome: the decision
 * @conditions: (nullable) (array zero-terminated=1): conditions attached
 *
 * Returns: (transfer full): a new row of the decisions section
 */
McReportDecision *
mc_report_decision_new (const char         *design_title,
                        const char         *meeting_date,
                        const char         *reference,
                        McOutcomeKind       outcome,
                        const char * const *conditions)
{
  static const char * const none[] = { NULL };
  McReportDecision *self;

  g_return_val_if_fail (design_title != NULL, NULL);

  self = g_new0 (McReportDecision, 1);
  self->design_title = g_strdup (design_title);
  self->meeting_date = g_strdup (meeting_date);
  self->reference = g_strdup (reference);
  self->outcome = outcome;
  self->conditions = g_strdupv ((char **) (conditions != NULL ? conditions : none));
  return self;
}

/**
 * mc_report_decision_copy:
 * @self: a decision row
 *
 * Returns: (transfer full): a deep copy of @self
 */
McReportDecision *
mc_report_decision_copy (const McReportDecision *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return mc_report_decision_new (self->design_title, self->meeting_date, self->reference,
                                 self->outcome, (const char * const *) self->conditions);
}

void
mc_report_decision_free (McReportDecision *self)
{
  if (self == NULL)
    return;
  g_free (self->design_title);
  g_free (self->meeting_date);
  g_free (self->reference);
  g_strfreev (self->conditions);
  g_free (self);
}
