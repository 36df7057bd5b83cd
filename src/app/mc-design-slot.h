/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* One line of the design list view.  The window keeps a list of slots and
 * swaps the summary a slot shows instead of replacing the slots, so that a
 * search re-labels the rows the list view already has rather than making
 * it destroy and build hundreds of row widgets per keystroke. */

#define MC_TYPE_DESIGN_SLOT (mc_design_slot_get_type ())
G_DECLARE_FINAL_TYPE (McDesignSlot, mc_design_slot, MC, DESIGN_SLOT, GObject)

McDesignSlot    *mc_design_slot_new         (McDesignSummary *summary);
McDesignSummary *mc_design_slot_get_summary (McDesignSlot *self);
/* Notifies "summary" only when the row would show something different. */
void             mc_design_slot_set_summary (McDesignSlot *self, McDesignSummary *summary);
/* Whether a row shows the same thing for both summaries. */
gboolean         mc_design_summary_shows_same (McDesignSummary *a, McDesignSummary *b);

G_END_DECLS
