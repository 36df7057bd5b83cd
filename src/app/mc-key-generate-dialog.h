/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-key-dialog.h"
#include "mc-public-key.h"

G_BEGIN_DECLS

/* Generates a signing key of the institution: RSA 3072 (RS256) or
 * Ed25519 (EdDSA), kept encrypted with a new passphrase typed twice,
 * optionally with a self-signed certificate.  The key is made in a worker
 * thread (an RSA key takes a second); see McKeyDialog for how it ends.  A
 * refusal (only administrators add keys) stores nothing. */

#define MC_TYPE_KEY_GENERATE_DIALOG (mc_key_generate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McKeyGenerateDialog, mc_key_generate_dialog, MC, KEY_GENERATE_DIALOG, McKeyDialog)

McKeyGenerateDialog *mc_key_generate_dialog_new             (McWorkflow          *workflow);
void                 mc_key_generate_dialog_set_algorithm   (McKeyGenerateDialog *self,
                                                             McKeyAlgorithm       alg);
void                 mc_key_generate_dialog_set_self_signed (McKeyGenerateDialog *self,
                                                             gboolean             self_signed);
/* Types @passphrase in both entries. */
void                 mc_key_generate_dialog_set_passphrase  (McKeyGenerateDialog *self,
                                                             const char          *passphrase);
/* Starts as the Generate button does; FALSE if the form is not complete. */
gboolean             mc_key_generate_dialog_generate        (McKeyGenerateDialog *self);

G_END_DECLS
