/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-accessible.h"
#include "mc-batch-issuer.h"
#include "mc-credential-status-dialog.h"
#include "mc-keyring.h"
#include "mc-store-job.h"

struct _McCredentialStatusDialog
{
  AdwWindow            parent_instance;

  McWorkflow          *workflow;
  McIssuedCredential  *credential;
  McAction             action;
  AdwMessageDialog    *confirmation;
  GCancellable        *cancellable;   /* while unlocking or signing */
  char                *error;
  guint                pulse_id;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *apply_button;
  GtkSpinner          *spinner;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *group;
  AdwEntryRow         *reason_row;
  AdwPasswordEntryRow *passphrase_row;
  AdwPreferencesGroup *progress_group;
  GtkProgressBar      *progress_bar;
};

G_DEFINE_FINAL_TYPE (McCredentialStatusDialog, mc_credential_status_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
reason (McCredentialStatusDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
}

static gboolean
is_blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static void
show_error (McCredentialStatusDialog *self,
            const char               *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
update_buttons (McCredentialStatusDialog *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), mc_credential_status_dialog_get_can_apply (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->group), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
on_input_changed (McCredentialStatusDialog *self)
{
  update_buttons (self);
}

/* The end of a workflow call: done, or the refusal shown. */
static void
finish (McCredentialStatusDialog *self,
        gint64                    id,
        GError                   *error)
{
  if (error != NULL)
    {
      show_error (self, error->message);
      g_error_free (error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_DONE], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Suspending and revoking */

static void
set_state (McCredentialStatusDialog *self,
           McCredentialState         state)
{
  GError *error = NULL;

  mc_workflow_set_credential_state (self->workflow, self->credential->id, state, reason (self), &error);
  finish (self, self->credential->id, error);
}

static gboolean
revoke_cb (gpointer user_data)
{
  set_state (MC_CREDENTIAL_STATUS_DIALOG (user_data), MC_CREDENTIAL_STATE_REVOKED);
  return G_SOURCE_REMOVE;
}

/* The revocation runs once the confirmation is gone: this dialog, its
 * parent, closes when it is done. */
static void
on_confirmation_response (McCredentialStatusDialog *self,
                          const char               *response)
{
  self->confirmation = NULL;
  if (g_strcmp0 (response, "revoke") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, revoke_cb, g_object_ref (self), g_object_unref);
}

static void
confirm_revocation (McCredentialStatusDialog *self)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason (self)));
  g_autofree char *body = NULL;

  body = g_strdup_printf (/* Translators: the learner, the credential's title, the reason given */
                          _("The credential of %s for “%s” will be revoked for good: “%s”. "
                            "This cannot be undone."),
                          self->credential->learner_name, self->credential->title, trimmed);
  self->confirmation = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                   _("Revoke the Credential?"), body));
  adw_message_dialog_add_responses (self->confirmation, "cancel", _("_Cancel"), "revoke", _("_Revoke"), NULL);
  adw_message_dialog_set_response_appearance (self->confirmation, "revoke", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (self->confirmation, "cancel");
  adw_message_dialog_set_close_response (self->confirmation, "cancel");
  g_signal_connect_object (self->confirmation, "response", G_CALLBACK (on_confirmation_response),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->confirmation));
}

/* Re-issuing: the key is unlocked in a worker (its passphrase check is
 * slow on purpose), the workflow supersedes the credential and reserves
 * its replacement, and the batch issuer signs it in its own threads. */

typedef struct {
  char *username;
  char *act_as;
  char *passphrase;
} UnlockRequest;

static void
unlock_request_free (UnlockRequest *request)
{
  g_free (request->username);
  g_free (request->act_as);
  if (request->passphrase != NULL)
    explicit_bzero (request->passphrase, strlen (request->passphrase));
  g_free (request->passphrase);
  g_free (request);
}

