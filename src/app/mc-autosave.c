/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-autosave.h"
#include "mc-core.h"

#define AUTOSAVE_DELAY_MS 1000
#define AUTOSAVE_RETRY_S 5

struct _McAutosave
{
  gpointer          owner;
  McAutosaveFunc    save;
  GtkLabel         *status;
  AdwToastOverlay  *toasts;
  char             *conflict_message;
  char             *reload_action;

  gboolean          stored;
  gboolean          dirty;
  gboolean          conflict;
  char             *error;
  guint             source;
};

static void
update_status (McAutosave *self)
{
  GtkWidget *label = GTK_WIDGET (self->status);
  gboolean failed = self->conflict || self->error;
  const char *text;

  if (self->conflict)
    text = _("Not saved: changed elsewhere");
  else if (self->error)
    text = _("Not saved");
  else if (self->dirty)
    text = _("Unsaved changes");
  else
    text = self->stored ? _("Saved") : "";

  gtk_label_set_label (self->status, text);
  /* The reason is in the tooltip and in a toast: the label is short. */
  gtk_widget_set_tooltip_text (label, self->error);
  if (failed)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static gboolean
timeout_cb (gpointer data)
{
  McAutosave *self = data;

  self->source = 0;
  mc_autosave_flush (self, NULL);
  return G_SOURCE_REMOVE;
}

McAutosave *
mc_autosave_new (gpointer         owner,
                 McAutosaveFunc   save,
                 GtkLabel        *status,
                 AdwToastOverlay *toasts,
                 const char      *conflict_message,
                 const char      *reload_action)
{
  McAutosave *self = g_new0 (McAutosave, 1);

  g_return_val_if_fail (save != NULL, NULL);
  g_return_val_if_fail (GTK_IS_LABEL (status), NULL);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toasts), NULL);

  self->owner = owner;
  self->save = save;
  self->status = status;
  self->toasts = toasts;
  self->conflict_message = g_strdup (conflict_message);
  self->reload_action = g_strdup (reload_action);
  update_status (self);
  return self;
}

void
mc_autosave_free (McAutosave *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->source, g_source_remove);
  g_free (self->conflict_message);
  g_free (self->reload_action);
  g_free (self->error);
  g_free (self);
}

void
mc_autosave_reset (McAutosave *self, gboolean stored)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_pointer (&self->error, g_free);
  self->dirty = FALSE;
  self->conflict = FALSE;
  self->stored = stored;
  update_status (self);
}

void
mc_autosave_changed (McAutosave *self)
{
  g_return_if_fail (self != NULL);

  self->dirty = TRUE;
  update_status (self);
  g_clear_handle_id (&self->source, g_source_remove);
  if (!self->conflict)
    self->source = g_timeout_add (AUTOSAVE_DELAY_MS, timeout_cb, self);
}

static void
report (McAutosave *self, const GError *error)
{
  AdwToast *toast;

  if (g_error_matches (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT))
    {
      toast = adw_toast_new (self->conflict_message);
      adw_toast_set_button_label (toast, _("_Reload"));
      adw_toast_set_action_name (toast, self->reload_action);
      adw_toast_set_timeout (toast, 0);
    }
  else
    {
      /* Translators: %s is the reason */
      g_autofree char *text = g_strdup_printf (_("Could not save: %s"), error->message);

      toast = adw_toast_new (text);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

gboolean
mc_autosave_flush (McAutosave *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  g_clear_handle_id (&self->source, g_source_remove);
  if (!self->dirty)
    return TRUE;
  if (self->conflict)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT, self->conflict_message);
      return FALSE;
    }

  if (!self->save (self->owner, &local_error))
    {
      /* Say it once, not at every retry. */
      if (g_strcmp0 (self->error, local_error->message) != 0)
        report (self, local_error);
      g_free (self->error);
      self->error = g_strdup (local_error->message);
      self->conflict = g_error_matches (local_error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT);
      /* A busy database lets go again; a refusal stays a refusal. */
      if (!self->conflict && local_error->domain == MC_STORE_ERROR)
        self->source = g_timeout_add_seconds (AUTOSAVE_RETRY_S, timeout_cb, self);
      update_status (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_pointer (&self->error, g_free);
  self->dirty = FALSE;
  self->stored = TRUE;
  update_status (self);
  return TRUE;
}

gboolean
mc_autosave_get_dirty (McAutosave *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->dirty;
}

gboolean
mc_autosave_get_conflict (McAutosave *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->conflict;
}
