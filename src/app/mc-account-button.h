/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* The person the window acts as, in the header bar: their avatar, and a
 * popover with their name and roles, who is really signed in when an
 * administrator acts for someone, and the Act As… / Stop Acting buttons
 * (window actions "win.act-as" and "win.stop-acting").  Property
 * "workflow"; call mc_account_button_update() after the actor changed. */

#define MC_TYPE_ACCOUNT_BUTTON (mc_account_button_get_type ())
G_DECLARE_FINAL_TYPE (McAccountButton, mc_account_button, MC, ACCOUNT_BUTTON, AdwBin)

McAccountButton *mc_account_button_new          (void);
void             mc_account_button_set_workflow (McAccountButton *self,
                                                 McWorkflow      *workflow);
void             mc_account_button_update       (McAccountButton *self);
/* The roles shown, in words (for tests). */
const char      *mc_account_button_get_roles    (McAccountButton *self);

G_END_DECLS
