/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-task.h"

G_DEFINE_BOXED_TYPE (McTask, mc_task, mc_task_copy, mc_task_free)

McTask *
mc_task_new (McTaskKind  kind,
             gint64      design_id,
             const char *design_title,
             const char *unit_name)
{
  McTask *self = g_new0 (McTask, 1);

  self->kind = kind;
  self->design_id = design_id;
  self->design_title = g_strdup (design_title != NULL ? design_title : "");
  self->unit_name = g_strdup (unit_name != NULL ? unit_name : "");
  return self;
}

McTask *
mc_task_copy (const McTask *self)
{
  McTask *copy = mc_task_new (self->kind, self->design_id, self->design_title, self->unit_name);

  copy->review_id = self->review_id;
  copy->due_on = g_strdup (self->due_on);
  return copy;
}

void
mc_task_free (McTask *self)
{
  if (self == NULL)
    return;
  g_free (self->design_title);
  g_free (self->unit_name);
  g_free (self->due_on);
  g_free (self);
}
