/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-history-item.h"

G_BEGIN_DECLS

/* One event of the history, as a row of the history's list: what was
 * done, by whom (and who recorded it on their behalf), when, the change
 * of state, the comment and the details in words.  A list view reuses
 * rows: mc_history_row_set_item() shows another event. */

#define MC_TYPE_HISTORY_ROW (mc_history_row_get_type ())
G_DECLARE_FINAL_TYPE (McHistoryRow, mc_history_row, MC, HISTORY_ROW, GtkBox)

McHistoryRow  *mc_history_row_new        (void);
void           mc_history_row_set_item   (McHistoryRow  *self,
                                          McHistoryItem *item);
McHistoryItem *mc_history_row_get_item   (McHistoryRow  *self);
/* The details (a JSON object) in words, one "Name: value" line per member;
 * NULL when there are none.  Newly allocated. */
char          *mc_history_format_details (const char    *details);

G_END_DECLS
