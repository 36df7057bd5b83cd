/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-batch-issuer.h"
#include "mc-issue-dialog.h"
#include "mc-keyring.h"
#include "mc-problem-row.h"

G_BEGIN_DECLS

struct _McIssueDialog
{
  AdwWindow             parent_instance;

  McWorkflow           *workflow;
  McOffering           *offering;
  McKeyRecord          *key;              /* the current signing key, or NULL */
  McKeyRecord          *di_key;           /* the current Ed25519 key, or NULL */
  McIssueBatch         *unfinished;       /* the batch a run resumes, or NULL */
  McIssueBatch         *batch;            /* the last run's, as it ended */
  char                 *export_dir;       /* chosen, or NULL for the default */
  char                 *intro;
  char                 *progress_text;
  char                 *outcome;
  char                 *error;
  McBatchIssuer        *issuer;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  guint                 to_issue;         /* learners who passed without a credential */
  gboolean              unlocking;
  gboolean              issuing;
  gboolean              close_when_stopped;
  gboolean              asking;           /* the question before closing is shown */

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *close_button;
  GtkWidget            *issue_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *stack;
  GtkLabel             *intro_label;
  AdwActionRow         *key_row;
  GtkEditable          *passphrase_row;
  McProblemRow         *passphrase_problem;
  GtkWidget            *data_integrity_row;
  GtkSwitch            *data_integrity_switch;
  GtkWidget            *di_passphrase_row;
  AdwActionRow         *folder_row;
  GtkWidget            *folder_button;
  AdwComboRow          *paper_row;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  GtkWidget            *stop_button;
  AdwStatusPage        *done_page;
  AdwStatusPage        *stopped_page;
};

/* mc-issue-dialog.c */
void     _mc_issue_dialog_show_error  (McIssueDialog *self,
                                       const char    *message);
/* Reads the offering, its unfinished batch and the keys again, and shows
 * the form. */
void     _mc_issue_dialog_load        (McIssueDialog *self);
/* Sensitivity of Issue and of the form. */
void     _mc_issue_dialog_update      (McIssueDialog *self);
McPaperSize _mc_issue_dialog_get_paper (McIssueDialog *self);
void     _mc_issue_dialog_emit_started  (McIssueDialog *self);
void     _mc_issue_dialog_emit_finished (McIssueDialog *self);

/* mc-issue-dialog-run.c */
/* Unlocks the key, then runs the batch. */
gboolean _mc_issue_dialog_start       (McIssueDialog *self);
void     _mc_issue_dialog_stop        (McIssueDialog *self);
/* Asks before closing a running batch; TRUE when the close must wait. */
gboolean _mc_issue_dialog_hold_close  (McIssueDialog *self);
void     _mc_issue_dialog_open_folder (McIssueDialog *self);

G_END_DECLS
