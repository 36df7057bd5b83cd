/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-admin-page.h"

G_BEGIN_DECLS

/* The people of the institution and their roles, per unit or
 * institution-wide, in the administration window.  Property "workflow"
 * (construct-only); signal ::changed after a person or a role was added
 * or removed.  Refusals from the core are shown in a dialog and change
 * nothing. */

#define MC_TYPE_ADMIN_PEOPLE_PAGE (mc_admin_people_page_get_type ())
G_DECLARE_FINAL_TYPE (McAdminPeoplePage, mc_admin_people_page, MC, ADMIN_PEOPLE_PAGE, McAdminPage)

McAdminPeoplePage *mc_admin_people_page_new         (McWorkflow        *workflow);
/* Reads people, units and roles again. */
void               mc_admin_people_page_reload      (McAdminPeoplePage *self);
gint64             mc_admin_people_page_add_person  (McAdminPeoplePage *self,
                                                     const char        *username,
                                                     const char        *name,
                                                     const char        *email,
                                                     gint64             unit_id);
/* @unit_id 0: institution-wide. */
gboolean           mc_admin_people_page_grant_role  (McAdminPeoplePage *self,
                                                     gint64             person_id,
                                                     McRole             role,
                                                     gint64             unit_id);
gboolean           mc_admin_people_page_revoke_role (McAdminPeoplePage *self,
                                                     gint64             person_id,
                                                     McRole             role,
                                                     gint64             unit_id);

G_END_DECLS
