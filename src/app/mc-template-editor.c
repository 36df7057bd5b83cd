/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-criterion-row.h"
#include "mc-template-editor.h"

struct _McTemplateEditor
{
  GtkBox               parent_instance;

  McWorkflow          *workflow;
  McTemplate          *template_;     /* the copy being edited */
  McTemplate          *saved;         /* as last stored */
  GPtrArray           *rows;          /* McCriterionRow, in order */
  gboolean             editable;
  gboolean             syncing;
  char                *error;

  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkScrolledWindow   *scrolled;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkLabel            *version_label;
  AdwEntryRow         *title_row;
  AdwEntryRow         *description_row;
  AdwPreferencesGroup *criteria_group;
  GtkButton           *add_button;
};

G_DEFINE_FINAL_TYPE (McTemplateEditor, mc_template_editor, GTK_TYPE_BOX)

enum {
  SAVED,
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_rows (McTemplateEditor *self, int expand_index);

static void
show_error (McTemplateEditor *self,
            const char       *message)
{
  g_clear_pointer (&self->error, g_free);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
  /* Hidden, it leaves no gap above the version. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), message != NULL);
}

static void
update_version (McTemplateEditor *self,
                gboolean          just_saved)
{
  g_autofree char *text = NULL;
  guint version = mc_template_get_version (self->saved);

  if (just_saved)
    /* Translators: %u is a version number */
    text = g_strdup_printf (_("Saved as version %u — reviews already made keep the version they were made on"),
                            version);
  else
    text = g_strdup_printf (_("Version %u — old reviews keep the version they were made on"), version);
  gtk_label_set_text (self->version_label, text);
  adw_window_title_set_subtitle (self->window_title, mc_template_get_title (self->saved));
}

static void
on_changed (McTemplateEditor *self)
{
  gboolean dirty = mc_template_editor_get_dirty (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->editable && dirty);
  if (self->editable)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                                 dirty ? NULL : _("Nothing has changed since the last version"));
}

/* Criteria */

static guint
row_index (McTemplateEditor *self,
           McCriterionRow   *row)
{
  guint index = 0;

  if (!g_ptr_array_find (self->rows, row, &index))
    g_assert_not_reached ();
  return index;
}

static void
on_row_changed (McCriterionRow   *row,
                McTemplateEditor *self)
{
  mc_template_replace_criterion (self->template_, row_index (self, row),
                                 mc_criterion_row_get_criterion (row));
  on_changed (self);
}

static void
on_row_move_up (McCriterionRow   *row,
                McTemplateEditor *self)
{
  guint index = row_index (self, row);

  if (index > 0)
    mc_template_editor_move_criterion (self, index, index - 1);
}

static void
on_row_move_down (McCriterionRow   *row,
                  McTemplateEditor *self)
{
  guint index = row_index (self, row);

  mc_template_editor_move_criterion (self, index, index + 1);
}

static void
on_row_remove (McCriterionRow   *row,
               McTemplateEditor *self)
{
  mc_template_editor_remove_criterion (self, row_index (self, row));
}

static void
rebuild_rows (McTemplateEditor *self,
              int               expand_index)
{
  guint n = mc_template_get_n_criteria (self->template_);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->criteria_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      McCriterionRow *row = mc_criterion_row_new (mc_template_get_criterion (self->template_, i),
                                                  self->editable);

      mc_criterion_row_set_movable (row, i > 0, i + 1 < n);
      if ((int) i == expand_index)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed), self, 0);
      g_signal_connect_object (row, "move-up", G_CALLBACK (on_row_move_up), self, 0);
      g_signal_connect_object (row, "move-down", G_CALLBACK (on_row_move_down), self, 0);
      g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, 0);
      adw_preferences_group_add (self->criteria_group, GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);
    }
}

/* An id not used by another criterion: "criterion-4". */
static char *
free_id (McTemplateEditor *self)
{
  for (guint n = mc_template_get_n_criteria (self->template_) + 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("criterion-%u", n);

      if (mc_template_find_criterion (self->template_, id, NULL) == NULL)
        return g_steal_pointer (&id);
    }
}

void
mc_template_editor_add_criterion (McTemplateEditor *self)
{
  g_autofree char *id = NULL;
  g_autoptr(McCriterion) criterion = NULL;
  guint n = 0;
  McCriterionRow *row = NULL;

  g_return_if_fail (MC_IS_TEMPLATE_EDITOR (self));

  id = free_id (self);
  criterion = mc_criterion_new (id, "", MC_ANSWER_KIND_RATING);
  criterion->required = TRUE;
  n = mc_template_get_n_criteria (self->template_);
  mc_template_insert_criterion (self->template_, n, criterion);
  rebuild_rows (self, (int) n);
  on_changed (self);

  row = g_ptr_array_index (self->rows, n);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

void
mc_template_editor_remove_criterion (McTemplateEditor *self,
                                     guint             index)
{
  g_return_if_fail (MC_IS_TEMPLATE_EDITOR (self));

  if (!mc_template_remove_criterion (self->template_, index))
    return;
  rebuild_rows (self, -1);
  on_changed (self);
}

void
mc_template_editor_move_criterion (McTemplateEditor *self,
                                   guint             from,
                                   guint             to)
{
  g_return_if_fail (MC_IS_TEMPLATE_EDITOR (self));

  if (!mc_template_move_criterion (self->template_, from, to))
    return;
  rebuild_rows (self, (int) to);
  on_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (g_ptr_array_index (self->rows, to)));
}

