/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* The yearly QA report of an academic unit: pick the unit and the year,
 * see the pages as they will print, and export them as PDF or CSV.  The
 * report is gathered in a worker thread with its own connection to the
 * database, and written in another, with a progress bar and Cancel.
 * Property "workflow" (construct-only): the units offered are those the
 * actor chairs, or all for an administrator or an institution-wide
 * chair. */

typedef enum {
  MC_REPORT_FORMAT_PDF,
  MC_REPORT_FORMAT_CSV,
} McReportFormat;

#define MC_TYPE_REPORT_DIALOG (mc_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McReportDialog, mc_report_dialog, MC, REPORT_DIALOG, AdwWindow)

McReportDialog *mc_report_dialog_new         (McWorkflow     *workflow);
/* Whether @workflow's actor may produce a yearly report at all. */
gboolean        mc_report_dialog_can_report  (McWorkflow     *workflow);
/* Chooses the unit and year (as the controls would); FALSE for a unit
 * that is not offered. */
gboolean        mc_report_dialog_set_unit    (McReportDialog *self,
                                              gint64          unit_id);
void            mc_report_dialog_set_year    (McReportDialog *self,
                                              int             year);
/* Whether the report is being gathered or written. */
gboolean        mc_report_dialog_get_busy    (McReportDialog *self);
/* The report shown (transfer none), or NULL. */
McYearlyReport *mc_report_dialog_get_report  (McReportDialog *self);
guint           mc_report_dialog_get_n_pages (McReportDialog *self);
/* Writes the report shown to @file; the outcome is shown when done. */
void            mc_report_dialog_export      (McReportDialog *self,
                                              GFile          *file,
                                              McReportFormat  format);
/* The last failure shown, or NULL. */
const char     *mc_report_dialog_get_error   (McReportDialog *self);

G_END_DECLS
