/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-credential-verifier.h"
#include "mc-recognition-dialog.h"
#include "mc-recognition-text.h"
#include "mc-verify-dialog-private.h"

/* Verifying runs in the main context: McRemoteVerifier fetches what a
 * credential of another institution points at asynchronously, and looks
 * our own up in the register.  A file is read in a worker first. */

G_DEFINE_FINAL_TYPE (McVerifyDialog, mc_verify_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_VERIFIER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_text_changed (McVerifyDialog *self);

static void
set_busy (McVerifyDialog *self,
          gboolean        busy)
{
  if (busy)
    {
      gtk_spinner_start (self->spinner);
      gtk_label_set_text (self->checking_label,
                          gtk_switch_get_active (self->offline_switch)
                            ? _("Checking the credential with what was fetched before…")
                            : _("Checking the credential and fetching what its issuer publishes…"));
      gtk_stack_set_visible_child_name (self->stack, "checking");
    }
  else
    {
      g_clear_object (&self->cancellable);
      gtk_spinner_stop (self->spinner);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.open", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.cancel", busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->offline_switch), !busy);
  on_text_changed (self);
}

static void
show_input (McVerifyDialog *self,
            const char     *error)
{
  g_free (self->error);
  self->error = g_strdup (error);
  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
  gtk_stack_set_visible_child_name (self->stack, "input");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
}

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(McVerifyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  McVerification *verification = mc_remote_verifier_verify_finish (MC_REMOTE_VERIFIER (source), result, &error);

  if (verification == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  g_clear_object (&self->verification);
  g_clear_pointer (&self->recorded, g_free);
  if (verification == NULL)
    {
      show_input (self, error->message);
      return;
    }
  self->verification = verification;
  g_clear_pointer (&self->error, g_free);
  _mc_verify_dialog_show_result (self);
}

static void
cancel_running (McVerifyDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
start_text (McVerifyDialog *self,
            const char     *text)
{
  g_free (self->text);
  self->text = g_strdup (text);
  mc_remote_verifier_set_offline (self->verifier, gtk_switch_get_active (self->offline_switch));
  mc_remote_verifier_verify_async (self->verifier, text, self->cancellable, on_verified,
                                   g_object_ref (self));
}

static void
begin (McVerifyDialog *self)
{
  cancel_running (self);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
}

void
mc_verify_dialog_verify_text (McVerifyDialog *self,
                              const char     *text)
{
  g_return_if_fail (MC_IS_VERIFY_DIALOG (self));
  g_return_if_fail (text != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  begin (self);
  start_text (self, text);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  char *text = mc_credential_verifier_read_text_file (task_data, cancellable, &error);

  if (text == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, text, g_free);
}

static void
on_file_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);

  if (text == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (text == NULL)
    {
      set_busy (self, FALSE);
      show_input (self, error->message);
      return;
    }
  start_text (self, text);
}

void
mc_verify_dialog_verify_file (McVerifyDialog *self,
                              GFile          *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MC_IS_VERIFY_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  begin (self);
  task = g_task_new (self, self->cancellable, on_file_read, NULL);
  g_task_set_source_tag (task, mc_verify_dialog_verify_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_file_thread);
}

void
mc_verify_dialog_cancel (McVerifyDialog *self)
{
  g_return_if_fail (MC_IS_VERIFY_DIALOG (self));

  if (self->cancellable == NULL)
    return;
  cancel_running (self);
  set_busy (self, FALSE);
  show_input (self, NULL);
}

/* Recognition */

static void
on_recognition_recorded (McVerifyDialog      *self,
                         McRecognition       *recognition,
                         McRecognitionDialog *dialog)
{
  g_autofree char *credit = mc_recognition_text_credit (mc_workflow_get_store (self->workflow), recognition);

  g_free (self->recorded);
  /* Translators: %s is "5 ECTS towards “Data Ethics” · Credit transfer" */
  self->recorded = g_strdup_printf (_("Recognition recorded: %s"), credit);
  _mc_verify_dialog_update_recognise (self);
}

McRecognitionDialog *
mc_verify_dialog_record_recognition (McVerifyDialog *self)
{
  McRecognitionDialog *dialog = NULL;

  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), NULL);

  if (!self->can_recognise)
    return NULL;
  dialog = mc_recognition_dialog_new (self->workflow, self->verification, self->text);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_recognition_recorded), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Actions */

static void
verify_verify_text (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start_iter, end_iter;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start_iter, &end_iter);
  text = gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
  mc_verify_dialog_verify_text (self, text);
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                McVerifyDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        mc_verify_dialog_verify_file (self, file);
    }
  g_object_set_data (G_OBJECT (self), "mc-chooser", NULL);
}

