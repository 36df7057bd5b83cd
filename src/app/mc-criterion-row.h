/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* One criterion of a review template in the template editor: its id,
 * question, guidance, kind of answer, whether it is required and the
 * design fields it is about, with buttons to move it and remove it.
 * Signals: ::changed after an edit; ::move-up, ::move-down, ::remove when
 * those buttons are used. */

#define MC_TYPE_CRITERION_ROW (mc_criterion_row_get_type ())
G_DECLARE_FINAL_TYPE (McCriterionRow, mc_criterion_row, MC, CRITERION_ROW, AdwExpanderRow)

McCriterionRow    *mc_criterion_row_new           (const McCriterion *criterion,
                                                   gboolean           editable);
/* The criterion as edited (transfer none). */
const McCriterion *mc_criterion_row_get_criterion (McCriterionRow    *self);
/* Whether it may move up or down (first and last rows cannot). */
void               mc_criterion_row_set_movable   (McCriterionRow    *self,
                                                   gboolean           up,
                                                   gboolean           down);

G_END_DECLS
