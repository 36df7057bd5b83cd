/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* The history: the events of a design, newest first, and, for
 * administrators, of the whole institution, shown a page at a time.  The
 * events are read, and the chain of hashes is verified, in a worker
 * thread with its own connection to the database, with a spinner and a
 * Cancel button, so that a long history never freezes the window.
 * Properties (construct-only): "workflow", "design" (may be NULL). */

#define MC_TYPE_HISTORY_DIALOG (mc_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McHistoryDialog, mc_history_dialog, MC, HISTORY_DIALOG, AdwWindow)

/* Events read each time more are shown. */
#define MC_HISTORY_PAGE_SIZE 200

McHistoryDialog *mc_history_dialog_new             (McWorkflow      *workflow,
                                                    McDesign        *design);
/* Shows the institution's history (administrators) or the design's. */
gboolean         mc_history_dialog_set_institution (McHistoryDialog *self,
                                                    gboolean         institution);
/* Whether events are being read or the history verified. */
gboolean         mc_history_dialog_get_busy        (McHistoryDialog *self);
/* Events of the institution's history (counted when it is shown). */
guint64          mc_history_dialog_get_total       (McHistoryDialog *self);
guint            mc_history_dialog_get_n_shown     (McHistoryDialog *self);
/* The shown event at @index, newest first (transfer none). */
const McEvent   *mc_history_dialog_get_shown_event (McHistoryDialog *self,
                                                    guint            index);
/* Reads the next page of older events. */
void             mc_history_dialog_show_more       (McHistoryDialog *self);
/* Starts checking the whole chain; the verdict shows when done. */
void             mc_history_dialog_verify          (McHistoryDialog *self);
/* The verdict shown, or NULL before a check has finished. */
const char      *mc_history_dialog_get_verdict     (McHistoryDialog *self);

G_END_DECLS
