/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-admin-private.h"
#include "mc-admin-window.h"

struct _McAdminWindow
{
  AdwPreferencesWindow  parent_instance;

  McApplication          *application;       /* runs publishing; nullable */
  McWorkflow             *workflow;
  McValidator            *validator;
  gboolean                editable;
  GPtrArray              *unit_rows;         /* widgets added to units_group */
  GPtrArray              *templates;         /* McTemplate, as listed */
  GPtrArray              *template_rows;
  AdwPreferencesGroup    *templates_group;
  McAdminInstitutionPage *institution_page;
  McAdminKeysPage        *keys_page;
  McAdminPartnersPage    *partners_page;
  McAdminPeoplePage      *people_page;
  McAdminPublishingPage  *publishing_page;

  /* Template widgets */
  AdwPreferencesPage   *units_page;
  AdwPreferencesGroup  *units_note;
  AdwPreferencesGroup  *units_group;
  AdwEntryRow          *unit_code_row;
  AdwEntryRow          *unit_name_row;
  GtkButton            *add_unit_button;
};

G_DEFINE_FINAL_TYPE (McAdminWindow, mc_admin_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_MC_APPLICATION,
  PROP_WORKFLOW,
  PROP_VALIDATOR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Shared helpers */

void
_mc_admin_show_error (GtkWidget  *widget,
                      const char *heading,
                      const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = NULL;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_mc_admin_toast (GtkWidget *widget,
                 AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

const char *
_mc_admin_read_only_reason (void)
{
  return _("Only administrators can change this");
}

void
_mc_admin_set_editable (GtkWidget *widget,
                        gboolean   editable)
{
  gtk_widget_set_sensitive (widget, editable);
  gtk_widget_set_tooltip_text (widget, editable ? NULL : _mc_admin_read_only_reason ());
}

GtkWidget *
_mc_admin_message_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

char *
_mc_admin_read_only_text (const char *actor_name)
{
  /* Translators: %s is the person the window acts as */
  return g_strdup_printf (_("You can look at these settings as %s; only administrators can change them."),
                          actor_name);
}

GtkWidget *
_mc_admin_read_only_group (const char *actor_name)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *text = _mc_admin_read_only_text (actor_name);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
  gtk_widget_add_css_class (group, "read-only-note");
  return group;
}

static void
emit_changed (McAdminWindow *self,
              const char    *what)
{
  g_signal_emit (self, signals[CHANGED], 0, what);
}

/* Institution settings */

gboolean
mc_admin_window_set_setting (McAdminWindow *self,
                             const char    *key,
                             const char    *value)
{
  g_return_val_if_fail (MC_IS_ADMIN_WINDOW (self), FALSE);

  return mc_admin_institution_page_set_setting (self->institution_page, key, value);
}

static void
on_institution_changed (McAdminWindow *self)
{
  emit_changed (self, "settings");
}

static void
on_keys_changed (McAdminWindow *self)
{
  emit_changed (self, "keys");
}

static void
on_partners_changed (McAdminWindow *self)
{
  emit_changed (self, "partners");
}

/* Units */

static void
fill_units (McAdminWindow *self)
{
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *message = NULL;

  for (guint i = 0; i < self->unit_rows->len; i++)
    adw_preferences_group_remove (self->units_group, g_ptr_array_index (self->unit_rows, i));
  g_ptr_array_set_size (self->unit_rows, 0);

  units = mc_store_list_units (mc_workflow_get_store (self->workflow), &error);
  if (units != NULL && g_list_model_get_n_items (units) == 0)
    message = _mc_admin_message_row (_("No units yet"));
  else if (units == NULL)
    message = _mc_admin_message_row (error->message);
  if (message != NULL)
    {
      adw_preferences_group_add (self->units_group, message);
      g_ptr_array_add (self->unit_rows, message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(McUnit) unit = g_list_model_get_item (units, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_unit_get_name (unit));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mc_unit_get_code (unit));
      adw_preferences_group_add (self->units_group, row);
      g_ptr_array_add (self->unit_rows, row);
    }
}

gint64
mc_admin_window_add_unit (McAdminWindow *self,
                          const char    *code,
                          const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  gint64 id = 0;

  g_return_val_if_fail (MC_IS_ADMIN_WINDOW (self), 0);

  id = mc_workflow_add_unit (self->workflow, code, name, &error);
  if (id == 0)
    {
      _mc_admin_show_error (GTK_WIDGET (self), _("Could Not Add the Unit"), error->message);
      return 0;
    }

  fill_units (self);
  mc_admin_people_page_reload (self->people_page);
  /* Translators: %s is the name of an academic unit */
  toast = g_strdup_printf (_("Added “%s”"), name);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (toast));
  emit_changed (self, "units");
  return id;
}

static void
on_add_unit (McAdminWindow *self)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_code_row))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_name_row))));

  if (mc_admin_window_add_unit (self, code, name) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->unit_code_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->unit_name_row), "");
    }
}

