/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-verification.h"

G_BEGIN_DECLS

/* Verify Credential: a credential someone presents, as a file (.jwt,
 * .json), pasted text, or the address scanned from its QR code, checked
 * against the institution's keys and register in a worker thread.  The
 * verdict is shown big (valid, not valid, incomplete) with what the
 * credential says and every check with its detail.  Property:
 * "workflow" (construct-only). */

#define MC_TYPE_VERIFY_DIALOG (mc_verify_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McVerifyDialog, mc_verify_dialog, MC, VERIFY_DIALOG, AdwWindow)

McVerifyDialog *mc_verify_dialog_new              (McWorkflow     *workflow);
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

G_END_DECLS
