/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-accessible.h"
#include "mc-credential-error.h"
#include "mc-key-import-dialog.h"
#include "mc-new-passphrase-group.h"

struct _McKeyImportDialog
{
  McKeyDialog           parent_instance;

  GFile                *file;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkWidget            *cancel_button;
  GtkWidget            *import_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwActionRow         *file_row;
  GtkEditable          *password_row;
  McNewPassphraseGroup *passphrase_group;
};

G_DEFINE_FINAL_TYPE (McKeyImportDialog, mc_key_import_dialog, MC_TYPE_KEY_DIALOG)

/* The largest PKCS #12 file read: a key and a chain of a few certificates
 * take a few kilobytes. */
#define MAX_PKCS12_BYTES (1024 * 1024)

static void
update_ready (McKeyImportDialog *self)
{
  _mc_key_dialog_set_ready (MC_KEY_DIALOG (self),
                            self->file != NULL &&
                            mc_new_passphrase_group_get_acceptable (self->passphrase_group));
}

/* The file */

void
mc_key_import_dialog_set_file (McKeyImportDialog *self,
                               GFile             *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (MC_IS_KEY_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  name = g_file_get_parse_name (file);
  adw_action_row_set_subtitle (self->file_row, name);
  _mc_key_dialog_show_error (MC_KEY_DIALOG (self), NULL);
  update_ready (self);
}

static void
on_chooser_response (McKeyImportDialog *self,
                     int                response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    mc_key_import_dialog_set_file (self, file);
}

static void
on_choose_clicked (McKeyImportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose the PKCS #12 File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PKCS #12 files"));
  gtk_file_filter_add_mime_type (filter, "application/x-pkcs12");
  gtk_file_filter_add_suffix (filter, "p12");
  gtk_file_filter_add_suffix (filter, "pfx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Importing: the file is read in the worker thread too. */

typedef struct {
  GFile *file;
  char  *password;
  char  *passphrase;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->file);
  mc_workflow_job_free_secret (request->password);
  mc_workflow_job_free_secret (request->passphrase);
  g_free (request);
}

static McKeyRecord *
import_job (McKeyring  *keyring,
            gpointer    data,
            GError    **error)
{
  Request *request = data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = g_file_get_basename (request->file);
  g_autofree char *name = g_filename_display_name (base);
  McKeyRecord *key = NULL;

  info = g_file_query_info (request->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > MAX_PKCS12_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is too large to be a PKCS #12 file of a key"), name);
      return NULL;
    }
  contents = g_file_load_bytes (request->file, NULL, NULL, error);
  if (contents == NULL)
    return NULL;
  key = mc_keyring_import_pkcs12 (keyring, contents, request->password, request->passphrase, &local_error);
  /* Here the passphrase that opens the file is its password. */
  if (g_error_matches (local_error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE))
    g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE,
                 _("The password of “%s” is not right"), name);
  else if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return key;
}

gboolean
mc_key_import_dialog_import (McKeyImportDialog *self)
{
  const char *passphrase = NULL;
  Request *request = NULL;

  g_return_val_if_fail (MC_IS_KEY_IMPORT_DIALOG (self), FALSE);

  passphrase = mc_new_passphrase_group_get_passphrase (self->passphrase_group);
  if (mc_key_dialog_get_busy (MC_KEY_DIALOG (self)) || self->file == NULL || passphrase == NULL)
    return FALSE;

  request = g_new0 (Request, 1);
  request->file = g_object_ref (self->file);
  request->password = g_strdup (gtk_editable_get_text (self->password_row));
  request->passphrase = g_strdup (passphrase);
  _mc_key_dialog_run (MC_KEY_DIALOG (self), import_job, request, (GDestroyNotify) request_free);
  return TRUE;
}

static void
on_import_clicked (McKeyImportDialog *self)
{
  mc_key_import_dialog_import (self);
}

void
mc_key_import_dialog_set_password (McKeyImportDialog *self,
                                   const char        *password)
{
  g_return_if_fail (MC_IS_KEY_IMPORT_DIALOG (self));
  gtk_editable_set_text (self->password_row, password != NULL ? password : "");
}

void
mc_key_import_dialog_set_passphrase (McKeyImportDialog *self,
                                     const char        *passphrase)
{
  g_return_if_fail (MC_IS_KEY_IMPORT_DIALOG (self));
  mc_new_passphrase_group_set_passphrase (self->passphrase_group, passphrase);
}

/* GObject */

static void
mc_key_import_dialog_dispose (GObject *object)
{
  McKeyImportDialog *self = MC_KEY_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->file);
  gtk_widget_dispose_template (GTK_WIDGET (object), MC_TYPE_KEY_IMPORT_DIALOG);

  G_OBJECT_CLASS (mc_key_import_dialog_parent_class)->dispose (object);
}

static void
mc_key_import_dialog_class_init (McKeyImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_key_import_dialog_dispose;

  g_type_ensure (MC_TYPE_NEW_PASSPHRASE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-key-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McKeyImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, McKeyImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, McKeyImportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McKeyImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McKeyImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, McKeyImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, McKeyImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, McKeyImportDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, McKeyImportDialog, passphrase_group);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, update_ready);
}

static void
mc_key_import_dialog_init (McKeyImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mc_accessible_name_password_rows (GTK_WIDGET (self));
  _mc_key_dialog_set_widgets (MC_KEY_DIALOG (self), self->import_button, self->cancel_button,
                              self->error_revealer, self->error_label, self->stack, self->spinner);
}

McKeyImportDialog *
mc_key_import_dialog_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_KEY_IMPORT_DIALOG, "workflow", workflow, NULL);
}
