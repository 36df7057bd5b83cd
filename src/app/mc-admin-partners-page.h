/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-admin-page.h"

G_BEGIN_DECLS

/* The trusted partner issuers in the administration window: each with
 * its issuer address, who added it and when, and the note; Add (issuer
 * address, name, note) and Remove… (after a confirmation).  Only
 * administrators change them; others see the page read-only with the
 * reason.  Property "workflow" (construct-only); signal ::changed after
 * a partner was added or removed. */

#define MC_TYPE_ADMIN_PARTNERS_PAGE (mc_admin_partners_page_get_type ())
G_DECLARE_FINAL_TYPE (McAdminPartnersPage, mc_admin_partners_page, MC, ADMIN_PARTNERS_PAGE, McAdminPage)

McAdminPartnersPage *mc_admin_partners_page_new          (McWorkflow          *workflow);
/* Reads the partners again. */
void                 mc_admin_partners_page_reload       (McAdminPartnersPage *self);
/* The partners listed, by name. */
guint                mc_admin_partners_page_get_n_partners (McAdminPartnersPage *self);
/* The row of the partner at @index (transfer none). */
GtkWidget           *mc_admin_partners_page_get_row      (McAdminPartnersPage *self,
                                                          guint                index);
/* Adds a partner as the Add button does with the fields; a refusal is
 * shown under the fields.  Returns the partner's id, or 0. */
gint64               mc_admin_partners_page_add          (McAdminPartnersPage *self,
                                                          const char          *issuer_id,
                                                          const char          *name,
                                                          const char          *note);
/* Removes @issuer_id without asking (Remove… asks first); a refusal is
 * shown in a dialog. */
gboolean             mc_admin_partners_page_remove       (McAdminPartnersPage *self,
                                                          const char          *issuer_id);
/* Asks, as Remove… does, for the partner at @index (transfer none). */
AdwMessageDialog    *mc_admin_partners_page_confirm_remove (McAdminPartnersPage *self,
                                                            guint                index);
/* The refusal shown under the fields, or NULL. */
const char          *mc_admin_partners_page_get_problem  (McAdminPartnersPage *self);

G_END_DECLS
