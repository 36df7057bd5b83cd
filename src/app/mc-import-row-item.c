/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-import-row-item.h"

struct _McImportRowItem
{
  GObject         parent_instance;

  McResultImport *import;
  guint           index;
};

G_DEFINE_FINAL_TYPE (McImportRowItem, mc_import_row_item, G_TYPE_OBJECT)

static void
mc_import_row_item_finalize (GObject *object)
{
  McImportRowItem *self = MC_IMPORT_ROW_ITEM (object);

  g_clear_object (&self->import);

  G_OBJECT_CLASS (mc_import_row_item_parent_class)->finalize (object);
}

static void
mc_import_row_item_class_init (McImportRowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_import_row_item_finalize;
}

static void
mc_import_row_item_init (McImportRowItem *self)
{
}

McImportRowItem *
mc_import_row_item_new (McResultImport *import,
                        guint           index)
{
  McImportRowItem *self = NULL;

  g_return_val_if_fail (MC_IS_RESULT_IMPORT (import), NULL);

  self = g_object_new (MC_TYPE_IMPORT_ROW_ITEM, NULL);
  self->import = g_object_ref (import);
  self->index = index;
  return self;
}

const McImportRow *
mc_import_row_item_get_row (McImportRowItem *self)
{
  g_return_val_if_fail (MC_IS_IMPORT_ROW_ITEM (self), NULL);
  return mc_result_import_get_row (self->import, self->index);
}

McResultImport *
mc_import_row_item_get_import (McImportRowItem *self)
{
  g_return_val_if_fail (MC_IS_IMPORT_ROW_ITEM (self), NULL);
  return self->import;
}

gboolean
mc_import_row_item_has_problems (McImportRowItem *self)
{
  const McImportRow *row = mc_import_row_item_get_row (self);

  return row != NULL && row->problems != NULL && row->problems->len > 0;
}

int
mc_import_row_item_get_cell_severity (McImportRowItem *self,
                                      guint            column)
{
  const McImportRow *row = mc_import_row_item_get_row (self);
  int worst = -1;

  for (guint i = 0; row != NULL && row->problems != NULL && i < row->problems->len; i++)
    {
      const McImportProblem *problem = g_ptr_array_index (row->problems, i);

      if (problem->column != (int) column)
        continue;
      /* Errors come first in the enumeration: the lower, the worse. */
      if (worst < 0 || (int) problem->severity < worst)
        worst = problem->severity;
    }
  return worst;
}
