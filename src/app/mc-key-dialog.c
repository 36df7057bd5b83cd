/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-key-dialog.h"

typedef struct
{
  McWorkflow  *workflow;
  char        *error;
  gboolean     busy;
  gboolean     ready;
  gboolean     disposed;
  GtkWidget   *confirm_button;
  GtkWidget   *cancel_button;
  GtkRevealer *error_revealer;
  GtkLabel    *error_label;
  GtkStack    *stack;
  GtkSpinner  *spinner;
} McKeyDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (McKeyDialog, mc_key_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  N_PROPS
};

enum {
  DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

McWorkflow *
mc_key_dialog_get_workflow (McKeyDialog *self)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (self);

  g_return_val_if_fail (MC_IS_KEY_DIALOG (self), NULL);
  return priv->workflow;
}

gboolean
mc_key_dialog_get_busy (McKeyDialog *self)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (self);

  g_return_val_if_fail (MC_IS_KEY_DIALOG (self), FALSE);
  return priv->busy;
}

const char *
mc_key_dialog_get_error (McKeyDialog *self)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (self);

  g_return_val_if_fail (MC_IS_KEY_DIALOG (self), NULL);
  return priv->error;
}

void
_mc_key_dialog_set_widgets (McKeyDialog *self,
                            GtkWidget   *confirm_button,
                            GtkWidget   *cancel_button,
                            GtkRevealer *error_revealer,
                            GtkLabel    *error_label,
                            GtkStack    *stack,
                            GtkSpinner  *spinner)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (self);

  priv->confirm_button = confirm_button;
  priv->cancel_button = cancel_button;
  priv->error_revealer = error_revealer;
  priv->error_label = error_label;
  priv->stack = stack;
  priv->spinner = spinner;
  _mc_key_dialog_set_ready (self, priv->ready);
}

static void
update (McKeyDialog *self)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (self);

  gtk_stack_set_visible_child_name (priv->stack, priv->busy ? "busy" : "form");
  gtk_spinner_set_spinning (priv->spinner, priv->busy);
  gtk_widget_set_sensitive (priv->cancel_button, !priv->busy);
  gtk_widget_set_sensitive (priv->confirm_button, !priv->busy && priv->ready);
}

void
_mc_key_dialog_set_ready (McKeyDialog *self,
                          gboolean     ready)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (self);

  priv->ready = ready;
  update (self);
}

void
_mc_key_dialog_show_error (McKeyDialog *self,
                           const char  *message)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (self);

  g_free (priv->error);
  priv->error = g_strdup (message);
  gtk_label_set_text (priv->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (priv->error_revealer, message != NULL);
}

typedef struct {
  McKeyDialogFunc func;
  gpointer        data;
  GDestroyNotify  data_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static gpointer
keyring_job (McWorkflow  *workflow,
             gpointer     data,
             GError     **error)
{
  Job *job = data;
  g_autoptr(McKeyring) keyring = mc_keyring_new (workflow);

  return job->func (keyring, job->data, error);
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  McKeyDialog *self = MC_KEY_DIALOG (source);
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(McKeyRecord) key = mc_workflow_job_finish (result, &error);

  /* Destroyed meanwhile: the key is stored all the same, and the pages
   * that list keys read them again when shown. */
  if (priv->disposed)
    return;
  priv->busy = FALSE;
  update (self);
  if (key == NULL)
    {
      _mc_key_dialog_show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DONE], 0, key);
  gtk_window_close (GTK_WINDOW (self));
}

void
_mc_key_dialog_run (McKeyDialog     *self,
                    McKeyDialogFunc  func,
                    gpointer         data,
                    GDestroyNotify   data_free)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (self);
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;

  _mc_key_dialog_show_error (self, NULL);
  priv->busy = TRUE;
  update (self);
  /* The job holds the dialog (its source object) until it is done. */
  mc_workflow_job_run (priv->workflow, keyring_job, job, (GDestroyNotify) job_free,
                       (GDestroyNotify) mc_key_record_free, self, NULL, on_job_done, NULL);
}

static gboolean
mc_key_dialog_close_request (GtkWindow *window)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (MC_KEY_DIALOG (window));

  /* The key is being stored; it cannot be taken back half-way. */
  if (priv->busy)
    return TRUE;
  return GTK_WINDOW_CLASS (mc_key_dialog_parent_class)->close_request (window);
}

static void
mc_key_dialog_dispose (GObject *object)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (MC_KEY_DIALOG (object));

  priv->disposed = TRUE;
  g_clear_object (&priv->workflow);
  g_clear_pointer (&priv->error, g_free);

  G_OBJECT_CLASS (mc_key_dialog_parent_class)->dispose (object);
}

static void
mc_key_dialog_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (MC_KEY_DIALOG (object));

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, priv->workflow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_key_dialog_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  McKeyDialogPrivate *priv = mc_key_dialog_get_instance_private (MC_KEY_DIALOG (object));

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      priv->workflow = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_key_dialog_class_init (McKeyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_key_dialog_dispose;
  object_class->get_property = mc_key_dialog_get_property;
  object_class->set_property = mc_key_dialog_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = mc_key_dialog_close_request;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, MC_TYPE_KEY_RECORD);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_key_dialog_init (McKeyDialog *self)
{
}
