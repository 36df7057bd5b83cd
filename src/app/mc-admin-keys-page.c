/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-admin-keys-page.h"
#include "mc-admin-private.h"
#include "mc-problem-row.h"
#include "mc-date-format.h"
#include "mc-key-text.h"
#include "mc-keyring.h"

struct _McAdminKeysPage
{
  McAdminPage          parent_instance;

  McWorkflow          *workflow;      /* the page's (borrowed) */
  McKeyring           *keyring;
  gboolean             editable;
  gboolean             syncing;
  GPtrArray           *key_rows;      /* rows added to keys_group, a key each */
  GtkWidget           *empty_row;
  GtkWidget           *problem_row;

  /* Template widgets */
  AdwPreferencesGroup *note_group;
  AdwPreferencesGroup *algorithm_group;
  AdwComboRow         *algorithm_row;
  AdwPreferencesGroup *keys_group;
  GtkWidget           *generate_button;
  GtkWidget           *import_button;
};

G_DEFINE_FINAL_TYPE (McAdminKeysPage, mc_admin_keys_page, MC_TYPE_ADMIN_PAGE)

/* The values of the signing algorithm setting, in the drop-down's order. */
static const char *algorithms[] = { "RS256", "EdDSA" };

static void
emit_changed (McAdminKeysPage *self)
{
  mc_admin_page_emit_changed (MC_ADMIN_PAGE (self));
}

/* Retiring */

gboolean
mc_admin_keys_page_retire_key (McAdminKeysPage *self,
                               const char      *kid)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_KEYS_PAGE (self), FALSE);
  g_return_val_if_fail (kid != NULL, FALSE);

  if (!mc_workflow_retire_key (self->workflow, kid, &error))
    {
      _mc_admin_show_error (GTK_WIDGET (self), _("Could Not Retire the Key"), error->message);
      return FALSE;
    }
  mc_admin_keys_page_reload (self);
  _mc_admin_toast (GTK_WIDGET (self), adw_toast_new (_("Key retired")));
  emit_changed (self);
  return TRUE;
}

static void
on_retire_response (AdwMessageDialog *dialog,
                    const char       *response,
                    McAdminKeysPage  *self)
{
  const char *kid = g_object_get_data (G_OBJECT (dialog), "mc-kid");

  if (g_str_equal (response, "retire"))
    mc_admin_keys_page_retire_key (self, kid);
}

static void
on_retire_clicked (GtkButton       *button,
                   McAdminKeysPage *self)
{
  const char *kid = g_object_get_data (G_OBJECT (button), "mc-kid");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *shown = mc_key_text_short_kid (kid);
  g_autofree char *body = NULL;
  GtkWidget *dialog = NULL;

  /* Translators: %s is a key's short id, "kV3xH2aQ…9QzA" */
  body = g_strdup_printf (_("Nothing more will be signed with the key %s. It stays, to verify the credentials it signed. A retired key cannot be used again."),
                          shown);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Retire the Key?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "retire", _("_Retire"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retire",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "mc-kid", g_strdup (kid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_retire_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows */

static char *
describe_key (McAdminKeysPage *self,
              McKeyRecord     *key)
{
  McStore *store = mc_workflow_get_store (self->workflow);
  g_autoptr(McPerson) person = key->created_by != 0 ? mc_store_get_person (store, key->created_by, NULL) : NULL;
  g_autofree char *kid = mc_key_text_short_kid (key->kid);
  g_autofree char *date = mc_format_unix_date (key->created_at, mc_workflow_get_today (self->workflow));
  g_autofree char *added = NULL;
  const char *holds = NULL;

  if (person != NULL)
    /* Translators: a key's short id, the date it was added, and who added it */
    added = g_strdup_printf (_("Key %s · added %s by %s"), kid, date, mc_person_get_name (person));
  else
    /* Translators: a key's short id and the date it was added */
    added = g_strdup_printf (_("Key %s · added %s"), kid, date);

  if (key->private_path == NULL)
    holds = _("Verification only: no private key");
  else if (key->certificate_pem != NULL)
    holds = _("With an X.509 certificate");
  else
    holds = _("Without a certificate");
  return g_strconcat (added, "\n", holds, NULL);
}

static GtkWidget *
state_pill (McKeyRecord *key,
            gboolean     signing)
{
  GtkWidget *label = NULL;
  const char *css = NULL;

  if (key->retired_at != 0)
    {
      label = gtk_label_new (_("Retired"));
      css = "key-retired";
    }
  else if (signing)
    {
      label = gtk_label_new (_("Signing"));
      css = "key-signing";
    }
  else
    {
      label = gtk_label_new (_("Current"));
      css = "key-current";
    }
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "state-pill");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, css);
  return label;
}

