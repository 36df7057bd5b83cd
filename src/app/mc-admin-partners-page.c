/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-admin-partners-page.h"
#include "mc-admin-private.h"
#include "mc-date-format.h"
#include "mc-problem-row.h"

struct _McAdminPartnersPage
{
  McAdminPage          parent_instance;

  McWorkflow          *workflow;      /* the page's (borrowed) */
  gboolean             editable;
  GPtrArray           *rows;          /* rows added to partners_group */
  GtkWidget           *empty_row;
  GtkWidget           *problem_row;

  /* Template widgets */
  AdwPreferencesGroup *note_group;
  AdwPreferencesGroup *partners_group;
  AdwPreferencesGroup *add_group;
  AdwEntryRow         *issuer_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *note_row;
  GtkWidget           *add_button;
};

G_DEFINE_FINAL_TYPE (McAdminPartnersPage, mc_admin_partners_page, MC_TYPE_ADMIN_PAGE)

/* Removing */

gboolean
mc_admin_partners_page_remove (McAdminPartnersPage *self,
                               const char          *issuer_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_PARTNERS_PAGE (self), FALSE);
  g_return_val_if_fail (issuer_id != NULL, FALSE);

  if (!mc_workflow_remove_partner (self->workflow, issuer_id, &error))
    {
      _mc_admin_show_error (GTK_WIDGET (self), _("Could Not Remove the Partner"), error->message);
      return FALSE;
    }
  mc_admin_partners_page_reload (self);
  _mc_admin_toast (GTK_WIDGET (self), adw_toast_new (_("Partner removed")));
  mc_admin_page_emit_changed (MC_ADMIN_PAGE (self));
  return TRUE;
}

static void
on_remove_response (AdwMessageDialog    *dialog,
                    const char          *response,
                    McAdminPartnersPage *self)
{
  if (g_str_equal (response, "remove"))
    mc_admin_partners_page_remove (self, g_object_get_data (G_OBJECT (dialog), "mc-issuer"));
}

