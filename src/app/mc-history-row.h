/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* One event of the history, as a list row: what was done, by whom (and
 * who recorded it on their behalf), when, the change of state, the
 * comment and the details in words. */

#define MC_TYPE_HISTORY_ROW (mc_history_row_get_type ())
G_DECLARE_FINAL_TYPE (McHistoryRow, mc_history_row, MC, HISTORY_ROW, GtkListBoxRow)

/* @design_title: shown for events of the institution history, or NULL. */
McHistoryRow  *mc_history_row_new       (const McEvent *event,
                                         const char    *design_title);
const McEvent *mc_history_row_get_event (McHistoryRow  *self);
/* Marks the row as the first event whose record was altered. */
void           mc_history_row_set_broken (McHistoryRow *self,
                                          gboolean      broken);
/* The details (a JSON object) in words, one "Name: value" line per member;
 * NULL when there are none.  Newly allocated. */
char          *mc_history_format_details (const char *details);

G_END_DECLS