static GtkWidget *
key_row (McAdminKeysPage *self,
         McKeyRecord     *key,
         gboolean         signing)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_key (self, key);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_key_text_kind (key->kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_tooltip_text (row, key->kid);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_pill (key, signing));

  if (key->retired_at == 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Retire…"));
      g_autofree char *shown = mc_key_text_short_kid (key->kid);
      /* Translators: a button's name for screen readers, %s is a key's short id */
      g_autofree char *name = g_strdup_printf (_("Retire the key %s"), shown);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (button), "mc-kid", g_strdup (key->kid), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_retire_clicked), self, 0);
      _mc_admin_set_editable (button, self->editable);
      if (self->editable)
        gtk_widget_set_tooltip_text (button, _("Sign nothing more with this key"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  g_object_set_data_full (G_OBJECT (row), "mc-kid", g_strdup (key->kid), g_free);
  return row;
}

static void
clear_rows (McAdminKeysPage *self)
{
  for (guint i = 0; i < self->key_rows->len; i++)
    adw_preferences_group_remove (self->keys_group, g_ptr_array_index (self->key_rows, i));
  g_ptr_array_set_size (self->key_rows, 0);
  if (self->empty_row != NULL)
    adw_preferences_group_remove (self->keys_group, self->empty_row);
  self->empty_row = NULL;
}

void
mc_admin_keys_page_reload (McAdminKeysPage *self)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(McKeyRecord) signing = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MC_IS_ADMIN_KEYS_PAGE (self));

  clear_rows (self);
  keys = mc_store_list_keys (mc_workflow_get_store (self->workflow), &error);
  if (keys == NULL || keys->len == 0)
    {
      self->empty_row = _mc_admin_message_row (keys == NULL ? error->message
                                               : _("No keys yet: generate one, or import the one your certificate authority gave you"));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (self->empty_row), 0);
      adw_preferences_group_add (self->keys_group, self->empty_row);
      return;
    }

  signing = mc_keyring_get_current_key (self->keyring, mc_keyring_get_signing_algorithm (self->keyring), NULL);
  for (guint i = 0; i < keys->len; i++)
    {
      McKeyRecord *key = g_ptr_array_index (keys, i);
      GtkWidget *row = key_row (self, key, signing != NULL && g_strcmp0 (signing->kid, key->kid) == 0);

      adw_preferences_group_add (self->keys_group, row);
      g_ptr_array_add (self->key_rows, row);
    }
}

guint
mc_admin_keys_page_get_n_keys (McAdminKeysPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_KEYS_PAGE (self), 0);
  return self->key_rows->len;
}

GtkWidget *
mc_admin_keys_page_get_row (McAdminKeysPage *self,
                            guint            index)
{
  g_return_val_if_fail (MC_IS_ADMIN_KEYS_PAGE (self), NULL);
  g_return_val_if_fail (index < self->key_rows->len, NULL);
  return g_ptr_array_index (self->key_rows, index);
}

/* Adding keys */

static void
on_key_added (McAdminKeysPage *self,
              McKeyRecord     *key)
{
  g_autofree char *shown = mc_key_text_short_kid (key->kid);
  /* Translators: %s is a key's short id */
  g_autofree char *text = g_strdup_printf (_("Key %s added"), shown);

  mc_admin_keys_page_reload (self);
  _mc_admin_toast (GTK_WIDGET (self), adw_toast_new (text));
  emit_changed (self);
}

static void
present_dialog (McAdminKeysPage *self,
                McKeyDialog     *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_key_added), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

McKeyGenerateDialog *
mc_admin_keys_page_generate (McAdminKeysPage *self)
{
  McKeyGenerateDialog *dialog = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_KEYS_PAGE (self), NULL);

  dialog = mc_key_generate_dialog_new (self->workflow);
  present_dialog (self, MC_KEY_DIALOG (dialog));
  return dialog;
}

