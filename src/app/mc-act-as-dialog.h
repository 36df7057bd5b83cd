/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* Lets an administrator pick the person the window acts for (to record
 * what someone asked for on paper, or to see what they see).  Property
 * "workflow" (construct-only); signal ::acted after the workflow switched
 * to the chosen person. */

#define MC_TYPE_ACT_AS_DIALOG (mc_act_as_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McActAsDialog, mc_act_as_dialog, MC, ACT_AS_DIALOG, AdwWindow)

McActAsDialog *mc_act_as_dialog_new    (McWorkflow    *workflow);
/* Acts as @username (NULL: as oneself); a refusal is shown in the dialog.
 * Closes the dialog on success. */
gboolean       mc_act_as_dialog_act_as (McActAsDialog *self,
                                        const char    *username);
/* The refusal shown, or NULL. */
const char    *mc_act_as_dialog_get_error (McActAsDialog *self);

G_END_DECLS
