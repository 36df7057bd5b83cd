/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* "My Tasks": what the acting person should do next, grouped by kind
 * (drafts to finish, reviews to do, decisions pending, yearly reviews due
 * or overdue …) with a count per group; "Nothing to Do" when empty.
 * Properties: "workflow", "n-tasks" (read-only).  Signals:
 * ::task-activated (McTask) when a task is chosen; ::refreshed after the
 * list was read again.  New tasks are announced with a desktop
 * notification through the window's application. */

#define MC_TYPE_TASKS_VIEW (mc_tasks_view_get_type ())
G_DECLARE_FINAL_TYPE (McTasksView, mc_tasks_view, MC, TASKS_VIEW, AdwBin)

McTasksView *mc_tasks_view_new           (McWorkflow  *workflow);
McWorkflow  *mc_tasks_view_get_workflow  (McTasksView *self);
void         mc_tasks_view_set_workflow  (McTasksView *self,
                                          McWorkflow  *workflow);
/* Reads the tasks again; a failure is shown in the view and returned. */
gboolean     mc_tasks_view_refresh       (McTasksView *self,
                                          GError     **error);
guint        mc_tasks_view_get_n_tasks   (McTasksView *self);
/* The tasks shown, in display order (McTask, transfer none). */
GPtrArray   *mc_tasks_view_get_tasks     (McTasksView *self);
/* How many tasks of @kind are shown. */
guint        mc_tasks_view_count_kind    (McTasksView *self,
                                          McTaskKind   kind);
/* Activates the row of the task at @index, as a click would. */
void         mc_tasks_view_activate_task (McTasksView *self,
                                          guint        index);

G_END_DECLS
