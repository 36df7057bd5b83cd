/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The publishing page's static export: a folder chosen, the signing key
 * unlocked, then mc_publication_export() in a worker thread.  The export
 * cannot be cancelled half-way (the API writes into a new folder and
 * swaps it in as a whole), so the page shows a spinner and stays usable;
 * closing the window lets the worker finish on its own. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-admin-private.h"
#include "mc-admin-publishing-page-private.h"

typedef struct {
  McPublication *publication;
  char          *directory;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->publication);
  g_free (job->directory);
  g_free (job);
}

void
_mc_admin_publishing_page_update_export (McAdminPublishingPage *self)
{
  _mc_admin_set_editable (self->export_button, self->editable && !self->exporting);
  gtk_widget_set_visible (GTK_WIDGET (self->export_spinner), self->exporting);
  gtk_spinner_set_spinning (self->export_spinner, self->exporting);
  if (self->exporting)
    adw_action_row_set_subtitle (self->export_row, _("Exporting…"));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (mc_publication_export (job->publication, job->directory, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  McAdminPublishingPage *self = MC_ADMIN_PUBLISHING_PAGE (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *done = NULL;
  AdwToast *toast = NULL;

  self->exporting = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self->workflow == NULL)
        return;  /* the window was closed meanwhile */
      mc_problem_row_set_message (self->export_problem, error->message);
      adw_action_row_set_subtitle (self->export_row, "");
      _mc_admin_publishing_page_update_export (self);
      return;
    }
  if (self->workflow == NULL)
    return;
  folder = g_filename_display_name (job->directory);
  /* Translators: %s is the folder the documents were written to */
  done = g_strdup_printf (_("Exported to %s"), folder);
  adw_action_row_set_subtitle (self->export_row, done);
  _mc_admin_publishing_page_update_export (self);
  toast = adw_toast_new (_("Exported for a web host"));
  adw_toast_set_button_label (toast, _("_Open Folder"));
  adw_toast_set_action_name (toast, "publishing.open-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (job->directory));
  _mc_admin_publishing_page_toast (self, toast);
}

static void
on_export_unlocked (McAdminPublishingPage *self,
                    McSigningKey          *key,
                    McKeyUnlockDialog     *dialog)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job = NULL;
  McPublication *publication = NULL;

  if (self->workflow == NULL)
    return;  /* the window was closed meanwhile */
  /* Opens connections of its own to the database, for the worker. */
  publication = mc_publication_new (mc_workflow_get_store (self->workflow), &error);
  if (publication == NULL)
    {
      mc_problem_row_set_message (self->export_problem, error->message);
      return;
    }
  mc_publication_set_signing_key (publication, key);
  job = g_new0 (ExportJob, 1);
  job->publication = publication;
  job->directory = g_strdup (g_object_get_data (G_OBJECT (dialog), "mc-directory"));

  self->exporting = TRUE;
  _mc_admin_publishing_page_update_export (self);
  task = g_task_new (self, NULL, on_exported, NULL);
  g_task_set_source_tag (task, on_export_unlocked);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

McKeyUnlockDialog *
mc_admin_publishing_page_export (McAdminPublishingPage *self,
                                 const char            *directory)
{
  McKeyUnlockDialog *dialog = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), NULL);
  g_return_val_if_fail (directory != NULL, NULL);

  if (!self->editable || self->exporting)
    return NULL;
  mc_problem_row_set_message (self->export_problem, NULL);
  dialog = _mc_admin_publishing_page_ask_key (self, _("Export for a Web Host"),
                                              _("The status lists in the export are signed with the institution’s signing key: give its passphrase."),
                                              _("_Export"), G_CALLBACK (on_export_unlocked));
  g_object_set_data_full (G_OBJECT (dialog), "mc-directory", g_strdup (directory), g_free);
  return dialog;
}

gboolean
mc_admin_publishing_page_get_exporting (McAdminPublishingPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), FALSE);
  return self->exporting;
}

const char *
mc_admin_publishing_page_get_export_problem (McAdminPublishingPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self), NULL);
  return mc_problem_row_get_message (self->export_problem);
}

static void
on_folder_chosen (McAdminPublishingPage *self,
                  const char            *path)
{
  mc_admin_publishing_page_export (self, path);
}

void
_mc_admin_publishing_page_on_export_clicked (McAdminPublishingPage *self)
{
  _mc_admin_publishing_page_choose (self, _("Choose the Folder to Export Into"),
                                    GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, NULL, on_folder_chosen);
}

/* The toast's Open Folder */

static void
on_folder_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(McAdminPublishingPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && self->workflow != NULL)
    mc_problem_row_set_message (self->export_problem, error->message);
}

static void
open_folder (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  McAdminPublishingPage *self = user_data;
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *uri = g_filename_to_uri (g_variant_get_string (parameter, NULL), NULL, NULL);

  if (uri == NULL)
    return;
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, on_folder_opened,
                                           g_object_ref (self));
}

void
_mc_admin_publishing_page_export_init (McAdminPublishingPage *self)
{
  static const GActionEntry entries[] = {
    { "open-folder", open_folder, "s", NULL, NULL, { 0 } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
}