McKeyImportDialog *
mc_admin_keys_page_import (McAdminKeysPage *self)
{
  McKeyImportDialog *dialog = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_KEYS_PAGE (self), NULL);

  dialog = mc_key_import_dialog_new (self->workflow);
  present_dialog (self, MC_KEY_DIALOG (dialog));
  return dialog;
}

static void
on_generate_clicked (McAdminKeysPage *self)
{
  mc_admin_keys_page_generate (self);
}

static void
on_import_clicked (McAdminKeysPage *self)
{
  mc_admin_keys_page_import (self);
}

/* The signing algorithm */

static void
load_algorithm (McAdminKeysPage *self)
{
  McKeyAlgorithm alg = mc_keyring_get_signing_algorithm (self->keyring);

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->algorithm_row, alg == MC_KEY_ALGORITHM_EDDSA ? 1 : 0);
  self->syncing = FALSE;
}

gboolean
mc_admin_keys_page_set_algorithm (McAdminKeysPage *self,
                                  const char      *algorithm)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_KEYS_PAGE (self), FALSE);
  g_return_val_if_fail (algorithm != NULL, FALSE);

  if (!mc_workflow_set_setting (self->workflow, MC_SETTING_SIGNING_ALGORITHM, algorithm, &error))
    {
      mc_problem_row_set_message (MC_PROBLEM_ROW (self->problem_row), error->message);
      load_algorithm (self);
      return FALSE;
    }
  mc_problem_row_set_message (MC_PROBLEM_ROW (self->problem_row), NULL);
  load_algorithm (self);
  mc_admin_keys_page_reload (self);
  _mc_admin_toast (GTK_WIDGET (self), adw_toast_new (_("Signing algorithm changed")));
  emit_changed (self);
  return TRUE;
}

const char *
mc_admin_keys_page_get_problem (McAdminKeysPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_KEYS_PAGE (self), NULL);
  return mc_problem_row_get_message (MC_PROBLEM_ROW (self->problem_row));
}

static void
on_algorithm_selected (McAdminKeysPage *self)
{
  guint position = adw_combo_row_get_selected (self->algorithm_row);

  if (self->syncing || position >= G_N_ELEMENTS (algorithms))
    return;
  mc_admin_keys_page_set_algorithm (self, algorithms[position]);
}

/* GObject */

static void
mc_admin_keys_page_constructed (GObject *object)
{
  McAdminKeysPage *self = MC_ADMIN_KEYS_PAGE (object);

  G_OBJECT_CLASS (mc_admin_keys_page_parent_class)->constructed (object);

  self->workflow = mc_admin_page_get_workflow (MC_ADMIN_PAGE (self));
  self->editable = mc_admin_page_get_editable (MC_ADMIN_PAGE (self));
  mc_admin_page_set_note (MC_ADMIN_PAGE (self), self->note_group);
  self->keyring = mc_keyring_new (self->workflow);
  _mc_admin_set_editable (GTK_WIDGET (self->algorithm_row), self->editable);
  _mc_admin_set_editable (self->generate_button, self->editable);
  _mc_admin_set_editable (self->import_button, self->editable);

  self->problem_row = mc_problem_row_new ();
  adw_preferences_group_add (self->algorithm_group, self->problem_row);
  load_algorithm (self);
  g_signal_connect_object (self->algorithm_row, "notify::selected",
                           G_CALLBACK (on_algorithm_selected), self, G_CONNECT_SWAPPED);
  mc_admin_keys_page_reload (self);
}

static void
mc_admin_keys_page_dispose (GObject *object)
{
  McAdminKeysPage *self = MC_ADMIN_KEYS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ADMIN_KEYS_PAGE);
  self->workflow = NULL;  /* McAdminPage's, released there */
  g_clear_object (&self->keyring);
  g_clear_pointer (&self->key_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_admin_keys_page_parent_class)->dispose (object);
}

static void
mc_admin_keys_page_class_init (McAdminKeysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_admin_keys_page_constructed;
  object_class->dispose = mc_admin_keys_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-admin-keys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McAdminKeysPage, note_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminKeysPage, algorithm_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminKeysPage, algorithm_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminKeysPage, keys_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminKeysPage, generate_button);
  gtk_widget_class_bind_template_child (widget_class, McAdminKeysPage, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_generate_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
}

static void
mc_admin_keys_page_init (McAdminKeysPage *self)
{
  self->key_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

McAdminKeysPage *
mc_admin_keys_page_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_ADMIN_KEYS_PAGE, "workflow", workflow, NULL);
}
