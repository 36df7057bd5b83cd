/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-comment.h"

G_DEFINE_BOXED_TYPE (McComment, mc_comment, mc_comment_copy, mc_comment_free)

McComment *
mc_comment_new (const char *field_id,
                int         item_index,
                const char *item_field,
                const char *text)
{
  McComment *self = g_new0 (McComment, 1);

  self->field_id = g_strdup (field_id);
  self->item_index = item_index;
  self->item_field = g_strdup (item_field);
  self->text = g_strdup (text != NULL ? text : "");
  return self;
}

McComment *
mc_comment_copy (const McComment *self)
{
  McComment *copy = g_memdup2 (self, sizeof *self);

  copy->author_name = g_strdup (self->author_name);
  copy->field_id = g_strdup (self->field_id);
  copy->item_field = g_strdup (self->item_field);
  copy->text = g_strdup (self->text);
  return copy;
}

void
mc_comment_free (McComment *self)
{
  if (self == NULL)
    return;
  g_free (self->author_name);
  g_free (self->field_id);
  g_free (self->item_field);
  g_free (self->text);
  g_free (self);
}
