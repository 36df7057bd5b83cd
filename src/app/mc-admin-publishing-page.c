/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The publishing page: the service switch, its address and port, the
 * HTTPS files and the did:web setting.  The export is in
 * mc-admin-publishing-page-export.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-admin-private.h"
#include "mc-admin-publishing-page-private.h"
#include "mc-application.h"

G_DEFINE_FINAL_TYPE (McAdminPublishingPage, mc_admin_publishing_page, MC_TYPE_ADMIN_PAGE)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static McStore *
store (McAdminPublishingPage *self)
{
  return mc_workflow_get_store (self->workflow);
}

void
_mc_admin_publishing_page_toast (McAdminPublishingPage *self,
                                 AdwToast              *toast)
{
  _mc_admin_toast (GTK_WIDGET (self), toast);
}

McKeyUnlockDialog *
_mc_admin_publishing_page_ask_key (McAdminPublishingPage *self,
                                   const char            *heading,
                                   const char            *body,
                                   const char            *confirm_label,
                                   GCallback              on_unlocked)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  McKeyUnlockDialog *dialog = mc_key_unlock_dialog_new (self->workflow, heading, body, confirm_label);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "unlocked", on_unlocked, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* The state shown: the application's service */

static McPublishingService *
service (McAdminPublishingPage *self)
{
  return self->application != NULL ? mc_application_get_publishing_service (self->application) : NULL;
}

gboolean
mc_admin_publishing_page_get_running (McAdminPublishingPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), FALSE);
  return service (self) != NULL && mc_publishing_service_get_running (service (self));
}

char *
mc_admin_publishing_page_dup_url (McAdminPublishingPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), NULL);
  return service (self) != NULL ? mc_publishing_service_dup_url (service (self)) : NULL;
}

static const char *
describe_state (McAdminPublishingPage *self,
                gboolean               running)
{
  if (running)
    return g_str_has_prefix (self->status_url, "https:")
           ? _("Publishing over HTTPS, with signed status lists")
           : _("Publishing over HTTP, with signed status lists");
  if (self->starting)
    return _("Waiting for the signing key’s passphrase…");
  return _("Not publishing");
}

static void
sync_service (McAdminPublishingPage *self)
{
  gboolean running = mc_admin_publishing_page_get_running (self);

  if (self->workflow == NULL)
    return;  /* disposed: a dialog outlived the window */
  g_clear_pointer (&self->status_url, g_free);
  self->status_url = running ? mc_publishing_service_dup_url (service (self)) : g_strdup ("");
  self->syncing = TRUE;
  gtk_switch_set_active (self->publish_switch, running || self->starting);
  gtk_switch_set_state (self->publish_switch, running);
  self->syncing = FALSE;
  adw_action_row_set_subtitle (self->publish_row, describe_state (self, running));
  gtk_widget_set_visible (GTK_WIDGET (self->url_row), running);
  adw_action_row_set_subtitle (self->url_row, self->status_url);
  gtk_link_button_set_uri (self->open_button, running ? self->status_url : "about:blank");
  gtk_link_button_set_visited (self->open_button, FALSE);
  _mc_admin_set_editable (GTK_WIDGET (self->address_row), self->editable && !running);
  _mc_admin_set_editable (self->port_row, self->editable && !running);
  if (self->editable && running)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->address_row), _("Stop publishing to change the address"));
      gtk_widget_set_tooltip_text (self->port_row, _("Stop publishing to change the port"));
    }
}

const char *
mc_admin_publishing_page_get_status (McAdminPublishingPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), NULL);
  return adw_action_row_get_subtitle (self->publish_row);
}

const char *
mc_admin_publishing_page_get_problem (McAdminPublishingPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), NULL);
  return mc_problem_row_get_message (self->service_problem);
}

/* Starting and stopping */

static GTlsCertificate *
load_tls (McAdminPublishingPage  *self,
          GError                **error)
{
  return mc_publishing_service_load_certificate (store (self), NULL, NULL, error);
}

static gboolean
start_service (McAdminPublishingPage  *self,
               McSigningKey           *key,
               GError                **error)
{
  g_autoptr(McPublication) publication = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) tls_error = NULL;
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (self->address_row)));
  guint port = (guint) gtk_spin_button_get_value_as_int (self->port_spin);

  if ((publication = mc_publication_new (store (self), error)) == NULL)
    return FALSE;
  certificate = load_tls (self, &tls_error);
  if (tls_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&tls_error));
      return FALSE;
    }
  /* The application runs it: it outlives this window. */
  return mc_application_start_publishing (self->application, publication, *address != '\0' ? address : NULL,
                                          port, certificate, key, error);
}

