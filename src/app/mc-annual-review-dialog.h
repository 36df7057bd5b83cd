/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"
#include "mc-template-form.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

/* The yearly review of an active design: the unit's yearly review
 * template, the actions taken or proposed, and what the review leads to
 * (continue, modify, retire).  Saved as the author goes; completing it
 * asks first when it modifies or retires the design, then emits
 * ::completed and closes. */

#define MC_TYPE_ANNUAL_REVIEW_DIALOG (mc_annual_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McAnnualReviewDialog, mc_annual_review_dialog, MC, ANNUAL_REVIEW_DIALOG, AdwWindow)

/* Opens the yearly review due for @design (the one in progress, or a new
 * one); NULL with the workflow's reason when none may be made now. */
McAnnualReviewDialog *mc_annual_review_dialog_new      (McWorkflow           *workflow,
                                                        McDesign             *design,
                                                        GError              **error);
McAnnualReview       *mc_annual_review_dialog_get_review (McAnnualReviewDialog *self);
McTemplateForm       *mc_annual_review_dialog_get_form (McAnnualReviewDialog *self);
void                  mc_annual_review_dialog_set_outcome (McAnnualReviewDialog *self,
                                                           McAnnualOutcome       outcome);
/* Saves now if anything is unsaved. */
gboolean              mc_annual_review_dialog_save     (McAnnualReviewDialog *self,
                                                        GError              **error);
/* Completes the review without asking; a refusal is shown in the window
 * (and returned) and changes nothing. */
gboolean              mc_annual_review_dialog_complete (McAnnualReviewDialog *self,
                                                        GError              **error);

G_END_DECLS
