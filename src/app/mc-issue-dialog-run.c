/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The issue dialog's run: unlocking the keys in a worker thread, the
 * batch issuer's run with its progress, stopping it, and how it ended. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-credential-error.h"
#include "mc-issue-dialog-private.h"
#include "mc-workflow-job.h"

/* Unlocking */

typedef struct {
  char *kid;
  char *passphrase;
  char *di_kid;          /* NULL without a Data Integrity proof */
  char *di_passphrase;
} Request;

typedef struct {
  McSigningKey *key;
  McSigningKey *di_key;
} Keys;

static void
request_free (Request *request)
{
  g_free (request->kid);
  g_free (request->di_kid);
  mc_workflow_job_free_secret (request->passphrase);
  mc_workflow_job_free_secret (request->di_passphrase);
  g_free (request);
}

static void
keys_free (Keys *keys)
{
  g_clear_object (&keys->key);
  g_clear_object (&keys->di_key);
  g_free (keys);
}

static gpointer
unlock_job (McWorkflow  *workflow,
            gpointer     data,
            GError     **error)
{
  Request *request = data;
  g_autoptr(McKeyring) keyring = mc_keyring_new (workflow);
  g_autoptr(GError) di_error = NULL;
  Keys *keys = NULL;
  McSigningKey *key = mc_keyring_unlock (keyring, request->kid, request->passphrase, error);

  if (key == NULL)
    return NULL;
  keys = g_new0 (Keys, 1);
  keys->key = key;
  if (request->di_kid == NULL)
    return keys;
  if (g_str_equal (request->di_kid, request->kid))
    {
      keys->di_key = g_object_ref (key);
      return keys;
    }
  keys->di_key = mc_keyring_unlock (keyring, request->di_kid, request->di_passphrase, &di_error);
  if (keys->di_key == NULL)
    {
      /* Said at the top, not under the signing key's passphrase. */
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                   _("The Ed25519 key for the Data Integrity proofs: %s"), di_error->message);
      keys_free (keys);
      return NULL;
    }
  return keys;
}

static void start_batch (McIssueDialog *self,
                         Keys          *keys);

