/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A row that says what is wrong with the row above it: a refusal of the
 * core or a value that cannot be right, in the error colour with an
 * icon.  Hidden while there is nothing to say. */

#define MC_TYPE_PROBLEM_ROW (mc_problem_row_get_type ())
G_DECLARE_FINAL_TYPE (McProblemRow, mc_problem_row, MC, PROBLEM_ROW, AdwActionRow)

GtkWidget  *mc_problem_row_new         (void);
/* Shows @message, or hides the row for NULL. */
void        mc_problem_row_set_message (McProblemRow *self,
                                        const char   *message);
/* The message shown, or NULL while hidden. */
const char *mc_problem_row_get_message (McProblemRow *self);

G_END_DECLS
