/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-result-import.h"

G_BEGIN_DECLS

/* A row of a results file being previewed, as an item of a list model.
 * It names the row by its place in the import, so that it shows the row
 * as checked last: after a column's role changed, the import checks
 * every row again and its items are replaced to be shown anew. */

#define MC_TYPE_IMPORT_ROW_ITEM (mc_import_row_item_get_type ())
G_DECLARE_FINAL_TYPE (McImportRowItem, mc_import_row_item, MC, IMPORT_ROW_ITEM, GObject)

McImportRowItem   *mc_import_row_item_new       (McResultImport  *import,
                                                 guint            index);
/* Transfer none. */
const McImportRow *mc_import_row_item_get_row   (McImportRowItem *self);
McResultImport    *mc_import_row_item_get_import (McImportRowItem *self);
gboolean           mc_import_row_item_has_problems (McImportRowItem *self);
/* The severity of the worst problem of the row's cell @column, or -1. */
int                mc_import_row_item_get_cell_severity (McImportRowItem *self,
                                                         guint            column);

G_END_DECLS
