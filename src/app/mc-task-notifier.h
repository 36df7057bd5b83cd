/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* Decides when a person is told about new tasks: it remembers, per person
 * and for the session, which tasks they had, and words one notification
 * for the tasks that are new since the last look, or one summary the first
 * time.  It sends nothing itself, so that it can be tested without a
 * desktop. */

#define MC_TYPE_TASK_NOTIFIER (mc_task_notifier_get_type ())
G_DECLARE_FINAL_TYPE (McTaskNotifier, mc_task_notifier, MC, TASK_NOTIFIER, GObject)

McTaskNotifier *mc_task_notifier_new    (void);
/* Takes the current @tasks (McTask) of @person_id.  Returns TRUE and the
 * notification's @title and @body (newly allocated) when there is
 * something new to say, FALSE otherwise. */
gboolean        mc_task_notifier_update (McTaskNotifier *self,
                                         gint64          person_id,
                                         GPtrArray      *tasks,
                                         char          **title,
                                         char          **body);
/* A notification with @title and @body whose default action shows the
 * tasks ("app.show-tasks"). */
GNotification  *mc_task_notifier_build  (const char     *title,
                                         const char     *body);

G_END_DECLS
