/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-admin-institution-page.h"
#include "mc-admin-keys-page.h"
#include "mc-admin-partners-page.h"
#include "mc-admin-people-page.h"
#include "mc-admin-publishing-page.h"
#include "mc-application.h"
#include "mc-template-editor.h"

G_BEGIN_DECLS

/* Administration: the institution's settings (kept in the database), its
 * signing keys, publishing, academic units, people and their roles, and
 * the review templates.
 * Everyone may look; only administrators can change anything, and the
 * core refuses anyone else whatever the window does.  Properties
 * (construct-only): "mc-application" (the McApplication that runs
 * publishing; NULL: publishing cannot be switched on), "workflow",
 * "validator".  Signal ::changed (a string:
 * "settings", "keys", "units", "people" or "templates") after each
 * change. */

#define MC_TYPE_ADMIN_WINDOW (mc_admin_window_get_type ())
G_DECLARE_FINAL_TYPE (McAdminWindow, mc_admin_window, MC, ADMIN_WINDOW, AdwPreferencesWindow)

McAdminWindow     *mc_admin_window_new             (McApplication *application,
                                                    McWorkflow    *workflow,
                                                    McValidator   *validator);
/* Applies an institution setting; a refusal is shown and nothing changes. */
gboolean           mc_admin_window_set_setting     (McAdminWindow *self,
                                                    const char    *key,
                                                    const char    *value);
/* Adds a unit; a refusal is shown and nothing changes. */
gint64             mc_admin_window_add_unit        (McAdminWindow *self,
                                                    const char    *code,
                                                    const char    *name);
McAdminInstitutionPage *mc_admin_window_get_institution_page (McAdminWindow *self);
McAdminKeysPage   *mc_admin_window_get_keys_page   (McAdminWindow *self);
McAdminPartnersPage *mc_admin_window_get_partners_page (McAdminWindow *self);
McAdminPeoplePage *mc_admin_window_get_people_page (McAdminWindow *self);
McAdminPublishingPage *mc_admin_window_get_publishing_page (McAdminWindow *self);
/* Opens the editor of the newest version of the template at @index of
 * the list (as a click on its row would). */
McTemplateEditor  *mc_admin_window_edit_template   (McAdminWindow *self,
                                                    guint          index);
/* Whether the actor may change anything here. */
gboolean           mc_admin_window_get_editable    (McAdminWindow *self);

G_END_DECLS
