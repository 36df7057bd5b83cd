/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-admin-page.h"

G_BEGIN_DECLS

/* The institution's settings in the administration window: its name,
 * country, legal identifier and web site, the address credentials are
 * verified at, who signs the certificates, the logo, the policy profiles
 * a submission must pass and the review rules.  Everything is kept in the
 * database through the workflow, which refuses anyone but an
 * administrator and any malformed value; a refusal is shown under the row
 * it concerns, and nothing changes.  Properties "workflow" and
 * "validator" (construct-only); signal ::changed after a setting or the
 * logo changed. */

#define MC_TYPE_ADMIN_INSTITUTION_PAGE (mc_admin_institution_page_get_type ())
G_DECLARE_FINAL_TYPE (McAdminInstitutionPage, mc_admin_institution_page, MC, ADMIN_INSTITUTION_PAGE,
                      McAdminPage)

McAdminInstitutionPage *mc_admin_institution_page_new         (McWorkflow             *workflow,
                                                               McValidator            *validator);
/* Applies a setting as its row does; a refusal is shown under the row. */
gboolean                mc_admin_institution_page_set_setting (McAdminInstitutionPage *self,
                                                               const char             *key,
                                                               const char             *value);
/* The refusal shown for @key, or NULL. */
const char             *mc_admin_institution_page_get_problem (McAdminInstitutionPage *self,
                                                               const char             *key);
/* The entry row of a text setting (transfer none), or NULL for the
 * settings that have none. */
GtkWidget              *mc_admin_institution_page_get_row     (McAdminInstitutionPage *self,
                                                               const char             *key);
/* Stores @png (NULL removes the logo) and shows it; a refusal is shown
 * under the logo. */
gboolean                mc_admin_institution_page_set_logo    (McAdminInstitutionPage *self,
                                                               GBytes                 *png);
/* Whether a logo is shown. */
gboolean                mc_admin_institution_page_has_logo    (McAdminInstitutionPage *self);
/* Applies the review numbers changed in the last moment (they are
 * applied a moment after the last click). */
void                    mc_admin_institution_page_flush       (McAdminInstitutionPage *self);

G_END_DECLS
