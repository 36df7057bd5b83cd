/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-certificate-print.h"
#include "mc-credential-window-private.h"

/* What a registrar does with a credential: print and export its
 * certificate, change its status, re-issue it; and the page switcher. */

static gboolean
allowed (McCredentialWindow  *self,
         McAction             action,
         GError             **error)
{
  if (self->design == NULL)
    {
      g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                           _("The design of this credential could not be read"));
      return FALSE;
    }
  return mc_workflow_check (self->workflow, self->design, action, error);
}

static gboolean
is_current (McCredentialWindow *self)
{
  return self->credential != NULL &&
         (self->credential->state == MC_CREDENTIAL_STATE_ACTIVE ||
          self->credential->state == MC_CREDENTIAL_STATE_SUSPENDED);
}

static gboolean
has_state (McCredentialWindow *self,
           McCredentialState   state)
{
  return self->credential != NULL && self->credential->state == state;
}

void
_mc_credential_window_update_actions (McCredentialWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GError) error = NULL;
  gboolean may_print = has_state (self, MC_CREDENTIAL_STATE_ACTIVE) &&
                       mc_certificate_preview_get_content (self->preview) != NULL &&
                       allowed (self, MC_ACTION_REPRINT, &error);
  guint page = mc_certificate_preview_get_page (self->preview);
  guint n_pages = mc_certificate_preview_get_n_pages (self->preview);

  gtk_widget_action_set_enabled (widget, "credential.print", may_print && !self->printing);
  gtk_widget_action_set_enabled (widget, "credential.export-pdf", may_print && self->export_cancellable == NULL);
  gtk_widget_action_set_enabled (widget, "credential.suspend",
                                 has_state (self, MC_CREDENTIAL_STATE_ACTIVE) &&
                                 allowed (self, MC_ACTION_SUSPEND_CREDENTIAL, NULL));
  gtk_widget_action_set_enabled (widget, "credential.reinstate",
                                 has_state (self, MC_CREDENTIAL_STATE_SUSPENDED) &&
                                 allowed (self, MC_ACTION_REINSTATE_CREDENTIAL, NULL));
  gtk_widget_action_set_enabled (widget, "credential.revoke",
                                 is_current (self) && allowed (self, MC_ACTION_REVOKE_CREDENTIAL, NULL));
  gtk_widget_action_set_enabled (widget, "credential.reissue",
                                 is_current (self) && allowed (self, MC_ACTION_REISSUE, NULL));
  gtk_widget_action_set_enabled (widget, "credential.open-replacement",
                                 self->credential != NULL && self->credential->superseded_by_id != 0);
  gtk_widget_action_set_enabled (widget, "credential.copy-id", self->credential != NULL);
  gtk_widget_action_set_enabled (widget, "credential.previous-page", page > 0);
  gtk_widget_action_set_enabled (widget, "credential.next-page", page + 1 < n_pages);

  /* Why printing is not offered, where the person looks for it. */
  if (may_print)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->print_button), _("Print the certificate"));
  else if (error != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->print_button), error->message);
  else if (mc_certificate_preview_get_content (self->preview) == NULL && self->preview_error != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->print_button), self->preview_error);
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->print_button),
                                 _("Only the certificates of active credentials are printed"));
}

/* Printing */

static void
on_printed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(McCredentialWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->printing = FALSE;
  if (!mc_certificate_print_run_finish (MC_CERTIFICATE_PRINT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _mc_credential_window_show_error (self, _("Could Not Print the Certificate"), error->message);
      _mc_credential_window_update_actions (self);
      return;
    }
  _mc_credential_window_toast (self, _("Certificate printed"));
  _mc_credential_window_changed (self);
}

static void
credential_print (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (widget);
  g_autoptr(McCertificatePrint) print = mc_certificate_print_new (self->workflow);

  if (self->credential == NULL || self->printing)
    return;
  self->printing = TRUE;
  _mc_credential_window_update_actions (self);
  mc_certificate_print_add_credential (print, self->credential->id);
  mc_certificate_print_run_async (print, GTK_WINDOW (self), NULL, on_printed, g_object_ref (self));
}

/* Exporting: the same drawing into a PDF file, written in a worker with
 * a renderer of its own. */

typedef struct {
  McCertificateContent *content;
  McPaperSize           paper;
  char                 *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->content);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  GError *error = NULL;

  if (mc_certificate_renderer_write_pdf (renderer, data->content, data->paper, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (source);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (data->path);
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->export_cancellable);
      _mc_credential_window_show_error (self, _("Could Not Export the Certificate"), error->message);
      _mc_credential_window_update_actions (self);
      return;
    }
  g_clear_object (&self->export_cancellable);
  /* A copy of the certificate went out: the history counts it. */
  if (!mc_workflow_record_reprint (self->workflow, self->credential_id, &error))
    _mc_credential_window_show_error (self, _("The Copy Was Not Counted"), error->message);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Saved “%s”"), name);
  _mc_credential_window_toast (self, text);
  _mc_credential_window_changed (self);
}