static gpointer
unlock_job (McStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  UnlockRequest *request = data;
  g_autoptr(McWorkflow) workflow = mc_workflow_new (store, request->username, error);
  g_autoptr(McKeyring) keyring = NULL;

  if (workflow == NULL || (request->act_as != NULL && !mc_workflow_act_as (workflow, request->act_as, error)))
    return NULL;
  keyring = mc_keyring_new (workflow);
  return mc_keyring_unlock (keyring, NULL, request->passphrase, error);
}

static const char *
act_as_username (McCredentialStatusDialog *self)
{
  McPerson *account = mc_workflow_get_account (self->workflow);
  McPerson *actor = mc_workflow_get_actor (self->workflow);

  return mc_person_get_id (actor) != mc_person_get_id (account) ? mc_person_get_username (actor) : NULL;
}

static gboolean
pulse_cb (gpointer user_data)
{
  McCredentialStatusDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (McCredentialStatusDialog *self,
          const char               *progress)
{
  if (progress != NULL)
    {
      if (self->cancellable == NULL)
        self->cancellable = g_cancellable_new ();
      gtk_progress_bar_set_text (self->progress_bar, progress);
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (100, pulse_cb, self);
    }
  else
    {
      g_clear_object (&self->cancellable);
      g_clear_handle_id (&self->pulse_id, g_source_remove);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), progress != NULL);
  update_buttons (self);
}

/* The replacement of the credential, once the batch signed it. */
static gint64
replacement_id (McCredentialStatusDialog *self)
{
  g_autoptr(McIssuedCredential) old = mc_store_load_credential (mc_workflow_get_store (self->workflow),
                                                                self->credential->id, NULL);

  return old != NULL && old->superseded_by_id != 0 ? old->superseded_by_id : self->credential->id;
}

static void
on_issued (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(McCredentialStatusDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(McIssueBatch) batch = mc_batch_issuer_run_finish (MC_BATCH_ISSUER (source), result, &error);
  g_autofree char *message = NULL;

  set_busy (self, NULL);
  if (batch != NULL)
    {
      finish (self, replacement_id (self), NULL);
      return;
    }

  /* The old credential is superseded already: the window must show it. */
  g_signal_emit (self, signals[SIGNAL_DONE], 0, self->credential->id);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("The credential was replaced, but signing its replacement was cancelled. "
                          "Issue the offering again to sign it."));
  else
    /* Translators: %s says why the new credential could not be signed */
    message = g_strdup_printf (_("The credential was replaced, but its replacement could not be signed: %s "
                                 "Issue the offering again to sign it."), error->message);
  show_error (self, message);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->apply_button), FALSE);
}

static void
on_progress (McCredentialStatusDialog *self,
             guint                     done,
             guint                     total)
{
  if (total > 0)
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
    }
}

static void
sign_replacement (McCredentialStatusDialog *self,
                  McSigningKey             *key,
                  McIssueBatch             *batch)
{
  McPerson *account = mc_workflow_get_account (self->workflow);
  g_autoptr(McBatchIssuer) issuer = NULL;

  issuer = mc_batch_issuer_new (mc_store_get_path (mc_workflow_get_store (self->workflow)),
                                mc_person_get_username (account), act_as_username (self));
  mc_batch_issuer_set_signing_key (issuer, key);
  if (batch->data_integrity && mc_signing_key_get_algorithm (key) == MC_KEY_ALGORITHM_EDDSA)
    mc_batch_issuer_set_data_integrity_key (issuer, key);
  mc_batch_issuer_set_jobs (issuer, MC_BATCH_ISSUER_MIN_JOBS);
  g_signal_connect_object (issuer, "progress", G_CALLBACK (on_progress), self, G_CONNECT_SWAPPED);
  set_busy (self, _("Signing the new credential…"));
  mc_batch_issuer_run_async (issuer, batch->offering_id, self->cancellable, on_issued, g_object_ref (self));
}

