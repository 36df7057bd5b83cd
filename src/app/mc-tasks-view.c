/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-date-format.h"
#include "mc-task-notifier.h"
#include "mc-tasks-view.h"

struct _McTasksView
{
  AdwBin          parent_instance;

  McWorkflow     *workflow;
  GPtrArray      *tasks;        /* McTask, in display order */
  GPtrArray      *tasks_read;   /* McTask, as the workflow gave them */
  McTaskNotifier *notifier;

  guint           expanded_kinds;  /* bit per McTaskKind: every row shown */

  GtkStack       *stack;
  GtkBox         *groups_box;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (McTasksView, mc_tasks_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_N_TASKS,
  N_PROPS
};

enum {
  TASK_ACTIVATED,
  REFRESHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define TASK_KEY "mc-task"

/* A QA chair of a large institution can have thousands of tasks of one
 * kind; the first ones are shown, and the rest on request. */
#define ROWS_PER_GROUP 50

/* Groups in the order shown: what is late first, then the workflow's own
 * order, from a draft to a yearly review. */
static const struct {
  McTaskKind  kind;
  const char *title;
} groups[] = {
  { MC_TASK_ANNUAL_REVIEW_OVERDUE, N_("Yearly Reviews Overdue") },
  { MC_TASK_FINISH_DRAFT,          N_("Drafts to Finish") },
  { MC_TASK_REVISE,                N_("Revisions to Make") },
  { MC_TASK_ASSIGN_REVIEWERS,      N_("Reviewers to Assign") },
  { MC_TASK_REVIEW,                N_("Reviews to Do") },
  { MC_TASK_DECIDE,                N_("Decisions Pending") },
  { MC_TASK_MEET_CONDITIONS,       N_("Conditions to Meet") },
  { MC_TASK_ACTIVATE,              N_("Approved Designs to Activate") },
  { MC_TASK_ANNUAL_REVIEW_DUE,     N_("Yearly Reviews Due") },
};

static char *
task_subtitle (McTasksView  *self,
               const McTask *task)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = NULL;

  if (task->unit_name != NULL && task->unit_name[0] != '\0')
    g_ptr_array_add (parts, g_strdup (task->unit_name));

  if (task->due_on != NULL)
    {
      date = mc_format_iso_date (task->due_on, self->workflow != NULL
                                                ? mc_workflow_get_today (self->workflow) : NULL);
      if (date == NULL)
        date = g_strdup (task->due_on);
      if (task->kind == MC_TASK_ANNUAL_REVIEW_OVERDUE)
        /* Translators: %s is a date */
        g_ptr_array_add (parts, g_strdup_printf (_("Overdue since %s"), date));
      else
        /* Translators: %s is a date */
        g_ptr_array_add (parts, g_strdup_printf (_("Due on %s"), date));
    }
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the parts of a task's description */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
on_row_activated (AdwActionRow *row,
                  McTasksView  *self)
{
  McTask *task = g_object_get_data (G_OBJECT (row), TASK_KEY);
  g_autoptr(McTask) copy = NULL;

  /* A copy: opening the design refreshes the tasks, and the rows go. */
  if (task == NULL)
    return;
  copy = mc_task_copy (task);
  g_signal_emit (self, signals[TASK_ACTIVATED], 0, copy);
}

static GtkWidget *
task_row (McTasksView  *self,
          const McTask *task)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = task_subtitle (self, task);
  const char *title = task->design_title;

  if (title == NULL || title[0] == '\0')
    title = _("Untitled Design");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open the design"));
  gtk_widget_add_css_class (row, "task-row");

  if (task->kind == MC_TASK_ANNUAL_REVIEW_OVERDUE)
    {
      /* Overdue is said in words, not only in colour. */
      GtkWidget *badge = gtk_label_new (_("Overdue"));

      gtk_widget_add_css_class (badge, "task-overdue");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), TASK_KEY, mc_task_copy (task),
                          (GDestroyNotify) mc_task_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, 0);
  return row;
}

static void show_tasks (McTasksView *self, GPtrArray *tasks);

static void
on_show_all_activated (AdwActionRow *row,
                       McTasksView  *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  guint kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mc-kind"));

  self->expanded_kinds |= 1u << kind;
  tasks = g_ptr_array_ref (self->tasks);
  show_tasks (self, tasks);
}