void
mc_credential_window_export_pdf (McCredentialWindow *self,
                                 GFile              *file)
{
  McCertificateContent *content = NULL;
  g_autoptr(GTask) task = NULL;
  ExportData *data = NULL;

  g_return_if_fail (MC_IS_CREDENTIAL_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  content = mc_certificate_preview_get_content (self->preview);
  if (self->export_cancellable != NULL || content == NULL)
    return;

  data = g_new0 (ExportData, 1);
  data->content = g_object_ref (content);
  data->paper = mc_certificate_preview_get_paper (self->preview);
  data->path = g_file_get_path (file);
  self->export_cancellable = g_cancellable_new ();
  _mc_credential_window_update_actions (self);

  task = g_task_new (self, self->export_cancellable, on_exported, NULL);
  g_task_set_source_tag (task, mc_credential_window_export_pdf);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  if (data->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The certificate can only be saved to a local file"));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_chosen (GtkNativeDialog    *chooser,
                  int                 response,
                  McCredentialWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        mc_credential_window_export_pdf (self, file);
    }
  g_object_set_data (G_OBJECT (self), "mc-export-chooser", NULL);
}

static void
credential_export_pdf (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser = NULL;

  if (self->credential == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Certificate as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: file name of an exported certificate: the learner's name and student ID */
  name = g_strdup_printf (_("Certificate %s %s.pdf"), self->credential->learner_name, self->credential->student_id);
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_set_data_full (G_OBJECT (self), "mc-export-chooser", chooser, g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Status */

static void
on_status_done (McCredentialWindow *self,
                gint64              id)
{
  if (id != self->credential_id)
    {
      AdwToast *toast = adw_toast_new (_("A corrected credential replaces this one"));

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "credential.open-replacement");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  _mc_credential_window_changed (self);
}

McCredentialStatusDialog *
mc_credential_window_change_status (McCredentialWindow *self,
                                    McAction            action)
{
  McCredentialStatusDialog *dialog = NULL;

  g_return_val_if_fail (MC_IS_CREDENTIAL_WINDOW (self), NULL);
  g_return_val_if_fail (self->credential != NULL, NULL);

  dialog = mc_credential_status_dialog_new (self->workflow, self->credential, action);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_status_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
credential_change_status (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (widget);
  McAction action = MC_ACTION_REISSUE;

  if (g_str_equal (action_name, "credential.suspend"))
    action = MC_ACTION_SUSPEND_CREDENTIAL;
  else if (g_str_equal (action_name, "credential.revoke"))
    action = MC_ACTION_REVOKE_CREDENTIAL;
  if (self->credential != NULL)
    mc_credential_window_change_status (self, action);
}

static void
credential_reinstate (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!mc_workflow_set_credential_state (self->workflow, self->credential_id, MC_CREDENTIAL_STATE_ACTIVE,
                                         NULL, &error))
    {
      _mc_credential_window_show_error (self, _("Could Not Reinstate the Credential"), error->message);
      return;
    }
  _mc_credential_window_toast (self, _("The credential is valid again"));
  _mc_credential_window_changed (self);
}

static void
credential_open_replacement (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (widget);

  if (self->credential != NULL && self->credential->superseded_by_id != 0)
    _mc_credential_window_open_other (self, self->credential->superseded_by_id);
}

static void
credential_copy_id (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (widget);
  g_autofree char *urn = NULL;

  if (self->credential == NULL)
    return;
  urn = mc_issued_credential_dup_urn (self->credential);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), urn);
  _mc_credential_window_toast (self, _("Credential ID copied"));
}

/* Pages */

static void
credential_turn_page (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (widget);
  guint page = mc_certificate_preview_get_page (self->preview);

  if (g_str_equal (action_name, "credential.next-page"))
    mc_certificate_preview_set_page (self->preview, page + 1);
  else if (page > 0)
    mc_certificate_preview_set_page (self->preview, page - 1);
}

void
_mc_credential_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "credential.print", NULL, credential_print);
  gtk_widget_class_install_action (widget_class, "credential.export-pdf", NULL, credential_export_pdf);
  gtk_widget_class_install_action (widget_class, "credential.suspend", NULL, credential_change_status);
  gtk_widget_class_install_action (widget_class, "credential.revoke", NULL, credential_change_status);
  gtk_widget_class_install_action (widget_class, "credential.reissue", NULL, credential_change_status);
  gtk_widget_class_install_action (widget_class, "credential.reinstate", NULL, credential_reinstate);
  gtk_widget_class_install_action (widget_class, "credential.open-replacement", NULL,
                                   credential_open_replacement);
  gtk_widget_class_install_action (widget_class, "credential.copy-id", NULL, credential_copy_id);
  gtk_widget_class_install_action (widget_class, "credential.previous-page", NULL, credential_turn_page);
  gtk_widget_class_install_action (widget_class, "credential.next-page", NULL, credential_turn_page);

  /* One table of shortcuts for the window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "credential.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "credential.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "credential.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "credential.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}
