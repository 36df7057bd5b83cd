/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* A new offering of an active design: its code, the title on the
 * certificates (the approved revision's unless changed), its start and
 * end dates, mode of participation and location.  The dates are checked
 * as they are typed; what the workflow refuses (a code already used, a
 * registrar of another unit) is said at the top and nothing is stored.
 * Properties "workflow" and "design" (construct-only); signal ::created
 * (McOffering) before the dialog closes itself. */

#define MC_TYPE_OFFERING_DIALOG (mc_offering_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McOfferingDialog, mc_offering_dialog, MC, OFFERING_DIALOG, AdwWindow)

McOfferingDialog *mc_offering_dialog_new         (McWorkflow       *workflow,
                                                  McDesign         *design);
/* Types the fields as a person would; NULL leaves one as it is. */
void              mc_offering_dialog_fill        (McOfferingDialog *self,
                                                  const char       *code,
                                                  const char       *starts_on,
                                                  const char       *ends_on,
                                                  const char       *location);
void              mc_offering_dialog_set_mode    (McOfferingDialog    *self,
                                                  McParticipationMode  mode);
/* Whether the form is complete and its dates in order (Create's
 * sensitivity). */
gboolean          mc_offering_dialog_get_ready   (McOfferingDialog *self);
/* What is wrong with the dates, or NULL. */
const char       *mc_offering_dialog_get_problem (McOfferingDialog *self);
/* Creates the offering as the Create button does. */
gboolean          mc_offering_dialog_create      (McOfferingDialog *self);
/* The workflow's refusal shown at the top, or NULL. */
const char       *mc_offering_dialog_get_error   (McOfferingDialog *self);

G_END_DECLS