/* Templates */

static void fill_templates (McAdminWindow *self);

static void
on_template_saved (McAdminWindow    *self,
                   McTemplateEditor *editor)
{
  fill_templates (self);
  emit_changed (self, "templates");
}

static void
on_editor_done (McAdminWindow *self)
{
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
}

McTemplateEditor *
mc_admin_window_edit_template (McAdminWindow *self,
                               guint          index)
{
  McTemplateEditor *editor = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->templates->len, NULL);

  editor = mc_template_editor_new (self->workflow, g_ptr_array_index (self->templates, index));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_template_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "done", G_CALLBACK (on_editor_done), self, G_CONNECT_SWAPPED);
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), GTK_WIDGET (editor));
  return editor;
}

static void
on_template_row_activated (AdwActionRow  *row,
                           McAdminWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mc-index"));

  mc_admin_window_edit_template (self, index);
}

static void
fill_templates (McAdminWindow *self)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->template_rows->len; i++)
    adw_preferences_group_remove (self->templates_group, g_ptr_array_index (self->template_rows, i));
  g_ptr_array_set_size (self->template_rows, 0);
  g_ptr_array_set_size (self->templates, 0);

  templates = mc_store_list_templates (mc_workflow_get_store (self->workflow), &error);
  if (templates == NULL)
    {
      GtkWidget *row = _mc_admin_message_row (error->message);

      adw_preferences_group_add (self->templates_group, row);
      g_ptr_array_add (self->template_rows, row);
      return;
    }

  for (guint i = 0; i < templates->len; i++)
    {
      McTemplate *template_ = g_ptr_array_index (templates, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      /* Translators: a template's kind and version, "Approval · version 3" */
      subtitle = g_strdup_printf (_("%s · version %u"),
                                  mc_enum_label (MC_TYPE_TEMPLATE_KIND, mc_template_get_kind (template_)),
                                  mc_template_get_version (template_));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_template_get_title (template_));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, self->editable ? _("Edit the template")
                                                       : _("Look at the template"));
      g_object_set_data (G_OBJECT (row), "mc-index", GUINT_TO_POINTER (self->templates->len));
      g_signal_connect_object (row, "activated", G_CALLBACK (on_template_row_activated), self, 0);
      adw_preferences_group_add (self->templates_group, row);
      g_ptr_array_add (self->template_rows, row);
      g_ptr_array_add (self->templates, g_object_ref (template_));
    }
}

static void
add_templates_page (McAdminWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Templates"));
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "templates");
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "folder-templates-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Review Templates"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The criteria reviewers answer. Each change is kept as a new version; reviews keep the version they were made on."));
  if (!self->editable)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                              ADW_PREFERENCES_GROUP (_mc_admin_read_only_group (
                                mc_person_get_name (mc_workflow_get_actor (self->workflow)))));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  self->templates_group = ADW_PREFERENCES_GROUP (group);
  fill_templates (self);
}

/* Public */

McAdminInstitutionPage *
mc_admin_window_get_institution_page (McAdminWindow *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_WINDOW (self), NULL);
  return self->institution_page;
}

McAdminKeysPage *
mc_admin_window_get_keys_page (McAdminWindow *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_WINDOW (self), NULL);
  return self->keys_page;
}

McAdminPublishingPage *
mc_admin_window_get_publishing_page (McAdminWindow *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_WINDOW (self), NULL);
  return self->publishing_page;
}

McAdminPartnersPage *
mc_admin_window_get_partners_page (McAdminWindow *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_WINDOW (self), NULL);
  return self->partners_page;
}

McAdminPeoplePage *
mc_admin_window_get_people_page (McAdminWindow *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_WINDOW (self), NULL);
  return self->people_page;
}

gboolean
mc_admin_window_get_editable (McAdminWindow *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_WINDOW (self), FALSE);
  return self->editable;
}

static void
on_people_changed (McAdminWindow *self)
{
  emit_changed (self, "people");
}

/* AdwPreferencesWindow keeps a search entry of its own, even with search
 * switched off; screen readers would announce it without a name. */
static void
name_search_entries (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search the administration"), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_search_entries (child);
}

/* GObject */