static void
on_unlocked (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  McIssueDialog *self = MC_ISSUE_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Keys *keys = mc_workflow_job_finish (result, &error);

  self->unlocking = FALSE;
  if (self->workflow == NULL || self->close_when_stopped)
    {
      /* Closed meanwhile: nothing was started. */
      g_clear_pointer (&keys, keys_free);
      if (self->workflow != NULL)
        gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (keys == NULL)
    {
      if (g_error_matches (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_PASSPHRASE))
        {
          mc_problem_row_set_message (self->passphrase_problem, error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->passphrase_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
        }
      else
        _mc_issue_dialog_show_error (self, error->message);
      _mc_issue_dialog_update (self);
      return;
    }

  /* The keys are open; the typed passphrases are not needed any more. */
  gtk_editable_set_text (self->passphrase_row, "");
  gtk_editable_set_text (GTK_EDITABLE (self->di_passphrase_row), "");
  start_batch (self, keys);
  keys_free (keys);
}

gboolean
_mc_issue_dialog_start (McIssueDialog *self)
{
  const char *passphrase = gtk_editable_get_text (self->passphrase_row);
  const char *di_passphrase = gtk_editable_get_text (GTK_EDITABLE (self->di_passphrase_row));
  Request *request = NULL;

  if (self->key == NULL || *passphrase == '\0' || self->unlocking || self->issuing)
    return FALSE;

  request = g_new0 (Request, 1);
  request->kid = g_strdup (self->key->kid);
  request->passphrase = g_strdup (passphrase);
  if (self->di_key != NULL && gtk_switch_get_active (self->data_integrity_switch))
    {
      request->di_kid = g_strdup (self->di_key->kid);
      /* Left empty: the same passphrase as the signing key's. */
      request->di_passphrase = g_strdup (*di_passphrase != '\0' ? di_passphrase : passphrase);
    }

  _mc_issue_dialog_show_error (self, NULL);
  mc_problem_row_set_message (self->passphrase_problem, NULL);
  self->unlocking = TRUE;
  _mc_issue_dialog_update (self);
  mc_workflow_job_run (self->workflow, unlock_job, request, (GDestroyNotify) request_free,
                       (GDestroyNotify) keys_free, self, NULL, on_unlocked, NULL);
  return TRUE;
}

/* The batch */

static void
show_progress (McIssueDialog *self,
               guint          done,
               guint          total)
{
  g_free (self->progress_text);
  /* Translators: credentials issued so far, "37 of 120" */
  self->progress_text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
  gtk_progress_bar_set_text (self->progress_bar, self->progress_text);
}

static void
on_progress (McBatchIssuer *issuer,
             guint          done,
             guint          total,
             McIssueDialog *self)
{
  show_progress (self, done, total);
}

static void
show_done (McIssueDialog *self)
{
  g_autofree char *folder = g_filename_display_name (self->batch->export_dir != NULL ? self->batch->export_dir : "");
  /* Translators: %s is the folder the credentials were written to */
  g_autofree char *where = g_strdup_printf (_("The credentials and certificates are in %s"), folder);

  g_free (self->outcome);
  self->outcome = g_strdup_printf (ngettext ("%u Credential Issued", "%u Credentials Issued", self->batch->issued),
                                   self->batch->issued);
  adw_status_page_set_title (self->done_page, self->outcome);
  adw_status_page_set_description (self->done_page, where);
  gtk_stack_set_visible_child_name (self->stack, "done");
}

/* After a cancel or a failure; the batch stays for the next run. */
static void
show_stopped (McIssueDialog *self,
              const GError  *error)
{
  g_autoptr(McIssueBatch) unfinished = NULL;
  g_autofree char *description = NULL;
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  unfinished = mc_store_find_unfinished_batch (mc_workflow_get_store (self->workflow), self->offering->id, NULL);
  if (!cancelled)
    description = g_strdup (error->message);
  else if (unfinished != NULL)
    {
      guint remaining = unfinished->total - MIN (unfinished->issued, unfinished->total);

      description = g_strdup_printf (ngettext ("%u of %u credentials were issued. Continue to issue the remaining %u.",
                                               "%u of %u credentials were issued. Continue to issue the remaining %u.",
                                               remaining),
                                     unfinished->issued, unfinished->total, remaining);
    }
  else
    description = g_strdup (_("Nothing is left to issue."));

  g_free (self->outcome);
  self->outcome = g_strdup (cancelled ? _("Issuing Stopped") : _("Issuing Failed"));
  adw_status_page_set_title (self->stopped_page, self->outcome);
  adw_status_page_set_description (self->stopped_page, description);
  adw_status_page_set_icon_name (self->stopped_page,
                                 cancelled ? "media-playback-pause-symbolic" : "dialog-error-symbolic");
  gtk_stack_set_visible_child_name (self->stack, "stopped");
}

static void
hold_application (gboolean hold)
{
  GApplication *app = g_application_get_default ();

  /* The application does not quit under a running batch. */
  if (app == NULL)
    return;
  if (hold)
    g_application_hold (app);
  else
    g_application_release (app);
}

static void
on_issued (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(McIssueDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  McIssueBatch *batch = mc_batch_issuer_run_finish (MC_BATCH_ISSUER (source), result, &error);

  hold_application (FALSE);
  self->issuing = FALSE;
  if (self->workflow == NULL)
    {
      /* Destroyed meanwhile: the batch ended as it should all the same. */
      g_clear_pointer (&batch, mc_issue_batch_free);
      return;
    }

  g_clear_pointer (&self->batch, mc_issue_batch_free);
  self->batch = batch;
  if (batch != NULL)
    show_done (self);
  else
    show_stopped (self, error);
  _mc_issue_dialog_update (self);
  _mc_issue_dialog_emit_finished (self);
  if (self->close_when_stopped)
    gtk_window_close (GTK_WINDOW (self));
}

static char *
username_of (McPerson *person)
{
  return g_strdup (mc_person_get_username (person));
}

static void
start_batch (McIssueDialog *self,
             Keys          *keys)
{
  McStore *store = mc_workflow_get_store (self->workflow);
  McPerson *account = mc_workflow_get_account (self->workflow);
  McPerson *actor = mc_workflow_get_actor (self->workflow);
  g_autofree char *username = username_of (account);
  g_autofree char *act_as = mc_person_get_id (actor) != mc_person_get_id (account) ? username_of (actor) : NULL;

  g_clear_object (&self->issuer);
  self->issuer = mc_batch_issuer_new (mc_store_get_path (store), username, act_as);
  mc_batch_issuer_set_signing_key (self->issuer, keys->key);
  mc_batch_issuer_set_data_integrity_key (self->issuer, keys->di_key);
  mc_batch_issuer_set_paper (self->issuer, _mc_issue_dialog_get_paper (self));
  mc_batch_issuer_set_export_dir (self->issuer, self->export_dir);
  g_signal_connect_object (self->issuer, "progress", G_CALLBACK (on_progress), self, 0);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->issuing = TRUE;
  show_progress (self, 0, self->unfinished != NULL ? self->unfinished->total : self->to_issue);
  adw_status_page_set_description (self->progress_page, _("The window stays usable meanwhile"));
  gtk_widget_set_sensitive (self->stop_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  _mc_issue_dialog_update (self);

  hold_application (TRUE);
  mc_batch_issuer_run_async (self->issuer, self->offering->id, self->cancellable, on_issued,
                             g_object_ref (self));
  _mc_issue_dialog_emit_started (self);
}

void
_mc_issue_dialog_stop (McIssueDialog *self)
{
  if (!self->issuing || g_cancellable_is_cancelled (self->cancellable))
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (self->stop_button, FALSE);
  adw_status_page_set_description (self->progress_page,
                                   _("Stopping after the credentials being signed now…"));
}

/* Closing while it runs */

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   McIssueDialog    *self)
{
  self->asking = FALSE;
  if (!g_str_equal (response, "stop"))
    return;
  self->close_when_stopped = TRUE;
  _mc_issue_dialog_stop (self);
}

gboolean
_mc_issue_dialog_hold_close (McIssueDialog *self)
{
  AdwMessageDialog *dialog = NULL;
  g_autofree char *body = NULL;

  if (self->unlocking)
    {
      /* The key opens in a moment; nothing is started after it. */
      self->close_when_stopped = TRUE;
      return TRUE;
    }
  if (!self->issuing)
    return FALSE;
  if (self->asking || self->close_when_stopped)
    return TRUE;

  /* Translators: %s is how far the batch is, "37 of 120" */
  body = g_strdup_printf (_("%s credentials are issued. Issuing stops after the credentials being signed now; "
                            "the rest can be issued later from this offering."),
                          self->progress_text != NULL ? self->progress_text : "");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Stop Issuing?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Issuing"),
                                    "stop", _("_Stop Issuing"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  self->asking = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Open Folder */

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(McIssueDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && self->workflow != NULL)
    _mc_issue_dialog_show_error (self, error->message);
}

void
_mc_issue_dialog_open_folder (McIssueDialog *self)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *uri = NULL;

  if (self->batch == NULL || self->batch->export_dir == NULL)
    return;
  uri = g_filename_to_uri (self->batch->export_dir, NULL, NULL);
  if (uri == NULL)
    return;
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, on_launched,
                                           g_object_ref (self));
}
