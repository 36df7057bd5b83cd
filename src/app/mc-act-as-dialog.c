/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-act-as-dialog.h"
#include "mc-role-text.h"

struct _McActAsDialog
{
  AdwWindow       parent_instance;

  McWorkflow     *workflow;
  GtkCheckButton *group;        /* first check button: the radio group */
  char           *chosen;       /* username */
  char           *error;

  GtkButton      *act_button;
  GtkLabel       *error_label;
  GtkSearchEntry *search_entry;
  GtkListBox     *people_list;
};

G_DEFINE_FINAL_TYPE (McActAsDialog, mc_act_as_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  N_PROPS
};

enum {
  ACTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define USERNAME_KEY "mc-username"
#define SEARCH_KEY   "mc-search-text"

static void
show_error (McActAsDialog *self,
            const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

gboolean
mc_act_as_dialog_act_as (McActAsDialog *self,
                         const char    *username)
{
  g_autoptr(GError) error = NULL;
  McPerson *account = NULL;

  g_return_val_if_fail (MC_IS_ACT_AS_DIALOG (self), FALSE);

  /* Choosing oneself is going back to acting as oneself. */
  account = mc_workflow_get_account (self->workflow);
  if (username != NULL && account != NULL &&
      g_strcmp0 (username, mc_person_get_username (account)) == 0)
    username = NULL;

  if (!mc_workflow_act_as (self->workflow, username, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[ACTED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
mc_act_as_dialog_get_error (McActAsDialog *self)
{
  g_return_val_if_fail (MC_IS_ACT_AS_DIALOG (self), NULL);
  return self->error;
}

static void
on_act_clicked (McActAsDialog *self)
{
  if (self->chosen != NULL)
    mc_act_as_dialog_act_as (self, self->chosen);
}

static void
on_check_toggled (GtkCheckButton *check,
                  McActAsDialog  *self)
{
  McPerson *actor = mc_workflow_get_actor (self->workflow);

  if (!gtk_check_button_get_active (check))
    return;

  g_free (self->chosen);
  self->chosen = g_strdup (g_object_get_data (G_OBJECT (check), USERNAME_KEY));
  gtk_widget_set_sensitive (GTK_WIDGET (self->act_button),
                            actor == NULL ||
                            g_strcmp0 (self->chosen, mc_person_get_username (actor)) != 0);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  McActAsDialog *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *text = g_object_get_data (G_OBJECT (row), SEARCH_KEY);
  g_autofree char *folded = NULL;

  if (search[0] == '\0' || text == NULL)
    return TRUE;
  folded = g_utf8_casefold (search, -1);
  return strstr (text, folded) != NULL;
}

static void
on_search_changed (McActAsDialog *self)
{
  gtk_list_box_invalidate_filter (self->people_list);
}

static void
fill_people (McActAsDialog *self)
{
  McStore *store = mc_workflow_get_store (self->workflow);
  McPerson *actor = mc_workflow_get_actor (self->workflow);
  McPerson *account = mc_workflow_get_account (self->workflow);
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GPtrArray) grants = NULL;
  g_autoptr(GError) error = NULL;

  people = mc_store_list_people (store, &error);
  if (people == NULL)
    {
      show_error (self, error->message);
      return;
    }
  units = mc_store_list_units (store, NULL);
  grants = mc_store_list_roles (store, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(McPerson) person = g_list_model_get_item (people, i);
      g_autofree char *roles = mc_role_text_for_person (grants, mc_person_get_id (person), units);
      g_autofree char *subtitle = NULL;
      g_autofree char *search = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean is_account = account != NULL && mc_person_get_id (person) == mc_person_get_id (account);

      if (is_account)
        /* Translators: username · roles, for the person using the computer */
        subtitle = g_strdup_printf (_("%s · %s · you"), mc_person_get_username (person), roles);
      else
        /* Translators: username · roles */
        subtitle = g_strdup_printf (_("%s · %s"), mc_person_get_username (person), roles);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_person_get_name (person));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      /* This also names the check button after the row's title. */
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

      if (self->group == NULL)
        self->group = GTK_CHECK_BUTTON (check);
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->group);

      search = g_strconcat (mc_person_get_name (person), " ", subtitle, NULL);
      g_object_set_data_full (G_OBJECT (row), SEARCH_KEY, g_utf8_casefold (search, -1), g_free);
      g_object_set_data_full (G_OBJECT (check), USERNAME_KEY,
                              g_strdup (mc_person_get_username (person)), g_free);
      if (actor != NULL && mc_person_get_id (person) == mc_person_get_id (actor))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);

      gtk_list_box_append (self->people_list, row);
    }
}

static void
mc_act_as_dialog_constructed (GObject *object)
{
  McActAsDialog *self = MC_ACT_AS_DIALOG (object);

  G_OBJECT_CLASS (mc_act_as_dialog_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));
  gtk_list_box_set_filter_func (self->people_list, filter_row, self, NULL);
  fill_people (self);
}

static void
mc_act_as_dialog_dispose (GObject *object)
{
  McActAsDialog *self = MC_ACT_AS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ACT_AS_DIALOG);
  g_clear_object (&self->workflow);
  g_clear_pointer (&self->chosen, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mc_act_as_dialog_parent_class)->dispose (object);
}

static void
mc_act_as_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  McActAsDialog *self = MC_ACT_AS_DIALOG (object);

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
mc_act_as_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  McActAsDialog *self = MC_ACT_AS_DIALOG (object);

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
mc_act_as_dialog_class_init (McActAsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_act_as_dialog_constructed;
  object_class->dispose = mc_act_as_dialog_dispose;
  object_class->get_property = mc_act_as_dialog_get_property;
  object_class->set_property = mc_act_as_dialog_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTED] = g_signal_new ("acted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-act-as-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McActAsDialog, act_button);
  gtk_widget_class_bind_template_child (widget_class, McActAsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McActAsDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, McActAsDialog, people_list);
  gtk_widget_class_bind_template_callback (widget_class, on_act_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_act_as_dialog_init (McActAsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

McActAsDialog *
mc_act_as_dialog_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_ACT_AS_DIALOG, "workflow", workflow, NULL);
}
