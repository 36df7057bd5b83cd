/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An entry row for a date, typed as YYYY-MM-DD or picked from a calendar
 * in a popover.  A text that is not a real date is marked as an error.
 * Read-only property "valid": whether the text is a date. */

#define MC_TYPE_DATE_ROW (mc_date_row_get_type ())
G_DECLARE_FINAL_TYPE (McDateRow, mc_date_row, MC, DATE_ROW, AdwEntryRow)

GtkWidget  *mc_date_row_new      (void);
/* The date typed (YYYY-MM-DD), or NULL when it is not a date. */
const char *mc_date_row_get_date (McDateRow  *self);
void        mc_date_row_set_date (McDateRow  *self,
                                  const char *iso_date);
gboolean    mc_date_row_get_valid (McDateRow *self);

G_END_DECLS
