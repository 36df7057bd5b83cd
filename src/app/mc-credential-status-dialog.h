/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* Suspends, revokes or re-issues one credential, with the reason the
 * history keeps: MC_ACTION_SUSPEND_CREDENTIAL, MC_ACTION_REVOKE_CREDENTIAL
 * (final: a destructive button, then a confirmation) or MC_ACTION_REISSUE
 * (also asks for the passphrase of the institution's signing key, then
 * signs the replacement with the batch issuer, off the main thread).
 * The workflow refuses what may not be done (an empty reason, a wrong
 * state, a missing role); the refusal shows at the top of the dialog and
 * nothing changes.  Signal ::done (gint64 credential id: the same one,
 * or the replacement after a re-issue) before the dialog closes. */

#define MC_TYPE_CREDENTIAL_STATUS_DIALOG (mc_credential_status_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McCredentialStatusDialog, mc_credential_status_dialog,
                      MC, CREDENTIAL_STATUS_DIALOG, AdwWindow)

McCredentialStatusDialog *mc_credential_status_dialog_new              (McWorkflow               *workflow,
                                                                        const McIssuedCredential *credential,
                                                                        McAction                  action);
McAction                  mc_credential_status_dialog_get_action       (McCredentialStatusDialog *self);
void                      mc_credential_status_dialog_set_reason       (McCredentialStatusDialog *self,
                                                                        const char               *reason);
void                      mc_credential_status_dialog_set_passphrase   (McCredentialStatusDialog *self,
                                                                        const char               *passphrase);
/* Whether the main button may be pressed: a reason (and a passphrase)
 * given, nothing running. */
gboolean                  mc_credential_status_dialog_get_can_apply    (McCredentialStatusDialog *self);
/* Does what the main button does (a revocation asks for confirmation
 * first, see get_confirmation()). */
void                      mc_credential_status_dialog_apply            (McCredentialStatusDialog *self);
/* The confirmation shown before revoking, or NULL (transfer none). */
AdwMessageDialog         *mc_credential_status_dialog_get_confirmation (McCredentialStatusDialog *self);
/* TRUE while unlocking the key or signing the replacement. */
gboolean                  mc_credential_status_dialog_get_busy         (McCredentialStatusDialog *self);
/* The refusal shown, or NULL. */
const char               *mc_credential_status_dialog_get_error        (McCredentialStatusDialog *self);

G_END_DECLS
