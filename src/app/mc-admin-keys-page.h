/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-admin-page.h"
#include "mc-key-generate-dialog.h"
#include "mc-key-import-dialog.h"

G_BEGIN_DECLS

/* The institution's signing keys in the administration window: the
 * algorithm credentials are signed with, and every key (its algorithm,
 * short id, when and by whom it was added, whether it is the one signing
 * now, current or retired, and whether it has a certificate), with
 * Generate Key…, Import… and Retire.  Only administrators change keys;
 * others see the page read-only with the reason.  Property "workflow"
 * (construct-only); signal ::changed after a key or the algorithm
 * changed. */

#define MC_TYPE_ADMIN_KEYS_PAGE (mc_admin_keys_page_get_type ())
G_DECLARE_FINAL_TYPE (McAdminKeysPage, mc_admin_keys_page, MC, ADMIN_KEYS_PAGE, McAdminPage)

McAdminKeysPage     *mc_admin_keys_page_new           (McWorkflow      *workflow);
/* Reads the keys again. */
void                 mc_admin_keys_page_reload        (McAdminKeysPage *self);
/* The keys listed, newest first. */
guint                mc_admin_keys_page_get_n_keys    (McAdminKeysPage *self);
/* The row of the key at @index (transfer none). */
GtkWidget           *mc_admin_keys_page_get_row       (McAdminKeysPage *self,
                                                       guint            index);
/* Opens the dialogs as their buttons do (transfer none). */
McKeyGenerateDialog *mc_admin_keys_page_generate      (McAdminKeysPage *self);
McKeyImportDialog   *mc_admin_keys_page_import        (McAdminKeysPage *self);
/* Retires @kid without asking (the Retire button asks first); a refusal
 * is shown. */
gboolean             mc_admin_keys_page_retire_key    (McAdminKeysPage *self,
                                                       const char      *kid);
/* Chooses the signing algorithm as the drop-down does. */
gboolean             mc_admin_keys_page_set_algorithm (McAdminKeysPage *self,
                                                       const char      *algorithm);
/* The refusal shown under the algorithm, or NULL. */
const char          *mc_admin_keys_page_get_problem   (McAdminKeysPage *self);

G_END_DECLS
