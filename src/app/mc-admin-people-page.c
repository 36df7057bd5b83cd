/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-admin-people-page.h"
#include "mc-admin-private.h"
#include "mc-role-text.h"

struct _McAdminPeoplePage
{
  McAdminPage          parent_instance;

  McWorkflow          *workflow;      /* the page's (borrowed) */
  gboolean             editable;
  GListModel          *units;          /* McUnit */
  GPtrArray           *person_rows;    /* AdwExpanderRow in people_group */
  gint64               expanded_id;    /* person whose row stays open */

  AdwPreferencesGroup *note_group;
  AdwPreferencesGroup *people_group;
  AdwEntryRow         *username_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *email_row;
  AdwComboRow         *unit_row;
  GtkButton           *add_button;
};

G_DEFINE_FINAL_TYPE (McAdminPeoplePage, mc_admin_people_page, MC_TYPE_ADMIN_PAGE)

/* What a Revoke button or a Grant row acts on. */
typedef struct {
  gint64  person_id;
  McRole  role;
  gint64  unit_id;
  GtkDropDown *role_dropdown;   /* Grant rows only */
  GtkDropDown *unit_dropdown;
} RoleTarget;

static gint64
unit_id_at (McAdminPeoplePage *self,
            guint              position)
{
  g_autoptr(McUnit) unit = NULL;

  /* Position 0 is "no unit" / "whole institution". */
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || self->units == NULL)
    return 0;
  unit = g_list_model_get_item (self->units, position - 1);
  return unit != NULL ? mc_unit_get_id (unit) : 0;
}

static GListModel *
unit_choices (McAdminPeoplePage *self,
              const char        *none_label)
{
  GtkStringList *strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, none_label);
  for (guint i = 0; self->units != NULL && i < g_list_model_get_n_items (self->units); i++)
    {
      g_autoptr(McUnit) unit = g_list_model_get_item (self->units, i);
      gtk_string_list_append (strings, mc_unit_get_name (unit));
    }
  return G_LIST_MODEL (strings);
}

static void
emit_changed (McAdminPeoplePage *self)
{
  mc_admin_page_emit_changed (MC_ADMIN_PAGE (self));
}

/* Granting and revoking */

gboolean
mc_admin_people_page_grant_role (McAdminPeoplePage *self,
                                 gint64             person_id,
                                 McRole             role,
                                 gint64             unit_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_PEOPLE_PAGE (self), FALSE);

  if (!mc_workflow_grant_role (self->workflow, person_id, role, unit_id, &error))
    {
      _mc_admin_show_error (GTK_WIDGET (self), _("Could Not Grant the Role"), error->message);
      return FALSE;
    }
  self->expanded_id = person_id;
  mc_admin_people_page_reload (self);
  emit_changed (self);
  return TRUE;
}

gboolean
mc_admin_people_page_revoke_role (McAdminPeoplePage *self,
                                  gint64             person_id,
                                  McRole             role,
                                  gint64             unit_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_PEOPLE_PAGE (self), FALSE);

  if (!mc_workflow_revoke_role (self->workflow, person_id, role, unit_id, &error))
    {
      _mc_admin_show_error (GTK_WIDGET (self), _("Could Not Revoke the Role"), error->message);
      return FALSE;
    }
  self->expanded_id = person_id;
  mc_admin_people_page_reload (self);
  emit_changed (self);
  return TRUE;
}

static void
on_revoke_clicked (GtkButton         *button,
                   McAdminPeoplePage *self)
{
  RoleTarget *target = g_object_get_data (G_OBJECT (button), "mc-target");

  mc_admin_people_page_revoke_role (self, target->person_id, target->role, target->unit_id);
}

static void
on_grant_clicked (GtkButton         *button,
                  McAdminPeoplePage *self)
{
  RoleTarget *target = g_object_get_data (G_OBJECT (button), "mc-target");
  guint role_pos = gtk_drop_down_get_selected (target->role_dropdown);

  if (role_pos == GTK_INVALID_LIST_POSITION)
    return;
  mc_admin_people_page_grant_role (self, target->person_id,
                                   mc_enum_nth_value (MC_TYPE_ROLE, role_pos),
                                   unit_id_at (self, gtk_drop_down_get_selected (target->unit_dropdown)));
}

