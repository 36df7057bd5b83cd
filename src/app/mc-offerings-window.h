/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-issue-dialog.h"
#include "mc-offering-dialog.h"
#include "mc-result-import-dialog.h"

G_BEGIN_DECLS

/* The offerings of an active design, for its registrars: the list of its
 * runs (code, dates, mode, how many results and credentials) beside the
 * selected one's learners and results (name, student id, grade, passed,
 * the state of their credential), with New Offering…, Import Results…
 * and Issue Credentials….  The results are read in a worker thread.
 * Properties "workflow" and "design" (construct-only). */

#define MC_TYPE_OFFERINGS_WINDOW (mc_offerings_window_get_type ())
G_DECLARE_FINAL_TYPE (McOfferingsWindow, mc_offerings_window, MC, OFFERINGS_WINDOW, AdwWindow)

McOfferingsWindow    *mc_offerings_window_new              (McWorkflow        *workflow,
                                                            McDesign          *design);
gint64                mc_offerings_window_get_design_id    (McOfferingsWindow *self);
/* Reads the offerings again, keeping the selected one. */
void                  mc_offerings_window_reload           (McOfferingsWindow *self);
guint                 mc_offerings_window_get_n_offerings  (McOfferingsWindow *self);
gboolean              mc_offerings_window_select_offering  (McOfferingsWindow *self,
                                                            gint64             offering_id);
/* The selected offering (transfer none), or NULL. */
const McOffering     *mc_offerings_window_get_offering     (McOfferingsWindow *self);
/* The results shown: McResultItem (transfer none). */
GListModel           *mc_offerings_window_get_results      (McOfferingsWindow *self);
/* Whether the results are being read. */
gboolean              mc_offerings_window_get_loading      (McOfferingsWindow *self);

/* Open the dialogs as their buttons do (transfer none). */
McOfferingDialog     *mc_offerings_window_new_offering     (McOfferingsWindow *self);
/* Reads @file and previews it, for the selected offering. */
McResultImportDialog *mc_offerings_window_import_file      (McOfferingsWindow *self,
                                                            GFile             *file);
McIssueDialog        *mc_offerings_window_issue            (McOfferingsWindow *self);

G_END_DECLS
