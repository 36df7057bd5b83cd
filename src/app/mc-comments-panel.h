/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"

G_BEGIN_DECLS

/* Every comment thread of a design, grouped by the field it is pinned to,
 * fields with open comments first and open threads before resolved ones.
 * Activating a thread emits ::comment-activated (McComment) so that the
 * editor can go to its field. */

#define MC_TYPE_COMMENTS_PANEL (mc_comments_panel_get_type ())
G_DECLARE_FINAL_TYPE (McCommentsPanel, mc_comments_panel, MC, COMMENTS_PANEL, AdwBin)

GtkWidget *mc_comments_panel_new          (void);
/* @comments: McComment (replies included); @current_revision marks the
 * threads of earlier revisions as such. */
void       mc_comments_panel_set_comments (McCommentsPanel *self,
                                           GPtrArray       *comments,
                                           guint            current_revision);
/* Open threads (first comments not resolved) among those shown. */
guint      mc_comments_panel_get_n_open   (McCommentsPanel *self);

G_END_DECLS
