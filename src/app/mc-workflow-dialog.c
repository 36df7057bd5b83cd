/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-workflow-dialog.h"

typedef struct
{
  McWorkflow  *workflow;
  McDesign    *design;
  GtkRevealer *error_revealer;
  GtkLabel    *error_label;
  char        *error;
} McWorkflowDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (McWorkflowDialog, mc_workflow_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_DESIGN,
  N_PROPS
};

enum {
  SIGNAL_DONE,
  SIGNAL_CONFLICT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

McWorkflow *
mc_workflow_dialog_get_workflow (McWorkflowDialog *self)
{
  McWorkflowDialogPrivate *priv = mc_workflow_dialog_get_instance_private (self);

  g_return_val_if_fail (MC_IS_WORKFLOW_DIALOG (self), NULL);
  return priv->workflow;
}

McDesign *
mc_workflow_dialog_get_design (McWorkflowDialog *self)
{
  McWorkflowDialogPrivate *priv = mc_workflow_dialog_get_instance_private (self);

  g_return_val_if_fail (MC_IS_WORKFLOW_DIALOG (self), NULL);
  return priv->design;
}

const char *
mc_workflow_dialog_get_error (McWorkflowDialog *self)
{
  McWorkflowDialogPrivate *priv = mc_workflow_dialog_get_instance_private (self);

  g_return_val_if_fail (MC_IS_WORKFLOW_DIALOG (self), NULL);
  return priv->error;
}

void
_mc_workflow_dialog_set_error_widgets (McWorkflowDialog *self,
                                       GtkRevealer      *revealer,
                                       GtkLabel         *label)
{
  McWorkflowDialogPrivate *priv = mc_workflow_dialog_get_instance_private (self);

  priv->error_revealer = revealer;
  priv->error_label = label;
}

void
_mc_workflow_dialog_show_error (McWorkflowDialog *self,
                                const char       *message)
{
  McWorkflowDialogPrivate *priv = mc_workflow_dialog_get_instance_private (self);

  g_free (priv->error);
  priv->error = g_strdup (message);
  if (priv->error_label != NULL)
    gtk_label_set_text (priv->error_label, message ? message : "");
  if (priv->error_revealer != NULL)
    gtk_revealer_set_reveal_child (priv->error_revealer, message != NULL);
}

gboolean
_mc_workflow_dialog_finish (McWorkflowDialog *self,
                            gboolean          ok,
                            GError           *error)
{
  g_autoptr(GError) owned = error;

  if (ok)
    {
      _mc_workflow_dialog_show_error (self, NULL);
      g_signal_emit (self, signals[SIGNAL_DONE], 0);
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }

  g_return_val_if_fail (owned != NULL, FALSE);
  if (g_error_matches (owned, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT))
    {
      g_signal_emit (self, signals[SIGNAL_CONFLICT], 0);
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    _mc_workflow_dialog_show_error (self, owned->message);
  return FALSE;
}

static void
mc_workflow_dialog_dispose (GObject *object)
{
  McWorkflowDialog *self = MC_WORKFLOW_DIALOG (object);
  McWorkflowDialogPrivate *priv = mc_workflow_dialog_get_instance_private (self);

  priv->error_revealer = NULL;
  priv->error_label = NULL;
  g_clear_object (&priv->workflow);
  g_clear_object (&priv->design);

  G_OBJECT_CLASS (mc_workflow_dialog_parent_class)->dispose (object);
}

static void
mc_workflow_dialog_finalize (GObject *object)
{
  McWorkflowDialog *self = MC_WORKFLOW_DIALOG (object);
  McWorkflowDialogPrivate *priv = mc_workflow_dialog_get_instance_private (self);

  g_free (priv->error);

  G_OBJECT_CLASS (mc_workflow_dialog_parent_class)->finalize (object);
}

static void
mc_workflow_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  McWorkflowDialog *self = MC_WORKFLOW_DIALOG (object);
  McWorkflowDialogPrivate *priv = mc_workflow_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, priv->workflow);
      break;
    case PROP_DESIGN:
      g_value_set_object (value, priv->design);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_workflow_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  McWorkflowDialog *self = MC_WORKFLOW_DIALOG (object);
  McWorkflowDialogPrivate *priv = mc_workflow_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      priv->workflow = g_value_dup_object (value);
      break;
    case PROP_DESIGN:
      priv->design = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_workflow_dialog_class_init (McWorkflowDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_workflow_dialog_dispose;
  object_class->finalize = mc_workflow_dialog_finalize;
  object_class->get_property = mc_workflow_dialog_get_property;
  object_class->set_property = mc_workflow_dialog_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESIGN] =
    g_param_spec_object ("design", NULL, NULL, MC_TYPE_DESIGN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_workflow_dialog_init (McWorkflowDialog *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}
