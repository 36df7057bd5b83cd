/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-account-button.h"
#include "mc-role-text.h"

struct _McAccountButton
{
  AdwBin         parent_instance;

  McWorkflow    *workflow;
  char          *roles;

  GtkMenuButton *button;
  AdwAvatar     *small_avatar;
  AdwAvatar     *avatar;
  GtkLabel      *name_label;
  GtkLabel      *detail_label;
  GtkLabel      *acting_label;
  GtkLabel      *roles_label;
  GtkButton     *act_as_button;
  GtkButton     *stop_button;
};

G_DEFINE_FINAL_TYPE (McAccountButton, mc_account_button, ADW_TYPE_BIN)

static gboolean
account_is_administrator (McWorkflow *workflow)
{
  McPerson *account = mc_workflow_get_account (workflow);
  gboolean has_role = FALSE;

  if (account == NULL)
    return FALSE;
  if (!mc_store_person_has_role (mc_workflow_get_store (workflow), mc_person_get_id (account),
                                 MC_ROLE_ADMINISTRATOR, 0, &has_role, NULL))
    return FALSE;
  return has_role;
}

void
mc_account_button_update (McAccountButton *self)
{
  McPerson *actor = NULL;
  McPerson *account = NULL;
  g_autoptr(GPtrArray) grants = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *detail = NULL;
  gboolean acting = FALSE;
  const char *email = NULL;

  g_return_if_fail (MC_IS_ACCOUNT_BUTTON (self));

  if (self->workflow == NULL)
    return;

  actor = mc_workflow_get_actor (self->workflow);
  account = mc_workflow_get_account (self->workflow);
  acting = actor != NULL && account != NULL && mc_person_get_id (actor) != mc_person_get_id (account);

  adw_avatar_set_text (self->small_avatar, actor != NULL ? mc_person_get_name (actor) : NULL);
  adw_avatar_set_text (self->avatar, actor != NULL ? mc_person_get_name (actor) : NULL);
  gtk_label_set_text (self->name_label, actor != NULL ? mc_person_get_name (actor) : "");

  email = actor != NULL ? mc_person_get_email (actor) : NULL;
  if (actor != NULL && email != NULL && email[0] != '\0')
    /* Translators: a person's user name · e-mail address */
    detail = g_strdup_printf (_("%s · %s"), mc_person_get_username (actor), email);
  else if (actor != NULL)
    detail = g_strdup (mc_person_get_username (actor));
  gtk_label_set_text (self->detail_label, detail != NULL ? detail : "");

  if (acting)
    {
      g_autofree char *note = NULL;

      /* Translators: %s is the administrator actually using the computer */
      note = g_strdup_printf (_("You are signed in as %s and act on this person’s behalf. "
                                "The history records both names."),
                              mc_person_get_name (account));
      gtk_label_set_text (self->acting_label, note);
      /* Translators: tooltip of the account button, %s is a person */
      tooltip = g_strdup_printf (_("Acting as %s"), mc_person_get_name (actor));
      gtk_widget_add_css_class (GTK_WIDGET (self->button), "acting");
    }
  else
    {
      tooltip = g_strdup_printf (_("Signed in as %s"),
                                 actor != NULL ? mc_person_get_name (actor) : _("nobody"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->button), "acting");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->acting_label), acting);
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), acting);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);

  g_clear_pointer (&self->roles, g_free);
  if (actor != NULL)
    {
      grants = mc_store_list_roles (mc_workflow_get_store (self->workflow),
                                    mc_person_get_id (actor), NULL);
      units = mc_store_list_units (mc_workflow_get_store (self->workflow), NULL);
      self->roles = mc_role_text_for_person (grants, mc_person_get_id (actor), units);
    }
  else
    {
      self->roles = g_strdup (_("No roles"));
    }
  gtk_label_set_text (self->roles_label, self->roles);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->act_as_button),
                               account_is_administrator (self->workflow)
                               ? _("Work on behalf of another person")
                               : _("Only administrators can act on behalf of someone else"));
}

void
mc_account_button_set_workflow (McAccountButton *self,
                                McWorkflow      *workflow)
{
  g_return_if_fail (MC_IS_ACCOUNT_BUTTON (self));
  g_return_if_fail (workflow == NULL || MC_IS_WORKFLOW (workflow));

  g_set_object (&self->workflow, workflow);
  mc_account_button_update (self);
}

const char *
mc_account_button_get_roles (McAccountButton *self)
{
  g_return_val_if_fail (MC_IS_ACCOUNT_BUTTON (self), NULL);
  return self->roles;
}

static void
mc_account_button_dispose (GObject *object)
{
  McAccountButton *self = MC_ACCOUNT_BUTTON (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ACCOUNT_BUTTON);
  g_clear_object (&self->workflow);
  g_clear_pointer (&self->roles, g_free);

  G_OBJECT_CLASS (mc_account_button_parent_class)->dispose (object);
}

static void
mc_account_button_class_init (McAccountButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_account_button_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-account-button.ui");
  gtk_widget_class_bind_template_child (widget_class, McAccountButton, small_avatar);
  gtk_widget_class_bind_template_child (widget_class, McAccountButton, avatar);
  gtk_widget_class_bind_template_child (widget_class, McAccountButton, name_label);
  gtk_widget_class_bind_template_child (widget_class, McAccountButton, detail_label);
  gtk_widget_class_bind_template_child (widget_class, McAccountButton, acting_label);
  gtk_widget_class_bind_template_child (widget_class, McAccountButton, roles_label);
  gtk_widget_class_bind_template_child (widget_class, McAccountButton, act_as_button);
  gtk_widget_class_bind_template_child (widget_class, McAccountButton, stop_button);
}

static void
mc_account_button_init (McAccountButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a bound template child, which
   * gtk_widget_dispose_template() would take away from under AdwBin. */
  self->button = GTK_MENU_BUTTON (adw_bin_get_child (ADW_BIN (self)));
}

McAccountButton *
mc_account_button_new (void)
{
  return g_object_new (MC_TYPE_ACCOUNT_BUTTON, NULL);
}