/* The pages made here come first, before the units of the template. */
static void
add_institution_pages (McAdminWindow *self)
{
  AdwPreferencesWindow *window = ADW_PREFERENCES_WINDOW (self);
  AdwPreferencesPage *units = g_object_ref (self->units_page);

  adw_preferences_window_remove (window, units);
  self->institution_page = mc_admin_institution_page_new (self->workflow, self->validator);
  g_signal_connect_object (self->institution_page, "changed", G_CALLBACK (on_institution_changed),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (self->institution_page));
  self->keys_page = mc_admin_keys_page_new (self->workflow);
  g_signal_connect_object (self->keys_page, "changed", G_CALLBACK (on_keys_changed),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (self->keys_page));
  self->publishing_page = mc_admin_publishing_page_new (self->application, self->workflow);
  adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (self->publishing_page));
  self->partners_page = mc_admin_partners_page_new (self->workflow);
  g_signal_connect_object (self->partners_page, "changed", G_CALLBACK (on_partners_changed),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (self->partners_page));
  adw_preferences_window_add (window, units);
  g_object_unref (units);
}

static void
mc_admin_window_constructed (GObject *object)
{
  McAdminWindow *self = MC_ADMIN_WINDOW (object);
  McPerson *actor = NULL;

  G_OBJECT_CLASS (mc_admin_window_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));
  g_assert (MC_IS_VALIDATOR (self->validator));

  actor = mc_workflow_get_actor (self->workflow);
  self->editable = mc_workflow_has_role (self->workflow, MC_ROLE_ADMINISTRATOR, 0);

  add_institution_pages (self);
  fill_units (self);

  if (!self->editable)
    {
      g_autofree char *note = _mc_admin_read_only_text (actor != NULL ? mc_person_get_name (actor) : "");

      adw_preferences_group_set_description (self->units_note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->units_note), !self->editable);

  _mc_admin_set_editable (GTK_WIDGET (self->unit_code_row), self->editable);
  _mc_admin_set_editable (GTK_WIDGET (self->unit_name_row), self->editable);
  _mc_admin_set_editable (GTK_WIDGET (self->add_unit_button), self->editable);

  self->people_page = mc_admin_people_page_new (self->workflow);
  g_signal_connect_object (self->people_page, "changed", G_CALLBACK (on_people_changed),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->people_page));
  add_templates_page (self);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                           ADW_PREFERENCES_PAGE (self->institution_page));
  name_search_entries (GTK_WIDGET (self));
}

static gboolean
mc_admin_window_close_request (GtkWindow *window)
{
  McAdminWindow *self = MC_ADMIN_WINDOW (window);

  /* A number changed just before closing still counts. */
  mc_admin_institution_page_flush (self->institution_page);

  return GTK_WINDOW_CLASS (mc_admin_window_parent_class)->close_request (window);
}

static void
mc_admin_window_dispose (GObject *object)
{
  McAdminWindow *self = MC_ADMIN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ADMIN_WINDOW);
  g_clear_object (&self->application);
  g_clear_object (&self->workflow);
  g_clear_object (&self->validator);
  g_clear_pointer (&self->unit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->template_rows, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_admin_window_parent_class)->dispose (object);
}

static void
mc_admin_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  McAdminWindow *self = MC_ADMIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MC_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_VALIDATOR:
      g_value_set_object (value, self->validator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_admin_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  McAdminWindow *self = MC_ADMIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MC_APPLICATION:
      self->application = g_value_dup_object (value);
      break;
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    case PROP_VALIDATOR:
      self->validator = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_admin_window_class_init (McAdminWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = mc_admin_window_constructed;
  object_class->dispose = mc_admin_window_dispose;
  object_class->get_property = mc_admin_window_get_property;
  object_class->set_property = mc_admin_window_set_property;
  window_class->close_request = mc_admin_window_close_request;

  /* Not GtkWindow's "application": the window is not one of the
   * application's (it closes with the main window). */
  properties[PROP_MC_APPLICATION] =
    g_param_spec_object ("mc-application", NULL, NULL, MC_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALIDATOR] =
    g_param_spec_object ("validator", NULL, NULL, MC_TYPE_VALIDATOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (MC_TYPE_ADMIN_PEOPLE_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-admin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McAdminWindow, units_page);
  gtk_widget_class_bind_template_child (widget_class, McAdminWindow, units_note);
  gtk_widget_class_bind_template_child (widget_class, McAdminWindow, units_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminWindow, unit_code_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminWindow, unit_name_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminWindow, add_unit_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_unit);
}

static void
mc_admin_window_init (McAdminWindow *self)
{
  self->unit_rows = g_ptr_array_new ();
  self->template_rows = g_ptr_array_new ();
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

McAdminWindow *
mc_admin_window_new (McApplication *application,
                     McWorkflow    *workflow,
                     McValidator   *validator)
{
  g_return_val_if_fail (application == NULL || MC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_VALIDATOR (validator), NULL);

  return g_object_new (MC_TYPE_ADMIN_WINDOW,
                       "mc-application", application,
                       "workflow", workflow,
                       "validator", validator,
                       NULL);
}
