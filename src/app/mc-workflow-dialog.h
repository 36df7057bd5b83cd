/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

/* What the dialogs of the workflow bar share: the workflow and the design
 * they act on (construct-only properties "workflow" and "design"), Escape
 * to cancel, a refusal shown at their top, and how they end.  Signals:
 * ::done after the workflow accepted the dialog's call, ::conflict when
 * the design had changed meanwhile (nothing was changed); the dialog
 * closes itself after either. */

#define MC_TYPE_WORKFLOW_DIALOG (mc_workflow_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (McWorkflowDialog, mc_workflow_dialog, MC, WORKFLOW_DIALOG, AdwWindow)

struct _McWorkflowDialogClass
{
  AdwWindowClass parent_class;
};

McWorkflow *mc_workflow_dialog_get_workflow (McWorkflowDialog *self);
McDesign   *mc_workflow_dialog_get_design   (McWorkflowDialog *self);
/* The refusal shown in the dialog, or NULL. */
const char *mc_workflow_dialog_get_error    (McWorkflowDialog *self);

/* For the subclasses: where the refusal is shown (from their template). */
void        _mc_workflow_dialog_set_error_widgets (McWorkflowDialog *self,
                                                   GtkRevealer      *revealer,
                                                   GtkLabel         *label);
void        _mc_workflow_dialog_show_error  (McWorkflowDialog *self,
                                             const char       *message);
/* Ends the dialog after its workflow call returned @ok (taking @error):
 * emits ::done or ::conflict and closes, or shows the refusal.  Returns
 * @ok. */
gboolean    _mc_workflow_dialog_finish      (McWorkflowDialog *self,
                                             gboolean          ok,
                                             GError           *error);

G_END_DECLS
