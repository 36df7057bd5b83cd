/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-remote-verifier.h"
#include "mc-verify-dialog.h"

G_BEGIN_DECLS

/* Shared by mc-verify-dialog.c (input, verifying, actions) and
 * mc-verify-dialog-result.c (showing what was found). */

struct _McVerifyDialog
{
  AdwWindow         parent_instance;

  McWorkflow       *workflow;
  McRemoteVerifier *verifier;
  McVerification   *verification;
  char             *text;           /* the credential as verified */
  GCancellable     *cancellable;
  char             *error;
  char             *recorded;       /* what the last recognition recorded */
  gboolean          can_recognise;

  /* Template widgets */
  GtkButton        *back_button;
  GtkStack         *stack;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  GtkTextView      *text_view;
  GtkSwitch        *offline_switch;
  GtkSpinner       *spinner;
  GtkLabel         *checking_label;
  GtkBox           *verdict_box;
  GtkImage         *verdict_icon;
  GtkLabel         *verdict_label;
  GtkLabel         *summary_label;
  GtkLabel         *trust_label;
  AdwPreferencesGroup *not_checked_group;
  GtkLabel         *not_checked_label;
  GtkBox           *recognition_box;
  GtkButton        *recognise_button;
  GtkLabel         *recognition_label;
  AdwPreferencesGroup *credential_group;
  AdwActionRow     *learner_row;
  AdwActionRow     *achievement_row;
  AdwActionRow     *issuer_row;
  AdwActionRow     *dates_row;
  AdwActionRow     *id_row;
  GtkListBox       *checks_list;
};

/* Fills the result page from self->verification and shows it. */
void        _mc_verify_dialog_show_result     (McVerifyDialog *self);
/* The issuer's standing in words (newly allocated), or NULL when it was
 * not looked at. */
char       *_mc_verify_dialog_trust_text      (McVerification *verification);
/* What could not be checked, one sentence a line, or NULL. */
char       *_mc_verify_dialog_not_checked     (McVerification *verification);
/* Makes Record Recognition… visible, sensitive or not with the reason. */
void        _mc_verify_dialog_update_recognise (McVerifyDialog *self);

G_END_DECLS