static void
verify_open (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (widget);
  g_autoptr(GtkFileFilter) credentials = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser = NULL;

  chooser = gtk_file_chooser_native_new (_("Open a Credential"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (credentials, _("Credentials (.jwt, .json)"));
  gtk_file_filter_add_pattern (credentials, "*.jwt");
  gtk_file_filter_add_pattern (credentials, "*.json");
  gtk_file_filter_add_pattern (credentials, "*.txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), credentials);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_object_set_data_full (G_OBJECT (self), "mc-chooser", chooser, g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
verify_again (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (widget);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  show_input (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
on_text_changed (McVerifyDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.verify-text",
                                 self->cancellable == NULL && gtk_text_buffer_get_char_count (buffer) > 0);
}

static void
verify_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  mc_verify_dialog_cancel (MC_VERIFY_DIALOG (widget));
}

static void
verify_recognise (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  mc_verify_dialog_record_recognition (MC_VERIFY_DIALOG (widget));
}

static gboolean
on_drop (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         McVerifyDialog *self)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || self->cancellable != NULL)
    return FALSE;
  mc_verify_dialog_verify_file (self, g_value_get_object (value));
  return TRUE;
}

/* Accessors */

gboolean
mc_verify_dialog_get_busy (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

McVerification *
mc_verify_dialog_get_verification (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), NULL);
  return self->verification;
}

const char *
mc_verify_dialog_get_error (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), NULL);
  return self->error;
}

const char *
mc_verify_dialog_get_verdict_text (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), NULL);
  return self->verification != NULL ? gtk_label_get_text (self->verdict_label) : NULL;
}

void
mc_verify_dialog_set_offline (McVerifyDialog *self,
                              gboolean        offline)
{
  g_return_if_fail (MC_IS_VERIFY_DIALOG (self));
  gtk_switch_set_active (self->offline_switch, offline);
}

gboolean
mc_verify_dialog_get_offline (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), FALSE);
  return gtk_switch_get_active (self->offline_switch);
}

const char *
mc_verify_dialog_get_trust_text (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), NULL);
  return self->verification != NULL && gtk_widget_get_visible (GTK_WIDGET (self->trust_label))
         ? gtk_label_get_text (self->trust_label) : NULL;
}

const char *
mc_verify_dialog_get_not_checked_text (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), NULL);
  return self->verification != NULL && gtk_widget_get_visible (GTK_WIDGET (self->not_checked_group))
         ? gtk_label_get_text (self->not_checked_label) : NULL;
}

gboolean
mc_verify_dialog_get_can_recognise (McVerifyDialog *self,
                                    const char    **reason)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), FALSE);

  if (reason != NULL)
    *reason = self->can_recognise ? NULL : gtk_widget_get_tooltip_text (GTK_WIDGET (self->recognise_button));
  return self->can_recognise;
}

const char *
mc_verify_dialog_get_recorded_text (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), NULL);
  return self->recorded;
}

/* GObject */

static void
mc_verify_dialog_constructed (GObject *object)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (object);

  G_OBJECT_CLASS (mc_verify_dialog_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));
  if (self->verifier == NULL)
    self->verifier = mc_remote_verifier_new (mc_workflow_get_store (self->workflow));
  set_busy (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.recognise", FALSE);
}

static void
mc_verify_dialog_dispose (GObject *object)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_object_set_data (G_OBJECT (self), "mc-chooser", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_VERIFY_DIALOG);

  G_OBJECT_CLASS (mc_verify_dialog_parent_class)->dispose (object);
}

static void
mc_verify_dialog_finalize (GObject *object)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (object);

  g_clear_object (&self->workflow);
  g_clear_object (&self->verifier);
  g_clear_object (&self->verification);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->recorded, g_free);

  G_OBJECT_CLASS (mc_verify_dialog_parent_class)->finalize (object);
}

static void
mc_verify_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_VERIFIER:
      g_value_set_object (value, self->verifier);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_verify_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    case PROP_VERIFIER:
      self->verifier = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_verify_dialog_class_init (McVerifyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_verify_dialog_constructed;
  object_class->dispose = mc_verify_dialog_dispose;
  object_class->finalize = mc_verify_dialog_finalize;
  object_class->get_property = mc_verify_dialog_get_property;
  object_class->set_property = mc_verify_dialog_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERIFIER] =
    g_param_spec_object ("verifier", NULL, NULL, MC_TYPE_REMOTE_VERIFIER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-verify-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, offline_switch);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, checking_label);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, trust_label);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, not_checked_group);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, not_checked_label);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, recognition_box);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, recognise_button);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, recognition_label);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, credential_group);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, learner_row);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, achievement_row);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, dates_row);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, id_row);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, checks_list);

  gtk_widget_class_install_action (widget_class, "verify.verify-text", NULL, verify_verify_text);
  gtk_widget_class_install_action (widget_class, "verify.open", NULL, verify_open);
  gtk_widget_class_install_action (widget_class, "verify.again", NULL, verify_again);
  gtk_widget_class_install_action (widget_class, "verify.cancel", NULL, verify_cancel);
  gtk_widget_class_install_action (widget_class, "verify.recognise", NULL, verify_recognise);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "verify.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "verify.verify-text", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_verify_dialog_init (McVerifyDialog *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  on_text_changed (self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

McVerifyDialog *
mc_verify_dialog_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_VERIFY_DIALOG, "workflow", workflow, NULL);
}