GtkWidget *
mc_template_editor_get_row (McTemplateEditor *self,
                            guint             index)
{
  g_return_val_if_fail (MC_IS_TEMPLATE_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

/* Title and description */

static void
on_title_changed (McTemplateEditor *self)
{
  if (self->syncing)
    return;
  mc_template_set_title (self->template_, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  on_changed (self);
}

static void
on_description_changed (McTemplateEditor *self)
{
  if (self->syncing)
    return;
  mc_template_set_description (self->template_,
                               gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  on_changed (self);
}

/* Saving */

gboolean
mc_template_editor_save (McTemplateEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = NULL;

  g_return_val_if_fail (MC_IS_TEMPLATE_EDITOR (self), FALSE);

  /* Malformed: say why here, where it can be fixed, and store nothing. */
  if (!mc_template_check (self->template_, &error) ||
      !mc_workflow_save_template (self->workflow, self->template_, &error))
    {
      show_error (self, error->message);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
      return FALSE;
    }

  show_error (self, NULL);
  g_clear_object (&self->saved);
  self->saved = mc_template_copy (self->template_);
  update_version (self, TRUE);
  on_changed (self);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      g_autofree char *toast = g_strdup_printf (_("Saved as version %u"),
                                                mc_template_get_version (self->saved));

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (toast));
    }
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static void
on_save_clicked (McTemplateEditor *self)
{
  mc_template_editor_save (self);
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     McTemplateEditor *self)
{
  if (g_str_equal (response, "discard"))
    g_signal_emit (self, signals[DONE], 0);
}

static void
on_back_clicked (McTemplateEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = NULL;

  if (!mc_template_editor_get_dirty (self))
    {
      g_signal_emit (self, signals[DONE], 0);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Discard the Changes?"),
                                                       _("The changes to this template have not been saved as a new version.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Accessors */

McTemplate *
mc_template_editor_get_template (McTemplateEditor *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE_EDITOR (self), NULL);
  return self->template_;
}

gboolean
mc_template_editor_get_dirty (McTemplateEditor *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE_EDITOR (self), FALSE);
  return !mc_template_equal_content (self->template_, self->saved);
}

const char *
mc_template_editor_get_error (McTemplateEditor *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE_EDITOR (self), NULL);
  return self->error;
}

/* GObject */

static void
mc_template_editor_dispose (GObject *object)
{
  McTemplateEditor *self = MC_TEMPLATE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_TEMPLATE_EDITOR);
  g_clear_object (&self->workflow);
  g_clear_object (&self->template_);
  g_clear_object (&self->saved);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mc_template_editor_parent_class)->dispose (object);
}

static void
mc_template_editor_class_init (McTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_template_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, McTemplateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, McTemplateEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, McTemplateEditor, scrolled);
  gtk_widget_class_bind_template_child (widget_class, McTemplateEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McTemplateEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, McTemplateEditor, version_label);
  gtk_widget_class_bind_template_child (widget_class, McTemplateEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, McTemplateEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, McTemplateEditor, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, McTemplateEditor, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_description_changed);
  gtk_widget_class_bind_template_callback (widget_class, mc_template_editor_add_criterion);
}

static void
mc_template_editor_init (McTemplateEditor *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

McTemplateEditor *
mc_template_editor_new (McWorkflow *workflow,
                        McTemplate *template_)
{
  McTemplateEditor *self = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_TEMPLATE (template_), NULL);

  self = g_object_new (MC_TYPE_TEMPLATE_EDITOR, NULL);
  self->workflow = g_object_ref (workflow);
  self->saved = mc_template_copy (template_);
  self->template_ = mc_template_copy (template_);
  self->editable = mc_workflow_has_role (workflow, MC_ROLE_ADMINISTRATOR, 0);

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), mc_template_get_title (self->template_));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         mc_template_get_description (self->template_) != NULL
                         ? mc_template_get_description (self->template_) : "");
  self->syncing = FALSE;

  if (!self->editable)
    {
      const char *reason = _("Only administrators can change templates");

      gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->description_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_row), reason);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->description_row), reason);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), reason);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), reason);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  if (self->editable)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                                 _("Nothing has changed since the last version"));

  update_version (self, FALSE);
  rebuild_rows (self, -1);
  return self;
}
