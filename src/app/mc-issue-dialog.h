/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-render.h"

G_BEGIN_DECLS

/* Issues an offering: the institution's current signing key with its
 * passphrase, an optional Data Integrity proof (when an Ed25519 key
 * exists), the export folder and the paper.  Issue unlocks the key in a
 * worker thread (a wrong passphrase is said under it and the dialog stays
 * open), then runs the batch issuer in its threads with a progress bar
 * ("37 of 120") and Stop; the window stays responsive.  Stopping, or
 * closing the dialog (after asking), ends the batch cleanly between pages
 * and keeps it for later: the dialog then says "An earlier batch stopped
 * after 37 of 120. Issue the remaining 83."  At the end it says how many
 * were issued, with Open Folder.
 *
 * Properties "workflow" and "offering" (construct-only).  Signals:
 * ::started when the batch starts, ::finished when it ended, whichever
 * way. */

#define MC_TYPE_ISSUE_DIALOG (mc_issue_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McIssueDialog, mc_issue_dialog, MC, ISSUE_DIALOG, AdwWindow)

McIssueDialog      *mc_issue_dialog_new                    (McWorkflow    *workflow,
                                                            McOffering    *offering);
void                mc_issue_dialog_set_passphrase         (McIssueDialog *self,
                                                            const char    *passphrase);
/* @path: (nullable): an absolute folder, or NULL for the default one. */
void                mc_issue_dialog_set_export_dir         (McIssueDialog *self,
                                                            const char    *path);
void                mc_issue_dialog_set_data_integrity     (McIssueDialog *self,
                                                            gboolean       data_integrity);
gboolean            mc_issue_dialog_get_can_data_integrity (McIssueDialog *self);
void                mc_issue_dialog_set_paper              (McIssueDialog *self,
                                                            McPaperSize    paper);
/* Starts as Issue does; FALSE if it cannot. */
gboolean            mc_issue_dialog_issue                  (McIssueDialog *self);
/* Stops the batch as Stop does. */
void                mc_issue_dialog_stop                   (McIssueDialog *self);
/* Whether the key is being unlocked or the batch runs. */
gboolean            mc_issue_dialog_get_running            (McIssueDialog *self);
/* The page shown: "form", "progress", "done" or "stopped". */
const char         *mc_issue_dialog_get_page               (McIssueDialog *self);
/* What the form says will be issued (an unfinished batch included). */
const char         *mc_issue_dialog_get_intro              (McIssueDialog *self);
/* "37 of 120" */
const char         *mc_issue_dialog_get_progress_text      (McIssueDialog *self);
/* The title of the page that ended the run: "120 Credentials Issued". */
const char         *mc_issue_dialog_get_outcome            (McIssueDialog *self);
/* What is wrong with the passphrase, or NULL. */
const char         *mc_issue_dialog_get_passphrase_problem (McIssueDialog *self);
/* Any other failure shown, or NULL. */
const char         *mc_issue_dialog_get_error              (McIssueDialog *self);
/* The batch of the last run as it ended, or NULL (transfer none). */
const McIssueBatch *mc_issue_dialog_get_batch              (McIssueDialog *self);

G_END_DECLS
