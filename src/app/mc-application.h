/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* The settings schema id stays the same in .Devel builds (the application
 * id does not), and the key names are kept here, in one place. */
#define MC_SETTINGS_SCHEMA               "io.github.microcred.Microcred"
#define MC_SETTINGS_PROFILES             "profiles"
/* Read once, to move them into the database (see MC_SETTING_INSTITUTION_*) */
#define MC_SETTINGS_INSTITUTION_NAME     "institution-name"
#define MC_SETTINGS_INSTITUTION_COUNTRY  "institution-country"
#define MC_SETTINGS_WINDOW_WIDTH         "window-width"
#define MC_SETTINGS_WINDOW_HEIGHT        "window-height"
#define MC_SETTINGS_WINDOW_MAXIMIZED     "window-maximized"
#define MC_SETTINGS_LAST_DESIGN          "last-design"

#define MC_TYPE_APPLICATION (mc_application_get_type ())
G_DECLARE_FINAL_TYPE (McApplication, mc_application, MC, APPLICATION, AdwApplication)

McApplication *mc_application_new           (void);
/* The open database, or NULL when it could not be opened (transfer none). */
McStore       *mc_application_get_store     (McApplication *self);
McValidator   *mc_application_get_validator (McApplication *self);
GSettings     *mc_application_get_settings  (McApplication *self);
/* Reads the institution's name and country from the database again and
 * checks the open designs against them. */
void           mc_application_reload_institution (McApplication *self);

G_END_DECLS
