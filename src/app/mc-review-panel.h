/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

/* The review side of a design: the actor's own review of the current
 * revision on its template, with a recommendation and a summary, saved as
 * they go and completed when done; and, read-only, the completed reviews
 * the actor may see (their own earlier ones; everyone's for the QA chair;
 * for the author, those of revisions the committee has decided on).
 * Properties: "workflow" (construct-only), "design", "has-content"
 * (read-only: there is something to show).  ::completed after the actor
 * completed their review. */

#define MC_TYPE_REVIEW_PANEL (mc_review_panel_get_type ())
G_DECLARE_FINAL_TYPE (McReviewPanel, mc_review_panel, MC, REVIEW_PANEL, AdwBin)

GtkWidget *mc_review_panel_new                 (McWorkflow    *workflow);
McDesign  *mc_review_panel_get_design          (McReviewPanel *self);
/* Saves the review of the design left, then shows @design's. */
void       mc_review_panel_set_design          (McReviewPanel *self,
                                                McDesign      *design);
/* Reads everything again from the store (after a reload or a decision). */
void       mc_review_panel_reload              (McReviewPanel *self);
gboolean   mc_review_panel_get_has_content     (McReviewPanel *self);
/* The actor's review of the current revision, in progress or completed
 * (transfer none), or NULL. */
McReview  *mc_review_panel_get_review          (McReviewPanel *self);
/* The revision of the actor's last completed review of an earlier
 * revision of the design: what "changes since you reviewed" starts from;
 * 0 if none. */
guint      mc_review_panel_get_reviewed_revision (McReviewPanel *self);
/* Saves the actor's answers now if anything is unsaved. */
gboolean   mc_review_panel_save                (McReviewPanel *self,
                                                GError       **error);
/* Completes the actor's review without asking; a refusal is shown in the
 * panel (and returned), and changes nothing. */
gboolean   mc_review_panel_complete            (McReviewPanel *self,
                                                GError       **error);

G_END_DECLS
