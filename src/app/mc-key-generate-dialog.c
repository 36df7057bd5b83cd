/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-key-generate-dialog.h"
#include "mc-new-passphrase-group.h"

struct _McKeyGenerateDialog
{
  McKeyDialog           parent_instance;

  /* Template widgets */
  GtkWidget            *cancel_button;
  GtkWidget            *generate_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwComboRow          *algorithm_row;
  GtkSwitch            *self_signed_switch;
  McNewPassphraseGroup *passphrase_group;
};

G_DEFINE_FINAL_TYPE (McKeyGenerateDialog, mc_key_generate_dialog, MC_TYPE_KEY_DIALOG)

/* The algorithms in the order of the drop-down. */
static const McKeyAlgorithm algorithms[] = { MC_KEY_ALGORITHM_RS256, MC_KEY_ALGORITHM_EDDSA };

static void
on_acceptable_changed (McKeyGenerateDialog *self)
{
  _mc_key_dialog_set_ready (MC_KEY_DIALOG (self),
                            mc_new_passphrase_group_get_acceptable (self->passphrase_group));
}

/* Generating */

typedef struct {
  McKeyAlgorithm  alg;
  char           *passphrase;
  gboolean        self_signed;
} Request;

static void
request_free (Request *request)
{
  mc_workflow_job_free_secret (request->passphrase);
  g_free (request);
}

static McKeyRecord *
generate_job (McKeyring  *keyring,
              gpointer    data,
              GError    **error)
{
  Request *request = data;

  return mc_keyring_generate (keyring, request->alg, request->passphrase, request->self_signed, error);
}

gboolean
mc_key_generate_dialog_generate (McKeyGenerateDialog *self)
{
  const char *passphrase = NULL;
  Request *request = NULL;
  guint position = 0;

  g_return_val_if_fail (MC_IS_KEY_GENERATE_DIALOG (self), FALSE);

  passphrase = mc_new_passphrase_group_get_passphrase (self->passphrase_group);
  if (mc_key_dialog_get_busy (MC_KEY_DIALOG (self)) || passphrase == NULL)
    return FALSE;

  position = adw_combo_row_get_selected (self->algorithm_row);
  request = g_new0 (Request, 1);
  request->alg = algorithms[position < G_N_ELEMENTS (algorithms) ? position : 0];
  request->passphrase = g_strdup (passphrase);
  request->self_signed = gtk_switch_get_active (self->self_signed_switch);
  /* The dialog's copy goes as soon as the job has its own. */
  mc_new_passphrase_group_clear (self->passphrase_group);

  _mc_key_dialog_run (MC_KEY_DIALOG (self), generate_job, request, (GDestroyNotify) request_free);
  return TRUE;
}

static void
on_generate_clicked (McKeyGenerateDialog *self)
{
  mc_key_generate_dialog_generate (self);
}

/* Public */

void
mc_key_generate_dialog_set_algorithm (McKeyGenerateDialog *self,
                                      McKeyAlgorithm       alg)
{
  g_return_if_fail (MC_IS_KEY_GENERATE_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (algorithms); i++)
    if (algorithms[i] == alg)
      adw_combo_row_set_selected (self->algorithm_row, i);
}

void
mc_key_generate_dialog_set_self_signed (McKeyGenerateDialog *self,
                                        gboolean             self_signed)
{
  g_return_if_fail (MC_IS_KEY_GENERATE_DIALOG (self));
  gtk_switch_set_active (self->self_signed_switch, self_signed);
}

void
mc_key_generate_dialog_set_passphrase (McKeyGenerateDialog *self,
                                       const char          *passphrase)
{
  g_return_if_fail (MC_IS_KEY_GENERATE_DIALOG (self));
  mc_new_passphrase_group_set_passphrase (self->passphrase_group, passphrase);
}

/* GObject */

static void
mc_key_generate_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MC_TYPE_KEY_GENERATE_DIALOG);

  G_OBJECT_CLASS (mc_key_generate_dialog_parent_class)->dispose (object);
}

static void
mc_key_generate_dialog_class_init (McKeyGenerateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_key_generate_dialog_dispose;

  g_type_ensure (MC_TYPE_NEW_PASSPHRASE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-key-generate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McKeyGenerateDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, McKeyGenerateDialog, generate_button);
  gtk_widget_class_bind_template_child (widget_class, McKeyGenerateDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McKeyGenerateDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McKeyGenerateDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, McKeyGenerateDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, McKeyGenerateDialog, algorithm_row);
  gtk_widget_class_bind_template_child (widget_class, McKeyGenerateDialog, self_signed_switch);
  gtk_widget_class_bind_template_child (widget_class, McKeyGenerateDialog, passphrase_group);
  gtk_widget_class_bind_template_callback (widget_class, on_generate_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_acceptable_changed);
}

static void
mc_key_generate_dialog_init (McKeyGenerateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _mc_key_dialog_set_widgets (MC_KEY_DIALOG (self), self->generate_button, self->cancel_button,
                              self->error_revealer, self->error_label, self->stack, self->spinner);
}

McKeyGenerateDialog *
mc_key_generate_dialog_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_KEY_GENERATE_DIALOG, "workflow", workflow, NULL);
}
