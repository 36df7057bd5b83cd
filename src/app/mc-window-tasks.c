/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-act-as-dialog.h"
#include "mc-window-private.h"

/* My Tasks in the sidebar, and the person the window acts for. */

/* While the window is open, the tasks are read again this often, so that
 * what others did (in another window, with mcred) is noticed and
 * announced. */
#define TASKS_REFRESH_SECONDS 60

static gboolean
account_is_administrator (McWindow *self)
{
  McPerson *account = mc_workflow_get_account (self->workflow);
  gboolean has_role = FALSE;

  return account != NULL &&
         mc_store_person_has_role (self->store, mc_person_get_id (account),
                                   MC_ROLE_ADMINISTRATOR, 0, &has_role, NULL) &&
         has_role;
}

static gboolean
is_acting (McWindow *self)
{
  McPerson *actor = mc_workflow_get_actor (self->workflow);
  McPerson *account = mc_workflow_get_account (self->workflow);

  return actor != NULL && account != NULL && mc_person_get_id (actor) != mc_person_get_id (account);
}

/* Says everywhere it shows who the window acts for. */
static void
update_acting (McWindow *self)
{
  gboolean acting = is_acting (self);

  if (acting)
    {
      const char *name = mc_person_get_name (mc_workflow_get_actor (self->workflow));
      /* Translators: shown while an administrator acts for someone, %s is that person */
      g_autofree char *text = g_strdup_printf (_("Acting as %s"), name);

      gtk_label_set_text (self->acting_label, text);
    }
  gtk_revealer_set_reveal_child (self->acting_revealer, acting);
  mc_account_button_update (self->account_button);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.act-as", account_is_administrator (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-acting", acting);
}

void
mc_window_refresh_tasks (McWindow *self)
{
  g_return_if_fail (MC_IS_WINDOW (self));

  /* A failure shows in the view itself. */
  mc_tasks_view_refresh (self->tasks_view, NULL);
}

void
mc_window_show_tasks (McWindow *self)
{
  g_return_if_fail (MC_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "tasks");
  _mc_window_show_list (self);
  mc_window_refresh_tasks (self);
}

void
_mc_window_show_designs (McWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "designs");
}

/* The person acted for, or their roles, changed: everything that shows
 * what they have to do and may do follows.  (The editor and its workflow
 * bar follow the workflow's "actor" themselves.) */
void
_mc_window_actor_changed (McWindow *self)
{
  update_acting (self);
  mc_window_refresh_tasks (self);
  mc_window_refresh (self);
  _mc_window_update_actions (self);
}

gboolean
mc_window_act_as (McWindow   *self,
                  const char *username)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);

  /* What was typed is saved by whoever typed it. */
  if (!mc_design_editor_save (self->editor, &error))
    {
      _mc_window_show_error (self, _("Could Not Save the Design"), NULL, error->message);
      return FALSE;
    }
  /* The window follows through the workflow's notification. */
  if (!mc_workflow_act_as (self->workflow, username, &error))
    {
      _mc_window_show_error (self, _("Could Not Act for Someone Else"), NULL, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_task_activated (McWindow *self,
                   McTask   *task)
{
  if (mc_window_select_design (self, task->design_id))
    _mc_window_show_editor (self);
}

static void
on_tasks_refreshed (McWindow *self)
{
  adw_view_stack_page_set_needs_attention (self->tasks_page,
                                           mc_tasks_view_count_kind (self->tasks_view,
                                                                     MC_TASK_ANNUAL_REVIEW_OVERDUE) > 0);
}

static void
on_active_changed (McWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    mc_window_refresh_tasks (self);
}

static gboolean
tasks_timeout_cb (gpointer user_data)
{
  mc_window_refresh_tasks (MC_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

void
_mc_window_setup_tasks (McWindow *self)
{
  g_object_bind_property (self->tasks_view, "n-tasks", self->tasks_page, "badge-number",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->tasks_view, "task-activated",
                           G_CALLBACK (on_task_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tasks_view, "refreshed",
                           G_CALLBACK (on_tasks_refreshed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::is-active",
                           G_CALLBACK (on_active_changed), self, G_CONNECT_SWAPPED);
  /* A design saved, opened or changing state may change the tasks. */
  g_signal_connect_object (self->editor, "saved",
                           G_CALLBACK (mc_window_refresh_tasks), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::design",
                           G_CALLBACK (mc_window_refresh_tasks), self, G_CONNECT_SWAPPED);

  /* Whoever makes the workflow act for someone else (Act As, the
   * --act-as option), the window follows. */
  g_signal_connect_object (self->workflow, "notify::actor",
                           G_CALLBACK (_mc_window_actor_changed), self, G_CONNECT_SWAPPED);
  mc_account_button_set_workflow (self->account_button, self->workflow);
  mc_tasks_view_set_workflow (self->tasks_view, self->workflow);
  update_acting (self);

  /* What each person sees first: their tasks, when they have some. */
  adw_view_stack_set_visible_child_name (self->view_stack,
                                         mc_tasks_view_get_n_tasks (self->tasks_view) > 0
                                         ? "tasks" : "designs");

  self->tasks_timeout = g_timeout_add_seconds (TASKS_REFRESH_SECONDS, tasks_timeout_cb, self);
}

void
_mc_window_dispose_tasks (McWindow *self)
{
  g_clear_handle_id (&self->tasks_timeout, g_source_remove);
}

/* Actions */

static void
win_show_tasks (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  mc_window_show_tasks (MC_WINDOW (widget));
}

static void
win_act_as (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  McActAsDialog *dialog = NULL;

  if (!mc_design_editor_save (self->editor, &error))
    {
      _mc_window_show_error (self, _("Could Not Save the Design"), NULL, error->message);
      return;
    }

  dialog = mc_act_as_dialog_new (self->workflow);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
win_stop_acting (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  mc_window_act_as (MC_WINDOW (widget), NULL);
}

void
_mc_window_class_add_tasks_actions (GtkWidgetClass *widget_class)
{
  g_type_ensure (MC_TYPE_TASKS_VIEW);
  g_type_ensure (MC_TYPE_ACCOUNT_BUTTON);

  gtk_widget_class_install_action (widget_class, "win.show-tasks", NULL, win_show_tasks);
  gtk_widget_class_install_action (widget_class, "win.act-as", NULL, win_act_as);
  gtk_widget_class_install_action (widget_class, "win.stop-acting", NULL, win_stop_acting);
}
