/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-workflow-dialog.h"

G_BEGIN_DECLS

/* The QA chair's choice of reviewers for the current revision of a
 * design: the people holding the reviewer role for the design's unit,
 * with the author shown but not selectable, who is already assigned and
 * how far their review is, and the configured minimum number of reviews
 * as a hint.  Unchecking someone whose review is not completed withdraws
 * it.  See McWorkflowDialog for how it ends. */

#define MC_TYPE_ASSIGN_REVIEWERS_DIALOG (mc_assign_reviewers_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McAssignReviewersDialog, mc_assign_reviewers_dialog,
                      MC, ASSIGN_REVIEWERS_DIALOG, McWorkflowDialog)

GtkWidget  *mc_assign_reviewers_dialog_new       (McWorkflow *workflow,
                                                  McDesign   *design);
/* The check button of @person_id, or NULL if that person is not listed. */
GtkWidget  *mc_assign_reviewers_dialog_get_check (McAssignReviewersDialog *self,
                                                  gint64                   person_id);
/* What the row of @person_id says about them (assigned, author …). */
const char *mc_assign_reviewers_dialog_get_note  (McAssignReviewersDialog *self,
                                                  gint64                   person_id);
const char *mc_assign_reviewers_dialog_get_hint  (McAssignReviewersDialog *self);
/* Assigns the checked people, as the Assign button does. */
gboolean    mc_assign_reviewers_dialog_assign    (McAssignReviewersDialog *self);

G_END_DECLS