AdwMessageDialog *
mc_admin_partners_page_confirm_remove (McAdminPartnersPage *self,
                                       guint                index)
{
  GtkRoot *root = NULL;
  GtkWidget *row = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog = NULL;

  g_return_val_if_fail (MC_IS_ADMIN_PARTNERS_PAGE (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  row = g_ptr_array_index (self->rows, index);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Translators: %s is a partner institution's name */
  body = g_strdup_printf (_("Credentials from %s will no longer be shown as from a trusted partner. "
                            "Recognitions already recorded stay, and the history keeps that it was a partner."),
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove the Partner?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "mc-issuer",
                          g_strdup (g_object_get_data (G_OBJECT (row), "mc-issuer")), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
on_remove_clicked (GtkButton           *button,
                   McAdminPartnersPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  guint index = 0;

  if (row != NULL && g_ptr_array_find (self->rows, row, &index))
    mc_admin_partners_page_confirm_remove (self, index);
}

/* Rows */

static char *
describe_partner (McAdminPartnersPage   *self,
                  const McPartnerIssuer *partner)
{
  McStore *store = mc_workflow_get_store (self->workflow);
  g_autoptr(McPerson) person = partner->added_by != 0 ? mc_store_get_person (store, partner->added_by, NULL) : NULL;
  g_autofree char *date = mc_format_unix_date (partner->added_at, mc_workflow_get_today (self->workflow));
  g_autofree char *added = NULL;

  if (person != NULL)
    /* Translators: the date a partner was added, and who added it */
    added = g_strdup_printf (_("Added %s by %s"), date, mc_person_get_name (person));
  else
    /* Translators: the date a partner was added */
    added = g_strdup_printf (_("Added %s"), date);
  if (partner->note != NULL && partner->note[0] != '\0')
    return g_strconcat (partner->issuer_id, "\n", added, " · ", partner->note, NULL);
  return g_strconcat (partner->issuer_id, "\n", added, NULL);
}

static GtkWidget *
partner_row (McAdminPartnersPage   *self,
             const McPartnerIssuer *partner)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remove…"));
  g_autofree char *subtitle = describe_partner (self, partner);
  /* Translators: a button's name for screen readers, %s is a partner's name */
  g_autofree char *name = g_strdup_printf (_("Remove the partner %s"), partner->name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), partner->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data_full (G_OBJECT (row), "mc-issuer", g_strdup (partner->issuer_id), g_free);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  _mc_admin_set_editable (button, self->editable);
  if (self->editable)
    gtk_widget_set_tooltip_text (button, _("No longer trust this issuer as a partner"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

void
mc_admin_partners_page_reload (McAdminPartnersPage *self)
{
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MC_IS_ADMIN_PARTNERS_PAGE (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->partners_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (self->empty_row != NULL)
    adw_preferences_group_remove (self->partners_group, self->empty_row);
  self->empty_row = NULL;

  partners = mc_store_list_partners (mc_workflow_get_store (self->workflow), &error);
  if (partners == NULL || partners->len == 0)
    {
      self->empty_row = _mc_admin_message_row (partners == NULL ? error->message : _("No partners yet"));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (self->empty_row), 0);
      adw_preferences_group_add (self->partners_group, self->empty_row);
      return;
    }
  for (guint i = 0; i < partners->len; i++)
    {
      GtkWidget *row = partner_row (self, g_ptr_array_index (partners, i));

      adw_preferences_group_add (self->partners_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

/* Adding */

gint64
mc_admin_partners_page_add (McAdminPartnersPage *self,
                            const char          *issuer_id,
                            const char          *name,
                            const char          *note)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id = 0;

  g_return_val_if_fail (MC_IS_ADMIN_PARTNERS_PAGE (self), 0);

  id = mc_workflow_add_partner (self->workflow, issuer_id, name, note, &error);
  if (id == 0)
    {
      mc_problem_row_set_message (MC_PROBLEM_ROW (self->problem_row), error->message);
      return 0;
    }
  mc_problem_row_set_message (MC_PROBLEM_ROW (self->problem_row), NULL);
  mc_admin_partners_page_reload (self);
  /* Translators: %s is a partner institution's name */
  text = g_strdup_printf (_("Added “%s”"), name);
  _mc_admin_toast (GTK_WIDGET (self), adw_toast_new (text));
  mc_admin_page_emit_changed (MC_ADMIN_PAGE (self));
  return id;
}

static void
on_add_clicked (McAdminPartnersPage *self)
{
  g_autofree char *issuer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->issuer_row))));

  if (mc_admin_partners_page_add (self, issuer, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->note_row))) == 0)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
}

/* Accessors */

guint
mc_admin_partners_page_get_n_partners (McAdminPartnersPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_PARTNERS_PAGE (self), 0);
  return self->rows->len;
}

GtkWidget *
mc_admin_partners_page_get_row (McAdminPartnersPage *self,
                                guint                index)
{
  g_return_val_if_fail (MC_IS_ADMIN_PARTNERS_PAGE (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

const char *
mc_admin_partners_page_get_problem (McAdminPartnersPage *self)
{
  g_return_val_if_fail (MC_IS_ADMIN_PARTNERS_PAGE (self), NULL);
  return mc_problem_row_get_message (MC_PROBLEM_ROW (self->problem_row));
}

/* GObject */

static void
mc_admin_partners_page_constructed (GObject *object)
{
  McAdminPartnersPage *self = MC_ADMIN_PARTNERS_PAGE (object);

  G_OBJECT_CLASS (mc_admin_partners_page_parent_class)->constructed (object);

  self->workflow = mc_admin_page_get_workflow (MC_ADMIN_PAGE (self));
  self->editable = mc_admin_page_get_editable (MC_ADMIN_PAGE (self));
  mc_admin_page_set_note (MC_ADMIN_PAGE (self), self->note_group);
  _mc_admin_set_editable (GTK_WIDGET (self->issuer_row), self->editable);
  _mc_admin_set_editable (GTK_WIDGET (self->name_row), self->editable);
  _mc_admin_set_editable (GTK_WIDGET (self->note_row), self->editable);
  _mc_admin_set_editable (self->add_button, self->editable);

  self->problem_row = mc_problem_row_new ();
  adw_preferences_group_add (self->add_group, self->problem_row);
  mc_admin_partners_page_reload (self);
}

static void
mc_admin_partners_page_dispose (GObject *object)
{
  McAdminPartnersPage *self = MC_ADMIN_PARTNERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ADMIN_PARTNERS_PAGE);
  self->workflow = NULL;  /* McAdminPage's, released there */
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_admin_partners_page_parent_class)->dispose (object);
}

static void
mc_admin_partners_page_class_init (McAdminPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_admin_partners_page_constructed;
  object_class->dispose = mc_admin_partners_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-admin-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McAdminPartnersPage, note_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminPartnersPage, partners_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminPartnersPage, add_group);
  gtk_widget_class_bind_template_child (widget_class, McAdminPartnersPage, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPartnersPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPartnersPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, McAdminPartnersPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
mc_admin_partners_page_init (McAdminPartnersPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

McAdminPartnersPage *
mc_admin_partners_page_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_ADMIN_PARTNERS_PAGE, "workflow", workflow, NULL);
}
