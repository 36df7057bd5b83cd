/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* Something a person should do next, for their "my tasks" view. */
typedef struct {
  McTaskKind  kind;
  gint64      design_id;
  char       *design_title;
  char       *unit_name;
  gint64      review_id;      /* for MC_TASK_REVIEW */
  char       *due_on;         /* YYYY-MM-DD, or NULL */
} McTask;

#define MC_TYPE_TASK (mc_task_get_type ())
GType   mc_task_get_type (void) G_GNUC_CONST;
McTask *mc_task_new      (McTaskKind kind, gint64 design_id, const char *design_title,
                          const char *unit_name);
McTask *mc_task_copy     (const McTask *self);
void    mc_task_free     (McTask *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McTask, mc_task_free)

G_END_DECLS
