/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-signing-key.h"

G_BEGIN_DECLS

/* Asks for the passphrase of the institution's current signing key and
 * unlocks it in a worker thread (mc-workflow-job.h) while a spinner
 * turns.  A wrong passphrase is said under the entry and the dialog stays;
 * signal ::unlocked (McSigningKey) once the key is open, after which the
 * dialog closes itself.  Closing it otherwise unlocks nothing.  The typed
 * passphrase is wiped from the entry as soon as it was used.
 * Construct-only properties: "workflow", "heading" (the window's title),
 * "body" (why the key is needed), "confirm-label" (the button's mnemonic
 * label, like "_Start"). */

#define MC_TYPE_KEY_UNLOCK_DIALOG (mc_key_unlock_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McKeyUnlockDialog, mc_key_unlock_dialog, MC, KEY_UNLOCK_DIALOG, AdwWindow)

McKeyUnlockDialog *mc_key_unlock_dialog_new            (McWorkflow        *workflow,
                                                        const char        *heading,
                                                        const char        *body,
                                                        const char        *confirm_label);
void               mc_key_unlock_dialog_set_passphrase (McKeyUnlockDialog *self,
                                                        const char        *passphrase);
/* Unlocks as the confirm button does; FALSE when there is nothing to
 * unlock (no key, empty passphrase, already unlocking). */
gboolean           mc_key_unlock_dialog_unlock         (McKeyUnlockDialog *self);
gboolean           mc_key_unlock_dialog_get_busy       (McKeyUnlockDialog *self);
/* What is said under the passphrase (a wrong one, no key), or NULL. */
const char        *mc_key_unlock_dialog_get_problem    (McKeyUnlockDialog *self);

G_END_DECLS
