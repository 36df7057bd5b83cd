/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A new passphrase for a private key, typed twice, with a hint of how
 * strong it is.  It is acceptable from MC_NEW_PASSPHRASE_MIN_LENGTH
 * characters when both entries agree; the read-only property
 * "acceptable" says so. */

#define MC_NEW_PASSPHRASE_MIN_LENGTH 8

#define MC_TYPE_NEW_PASSPHRASE_GROUP (mc_new_passphrase_group_get_type ())
G_DECLARE_FINAL_TYPE (McNewPassphraseGroup, mc_new_passphrase_group, MC, NEW_PASSPHRASE_GROUP,
                      AdwPreferencesGroup)

GtkWidget  *mc_new_passphrase_group_new            (void);
/* Types @passphrase in both entries (for tests and scripts). */
void        mc_new_passphrase_group_set_passphrase (McNewPassphraseGroup *self,
                                                    const char           *passphrase);
/* The passphrase when acceptable, else NULL (transfer none). */
const char *mc_new_passphrase_group_get_passphrase (McNewPassphraseGroup *self);
gboolean    mc_new_passphrase_group_get_acceptable (McNewPassphraseGroup *self);
/* What the hint says now. */
const char *mc_new_passphrase_group_get_hint       (McNewPassphraseGroup *self);
/* Empties both entries. */
void        mc_new_passphrase_group_clear          (McNewPassphraseGroup *self);

G_END_DECLS