static void
on_start_unlocked (McAdminPublishingPage *self,
                   McSigningKey          *key)
{
  g_autoptr(GError) error = NULL;
  gint64 began = g_get_monotonic_time ();

  if (self->workflow == NULL)
    return;
  if (!start_service (self, key, &error))
    {
      g_autofree char *in_use = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
        /* Translators: %u is a port number */
        in_use = g_strdup_printf (_("Another program already uses port %u on this address: choose another "
                                    "port, or 0 for any free one"),
                                  (guint) gtk_spin_button_get_value_as_int (self->port_spin));
      mc_problem_row_set_message (self->service_problem, in_use != NULL ? in_use : error->message);
    }
  g_debug ("Starting the publishing service took %" G_GINT64_FORMAT " us",
           g_get_monotonic_time () - began);
  sync_service (self);
}

static void
on_start_dialog_destroyed (McAdminPublishingPage *self)
{
  self->starting = FALSE;
  sync_service (self);
}

McKeyUnlockDialog *
mc_admin_publishing_page_start (McAdminPublishingPage *self)
{
  McKeyUnlockDialog *dialog = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), NULL);

  if (!self->editable || self->application == NULL || self->starting ||
      mc_admin_publishing_page_get_running (self))
    return NULL;
  mc_problem_row_set_message (self->service_problem, NULL);
  /* A port typed but not yet confirmed (Enter, or leaving the field) counts. */
  gtk_spin_button_update (self->port_spin);
  self->starting = TRUE;
  dialog = _mc_admin_publishing_page_ask_key (self, _("Start Publishing"),
                                              _("The status lists are signed with the institution’s signing key. Its passphrase opens it for as long as publishing runs."),
                                              _("_Start"), G_CALLBACK (on_start_unlocked));
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_start_dialog_destroyed), self, G_CONNECT_SWAPPED);
  sync_service (self);
  return dialog;
}

void
mc_admin_publishing_page_stop (McAdminPublishingPage *self)
{
  g_return_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self));

  /* The application's notification shows it stopped. */
  if (self->application != NULL)
    mc_application_stop_publishing (self->application);
}

static gboolean
on_publish_state_set (McAdminPublishingPage *self,
                      gboolean               state)
{
  if (self->syncing)
    return FALSE;
  if (state)
    mc_admin_publishing_page_start (self);
  else
    mc_admin_publishing_page_stop (self);
  return TRUE;
}

static void
on_copy_clicked (McAdminPublishingPage *self)
{
  g_autofree char *url = mc_admin_publishing_page_dup_url (self);

  if (url == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), url);
  _mc_admin_publishing_page_toast (self, adw_toast_new (_("Address copied")));
}

/* The address */

static gboolean
reaches_network (const char *address)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (address));

  if (*stripped == '\0')
    return FALSE;  /* the default, 127.0.0.1 */
  inet = g_inet_address_new_from_string (stripped);
  /* Not an address at all is said when starting. */
  return inet != NULL && !g_inet_address_get_is_loopback (inet);
}

static void
on_address_changed (McAdminPublishingPage *self)
{
  gtk_widget_set_visible (self->network_warning, reaches_network (gtk_editable_get_text (self->address_row)));
}

void
mc_admin_publishing_page_set_address (McAdminPublishingPage *self,
                                      const char            *address)
{
  g_return_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self));
  gtk_editable_set_text (self->address_row, address);
}

void
mc_admin_publishing_page_set_port (McAdminPublishingPage *self,
                                   guint                  port)
{
  g_return_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self));
  gtk_spin_button_set_value (self->port_spin, port);
}

gboolean
mc_admin_publishing_page_get_network_warning (McAdminPublishingPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), FALSE);
  return gtk_widget_get_visible (self->network_warning);
}

/* File choosers */

static void
on_chooser_response (McAdminPublishingPage *self,
                     int                    response)
{
  McPublishingChosenFunc chosen = self->chosen;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    chosen (self, path);
}

