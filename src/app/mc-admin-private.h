/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* Shared by the pages of the administration window. */

/* Shows what the core refused, in a dialog over @widget's window. */
void        _mc_admin_show_error       (GtkWidget  *widget,
                                        const char *heading,
                                        const char *message);
/* Shows @toast (floating, consumed) in @widget's administration window;
 * drops it when @widget is in no such window. */
void        _mc_admin_toast            (GtkWidget  *widget,
                                        AdwToast   *toast);
/* Why a control is insensitive for someone who is not an administrator. */
const char *_mc_admin_read_only_reason (void);
/* Makes @widget insensitive with the reason as its tooltip, or sensitive. */
void        _mc_admin_set_editable     (GtkWidget  *widget,
                                        gboolean    editable);
/* A row that only says @text (what could not be read, or that a list is
 * empty). */
GtkWidget  *_mc_admin_message_row      (const char *text);
/* Says that the page is read-only for @actor_name (newly allocated). */
char       *_mc_admin_read_only_text   (const char *actor_name);
/* A group that says the page is read-only for @actor_name. */
GtkWidget  *_mc_admin_read_only_group  (const char *actor_name);

G_END_DECLS
