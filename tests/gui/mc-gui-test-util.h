/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* Helpers shared by the widget tests of tasks, history and
 * administration. */

/* GTK, libadwaita, the core and the application's stylesheet. */
void         mc_gui_test_init         (int *argc, char ***argv);
/* Runs what is pending in the main loop. */
void         mc_gui_test_spin         (void);
/* Iterates the main loop until @cond (@data) holds or ten seconds pass. */
gboolean     mc_gui_test_wait         (gboolean (*cond) (gpointer data), gpointer data);
/* Shows @window and waits until it is on screen. */
void         mc_gui_test_present      (GtkWindow *window);
/* Saves a picture of @widget as $SCREENSHOT_DIR/@name.png, if set. */
void         mc_gui_test_screenshot   (GtkWidget *widget, const char *name);
/* The id of the unit with @code, which must exist. */
gint64       mc_gui_test_unit_id      (McStore *store, const char *code);
/* The first visible window of @type (transfer none), or NULL. */
gpointer     mc_gui_test_find_window  (GType type);
/* Destroys every window of the test, dialogs included, and runs what
 * that leaves pending. */
void         mc_gui_test_destroy_windows (void);
/* The body of the newest message dialog on screen, or NULL; closes all
 * of them. Newly allocated. */
char        *mc_gui_test_take_message (void);

G_END_DECLS
