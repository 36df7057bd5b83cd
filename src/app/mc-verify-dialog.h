/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-recognition-dialog.h"
#include "mc-remote-verifier.h"
#include "mc-verification.h"

G_BEGIN_DECLS

/* Verify Credential: a credential someone presents, as a file (.jwt,
 * .json), pasted text, or the address scanned from its QR code.  Our own
 * are checked against the register; those of other institutions online,
 * through McRemoteVerifier (the issuer's key and status lists, with a
 * spinner and Cancel meanwhile), or offline from what was fetched
 * before.  The verdict is shown big (valid, not valid, incomplete) with
 * the issuer's standing (ours, a trusted partner, or not a partner), what
 * could not be checked, what the credential says and every check.  An
 * incoming credential that verified completely can be recognised for
 * credit (Record Recognition…, registrars).  Properties: "workflow" and
 * "verifier" (construct-only; NULL makes one with the user's cache). */

#define MC_TYPE_VERIFY_DIALOG (mc_verify_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McVerifyDialog, mc_verify_dialog, MC, VERIFY_DIALOG, AdwWindow)

McVerifyDialog *mc_verify_dialog_new              (McWorkflow     *workflow);
/* Uses only what was fetched before, as the Offline switch does. */
void            mc_verify_dialog_set_offline      (McVerifyDialog *self,
                                                   gboolean        offline);
gboolean        mc_verify_dialog_get_offline      (McVerifyDialog *self);
/* Stops a verification under way, as Cancel does. */
void            mc_verify_dialog_cancel           (McVerifyDialog *self);
void            mc_verify_dialog_verify_text      (McVerifyDialog *self,
                                                   const char     *text);
void            mc_verify_dialog_verify_file      (McVerifyDialog *self,
                                                   GFile          *file);
gboolean        mc_verify_dialog_get_busy         (McVerifyDialog *self);
/* The last result shown (transfer none), or NULL. */
McVerification *mc_verify_dialog_get_verification (McVerifyDialog *self);
/* Why the last input was not a credential at all, or NULL. */
const char     *mc_verify_dialog_get_error        (McVerifyDialog *self);
/* The verdict as shown ("Valid", "Not Valid", "Incomplete"), or NULL. */
const char     *mc_verify_dialog_get_verdict_text (McVerifyDialog *self);
/* The issuer's standing as shown ("From a trusted partner: “…”"), or NULL. */
const char     *mc_verify_dialog_get_trust_text   (McVerifyDialog *self);
/* What could not be checked, as shown (a sentence a line), or NULL. */
const char     *mc_verify_dialog_get_not_checked_text (McVerifyDialog *self);
/* Whether Record Recognition… is offered and may be used; @reason: (out)
 * (optional) (transfer none): why not, when it is shown but refused. */
gboolean        mc_verify_dialog_get_can_recognise (McVerifyDialog *self,
                                                    const char    **reason);
/* Opens Record Recognition… as its button does (transfer none), or NULL
 * when it may not be used. */
McRecognitionDialog *mc_verify_dialog_record_recognition (McVerifyDialog *self);
/* What the last recognition recorded here, as shown, or NULL. */
const char     *mc_verify_dialog_get_recorded_text (McVerifyDialog *self);

G_END_DECLS
