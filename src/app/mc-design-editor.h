/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"

G_BEGIN_DECLS

/* The editor of one design: a form built from the field table, live
 * validation against the chosen policy profiles, and autosave.
 * Properties: "workflow" (saves go through it), "validator" (construct-only), "design" (NULL shows
 * an empty state), "profiles" (profile ids to validate against), "dirty"
 * (read-only), "show-back-button".  Signal "saved" after every save. */

#define MC_TYPE_DESIGN_EDITOR (mc_design_editor_get_type ())
G_DECLARE_FINAL_TYPE (McDesignEditor, mc_design_editor, MC, DESIGN_EDITOR, AdwBin)

McDesignEditor *mc_design_editor_new                (McWorkflow  *workflow,
                                                     McValidator *validator);
McDesign       *mc_design_editor_get_design         (McDesignEditor *self);
void            mc_design_editor_set_design         (McDesignEditor *self,
                                                     McDesign       *design);
const char * const *mc_design_editor_get_profiles   (McDesignEditor *self);
void            mc_design_editor_set_profiles       (McDesignEditor     *self,
                                                     const char * const *profiles);
gboolean        mc_design_editor_get_dirty          (McDesignEditor *self);
gboolean        mc_design_editor_get_show_back_button (McDesignEditor *self);
void            mc_design_editor_set_show_back_button (McDesignEditor *self,
                                                       gboolean        show);
/* Saves now if there are unsaved changes; TRUE if nothing is left unsaved. */
gboolean        mc_design_editor_save               (McDesignEditor *self,
                                                     GError        **error);
void            mc_design_editor_revalidate         (McDesignEditor *self);
/* Scrolls to and focuses the widget of @field (for list items: the item's
 * row, expanded, and its @item_field). */
void            mc_design_editor_focus_field        (McDesignEditor *self,
                                                     const char     *field,
                                                     int             item_index,
                                                     const char     *item_field);
/* The findings of the last validation (McFinding, transfer none). */
GPtrArray      *mc_design_editor_get_findings       (McDesignEditor *self);

G_END_DECLS
