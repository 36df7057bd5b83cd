/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* One row of the register of issued credentials, as an item of a list
 * model.  The paged model hands out items before their page is read:
 * such an item is not "loaded" and shows nothing until its summary
 * arrives, which notifies every property that changed.  Properties (all
 * read-only): "id", "uuid", "learner-name", "student-id", "title",
 * "issued-at", "issued-text" (the date in words), "state"
 * (McCredentialState), "state-label", "loaded". */

#define MC_TYPE_CREDENTIAL_ITEM (mc_credential_item_get_type ())
G_DECLARE_FINAL_TYPE (McCredentialItem, mc_credential_item, MC, CREDENTIAL_ITEM, GObject)

/* An item waiting for its row. */
McCredentialItem          *mc_credential_item_new             (void);
McCredentialItem          *mc_credential_item_new_for_summary (const McCredentialSummary *summary);
/* Shows @summary (copied), or nothing again for NULL. */
void                       mc_credential_item_set_summary     (McCredentialItem          *self,
                                                               const McCredentialSummary *summary);
/* The row shown, or NULL while it is not loaded. */
const McCredentialSummary *mc_credential_item_get_summary     (McCredentialItem          *self);
gboolean                   mc_credential_item_get_loaded      (McCredentialItem          *self);
/* 0 while not loaded. */
gint64                     mc_credential_item_get_id          (McCredentialItem          *self);
McCredentialState          mc_credential_item_get_state       (McCredentialItem          *self);
/* The CSS class that colours a state ("credential-active" …). */
const char                *mc_credential_state_css_class      (McCredentialState          state);

G_END_DECLS
