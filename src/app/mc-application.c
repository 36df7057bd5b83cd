/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mc-application.h"
#include "mc-preferences-window.h"
#include "mc-window.h"

struct _McApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  char           *act_as;
  gboolean        demo;

  McStore        *store;
  McWorkflow     *workflow;
  GError         *store_error;
  McValidator    *validator;
  GSettings      *settings;
  McPublishingService *publishing;   /* while publishing */
};

G_DEFINE_FINAL_TYPE (McApplication, mc_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_PUBLISHING_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the default one"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill the database with the demo institution when it has no designs"), NULL },
  { "act-as", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Act on behalf of the person with this user name (administrators only)"), N_("USERNAME") },
  { NULL }
};

/* Every keyboard shortcut of the application and its windows. */
static const struct {
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.preferences",          { "<Primary>comma", NULL } },
  { "app.shortcuts",            { "<Primary>question", NULL } },
  { "app.help",                 { "F1", NULL } },
  { "app.quit",                 { "<Primary>q", NULL } },
  { "win.new-design",           { "<Primary>n", NULL } },
  { "win.search",               { "<Primary>f", NULL } },
  { "win.save",                 { "<Primary>s", NULL } },
  { "win.import",               { "<Primary>o", NULL } },
  { "win.export",               { "<Primary><Shift>s", "<Primary>e", NULL } },
  { "win.show-list",            { "<Alt>Left", NULL } },
  { "win.show-credentials",     { "<Primary><Shift>r", NULL } },
  { "win.verify-credential",    { "<Primary><Shift>v", NULL } },
  { "window.close",             { "<Primary>w", NULL } },
};

/* The institution is a setting of the database, which administrators
 * change in the administration window; the validator checks designs
 * against it. */
static void
update_institution (McApplication *self)
{
  g_autofree char *name = NULL;
  g_autofree char *country = NULL;

  if (self->store != NULL)
    {
      name = mc_store_get_setting (self->store, MC_SETTING_INSTITUTION_NAME, "");
      country = mc_store_get_setting (self->store, MC_SETTING_INSTITUTION_COUNTRY, "");
    }
  mc_validator_set_institution (self->validator, name != NULL ? name : "",
                                country != NULL ? country : "");
}

void
mc_application_reload_institution (McApplication *self)
{
  g_return_if_fail (MC_IS_APPLICATION (self));

  update_institution (self);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (MC_IS_WINDOW (l->data))
      mc_window_revalidate (MC_WINDOW (l->data));
}

/* Earlier versions kept the institution in GSettings: an administrator
 * opening a database that has none takes it over, once. */
static void
migrate_institution (McApplication *self)
{
  g_autofree char *stored = NULL;
  g_autofree char *name = g_settings_get_string (self->settings, MC_SETTINGS_INSTITUTION_NAME);
  g_autofree char *country = g_settings_get_string (self->settings, MC_SETTINGS_INSTITUTION_COUNTRY);

  if (name[0] == '\0' && country[0] == '\0')
    return;
  stored = mc_store_get_setting (self->store, MC_SETTING_INSTITUTION_NAME, "");
  if (stored[0] != '\0' || !mc_workflow_has_role (self->workflow, MC_ROLE_ADMINISTRATOR, 0))
    return;

  if ((name[0] == '\0' || mc_workflow_set_setting (self->workflow, MC_SETTING_INSTITUTION_NAME, name, NULL)) &&
      (country[0] == '\0' || mc_workflow_set_setting (self->workflow, MC_SETTING_INSTITUTION_COUNTRY, country, NULL)))
    {
      g_settings_reset (self->settings, MC_SETTINGS_INSTITUTION_NAME);
      g_settings_reset (self->settings, MC_SETTINGS_INSTITUTION_COUNTRY);
    }
}

