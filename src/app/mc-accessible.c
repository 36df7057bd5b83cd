/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-accessible.h"

/* The row's button with an icon and no label of its own: its peek
 * button ("view-reveal" / "view-conceal"). */
static void
name_peek_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = GTK_IS_BUTTON (child) ? gtk_button_get_icon_name (GTK_BUTTON (child)) : NULL;

      if (icon != NULL && g_str_has_prefix (icon, "view-"))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Show or Hide the Passphrase"), -1);
      name_peek_buttons (child);
    }
}

void
mc_accessible_name_password_rows (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (ADW_IS_PASSWORD_ENTRY_ROW (widget))
    {
      name_peek_buttons (widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mc_accessible_name_password_rows (child);
}
