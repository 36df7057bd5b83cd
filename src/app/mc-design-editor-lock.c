/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The editor's read-only form: when the acting person may not change the
 * design (it is past the draft stage, or not theirs), the form stays
 * readable — text can still be selected and copied — but nothing in it
 * edits the design, and every control that would says why. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-design-editor-private.h"
#include "mc-item-row.h"

static void
lock_control (GtkWidget *widget, const char *reason)
{
  gtk_widget_set_sensitive (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, reason);
}

static void
lock_spin_button (GtkWidget *spin, const char *reason)
{
  gtk_editable_set_editable (GTK_EDITABLE (spin), FALSE);
  gtk_widget_set_tooltip_text (spin, reason);
  /* Its + and − buttons refuse clicks when not editable; say so. */
  for (GtkWidget *c = gtk_widget_get_first_child (spin); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_BUTTON (c))
      gtk_widget_set_sensitive (c, FALSE);
}

/* Only the widgets the form's factory made (they carry its binding or its
 * item data) are locked: other parts of the editor, such as reviewers'
 * comments beside the fields, keep working. */
static void
lock_tree (McDesignEditor *self, GtkWidget *widget, const char *reason)
{
  gboolean bound = g_object_get_data (G_OBJECT (widget), "mc-binding") != NULL;

  if (MC_IS_ITEM_ROW (widget))
    mc_item_row_set_locked (MC_ITEM_ROW (widget), reason);
  else if (bound && ADW_IS_ENTRY_ROW (widget))
    {
      gtk_editable_set_editable (GTK_EDITABLE (widget), FALSE);
      gtk_widget_add_css_class (widget, "read-only");
    }
  else if (bound && GTK_IS_TEXT_VIEW (widget))
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), FALSE);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (widget), FALSE);
      gtk_widget_add_css_class (widget, "read-only");
      return;
    }
  else if (bound && GTK_IS_SPIN_BUTTON (widget))
    {
      lock_spin_button (widget, reason);
      return;
    }
  else if ((bound && ADW_IS_COMBO_ROW (widget)) || widget == GTK_WIDGET (self->unit_row))
    {
      /* Insensitive, the whole row would be: the comment button beside
       * the choice too.  A row that does not open is enough. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), FALSE);
      gtk_widget_add_css_class (widget, "read-only");
      gtk_widget_set_tooltip_text (widget, reason);
    }
  else if ((bound && GTK_IS_SWITCH (widget)) ||
           (GTK_IS_CHECK_BUTTON (widget) &&
            (g_object_get_data (G_OBJECT (widget), "mc-bit") != NULL ||
             g_object_get_data (G_OBJECT (widget), "mc-code") != NULL)) ||
           (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "mc-list-id") != NULL))
    {
      lock_control (widget, reason);
      return;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    lock_tree (self, c, reason);
}

void
_mc_design_editor_lock_form (McDesignEditor *self,
                             const char     *reason)
{
  g_return_if_fail (MC_IS_DESIGN_EDITOR (self));

  for (guint i = 0; self->groups && i < self->groups->len; i++)
    lock_tree (self, g_ptr_array_index (self->groups, i), reason);
}

/* Whether the acting person may change the design's content now; if not,
 * why (newly allocated). */
char *
_mc_design_editor_read_only_reason (McDesignEditor *self)
{
  g_autoptr(GError) error = NULL;
  McDesignState state;
  McAction action;

  if (self->workflow == NULL || self->design == NULL)
    return NULL;

  state = mc_design_get_state (self->design);
  if (state != MC_DESIGN_STATE_DRAFT && state != MC_DESIGN_STATE_MODIFYING)
    /* Translators: %s is a design state, "In review" */
    return g_strdup_printf (_("Read only: a design can be changed only while it is a draft or "
                              "a modification in progress; this one is “%s”"),
                            mc_enum_label (MC_TYPE_DESIGN_STATE, state));

  /* The same check as submitting: the author (or whoever the workflow
   * lets write it).  Only a refusal of the person counts here; a draft
   * that is not ready yet is still to be written. */
  action = state == MC_DESIGN_STATE_MODIFYING ? MC_ACTION_SUBMIT_MODIFICATION : MC_ACTION_SUBMIT;
  if (!mc_workflow_check (self->workflow, self->design, action, &error) &&
      g_error_matches (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED))
    /* Translators: %s is the workflow's reason, such as "Only its author can submit it" */
    return g_strdup_printf (_("Read only: %s"), error->message);

  return NULL;
}
