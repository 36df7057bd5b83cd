/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* One event of the history as an item of a list model, with what the
 * list shows beside it: the title of its design (institution history)
 * and whether the last check found its record altered ("broken"). */

#define MC_TYPE_HISTORY_ITEM (mc_history_item_get_type ())
G_DECLARE_FINAL_TYPE (McHistoryItem, mc_history_item, MC, HISTORY_ITEM, GObject)

/* Takes @event. */
McHistoryItem *mc_history_item_new              (McEvent       *event,
                                                 const char    *design_title);
const McEvent *mc_history_item_get_event        (McHistoryItem *self);
const char    *mc_history_item_get_design_title (McHistoryItem *self);
gboolean       mc_history_item_get_broken       (McHistoryItem *self);
void           mc_history_item_set_broken       (McHistoryItem *self,
                                                 gboolean       broken);

G_END_DECLS
