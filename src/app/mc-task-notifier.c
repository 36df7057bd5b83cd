/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-task-notifier.h"

struct _McTaskNotifier
{
  GObject     parent_instance;

  /* person id → GHashTable (set) of task keys seen */
  GHashTable *seen;
};

G_DEFINE_FINAL_TYPE (McTaskNotifier, mc_task_notifier, G_TYPE_OBJECT)

/* The kinds in the order a notification lists them: the urgent first. */
static const McTaskKind kind_order[] = {
  MC_TASK_ANNUAL_REVIEW_OVERDUE,
  MC_TASK_REVIEW,
  MC_TASK_DECIDE,
  MC_TASK_ASSIGN_REVIEWERS,
  MC_TASK_REVISE,
  MC_TASK_MEET_CONDITIONS,
  MC_TASK_ACTIVATE,
  MC_TASK_ANNUAL_REVIEW_DUE,
  MC_TASK_FINISH_DRAFT,
};

static char *
task_key (const McTask *task)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                          (int) task->kind, task->design_id, task->review_id);
}

/* "2 reviews to do": how many tasks of one kind, as a phrase. */
static char *
kind_phrase (McTaskKind kind,
             guint      n)
{
  switch (kind)
    {
    case MC_TASK_FINISH_DRAFT:
      return g_strdup_printf (ngettext ("%u draft to finish", "%u drafts to finish", n), n);
    case MC_TASK_REVISE:
      return g_strdup_printf (ngettext ("%u revision to make", "%u revisions to make", n), n);
    case MC_TASK_ASSIGN_REVIEWERS:
      return g_strdup_printf (ngettext ("%u design needs reviewers",
                                        "%u designs need reviewers", n), n);
    case MC_TASK_REVIEW:
      return g_strdup_printf (ngettext ("%u review to do", "%u reviews to do", n), n);
    case MC_TASK_DECIDE:
      return g_strdup_printf (ngettext ("%u decision pending", "%u decisions pending", n), n);
    case MC_TASK_MEET_CONDITIONS:
      return g_strdup_printf (ngettext ("%u design with conditions to meet",
                                        "%u designs with conditions to meet", n), n);
    case MC_TASK_ACTIVATE:
      return g_strdup_printf (ngettext ("%u design to activate", "%u designs to activate", n), n);
    case MC_TASK_ANNUAL_REVIEW_DUE:
      return g_strdup_printf (ngettext ("%u yearly review due", "%u yearly reviews due", n), n);
    case MC_TASK_ANNUAL_REVIEW_OVERDUE:
      return g_strdup_printf (ngettext ("%u yearly review overdue",
                                        "%u yearly reviews overdue", n), n);
    default:
      return g_strdup_printf (ngettext ("%u task", "%u tasks", n), n);
    }
}

/* "1 decision pending; 2 reviews to do" */
static char *
kinds_summary (GPtrArray *tasks)
{
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < G_N_ELEMENTS (kind_order); k++)
    {
      guint n = 0;

      for (guint i = 0; i < tasks->len; i++)
        if (((McTask *) g_ptr_array_index (tasks, i))->kind == kind_order[k])
          n++;
      if (n > 0)
        g_ptr_array_add (phrases, kind_phrase (kind_order[k], n));
    }
  g_ptr_array_add (phrases, NULL);

  /* Translators: separates the kinds of tasks in a notification */
  return g_strjoinv (_("; "), (char **) phrases->pdata);
}

/* "Design A, Design B and 3 more" */
static char *
titles_summary (GPtrArray *tasks)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (tasks->len, 3);

  for (guint i = 0; i < shown; i++)
    {
      const McTask *task = g_ptr_array_index (tasks, i);
      const char *title = task->design_title != NULL && task->design_title[0] != '\0'
                          ? task->design_title : _("Untitled Design");

      if (i > 0)
        /* Translators: separates design titles in a notification */
        g_string_append (text, _(", "));
      g_string_append (text, title);
    }
  if (tasks->len > shown)
    {
      guint more = tasks->len - shown;

      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("and %u more", "and %u more", more), more);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
all_same_kind (GPtrArray *tasks)
{
  for (guint i = 1; i < tasks->len; i++)
    if (((McTask *) g_ptr_array_index (tasks, i))->kind !=
        ((McTask *) g_ptr_array_index (tasks, 0))->kind)
      return FALSE;
  return TRUE;
}

GNotification *
mc_task_notifier_build (const char *title,
                        const char *body)
{
  GNotification *notification = g_notification_new (title);
  g_autoptr(GIcon) icon = g_themed_icon_new (APPLICATION_ID);

  g_notification_set_body (notification, body);
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action (notification, "app.show-tasks");
  return notification;
}

gboolean
mc_task_notifier_update (McTaskNotifier  *self,
                         gint64           person_id,
                         GPtrArray       *tasks,
                         char           **title,
                         char           **body)
{
  g_autoptr(GPtrArray) fresh = NULL;
  GHashTable *previous = NULL;
  GHashTable *current = NULL;
  gboolean first = FALSE;

  g_return_val_if_fail (MC_IS_TASK_NOTIFIER (self), FALSE);
  g_return_val_if_fail (tasks != NULL, FALSE);
  g_return_val_if_fail (title != NULL && body != NULL, FALSE);

  current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fresh = g_ptr_array_new ();
  previous = g_hash_table_lookup (self->seen, &person_id);
  first = previous == NULL;

  for (guint i = 0; i < tasks->len; i++)
    {
      McTask *task = g_ptr_array_index (tasks, i);
      char *key = task_key (task);

      if (previous != NULL && !g_hash_table_contains (previous, key))
        g_ptr_array_add (fresh, task);
      g_hash_table_add (current, key);
    }

  g_hash_table_replace (self->seen, g_memdup2 (&person_id, sizeof person_id), current);

  if (first)
    {
      if (tasks->len == 0)
        return FALSE;
      /* What was there before the window opened: one summary, no more. */
      *title = g_strdup_printf (ngettext ("You have %u task waiting",
                                          "You have %u tasks waiting", tasks->len),
                                tasks->len);
      *body = kinds_summary (tasks);
      return TRUE;
    }

  if (fresh->len == 0)
    return FALSE;

  if (all_same_kind (fresh))
    {
      *title = kind_phrase (((McTask *) g_ptr_array_index (fresh, 0))->kind, fresh->len);
      *body = titles_summary (fresh);
    }
  else
    {
      *title = g_strdup_printf (ngettext ("%u new task", "%u new tasks", fresh->len),
                                fresh->len);
      *body = kinds_summary (fresh);
    }
  return TRUE;
}

static void
mc_task_notifier_finalize (GObject *object)
{
  McTaskNotifier *self = MC_TASK_NOTIFIER (object);

  g_clear_pointer (&self->seen, g_hash_table_unref);

  G_OBJECT_CLASS (mc_task_notifier_parent_class)->finalize (object);
}

static void
mc_task_notifier_class_init (McTaskNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_task_notifier_finalize;
}

static void
mc_task_notifier_init (McTaskNotifier *self)
{
  self->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) g_hash_table_unref);
}

McTaskNotifier *
mc_task_notifier_new (void)
{
  return g_object_new (MC_TYPE_TASK_NOTIFIER, NULL);
}
