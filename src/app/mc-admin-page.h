/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* The base of the administration window's pages: the workflow they act
 * through (property "workflow", construct-only), whether the acting
 * person may change anything there (administrators only; the core
 * refuses others anyway), the note that says why a page is read-only,
 * and the signal ::changed that a page emits after it changed something
 * the rest of the application shows. */

#define MC_TYPE_ADMIN_PAGE (mc_admin_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (McAdminPage, mc_admin_page, MC, ADMIN_PAGE, AdwPreferencesPage)

struct _McAdminPageClass
{
  AdwPreferencesPageClass parent_class;

  gpointer padding[4];
};

McWorkflow *mc_admin_page_get_workflow  (McAdminPage *self);
/* Whether the acting person is an administrator. */
gboolean    mc_admin_page_get_editable  (McAdminPage *self);
/* Shows @note_group (a group of the page's template, first on the page)
 * saying the page is read-only for the acting person, or hides it. */
void        mc_admin_page_set_note      (McAdminPage         *self,
                                         AdwPreferencesGroup *note_group);
void        mc_admin_page_emit_changed  (McAdminPage *self);

G_END_DECLS
