/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-accessible.h"
#include "mc-key-text.h"
#include "mc-key-unlock-dialog.h"
#include "mc-keyring.h"
#include "mc-problem-row.h"
#include "mc-workflow-job.h"

struct _McKeyUnlockDialog
{
  AdwWindow            parent_instance;

  McWorkflow          *workflow;
  char                *heading;
  char                *body;
  char                *confirm_label;
  char                *kid;            /* the current signing key, or NULL */
  gboolean             busy;

  /* Template widgets */
  GtkButton           *confirm_button;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *group;
  AdwActionRow        *key_row;
  GtkEditable         *passphrase_row;
  McProblemRow        *problem_row;
};

G_DEFINE_FINAL_TYPE (McKeyUnlockDialog, mc_key_unlock_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_HEADING,
  PROP_BODY,
  PROP_CONFIRM_LABEL,
  N_PROPS
};

enum {
  UNLOCKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update (McKeyUnlockDialog *self)
{
  const char *passphrase = gtk_editable_get_text (self->passphrase_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button),
                            self->kid != NULL && *passphrase != '\0' && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), self->kid != NULL && !self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
}

static void
on_passphrase_changed (McKeyUnlockDialog *self)
{
  if (self->kid != NULL && !self->busy)
    mc_problem_row_set_message (self->problem_row, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->passphrase_row), "error");
  update (self);
}

/* The key */

static void
load_key (McKeyUnlockDialog *self)
{
  g_autoptr(McKeyring) keyring = mc_keyring_new (self->workflow);
  g_autoptr(McKeyRecord) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;

  key = mc_keyring_get_current_key (keyring, mc_keyring_get_signing_algorithm (keyring), &error);
  if (key == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), _("No signing key"));
      mc_problem_row_set_message (self->problem_row, error->message);
      return;
    }
  self->kid = g_strdup (key->kid);
  shown = mc_key_text_short_kid (key->kid);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), mc_key_text_kind (key->kind));
  /* Translators: %s is a key's short id, "kV3xH2aQ…9QzA" */
  subtitle = g_strdup_printf (_("Key %s"), shown);
  adw_action_row_set_subtitle (self->key_row, subtitle);
}

/* Unlocking */

typedef struct {
  char *kid;
  char *passphrase;
} Request;

static void
request_free (Request *request)
{
  g_free (request->kid);
  mc_workflow_job_free_secret (request->passphrase);
  g_free (request);
}

static gpointer
unlock_job (McWorkflow  *workflow,
            gpointer     data,
            GError     **error)
{
  Request *request = data;
  g_autoptr(McKeyring) keyring = mc_keyring_new (workflow);

  return mc_keyring_unlock (keyring, request->kid, request->passphrase, error);
}

static void
on_unlocked (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  McKeyUnlockDialog *self = MC_KEY_UNLOCK_DIALOG (source);
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  key = mc_workflow_job_finish (result, &error);
  self->busy = FALSE;
  if (self->workflow == NULL)
    return;  /* closed meanwhile: nothing is handed over */
  gtk_editable_set_text (self->passphrase_row, "");
  if (key == NULL)
    {
      mc_problem_row_set_message (self->problem_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->passphrase_row), "error");
      update (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return;
    }
  update (self);
  g_signal_emit (self, signals[UNLOCKED], 0, key);
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
mc_key_unlock_dialog_unlock (McKeyUnlockDialog *self)
{
  const char *passphrase = NULL;
  Request *request = NULL;

  g_return_val_if_fail (MC_IS_KEY_UNLOCK_DIALOG (self), FALSE);

  passphrase = gtk_editable_get_text (self->passphrase_row);
  if (self->kid == NULL || *passphrase == '\0' || self->busy)
    return FALSE;

  request = g_new0 (Request, 1);
  request->kid = g_strdup (self->kid);
  request->passphrase = g_strdup (passphrase);
  mc_problem_row_set_message (self->problem_row, NULL);
  self->busy = TRUE;
  update (self);
  mc_workflow_job_run (self->workflow, unlock_job, request, (GDestroyNotify) request_free,
                       g_object_unref, self, NULL, on_unlocked, NULL);
  return TRUE;
}

static void
on_confirm (McKeyUnlockDialog *self)
{
  mc_key_unlock_dialog_unlock (self);
}

void
mc_key_unlock_dialog_set_passphrase (McKeyUnlockDialog *self,
                                     const char        *passphrase)
{
  g_return_if_fail (MC_IS_KEY_UNLOCK_DIALOG (self));
  gtk_editable_set_text (self->passphrase_row, passphrase);
}

gboolean
mc_key_unlock_dialog_get_busy (McKeyUnlockDialog *self)
{
  g_return_val_if_fail (MC_IS_KEY_UNLOCK_DIALOG (self), FALSE);
  return self->busy;
}

const char *
mc_key_unlock_dialog_get_problem (McKeyUnlockDialog *self)
{
  g_return_val_if_fail (MC_IS_KEY_UNLOCK_DIALOG (self), NULL);
  return mc_problem_row_get_message (self->problem_row);
}

/* GObject */

static void
mc_key_unlock_dialog_constructed (GObject *object)
{
  McKeyUnlockDialog *self = MC_KEY_UNLOCK_DIALOG (object);

  G_OBJECT_CLASS (mc_key_unlock_dialog_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));
  gtk_window_set_title (GTK_WINDOW (self), self->heading);
  adw_preferences_group_set_description (self->group, self->body);
  gtk_button_set_label (self->confirm_button, self->confirm_label);
  load_key (self);
  update (self);
}

static void
mc_key_unlock_dialog_dispose (GObject *object)
{
  McKeyUnlockDialog *self = MC_KEY_UNLOCK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_KEY_UNLOCK_DIALOG);
  g_clear_object (&self->workflow);
  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->confirm_label, g_free);
  g_clear_pointer (&self->kid, g_free);

  G_OBJECT_CLASS (mc_key_unlock_dialog_parent_class)->dispose (object);
}

static void
mc_key_unlock_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  McKeyUnlockDialog *self = MC_KEY_UNLOCK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    case PROP_HEADING:
      self->heading = g_value_dup_string (value);
      break;
    case PROP_BODY:
      self->body = g_value_dup_string (value);
      break;
    case PROP_CONFIRM_LABEL:
      self->confirm_label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_key_unlock_dialog_class_init (McKeyUnlockDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_key_unlock_dialog_constructed;
  object_class->dispose = mc_key_unlock_dialog_dispose;
  object_class->set_property = mc_key_unlock_dialog_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFIRM_LABEL] =
    g_param_spec_string ("confirm-label", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, MC_TYPE_SIGNING_KEY);

  g_type_ensure (MC_TYPE_PROBLEM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-key-unlock-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McKeyUnlockDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, McKeyUnlockDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, McKeyUnlockDialog, group);
  gtk_widget_class_bind_template_child (widget_class, McKeyUnlockDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, McKeyUnlockDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, McKeyUnlockDialog, problem_row);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_key_unlock_dialog_init (McKeyUnlockDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mc_accessible_name_password_rows (GTK_WIDGET (self));
}

McKeyUnlockDialog *
mc_key_unlock_dialog_new (McWorkflow *workflow,
                          const char *heading,
                          const char *body,
                          const char *confirm_label)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_KEY_UNLOCK_DIALOG,
                       "workflow", workflow,
                       "heading", heading,
                       "body", body,
                       "confirm-label", confirm_label,
                       NULL);
}
