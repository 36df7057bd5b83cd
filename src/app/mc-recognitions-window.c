/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-date-format.h"
#include "mc-recognition-text.h"
#include "mc-recognitions-window.h"

struct _McRecognitionsWindow
{
  AdwWindow       parent_instance;

  McWorkflow     *workflow;
  GPtrArray      *rows;
  char           *error;

  /* Template widgets */
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (McRecognitionsWindow, mc_recognitions_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Lena de Vries — Battery Systems", then the credit, then where it came
 * from and who recorded it, then the note. */
static GtkWidget *
recognition_row (McRecognitionsWindow *self,
                 const McRecognition  *r)
{
  McStore *store = mc_workflow_get_store (self->workflow);
  g_autoptr(McPerson) person = r->recorded_by != 0 ? mc_store_get_person (store, r->recorded_by, NULL) : NULL;
  g_autofree char *credit = mc_recognition_text_credit (store, r);
  g_autofree char *date = mc_format_unix_date (r->recorded_at, mc_workflow_get_today (self->workflow));
  g_autofree char *title = NULL;
  g_autofree char *origin = NULL;
  g_autoptr(GString) subtitle = g_string_new (credit);
  GtkWidget *row = adw_action_row_new ();
  const char *issuer = r->issuer_name != NULL && *r->issuer_name != '\0' ? r->issuer_name : r->issuer_id;

  /* Translators: a learner's name and the achievement their credential is for */
  title = g_strdup_printf (_("%s — %s"), r->learner_name != NULL ? r->learner_name : "",
                           r->achievement_name != NULL ? r->achievement_name : "");
  if (person != NULL)
    /* Translators: the issuing institution, the date a decision was recorded, and who recorded it */
    origin = g_strdup_printf (_("From %s · recorded %s by %s"), issuer, date, mc_person_get_name (person));
  else
    /* Translators: the issuing institution and the date a decision was recorded */
    origin = g_strdup_printf (_("From %s · recorded %s"), issuer, date);
  g_string_append_printf (subtitle, "\n%s", origin);
  if (r->note != NULL && *r->note != '\0')
    g_string_append_printf (subtitle, "\n%s", r->note);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_tooltip_text (row, r->credential_id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

void
mc_recognitions_window_reload (McRecognitionsWindow *self)
{
  g_autoptr(GPtrArray) recognitions = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MC_IS_RECOGNITIONS_WINDOW (self));

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->error, g_free);

  recognitions = mc_store_list_recognitions (mc_workflow_get_store (self->workflow), &error);
  if (recognitions == NULL)
    {
      self->error = g_strdup (error->message);
      adw_status_page_set_title (self->empty_page, _("The Recognitions Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  for (guint i = 0; i < recognitions->len; i++)
    {
      GtkWidget *row = recognition_row (self, g_ptr_array_index (recognitions, i));

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_stack_set_visible_child_name (self->stack, self->rows->len > 0 ? "list" : "empty");
}

static void
recognitions_reload (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  mc_recognitions_window_reload (MC_RECOGNITIONS_WINDOW (widget));
}

guint
mc_recognitions_window_get_n_rows (McRecognitionsWindow *self)
{
  g_return_val_if_fail (MC_IS_RECOGNITIONS_WINDOW (self), 0);
  return self->rows->len;
}

AdwActionRow *
mc_recognitions_window_get_row (McRecognitionsWindow *self,
                                guint                 index)
{
  g_return_val_if_fail (MC_IS_RECOGNITIONS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

const char *
mc_recognitions_window_get_error (McRecognitionsWindow *self)
{
  g_return_val_if_fail (MC_IS_RECOGNITIONS_WINDOW (self), NULL);
  return self->error;
}

/* GObject */

static void
mc_recognitions_window_constructed (GObject *object)
{
  McRecognitionsWindow *self = MC_RECOGNITIONS_WINDOW (object);

  G_OBJECT_CLASS (mc_recognitions_window_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));
  mc_recognitions_window_reload (self);
}

static void
mc_recognitions_window_dispose (GObject *object)
{
  McRecognitionsWindow *self = MC_RECOGNITIONS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_RECOGNITIONS_WINDOW);
  g_clear_object (&self->workflow);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mc_recognitions_window_parent_class)->dispose (object);
}

static void
mc_recognitions_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  McRecognitionsWindow *self = MC_RECOGNITIONS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_recognitions_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  McRecognitionsWindow *self = MC_RECOGNITIONS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_recognitions_window_class_init (McRecognitionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_recognitions_window_constructed;
  object_class->dispose = mc_recognitions_window_dispose;
  object_class->get_property = mc_recognitions_window_get_property;
  object_class->set_property = mc_recognitions_window_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-recognitions-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McRecognitionsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, McRecognitionsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, McRecognitionsWindow, list);

  gtk_widget_class_install_action (widget_class, "recognitions.reload", NULL, recognitions_reload);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "recognitions.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_recognitions_window_init (McRecognitionsWindow *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

McRecognitionsWindow *
mc_recognitions_window_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_RECOGNITIONS_WINDOW, "workflow", workflow, NULL);
}
