/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The publishing page's static export: a folder chosen, the signing key
 * unlocked, then mc_publication_export() in a worker thread.  The row
 * counts the documents written while it runs, and Cancel stops it
 * between two documents, leaving the folder as it was (the export
 * writes into a new folder beside it and swaps it in only at the end).
 * Closing the window lets the worker finish on its own. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-admin-private.h"
#include "mc-admin-publishing-page-private.h"

/* How often the count of documents written is shown again. */
#define PROGRESS_INTERVAL_MS 200

struct _McPublishingExportJob {
  McPublication *publication;
  char          *directory;
  GCancellable  *cancellable;
  /* Written by the worker, read by the page's timeout. */
  guint          written;
  guint          total;
};

static void
export_job_free (McPublishingExportJob *job)
{
  g_clear_object (&job->publication);
  g_clear_object (&job->cancellable);
  g_free (job->directory);
  g_free (job);
}

static void
show_progress (McAdminPublishingPage *self)
{
  guint written = g_atomic_int_get (&self->export_job->written);
  guint total = g_atomic_int_get (&self->export_job->total);
  g_autofree char *text = NULL;

  if (total == 0)
    {
      adw_action_row_set_subtitle (self->export_row, _("Exporting…"));
      return;
    }
  /* Translators: a count of documents written, then of all documents */
  text = g_strdup_printf (ngettext ("Exporting: %u of %u document written…",
                                    "Exporting: %u of %u documents written…", total),
                          written, total);
  adw_action_row_set_subtitle (self->export_row, text);
}

static gboolean
on_progress_timeout (gpointer user_data)
{
  show_progress (user_data);
  return G_SOURCE_CONTINUE;
}

void
_mc_admin_publishing_page_update_export (McAdminPublishingPage *self)
{
  gboolean exporting = self->export_job != NULL;

  _mc_admin_set_editable (self->export_button, self->editable);
  gtk_widget_set_visible (self->export_button, !exporting);
  gtk_widget_set_visible (self->export_cancel_button, exporting);
  gtk_widget_set_visible (GTK_WIDGET (self->export_spinner), exporting);
  gtk_spinner_set_spinning (self->export_spinner, exporting);
  if (exporting && self->export_progress_id == 0)
    {
      show_progress (self);
      self->export_progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, on_progress_timeout, self);
    }
  if (!exporting)
    g_clear_handle_id (&self->export_progress_id, g_source_remove);
}

static void
on_document_written (guint    written,
                     guint    total,
                     gpointer user_data)
{
  McPublishingExportJob *job = user_data;

  g_atomic_int_set (&job->total, total);
  g_atomic_int_set (&job->written, written);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  McPublishingExportJob *job = task_data;
  GError *error = NULL;

  if (mc_publication_export (job->publication, job->directory, on_document_written, job, cancellable, &error))
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
  McPublishingExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *done = NULL;
  AdwToast *toast = NULL;

  self->export_job = NULL;
  if (self->workflow == NULL)
    return;  /* the window was closed meanwhile */
  _mc_admin_publishing_page_update_export (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      adw_action_row_set_subtitle (self->export_row, "");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          toast = adw_toast_new (_("Export cancelled"));
          /* The answer to a click: before an earlier export's toast. */
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          _mc_admin_publishing_page_toast (self, toast);
        }
      else
        mc_problem_row_set_message (self->export_problem, error->message);
      return;
    }
  folder = g_filename_display_name (job->directory);
  /* Translators: %s is the folder the documents were written to */
  done = g_strdup_printf (_("Exported to %s"), folder);
  adw_action_row_set_subtitle (self->export_row, done);
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
  McPublishingExportJob *job = NULL;
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
  job = g_new0 (McPublishingExportJob, 1);
  job->publication = publication;
  job->directory = g_strdup (g_object_get_data (G_OBJECT (dialog), "mc-directory"));
  job->cancellable = g_cancellable_new ();

  self->export_job = job;
  _mc_admin_publishing_page_update_export (self);
  task = g_task_new (self, job->cancellable, on_exported, NULL);
  /* Cancelling fails the export, never drops its result: the folder is
   * cleaned up before on_exported() runs.  A cancel that comes after the
   * last document changes nothing, and the page says the export is done
   * (the task reports the export's own result, not the cancellable's). */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
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

  if (!self->editable || self->export_job != NULL)
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
  return self->export_job != NULL;
}

void
mc_admin_publishing_page_cancel_export (McAdminPublishingPage *self)
{
  g_return_if_fail (MC_IS_ADMIN_PUBLISHING_PAGE (self));

  if (self->export_job != NULL)
    g_cancellable_cancel (self->export_job->cancellable);
}

void
_mc_admin_publishing_page_on_export_cancel_clicked (McAdminPublishingPage *self)
{
  mc_admin_publishing_page_cancel_export (self);
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
