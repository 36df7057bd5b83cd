/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-key-dialog.h"

G_BEGIN_DECLS

/* Imports the signing key and certificate that a certificate authority
 * handed out as a PKCS #12 file: the file, its password, and a new
 * passphrase typed twice that the key is kept encrypted with.  The file
 * is opened in a worker thread; see McKeyDialog for how it ends.  A wrong
 * password or a damaged file is said at the top and nothing is stored. */

#define MC_TYPE_KEY_IMPORT_DIALOG (mc_key_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McKeyImportDialog, mc_key_import_dialog, MC, KEY_IMPORT_DIALOG, McKeyDialog)

McKeyImportDialog *mc_key_import_dialog_new            (McWorkflow        *workflow);
/* As if chosen in the file chooser. */
void               mc_key_import_dialog_set_file       (McKeyImportDialog *self,
                                                        GFile             *file);
void               mc_key_import_dialog_set_password   (McKeyImportDialog *self,
                                                        const char        *password);
/* Types @passphrase in both entries of the new passphrase. */
void               mc_key_import_dialog_set_passphrase (McKeyImportDialog *self,
                                                        const char        *passphrase);
/* Starts as the Import button does; FALSE if the form is not complete. */
gboolean           mc_key_import_dialog_import         (McKeyImportDialog *self);

G_END_DECLS
