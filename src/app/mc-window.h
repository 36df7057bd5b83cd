/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-application.h"
#include "mc-core.h"

G_BEGIN_DECLS

/* The main window: the list of designs with search and filters, and the
 * design editor beside it (above it on narrow windows).  Properties (all
 * construct-only): "workflow" (whose store the window shows and acts
 * on), "validator", "settings". */

#define MC_TYPE_WINDOW (mc_window_get_type ())
G_DECLARE_FINAL_TYPE (McWindow, mc_window, MC, WINDOW, AdwApplicationWindow)

McWindow   *mc_window_new             (McApplication *application,
                                       McWorkflow    *workflow,
                                       McValidator   *validator,
                                       GSettings     *settings);
/* Runs the current search and filters again and refills the list. */
void        mc_window_refresh         (McWindow *self);
/* The list's model: McDesignSummary items (transfer none). */
GListModel *mc_window_get_designs     (McWindow *self);
/* Name of the page the list area shows: "list", "empty" or "no-results". */
const char *mc_window_get_list_page   (McWindow *self);
/* Shows the design with @id in the editor and selects its row. */
gboolean    mc_window_select_design   (McWindow *self, gint64 id);
/* The design in the editor (transfer none), or NULL. */
McDesign   *mc_window_get_design      (McWindow *self);
/* Deletes the draft in the editor, offering Undo; FALSE (with a message
 * shown) when it is not a draft or cannot be deleted. */
gboolean    mc_window_delete_design   (McWindow *self);
/* Restores the last deleted draft. */
gboolean    mc_window_undo_delete     (McWindow *self);
/* Asks the editor to check the design again (institution changed). */
void        mc_window_revalidate      (McWindow *self);
/* Reads the acting person's tasks again; call after any workflow action
 * (the window also does on saving, on changing design and on regaining
 * focus). */
void        mc_window_refresh_tasks   (McWindow *self);
/* Shows My Tasks (the default action of the new-task notifications). */
void        mc_window_show_tasks      (McWindow *self);
/* Acts as @username (an administrator acting for someone else), or as
 * oneself for NULL, and refreshes everything that depends on it; a
 * refusal is shown. */
gboolean    mc_window_act_as          (McWindow *self, const char *username);
/* Fills an empty database with the demo institution and shows it. */
gboolean    mc_window_open_demo       (McWindow *self);
/* Creates an untitled design, selects it and focuses its title. */
gint64      mc_window_new_design      (McWindow *self);
/* Imports a design file.  Errors and a clash with a stored design are
 * shown in a dialog; returns the imported design's id, or 0 when nothing
 * was imported (yet). */
gint64      mc_window_import_file     (McWindow *self, GFile *file);
/* Saves the design in the editor, then writes it to @file. */
gboolean    mc_window_export_file     (McWindow *self, GFile *file, GError **error);

G_END_DECLS
