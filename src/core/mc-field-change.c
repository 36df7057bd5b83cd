/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-field-change.h"

G_DEFINE_BOXED_TYPE (McFieldChange, mc_field_change, mc_field_change_copy, mc_field_change_free)

/**
 * mc_field_change_new:
 * @kind: how the field or item differs
 * @field_id: the top-level field id
 * @old_index: the item's position in the old revision, or -1
 * @new_index: the item's position in the new revision, or -1
 * @item_field: (nullable): the item's sub-field that changed
 * @label: what changed, for people
 * @old_text: (nullable): the old value, for people
 * @new_text: (nullable): the new value, for people
 *
 * Returns: (transfer full): a new #McFieldChange holding copies of the texts
 */
McFieldChange *
mc_field_change_new (McChangeKind  kind,
                     const char   *field_id,
                     int           old_index,
                     int           new_index,
                     const char   *item_field,
                     const char   *label,
                     const char   *old_text,
                     const char   *new_text)
{
  McFieldChange *self;

  g_return_val_if_fail (field_id != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  self = g_new0 (McFieldChange, 1);
  self->kind = kind;
  self->field_id = g_strdup (field_id);
  self->old_index = old_index;
  self->new_index = new_index;
  self->item_field = g_strdup (item_field);
  self->label = g_strdup (label);
  self->old_text = g_strdup (old_text);
  self->new_text = g_strdup (new_text);
  return self;
}

/**
 * mc_field_change_copy:
 * @self: a change
 *
 * Returns: (transfer full): a copy
 */
McFieldChange *
mc_field_change_copy (const McFieldChange *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return mc_field_change_new (self->kind, self->field_id, self->old_index, self->new_index,
                              self->item_field, self->label, self->old_text, self->new_text);
}

void
mc_field_change_free (McFieldChange *self)
{
  if (self == NULL)
    return;
  g_free (self->field_id);
  g_free (self->item_field);
  g_free (self->label);
  g_free (self->old_text);
  g_free (self->new_text);
  g_free (self);
}
