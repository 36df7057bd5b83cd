/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* The recognition decisions recorded, newest first: who earned what from
 * which institution, the credit granted towards what, the route, when and
 * by whom, and the note.  Reached from the Credentials page.  Property
 * "workflow" (construct-only). */

#define MC_TYPE_RECOGNITIONS_WINDOW (mc_recognitions_window_get_type ())
G_DECLARE_FINAL_TYPE (McRecognitionsWindow, mc_recognitions_window, MC, RECOGNITIONS_WINDOW, AdwWindow)

McRecognitionsWindow *mc_recognitions_window_new          (McWorkflow           *workflow);
/* Reads them again. */
void                  mc_recognitions_window_reload       (McRecognitionsWindow *self);
guint                 mc_recognitions_window_get_n_rows   (McRecognitionsWindow *self);
/* The row of the decision at @index (transfer none). */
AdwActionRow         *mc_recognitions_window_get_row      (McRecognitionsWindow *self,
                                                           guint                 index);
/* Why they could not be read, or NULL. */
const char           *mc_recognitions_window_get_error    (McRecognitionsWindow *self);

G_END_DECLS