/* Rows */

static GtkWidget *
grant_row (McAdminPeoplePage *self,
           const McRoleGrant *grant,
           McPerson          *person)
{
  g_autofree char *text = mc_role_text_for_grant (grant, self->units);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Revoke"));
  RoleTarget *target = g_new0 (RoleTarget, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               grant->unit_id == 0 ? _("For the designs of every unit")
                                                   : _("For the designs of this unit only"));

  /* Translators: a button's name for screen readers: "Revoke Reviewer (School of Computing) from Dr Aoife Byrne" */
  label = g_strdup_printf (_("Revoke %s from %s"), text, mc_person_get_name (person));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  _mc_admin_set_editable (button, self->editable);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  target->person_id = grant->person_id;
  target->role = grant->role;
  target->unit_id = grant->unit_id;
  g_object_set_data_full (G_OBJECT (button), "mc-target", target, g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_revoke_clicked), self, 0);
  return row;
}

static GtkWidget *
new_grant_row (McAdminPeoplePage *self,
               McPerson          *person)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GListModel) units = unit_choices (self, _("Whole institution"));
  g_autofree char *role_label = NULL;
  g_autofree char *unit_label = NULL;
  g_autofree char *button_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *role_dropdown = NULL;
  GtkWidget *unit_dropdown = NULL;
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Grant"));
  RoleTarget *target = g_new0 (RoleTarget, 1);

  for (guint i = 0; i < mc_enum_n_values (MC_TYPE_ROLE); i++)
    gtk_string_list_append (roles, mc_enum_label (MC_TYPE_ROLE, mc_enum_nth_value (MC_TYPE_ROLE, i)));
  role_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (roles)), NULL);
  unit_dropdown = gtk_drop_down_new (g_object_ref (units), NULL);

  /* Translators: names for screen readers, %s is a person */
  role_label = g_strdup_printf (_("Role to grant to %s"), mc_person_get_name (person));
  unit_label = g_strdup_printf (_("Unit of the role to grant to %s"), mc_person_get_name (person));
  button_label = g_strdup_printf (_("Grant the role to %s"), mc_person_get_name (person));
  gtk_accessible_update_property (GTK_ACCESSIBLE (role_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, role_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (unit_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, unit_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  gtk_widget_set_tooltip_text (role_dropdown, _("Role"));
  gtk_widget_set_tooltip_text (unit_dropdown, _("For which unit, or the whole institution"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Grant a role"));
  gtk_widget_set_valign (role_dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (unit_dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), role_dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit_dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_add_css_class (button, "suggested-action");
  _mc_admin_set_editable (role_dropdown, self->editable);
  _mc_admin_set_editable (unit_dropdown, self->editable);
  _mc_admin_set_editable (button, self->editable);

  target->person_id = mc_person_get_id (person);
  target->role_dropdown = GTK_DROP_DOWN (role_dropdown);
  target->unit_dropdown = GTK_DROP_DOWN (unit_dropdown);
  g_object_set_data_full (G_OBJECT (button), "mc-target", target, g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_grant_clicked), self, 0);
  return row;
}

static GtkWidget *
person_row (McAdminPeoplePage *self,
            McPerson          *person,
            GPtrArray         *grants)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *roles = mc_role_text_for_person (grants, mc_person_get_id (person), self->units);
  g_autofree char *subtitle = NULL;
  const char *email = mc_person_get_email (person);

  if (email != NULL && email[0] != '\0')
    /* Translators: user name · e-mail · roles */
    subtitle = g_strdup_printf (_("%s · %s · %s"), mc_person_get_username (person), email, roles);
  else
    /* Translators: user name · roles */
    subtitle = g_strdup_printf (_("%s · %s"), mc_person_get_username (person), roles);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_person_get_name (person));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  for (guint i = 0; i < grants->len; i++)
    {
      const McRoleGrant *grant = g_ptr_array_index (grants, i);

      if (grant->person_id == mc_person_get_id (person))
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), grant_row (self, grant, person));
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_grant_row (self, person));

  if (mc_person_get_id (person) == self->expanded_id)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return row;
}

