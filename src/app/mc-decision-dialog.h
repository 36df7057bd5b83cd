/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-workflow-dialog.h"

G_BEGIN_DECLS

/* The QA chair's record of the committee's decision on the current
 * revision of a design: the reviews to decide on with their
 * recommendations, the outcome, the meeting's date and minutes reference,
 * a comment and, for an approval with conditions, the conditions.  A
 * rejection is confirmed first.  See McWorkflowDialog for how it ends;
 * a refusal records nothing. */

#define MC_TYPE_DECISION_DIALOG (mc_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McDecisionDialog, mc_decision_dialog, MC, DECISION_DIALOG, McWorkflowDialog)

GtkWidget  *mc_decision_dialog_new              (McWorkflow *workflow,
                                                 McDesign   *design);
void        mc_decision_dialog_set_outcome      (McDecisionDialog *self,
                                                 McOutcomeKind     outcome);
McOutcomeKind mc_decision_dialog_get_outcome    (McDecisionDialog *self);
void        mc_decision_dialog_set_meeting_date (McDecisionDialog *self,
                                                 const char       *iso_date);
void        mc_decision_dialog_set_reference    (McDecisionDialog *self,
                                                 const char       *reference);
void        mc_decision_dialog_set_comment      (McDecisionDialog *self,
                                                 const char       *comment);
/* Adds a row for a condition with @text. */
void        mc_decision_dialog_add_condition    (McDecisionDialog *self,
                                                 const char       *text);
guint       mc_decision_dialog_get_n_conditions (McDecisionDialog *self);
/* The summary of the reviews shown above the decision. */
const char *mc_decision_dialog_get_reviews_summary (McDecisionDialog *self);
/* Records the decision as the Record button does (a rejection asks for
 * confirmation first and returns FALSE until it is given). */
gboolean    mc_decision_dialog_record           (McDecisionDialog *self);

G_END_DECLS