void
_mc_admin_publishing_page_choose (McAdminPublishingPage *self,
                                  const char            *title,
                                  GtkFileChooserAction   action,
                                  GtkFileFilter         *filter,
                                  McPublishingChosenFunc chosen)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               action, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  self->chosen = chosen;
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
mc_admin_publishing_page_constructed (GObject *object)
{
  McAdminPublishingPage *self = MC_ADMIN_PUBLISHING_PAGE (object);

  G_OBJECT_CLASS (mc_admin_publishing_page_parent_class)->constructed (object);

  self->workflow = mc_admin_page_get_workflow (MC_ADMIN_PAGE (self));
  self->editable = mc_admin_page_get_editable (MC_ADMIN_PAGE (self));
  mc_admin_page_set_note (MC_ADMIN_PAGE (self), self->note_group);
  _mc_admin_set_editable (GTK_WIDGET (self->publish_switch), self->editable);
  if (self->application != NULL)
    g_signal_connect_object (self->application, "notify::publishing-service", G_CALLBACK (sync_service),
                             self, G_CONNECT_SWAPPED);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->publish_switch), FALSE);  /* no application to run it */
  _mc_admin_set_editable (self->certificate_button, self->editable);
  _mc_admin_set_editable (self->tls_key_button, self->editable);
  _mc_admin_set_editable (GTK_WIDGET (self->did_web_switch), self->editable);
  _mc_admin_set_editable (self->export_button, self->editable);
  _mc_admin_publishing_page_load_settings (self);
  _mc_admin_publishing_page_update_export (self);
  sync_service (self);
}

static void
mc_admin_publishing_page_root (GtkWidget *widget)
{
  McAdminPublishingPage *self = MC_ADMIN_PUBLISHING_PAGE (widget);

  GTK_WIDGET_CLASS (mc_admin_publishing_page_parent_class)->root (widget);
  /* The toasts' buttons live in the window, above the page. */
  gtk_widget_insert_action_group (GTK_WIDGET (gtk_widget_get_root (widget)), "publishing",
                                  G_ACTION_GROUP (self->actions));
}

static void
mc_admin_publishing_page_unroot (GtkWidget *widget)
{
  gtk_widget_insert_action_group (GTK_WIDGET (gtk_widget_get_root (widget)), "publishing", NULL);
  GTK_WIDGET_CLASS (mc_admin_publishing_page_parent_class)->unroot (widget);
}

static void
mc_admin_publishing_page_dispose (GObject *object)
{
  McAdminPublishingPage *self = MC_ADMIN_PUBLISHING_PAGE (object);

  /* Publishing goes on: the application runs it. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->export_progress_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ADMIN_PUBLISHING_PAGE);
  self->workflow = NULL;  /* McAdminPage's, released there */
  g_clear_object (&self->application);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->status_url, g_free);

  G_OBJECT_CLASS (mc_admin_publishing_page_parent_class)->dispose (object);
}

static void
mc_admin_publishing_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  McAdminPublishingPage *self = MC_ADMIN_PUBLISHING_PAGE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_admin_publishing_page_class_init (McAdminPublishingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_admin_publishing_page_constructed;
  object_class->dispose = mc_admin_publishing_page_dispose;
  object_class->set_property = mc_admin_publishing_page_set_property;
  widget_class->root = mc_admin_publishing_page_root;
  widget_class->unroot = mc_admin_publishing_page_unroot;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, MC_TYPE_APPLICATION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MC_TYPE_PROBLEM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-admin-publishing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, note_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, publish_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, publish_switch);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, service_problem);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, network_warning);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, port_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, port_spin);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, tls_clear_button);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, certificate_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, certificate_button);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, tls_key_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, tls_key_button);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, tls_problem);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, did_web_switch);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, did_web_problem);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, export_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, export_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, McAdminPublishingPage, export_problem);
  gtk_widget_class_bind_template_callback (widget_class, on_publish_state_set);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_address_changed);
  gtk_widget_class_bind_template_callback (widget_class, _mc_admin_publishing_page_on_certificate_clicked);
  gtk_widget_class_bind_template_callback (widget_class, _mc_admin_publishing_page_on_tls_key_clicked);
  gtk_widget_class_bind_template_callback (widget_class, _mc_admin_publishing_page_on_tls_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, _mc_admin_publishing_page_on_did_web_toggled);
  gtk_widget_class_bind_template_callback (widget_class, _mc_admin_publishing_page_on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, _mc_admin_publishing_page_on_export_cancel_clicked);
}

static void
mc_admin_publishing_page_init (McAdminPublishingPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->actions = g_simple_action_group_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _mc_admin_publishing_page_export_init (self);
}

McAdminPublishingPage *
mc_admin_publishing_page_new (McApplication *application,
                              McWorkflow    *workflow)
{
  g_return_val_if_fail (application == NULL || MC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_ADMIN_PUBLISHING_PAGE, "application", application, "workflow", workflow, NULL);
}
