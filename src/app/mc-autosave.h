/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Saving as one goes, for the forms beside the design (a review, a
 * yearly review): a save a second after the last edit, the state in a
 * status label ("Unsaved changes", "Saved", "Not saved"), failures in a
 * toast, and a "changed meanwhile" conflict that stops saving and offers
 * @reload_action.  A busy database is tried again a few seconds later.
 * @save stores the owner's edits; the owner frees the McAutosave in its
 * dispose, before its widgets go. */

typedef struct _McAutosave McAutosave;
typedef gboolean (*McAutosaveFunc) (gpointer owner, GError **error);

McAutosave *mc_autosave_new          (gpointer         owner,
                                      McAutosaveFunc   save,
                                      GtkLabel        *status,
                                      AdwToastOverlay *toasts,
                                      const char      *conflict_message,
                                      const char      *reload_action);
void        mc_autosave_free         (McAutosave      *self);
/* Forgets edits and failures: after loading.  @stored: whether what is
 * shown is in the database (the status says "Saved") or not yet. */
void        mc_autosave_reset        (McAutosave      *self,
                                      gboolean         stored);
/* The owner's content was edited: save it a second from now. */
void        mc_autosave_changed      (McAutosave      *self);
/* Saves now if anything is unsaved; TRUE if nothing is left unsaved. */
gboolean    mc_autosave_flush        (McAutosave      *self,
                                      GError         **error);
gboolean    mc_autosave_get_dirty    (McAutosave      *self);
gboolean    mc_autosave_get_conflict (McAutosave      *self);

G_END_DECLS