static void
app_preferences (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  McPreferencesWindow *prefs = NULL;

  prefs = mc_preferences_window_new (self->settings, self->validator);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
app_about (GSimpleAction *action,
           GVariant      *param,
           gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Microcred developers", NULL };
  GtkWidget *about = NULL;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Microcred"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Microcred developers"),
                        "version", PACKAGE_VERSION,
                        "developers", developers,
                        "copyright", _("© The Microcred developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/microcred/microcred",
                        "issue-url", "https://github.com/microcred/microcred/issues",
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
app_shortcuts (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* GtkApplicationWindow adds this action for the bundled help overlay. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
app_help (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_uri (window, "help:microcred", GDK_CURRENT_TIME);
}

static void
app_quit (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  McApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing (rather than destroying) lets each window save and ask. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

/* The default action of the notifications of new tasks. */
static void
app_show_tasks (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }
  if (MC_IS_WINDOW (window))
    {
      mc_window_show_tasks (MC_WINDOW (window));
      gtk_window_present (window);
    }
}

static const GActionEntry app_actions[] = {
  { "show-tasks",  app_show_tasks },
  { "preferences", app_preferences },
  { "about",       app_about },
  { "shortcuts",   app_shortcuts },
  { "help",        app_help },
  { "quit",        app_quit },
};

static gint
mc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  McApplication *self = MC_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      self->database_path = g_file_get_path (file);
      /* Another database is another instance, not the running one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  self->demo = g_variant_dict_contains (options, "demo");
  g_variant_dict_lookup (options, "act-as", "s", &self->act_as);

  return -1;
}

static void
mc_application_startup (GApplication *app)
{
  McApplication *self = MC_APPLICATION (app);

  G_APPLICATION_CLASS (mc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accelerators[i].action,
                                           accelerators[i].accels);

  self->settings = g_settings_new (MC_SETTINGS_SCHEMA);
  self->validator = mc_validator_new ();
}

static void
open_store (McApplication *self)
{
  g_autofree char *path = NULL;

  if (self->store != NULL || self->store_error != NULL)
    return;

  if (self->database_path != NULL)
    {
      path = g_strdup (self->database_path);
    }
  else
    {
      g_autofree char *dir = NULL;

      path = mc_store_default_path ();
      dir = g_path_get_dirname (path);
      /* Only the default folder is ours to create. */
      g_mkdir_with_parents (dir, 0700);
    }

  self->store = mc_store_open (path, MC_STORE_OPEN_CREATE, &self->store_error);
  /* A save that finds the database busy fails at once and is retried by
   * the editor, rather than freezing the window while it waits. */
  if (self->store != NULL)
    mc_store_set_busy_timeout (self->store, 200);
  /* The store's messages usually name the file; make sure of it. */
  if (self->store == NULL && strstr (self->store_error->message, path) == NULL)
    g_prefix_error (&self->store_error, "%s\n\n", path);
  /* Who is using the window: the operating-system account's person. */
  if (self->store != NULL)
    self->workflow = mc_workflow_new (self->store, g_get_user_name (), &self->store_error);
  if (self->store != NULL && self->workflow == NULL)
    g_clear_object (&self->store);
  if (self->workflow != NULL)
    migrate_institution (self);
  update_institution (self);
}

static void
show_store_error (McApplication *self)
{
  AdwMessageDialog *dialog = NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Could Not Open the Database"),
                                                       self->store_error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --act-as: the administrator works as someone else from the start. */
static gboolean
act_as (McApplication *self)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;

  if (self->act_as == NULL || mc_workflow_act_as (self->workflow, self->act_as, &error))
    return TRUE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Could Not Act for Someone Else"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static void
mc_application_activate (GApplication *app)
{
  McApplication *self = MC_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  McWindow *main_window = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  open_store (self);
  if (self->store == NULL)
    {
      show_store_error (self);
      return;
    }
  if (!act_as (self))
    return;

  main_window = mc_window_new (self, self->workflow, self->validator, self->settings);
  gtk_window_present (GTK_WINDOW (main_window));

  if (self->demo)
    {
      g_autoptr(GError) error = NULL;
      guint n = mc_store_count_designs (self->store, &error);

      if (error == NULL && n == 0)
        mc_window_open_demo (main_window);
    }
}

/* Publishing */

McPublishingService *
mc_application_get_publishing_service (McApplication *self)
{
  g_return_val_if_fail (MC_IS_APPLICATION (self), NULL);
  return self->publishing;
}

void
mc_application_stop_publishing (McApplication *self)
{
  g_autoptr(McPublishingService) service = NULL;

  g_return_if_fail (MC_IS_APPLICATION (self));

  if (self->publishing == NULL)
    return;
  service = g_steal_pointer (&self->publishing);
  g_signal_handlers_disconnect_by_data (service, self);
  mc_publishing_service_stop (service);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHING_SERVICE]);
}

