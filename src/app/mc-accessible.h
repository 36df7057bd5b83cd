/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Names for screen readers that libadwaita 1.2 leaves out. */

/* Names the button that shows and hides the text of every
 * AdwPasswordEntryRow inside @widget (itself included). */
void mc_accessible_name_password_rows (GtkWidget *widget);

G_END_DECLS