static void
on_unlocked (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(McCredentialStatusDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(McSigningKey) key = mc_store_job_finish (result, &error);
  g_autoptr(McIssueBatch) batch = NULL;

  set_busy (self, NULL);
  if (key == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  batch = mc_workflow_reissue_credential (self->workflow, self->credential->id, reason (self), &error);
  if (batch == NULL)
    {
      show_error (self, error->message);
      return;
    }
  sign_replacement (self, key, batch);
}

static void
reissue (McCredentialStatusDialog *self)
{
  McStore *store = mc_workflow_get_store (self->workflow);
  const char *path = mc_store_get_path (store);
  UnlockRequest *request = NULL;

  if (path == NULL || path[0] == '\0' || g_str_equal (path, ":memory:"))
    {
      show_error (self, _("Re-issuing needs the institution’s database in a file"));
      return;
    }

  request = g_new0 (UnlockRequest, 1);
  request->username = g_strdup (mc_person_get_username (mc_workflow_get_account (self->workflow)));
  request->act_as = g_strdup (act_as_username (self));
  request->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  show_error (self, NULL);
  set_busy (self, _("Unlocking the signing key…"));
  mc_store_job_run (store, unlock_job, request, (GDestroyNotify) unlock_request_free, g_object_unref,
                    self, self->cancellable, on_unlocked, g_object_ref (self));
}

/* Public */

void
mc_credential_status_dialog_apply (McCredentialStatusDialog *self)
{
  g_return_if_fail (MC_IS_CREDENTIAL_STATUS_DIALOG (self));

  if (self->cancellable != NULL || self->confirmation != NULL)
    return;

  switch ((int) self->action)
    {
    case MC_ACTION_SUSPEND_CREDENTIAL:
      set_state (self, MC_CREDENTIAL_STATE_SUSPENDED);
      break;
    case MC_ACTION_REVOKE_CREDENTIAL:
      /* Without a reason the workflow refuses, and says why. */
      if (is_blank (reason (self)))
        set_state (self, MC_CREDENTIAL_STATE_REVOKED);
      else
        confirm_revocation (self);
      break;
    case MC_ACTION_REISSUE:
    default:
      reissue (self);
      break;
    }
}

McAction
mc_credential_status_dialog_get_action (McCredentialStatusDialog *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_STATUS_DIALOG (self), MC_ACTION_REISSUE);
  return self->action;
}

void
mc_credential_status_dialog_set_reason (McCredentialStatusDialog *self,
                                        const char               *text)
{
  g_return_if_fail (MC_IS_CREDENTIAL_STATUS_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text != NULL ? text : "");
}

void
mc_credential_status_dialog_set_passphrase (McCredentialStatusDialog *self,
                                            const char               *passphrase)
{
  g_return_if_fail (MC_IS_CREDENTIAL_STATUS_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), passphrase != NULL ? passphrase : "");
}

gboolean
mc_credential_status_dialog_get_can_apply (McCredentialStatusDialog *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_STATUS_DIALOG (self), FALSE);

  if (self->cancellable != NULL || is_blank (reason (self)))
    return FALSE;
  return self->action != MC_ACTION_REISSUE ||
         gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row))[0] != '\0';
}

AdwMessageDialog *
mc_credential_status_dialog_get_confirmation (McCredentialStatusDialog *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_STATUS_DIALOG (self), NULL);
  return self->confirmation;
}

gboolean
mc_credential_status_dialog_get_busy (McCredentialStatusDialog *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_STATUS_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
mc_credential_status_dialog_get_error (McCredentialStatusDialog *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_STATUS_DIALOG (self), NULL);
  return self->error;
}

/* Set-up */

