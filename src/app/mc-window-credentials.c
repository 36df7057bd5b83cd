/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-recognitions-window.h"
#include "mc-verify-dialog.h"
#include "mc-window-private.h"

/* The register of issued credentials as a page of the sidebar, and
 * Verify Credential from the main menu.  The register is a wide table:
 * while it is shown, it takes the whole window and the design editor
 * steps aside. */

static gboolean
showing_credentials (McWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "credentials") == 0;
}

static void
update_layout (McWindow *self)
{
  gboolean credentials = showing_credentials (self);

  gtk_widget_set_visible (GTK_WIDGET (self->editor_bin), !credentials);
  gtk_widget_set_visible (self->editor_separator, !credentials);
  gtk_widget_set_hexpand (self->sidebar, credentials);
  /* "New Design" has nothing to do with the register. */
  gtk_widget_set_visible (self->new_button, !credentials);
  /* The sidebar's header bar is the window's only one then. */
  adw_header_bar_set_show_end_title_buttons (self->sidebar_header,
                                             credentials || adw_leaflet_get_folded (self->leaflet));
}

static void
on_page_changed (McWindow *self)
{
  update_layout (self);
  /* What was issued meanwhile (in the issue dialog, with mcred) shows. */
  if (showing_credentials (self))
    mc_credentials_view_refresh (self->credentials_view);
}

void
_mc_window_setup_credentials (McWindow *self)
{
  mc_credentials_view_set_workflow (self->credentials_view, self->workflow);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (update_layout), self, G_CONNECT_SWAPPED);
  update_layout (self);
}

gboolean
_mc_window_search_credentials (McWindow *self)
{
  if (!showing_credentials (self))
    return FALSE;
  _mc_window_show_list (self);
  mc_credentials_view_focus_search (self->credentials_view);
  return TRUE;
}

static void
win_verify_credential (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  McWindow *self = MC_WINDOW (widget);
  McVerifyDialog *dialog = mc_verify_dialog_new (self->workflow);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
win_show_recognitions (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  McWindow *self = MC_WINDOW (widget);
  McRecognitionsWindow *window = mc_recognitions_window_new (self->workflow);

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
win_show_credentials (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  McWindow *self = MC_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "credentials");
  _mc_window_show_list (self);
  mc_credentials_view_focus_search (self->credentials_view);
}

void
_mc_window_class_add_credentials_actions (GtkWidgetClass *widget_class)
{
  g_type_ensure (MC_TYPE_CREDENTIALS_VIEW);

  gtk_widget_class_install_action (widget_class, "win.verify-credential", NULL, win_verify_credential);
  gtk_widget_class_install_action (widget_class, "win.show-credentials", NULL, win_show_credentials);
  gtk_widget_class_install_action (widget_class, "win.show-recognitions", NULL, win_show_recognitions);
}