void
mc_admin_people_page_reload (McAdminPeoplePage *self)
{
  McStore *store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GPtrArray) grants = NULL;
  g_autoptr(GListModel) choices = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MC_IS_ADMIN_PEOPLE_PAGE (self));

  store = mc_workflow_get_store (self->workflow);

  for (guint i = 0; i < self->person_rows->len; i++)
    adw_preferences_group_remove (self->people_group, g_ptr_array_index (self->person_rows, i));
  g_ptr_array_set_size (self->person_rows, 0);

  g_clear_object (&self->units);
  self->units = mc_store_list_units (store, NULL);
  choices = unit_choices (self, _("No unit"));
  adw_combo_row_set_model (self->unit_row, choices);

  people = mc_store_list_people (store, &error);
  if (people != NULL)
    grants = mc_store_list_roles (store, 0, &error);
  if (people == NULL || grants == NULL)
    {
      GtkWidget *row = _mc_admin_message_row (error->message);

      adw_preferences_group_add (self->people_group, row);
      g_ptr_array_add (self->person_rows, row);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(McPerson) person = g_list_model_get_item (people, i);
      GtkWidget *row = person_row (self, person, grants);

      adw_preferences_group_add (self->people_group, row);
      g_ptr_array_add (self->person_rows, row);
    }
}

/* Adding */

gint64
mc_admin_people_page_add_person (McAdminPeoplePage *self,
                                 const char        *username,
                                 const char        *name,
                                 const char        *email,
                                 gint64             unit_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (MC_IS_ADMIN_PEOPLE_PAGE (self), 0);

  id = mc_workflow_add_person (self->workflow, username, name, email, unit_id, &error);
  if (id == 0)
    {
      _mc_admin_show_error (GTK_WIDGET (self), _("Could Not Add the Person"), error->message);
      return 0;
    }
  self->expanded_id = id;
  mc_admin_people_page_reload (self);
  emit_changed (self);
  return id;
}

static void
on_add_clicked (McAdminPeoplePage *self)
{
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_row))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  gint64 unit_id = unit_id_at (self, adw_combo_row_get_selected (self->unit_row));

  if (mc_admin_people_page_add_person (self, username, name, email, unit_id) == 0)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->username_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), "");
}

/* GObject */

static void
mc_admin_people_page_constructed (GObject *object)
{
  McAdminPeoplePage *self = MC_ADMIN_PEOPLE_PAGE (object);

  G_OBJECT_CLASS (mc_admin_people_page_parent_class)->constructed (object);

  self->workflow = mc_admin_page_get_workflow (MC_ADMIN_PAGE (self));
  self->editable = mc_admin_page_get_editable (MC_ADMIN_PAGE (self));
  mc_admin_page_set_note (MC_ADMIN_PAGE (self), self->note_group);
  _mc_admin_set_editable (GTK_WIDGET (self->username_row), self->editable);
  _mc_admin_set_editable (GTK_WIDGET (self->name_row), self->editable);
  _mc_admin_set_editable (GTK_WIDGET (self->email_row), self->editable);
  _mc_admin_set_editable (GTK_WIDGET (self->unit_row), self->editable);
  _mc_admin_set_editable (GTK_WIDGET (self->add_button), self->editable);

  mc_admin_people_page_reload (self);
}

static void
mc_admin_people_page_dispose (GObject *object)
{
  McAdminPeoplePage *self = MC_ADMIN_PEOPLE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ADMIN_PEOPLE_PAGE);
  self->workflow = NULL;  /* McAdminPage's, released there */
  g_clear_object (&self->units);
  g_clear_pointer (&self->person_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_admin_people_page_parent_class)->dispose (object);
}

static void
mc_admin_people_page_class_init (McAdminPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_admin_people_page_constructed;
  object_class->dispose = mc_admin_people_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-admin-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McAdminPeoplePage, note_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminPeoplePage, people_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminPeoplePage, username_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPeoplePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPeoplePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPeoplePage, unit_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPeoplePage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
mc_admin_people_page_init (McAdminPeoplePage *self)
{
  self->person_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

McAdminPeoplePage *
mc_admin_people_page_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_ADMIN_PEOPLE_PAGE, "workflow", workflow, NULL);
}
