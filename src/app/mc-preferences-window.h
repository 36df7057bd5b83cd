/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* Preferences: the institution (name and country) and the policy profiles
 * designs are checked against, all kept in GSettings and applied at once.
 * Properties (construct-only): "settings", "validator". */

#define MC_TYPE_PREFERENCES_WINDOW (mc_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (McPreferencesWindow, mc_preferences_window, MC, PREFERENCES_WINDOW, AdwPreferencesWindow)

McPreferencesWindow *mc_preferences_window_new (GSettings   *settings,
                                                McValidator *validator);

G_END_DECLS
