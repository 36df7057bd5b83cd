/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* One row of the design list: title, unit and type, state as a pill, ECTS. */

#define MC_TYPE_DESIGN_ROW (mc_design_row_get_type ())
G_DECLARE_FINAL_TYPE (McDesignRow, mc_design_row, MC, DESIGN_ROW, GtkWidget)

McDesignRow     *mc_design_row_new         (void);
McDesignSummary *mc_design_row_get_summary (McDesignRow *self);
void             mc_design_row_set_summary (McDesignRow     *self,
                                            McDesignSummary *summary);

G_END_DECLS
