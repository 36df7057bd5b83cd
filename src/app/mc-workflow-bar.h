/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

/* The strip at the top of the design editor that says where a design
 * stands in the approval workflow and what happens next, with a button
 * for each action of McWorkflow that applies to its state.  The workflow
 * decides everything: actions whose state does not fit are not shown,
 * actions the actor may not take are insensitive with the workflow's
 * reason as tooltip.
 *
 * Properties: "workflow" (McWorkflow), "design" (McDesign, updated in
 * place by the actions).  Signals:
 *   ::save-pending () → gboolean: emitted before an action that needs the
 *     editor's unsaved edits stored first; return TRUE if they could not
 *     be saved, which cancels the action.
 *   ::changed (const char *message): an action changed the design; the
 *     message says what, for a toast.
 *   ::show-findings (): the user asked to see why submitting was refused.
 *   ::reload (): the user asked to load the design again after a
 *     conflict. */

#define MC_TYPE_WORKFLOW_BAR (mc_workflow_bar_get_type ())
G_DECLARE_FINAL_TYPE (McWorkflowBar, mc_workflow_bar, MC, WORKFLOW_BAR, AdwBin)

GtkWidget  *mc_workflow_bar_new          (void);
McWorkflow *mc_workflow_bar_get_workflow (McWorkflowBar *self);
void        mc_workflow_bar_set_workflow (McWorkflowBar *self,
                                          McWorkflow    *workflow);
McDesign   *mc_workflow_bar_get_design   (McWorkflowBar *self);
void        mc_workflow_bar_set_design   (McWorkflowBar *self,
                                          McDesign      *design);
/* Reads the design's reviews, decisions and history again and asks the
 * workflow again what the actor may do (after acting as someone else). */
void        mc_workflow_bar_refresh      (McWorkflowBar *self);

/* What the bar shows, for tests and the editor's header. */
const char *mc_workflow_bar_get_status   (McWorkflowBar *self);
const char *mc_workflow_bar_get_detail   (McWorkflowBar *self);
/* The button of @action, or NULL when it does not apply to the state.
 * MC_ACTION_CREATE_OFFERING gives the Offerings button of an issuable
 * design, which activates "win.offerings". */
GtkWidget  *mc_workflow_bar_get_button   (McWorkflowBar *self,
                                          McAction       action);
/* The message shown after a refusal or a conflict, or NULL. */
const char *mc_workflow_bar_get_message  (McWorkflowBar *self);
gboolean    mc_workflow_bar_get_conflict (McWorkflowBar *self);

/* Runs @action as its button does; dialogs and confirmations open as
 * they would after a click.  FALSE if it was refused at once (the
 * message says why). */
gboolean    mc_workflow_bar_activate     (McWorkflowBar *self,
                                          McAction       action);

G_END_DECLS
