/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* Edits a copy of a review template: its title, description and criteria
 * (add, remove, reorder, edit).  Saving checks the copy with
 * mc_template_check() and stores it as a new version; a malformed
 * template gets an inline message and nothing is saved.  Shown as a
 * subpage of the administration window.  Signals: ::saved after a new
 * version was stored; ::done when the person goes back. */

#define MC_TYPE_TEMPLATE_EDITOR (mc_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (McTemplateEditor, mc_template_editor, MC, TEMPLATE_EDITOR, GtkBox)

McTemplateEditor *mc_template_editor_new              (McWorkflow       *workflow,
                                                       McTemplate       *template_);
/* The copy being edited (transfer none). */
McTemplate       *mc_template_editor_get_template     (McTemplateEditor *self);
gboolean          mc_template_editor_get_dirty        (McTemplateEditor *self);
/* Checks and stores the copy as a new version; FALSE (with the message
 * shown) when it is malformed or refused. */
gboolean          mc_template_editor_save             (McTemplateEditor *self);
/* The message shown above the criteria, or NULL. */
const char       *mc_template_editor_get_error        (McTemplateEditor *self);
void              mc_template_editor_add_criterion    (McTemplateEditor *self);
void              mc_template_editor_remove_criterion (McTemplateEditor *self,
                                                       guint             index);
void              mc_template_editor_move_criterion   (McTemplateEditor *self,
                                                       guint             from,
                                                       guint             to);
/* The row of the criterion at @index (transfer none). */
GtkWidget        *mc_template_editor_get_row          (McTemplateEditor *self,
                                                       guint             index);

G_END_DECLS