static GtkWidget *
show_all_row (McTasksView *self,
              McTaskKind   kind,
              guint        n)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *count = g_strdup_printf ("%u", n);
  /* Translators: the last row of a long group of tasks, %s is how many there are */
  g_autofree char *title = g_strdup_printf (_("Show All %s"), count);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "show-all-row");
  g_object_set_data (G_OBJECT (row), "mc-kind", GUINT_TO_POINTER (kind));
  g_signal_connect_object (row, "activated", G_CALLBACK (on_show_all_activated), self, 0);
  return row;
}

static gboolean
same_tasks (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const McTask *x = g_ptr_array_index (a, i);
      const McTask *y = g_ptr_array_index (b, i);

      if (x->kind != y->kind || x->design_id != y->design_id || x->review_id != y->review_id ||
          g_strcmp0 (x->design_title, y->design_title) != 0 ||
          g_strcmp0 (x->unit_name, y->unit_name) != 0 || g_strcmp0 (x->due_on, y->due_on) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
clear_groups (McTasksView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

static void
show_tasks (McTasksView *self,
            GPtrArray   *tasks)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_task_free);

  clear_groups (self);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      GtkWidget *group = NULL;
      GtkWidget *count = NULL;
      g_autofree char *count_text = NULL;
      g_autofree char *count_name = NULL;
      guint n = 0;

      for (guint i = 0; i < tasks->len; i++)
        {
          McTask *task = g_ptr_array_index (tasks, i);

          if (task->kind != groups[g].kind)
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(groups[g].title));
              gtk_box_append (self->groups_box, group);
            }
          if (n < ROWS_PER_GROUP || (self->expanded_kinds & (1u << task->kind)) != 0)
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), task_row (self, task));
          g_ptr_array_add (ordered, mc_task_copy (task));
          n++;
        }

      if (group == NULL)
        continue;
      if (n > ROWS_PER_GROUP && (self->expanded_kinds & (1u << groups[g].kind)) == 0)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   show_all_row (self, groups[g].kind, n));

      count_text = g_strdup_printf ("%u", n);
      count = gtk_label_new (count_text);
      gtk_widget_add_css_class (count, "task-count");
      gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
      /* Translators: "Reviews to Do: 2 tasks", read by screen readers */
      count_name = g_strdup_printf (ngettext ("%s: %u task", "%s: %u tasks", n),
                                    _(groups[g].title), n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (count),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, count_name, -1);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), count);
      if (groups[g].kind == MC_TASK_ANNUAL_REVIEW_OVERDUE)
        gtk_widget_add_css_class (group, "tasks-overdue");
    }

  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  self->tasks = g_steal_pointer (&ordered);
  gtk_stack_set_visible_child_name (self->stack, self->tasks->len > 0 ? "tasks" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TASKS]);
}

/* Tells the person about tasks they did not have before.  Not while an
 * administrator acts for someone else: the tasks are not theirs. */
static void
notify_new_tasks (McTasksView *self,
                  GPtrArray   *tasks)
{
  McPerson *actor = mc_workflow_get_actor (self->workflow);
  McPerson *account = mc_workflow_get_account (self->workflow);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GNotification) notification = NULL;
  GtkRoot *root = NULL;
  GtkApplication *app = NULL;

  /* Not in an application's window yet (the window is being built):
   * the tasks stay new until there is someone to tell. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    app = gtk_window_get_application (GTK_WINDOW (root));
  if (app == NULL || actor == NULL)
    return;

  if (!mc_task_notifier_update (self->notifier, mc_person_get_id (actor), tasks, &title, &body))
    return;
  if (account != NULL && mc_person_get_id (account) != mc_person_get_id (actor))
    return;

  notification = mc_task_notifier_build (title, body);
  /* One notification, replaced by the next, rather than a pile of them. */
  g_application_send_notification (G_APPLICATION (app), "new-tasks", notification);
}

