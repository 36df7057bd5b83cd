/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"

G_BEGIN_DECLS

/* One repeated item (outcome, assessment component, partner, stacking
 * target) in the editor: an expander row titled with the item's main text,
 * holding a widget per item field and Move Up / Move Down / Remove buttons,
 * which emit ::move (int delta) and ::remove. */

#define MC_TYPE_ITEM_ROW (mc_item_row_get_type ())
G_DECLARE_FINAL_TYPE (McItemRow, mc_item_row, MC, ITEM_ROW, AdwExpanderRow)

GtkWidget *mc_item_row_new              (McItem     *item,
                                         McRevision *revision);
McItem    *mc_item_row_get_item         (McItemRow  *self);
/* The widget editing @item_field, or NULL. */
GtkWidget *mc_item_row_get_field_widget (McItemRow  *self,
                                         const char *item_field);
/* Makes Move Up / Move Down / Remove insensitive for good, with @reason as
 * their tooltip (a design the actor may not edit). */
void       mc_item_row_set_locked       (McItemRow  *self,
                                         const char *reason);
/* Enables Move Up / Move Down for an item at @index of @n_items. */
void       mc_item_row_set_position     (McItemRow  *self,
                                         guint       index,
                                         guint       n_items);

G_END_DECLS