/* A service that stops by itself is no longer publishing either. */
static void
on_service_running (McApplication       *self,
                    GParamSpec          *pspec,
                    McPublishingService *service)
{
  if (service == self->publishing && !mc_publishing_service_get_running (service))
    mc_application_stop_publishing (self);
}

gboolean
mc_application_start_publishing (McApplication    *self,
                                 McPublication    *publication,
                                 const char       *address,
                                 guint             port,
                                 GTlsCertificate  *tls_certificate,
                                 McSigningKey     *key,
                                 GError          **error)
{
  g_autoptr(McPublishingService) service = NULL;

  g_return_val_if_fail (MC_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (MC_IS_PUBLICATION (publication), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->publishing != NULL)
    {
      g_autofree char *url = mc_publishing_service_dup_url (self->publishing);

      /* Translators: %s is the address the service answers at */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Publishing already runs at %s"), url);
      return FALSE;
    }
  service = mc_publishing_service_new (publication);
  if (!mc_publishing_service_start (service, address, port, tls_certificate, key, error))
    return FALSE;
  self->publishing = g_steal_pointer (&service);
  g_signal_connect_object (self->publishing, "notify::running", G_CALLBACK (on_service_running), self,
                           G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHING_SERVICE]);
  return TRUE;
}

static void
mc_application_shutdown (GApplication *app)
{
  mc_application_stop_publishing (MC_APPLICATION (app));

  G_APPLICATION_CLASS (mc_application_parent_class)->shutdown (app);
}

static void
mc_application_dispose (GObject *object)
{
  /* Without shutdown (never run, as in tests), it stops here. */
  mc_application_stop_publishing (MC_APPLICATION (object));

  G_OBJECT_CLASS (mc_application_parent_class)->dispose (object);
}

static void
mc_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  McApplication *self = MC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_PUBLISHING_SERVICE:
      g_value_set_object (value, self->publishing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_application_finalize (GObject *object)
{
  McApplication *self = MC_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->act_as, g_free);
  g_clear_error (&self->store_error);
  g_clear_object (&self->workflow);
  g_clear_object (&self->store);
  g_clear_object (&self->validator);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mc_application_parent_class)->finalize (object);
}

static void
mc_application_class_init (McApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mc_application_dispose;
  object_class->finalize = mc_application_finalize;
  object_class->get_property = mc_application_get_property;
  app_class->handle_local_options = mc_application_handle_local_options;
  app_class->startup = mc_application_startup;
  app_class->shutdown = mc_application_shutdown;
  app_class->activate = mc_application_activate;

  properties[PROP_PUBLISHING_SERVICE] =
    g_param_spec_object ("publishing-service", NULL, NULL, MC_TYPE_PUBLISHING_SERVICE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_application_init (McApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

McApplication *
mc_application_new (void)
{
  return g_object_new (MC_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* Also for the .Devel id: resources live under one path. */
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

McStore *
mc_application_get_store (McApplication *self)
{
  g_return_val_if_fail (MC_IS_APPLICATION (self), NULL);
  return self->store;
}

McValidator *
mc_application_get_validator (McApplication *self)
{
  g_return_val_if_fail (MC_IS_APPLICATION (self), NULL);
  return self->validator;
}

GSettings *
mc_application_get_settings (McApplication *self)
{
  g_return_val_if_fail (MC_IS_APPLICATION (self), NULL);
  return self->settings;
}