static void
on_cancel_clicked (McCredentialStatusDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Closing while the replacement is signed stops the signing first. */
static gboolean
mc_credential_status_dialog_close_request (GtkWindow *window)
{
  McCredentialStatusDialog *self = MC_CREDENTIAL_STATUS_DIALOG (window);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (mc_credential_status_dialog_parent_class)->close_request (window);
}

static void
set_up (McCredentialStatusDialog *self)
{
  const char *learner = self->credential->learner_name != NULL ? self->credential->learner_name : "";
  g_autofree char *description = NULL;
  const char *title = NULL;
  const char *button = NULL;
  const char *style = "suggested-action";

  switch ((int) self->action)
    {
    case MC_ACTION_SUSPEND_CREDENTIAL:
      title = _("Suspend Credential");
      button = _("_Suspend");
      /* Translators: %s is the learner */
      description = g_strdup_printf (_("While it is suspended, the credential of %s is not valid, and "
                                       "anyone who verifies it is told so. It can be reinstated later."),
                                     learner);
      break;
    case MC_ACTION_REVOKE_CREDENTIAL:
      title = _("Revoke Credential");
      button = _("_Revoke…");
      style = "destructive-action";
      /* Translators: %s is the learner */
      description = g_strdup_printf (_("Revocation is final: the credential of %s will never be valid "
                                       "again, and anyone who verifies it is told it was revoked and why."),
                                     learner);
      break;
    case MC_ACTION_REISSUE:
    default:
      self->action = MC_ACTION_REISSUE;
      title = _("Re-issue Credential");
      button = _("_Re-issue");
      /* Translators: %s is the learner */
      description = g_strdup_printf (_("A corrected credential replaces the one of %s, signed with the "
                                       "institution’s current key; the old one stops being valid. "
                                       "If the result was wrong, correct it before re-issuing."),
                                     learner);
      gtk_widget_set_visible (GTK_WIDGET (self->passphrase_row), TRUE);
      break;
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, learner);
  gtk_button_set_label (self->apply_button, button);
  gtk_widget_add_css_class (GTK_WIDGET (self->apply_button), style);
  adw_preferences_group_set_title (self->group, self->credential->title != NULL ? self->credential->title : "");
  adw_preferences_group_set_description (self->group, description);
  update_buttons (self);
}

/* GObject */

static void
mc_credential_status_dialog_dispose (GObject *object)
{
  McCredentialStatusDialog *self = MC_CREDENTIAL_STATUS_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_CREDENTIAL_STATUS_DIALOG);

  G_OBJECT_CLASS (mc_credential_status_dialog_parent_class)->dispose (object);
}

static void
mc_credential_status_dialog_finalize (GObject *object)
{
  McCredentialStatusDialog *self = MC_CREDENTIAL_STATUS_DIALOG (object);

  g_clear_object (&self->workflow);
  g_clear_pointer (&self->credential, mc_issued_credential_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mc_credential_status_dialog_parent_class)->finalize (object);
}

static void
mc_credential_status_dialog_class_init (McCredentialStatusDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mc_credential_status_dialog_dispose;
  object_class->finalize = mc_credential_status_dialog_finalize;
  window_class->close_request = mc_credential_status_dialog_close_request;

  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mc-credential-status-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McCredentialStatusDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, McCredentialStatusDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, McCredentialStatusDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, McCredentialStatusDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, McCredentialStatusDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McCredentialStatusDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McCredentialStatusDialog, group);
  gtk_widget_class_bind_template_child (widget_class, McCredentialStatusDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, McCredentialStatusDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, McCredentialStatusDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, McCredentialStatusDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, mc_credential_status_dialog_apply);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_credential_status_dialog_init (McCredentialStatusDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mc_accessible_name_password_rows (GTK_WIDGET (self));
}

McCredentialStatusDialog *
mc_credential_status_dialog_new (McWorkflow               *workflow,
                                 const McIssuedCredential *credential,
                                 McAction                  action)
{
  McCredentialStatusDialog *self = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (credential != NULL, NULL);

  self = g_object_new (MC_TYPE_CREDENTIAL_STATUS_DIALOG, NULL);
  self->workflow = g_object_ref (workflow);
  self->credential = mc_issued_credential_copy (credential);
  self->action = action;
  set_up (self);
  return self;
}