gboolean
mc_tasks_view_refresh (McTasksView  *self,
                       GError      **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MC_IS_TASKS_VIEW (self), FALSE);

  if (self->workflow == NULL)
    {
      g_clear_pointer (&self->tasks_read, g_ptr_array_unref);
      self->tasks_read = g_ptr_array_new ();
      show_tasks (self, self->tasks_read);
      return TRUE;
    }

  tasks = mc_workflow_list_tasks (self->workflow, &local_error);
  if (tasks == NULL)
    {
      adw_status_page_set_description (self->error_page, local_error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Saving a design reads the tasks again: rebuild only what changed. */
  if (!same_tasks (self->tasks_read, tasks))
    {
      g_clear_pointer (&self->tasks_read, g_ptr_array_unref);
      self->tasks_read = g_ptr_array_ref (tasks);
      show_tasks (self, tasks);
    }
  /* After a failure, even the same tasks replace the error. */
  gtk_stack_set_visible_child_name (self->stack, self->tasks->len > 0 ? "tasks" : "empty");
  notify_new_tasks (self, tasks);
  g_signal_emit (self, signals[REFRESHED], 0);
  return TRUE;
}

guint
mc_tasks_view_get_n_tasks (McTasksView *self)
{
  g_return_val_if_fail (MC_IS_TASKS_VIEW (self), 0);
  return self->tasks != NULL ? self->tasks->len : 0;
}

GPtrArray *
mc_tasks_view_get_tasks (McTasksView *self)
{
  g_return_val_if_fail (MC_IS_TASKS_VIEW (self), NULL);
  return self->tasks;
}

guint
mc_tasks_view_count_kind (McTasksView *self,
                          McTaskKind   kind)
{
  guint n = 0;

  g_return_val_if_fail (MC_IS_TASKS_VIEW (self), 0);

  for (guint i = 0; self->tasks != NULL && i < self->tasks->len; i++)
    if (((McTask *) g_ptr_array_index (self->tasks, i))->kind == kind)
      n++;
  return n;
}

void
mc_tasks_view_activate_task (McTasksView *self,
                             guint        index)
{
  g_autoptr(McTask) copy = NULL;

  g_return_if_fail (MC_IS_TASKS_VIEW (self));
  g_return_if_fail (self->tasks != NULL && index < self->tasks->len);

  copy = mc_task_copy (g_ptr_array_index (self->tasks, index));
  g_signal_emit (self, signals[TASK_ACTIVATED], 0, copy);
}

McWorkflow *
mc_tasks_view_get_workflow (McTasksView *self)
{
  g_return_val_if_fail (MC_IS_TASKS_VIEW (self), NULL);
  return self->workflow;
}

void
mc_tasks_view_set_workflow (McTasksView *self,
                            McWorkflow  *workflow)
{
  g_return_if_fail (MC_IS_TASKS_VIEW (self));
  g_return_if_fail (workflow == NULL || MC_IS_WORKFLOW (workflow));

  if (!g_set_object (&self->workflow, workflow))
    return;
  mc_tasks_view_refresh (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKFLOW]);
}

static void
mc_tasks_view_dispose (GObject *object)
{
  McTasksView *self = MC_TASKS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_TASKS_VIEW);
  g_clear_object (&self->workflow);
  g_clear_object (&self->notifier);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->tasks_read, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_tasks_view_parent_class)->dispose (object);
}

static void
mc_tasks_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  McTasksView *self = MC_TASKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_N_TASKS:
      g_value_set_uint (value, mc_tasks_view_get_n_tasks (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_tasks_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  McTasksView *self = MC_TASKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      mc_tasks_view_set_workflow (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_tasks_view_class_init (McTasksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_tasks_view_dispose;
  object_class->get_property = mc_tasks_view_get_property;
  object_class->set_property = mc_tasks_view_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TASKS] =
    g_param_spec_uint ("n-tasks", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TASK_ACTIVATED] =
    g_signal_new ("task-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  MC_TYPE_TASK | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-tasks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, McTasksView, groups_box);
  gtk_widget_class_bind_template_child (widget_class, McTasksView, error_page);
}

static void
mc_tasks_view_init (McTasksView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a bound template child, which
   * gtk_widget_dispose_template() would take away from under AdwBin. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  self->notifier = mc_task_notifier_new ();
  self->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_task_free);
  self->tasks_read = g_ptr_array_new ();
}

McTasksView *
mc_tasks_view_new (McWorkflow *workflow)
{
  g_return_val_if_fail (workflow == NULL || MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_TASKS_VIEW, "workflow", workflow, NULL);
}
