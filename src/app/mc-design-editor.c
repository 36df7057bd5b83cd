/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The design editor: header, save status, autosave, conflicts and live
 * validation.  The form itself is built in mc-design-editor-form.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-design-editor-private.h"

#define AUTOSAVE_RETRY_S 5
#define AUTOSAVE_DELAY_MS 1000
#define VALIDATE_DELAY_MS 150

G_DEFINE_FINAL_TYPE (McDesignEditor, mc_design_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_VALIDATOR,
  PROP_DESIGN,
  PROP_PROFILES,
  PROP_DIRTY,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_dirty (McDesignEditor *self, gboolean dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
update_status (McDesignEditor *self)
{
  GtkWidget *label = GTK_WIDGET (self->save_status);
  g_autofree char *text = NULL;
  gboolean failed = FALSE;

  if (self->design == NULL)
    text = g_strdup ("");
  else if (self->read_only)
    text = g_strdup (_("Read Only"));
  else if (self->conflict)
    {
      text = g_strdup (_("Not saved: changed elsewhere"));
      failed = TRUE;
    }
  else if (self->save_error)
    {
      /* The reason is in the tooltip and in a toast: the bar is narrow. */
      text = g_strdup (_("Not saved"));
      failed = TRUE;
    }
  else if (self->dirty)
    text = g_strdup (_("Unsaved changes"));
  else
    text = g_strdup (_("Saved"));

  gtk_label_set_label (self->save_status, text);
  gtk_widget_set_tooltip_text (label, self->read_only ? self->read_only
                                      : self->save_error ? self->save_error : NULL);
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

static void
update_title (McDesignEditor *self)
{
  const char *title = NULL;

  if (self->content)
    title = mc_revision_get_title (self->content);
  if (self->design == NULL)
    {
      adw_window_title_set_title (self->window_title, "");
      adw_window_title_set_subtitle (self->window_title, "");
      return;
    }
  adw_window_title_set_title (self->window_title,
                              title && *title ? title : _("Untitled Design"));
  adw_window_title_set_subtitle (self->window_title,
                                 mc_enum_label (MC_TYPE_DESIGN_STATE,
                                                mc_design_get_state (self->design)));
}

static void
update_findings_button (McDesignEditor *self)
{
  guint errors = self->findings ? mc_validator_count (self->findings, MC_SEVERITY_ERROR) : 0;
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;

  label = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
  {
    g_autofree char *counts = self->findings ? mc_validator_describe_counts (self->findings)
                                             : g_strdup ("");

    /* Translators: %s is "2 errors, 1 warning, 3 notes" */
    tooltip = g_strdup_printf (_("Findings: %s"), counts);
  }
  gtk_button_set_label (GTK_BUTTON (self->findings_button), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->findings_button), tooltip);
  if (errors > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->findings_button), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->findings_button), "error");
}

void
mc_design_editor_revalidate (McDesignEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MC_IS_DESIGN_EDITOR (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  if (self->content && self->validator && self->profiles && self->profiles[0])
    {
      self->findings = mc_validator_validate (self->validator, self->content,
                                              (const char * const *) self->profiles, &error);
      if (self->findings == NULL)
        g_debug ("Validation failed: %s", error->message);
    }
  if (self->findings == NULL)
    self->findings = g_ptr_array_new_with_free_func (g_object_unref);

  mc_findings_panel_set_findings (self->findings_panel, self->findings, self->validator);
  update_findings_button (self);
  _mc_design_editor_mark_findings (self);
}

static gboolean
validate_timeout_cb (gpointer data)
{
  McDesignEditor *self = data;

  self->validate_source = 0;
  mc_design_editor_revalidate (self);
  return G_SOURCE_REMOVE;
}

static gboolean
autosave_timeout_cb (gpointer data)
{
  McDesignEditor *self = data;

  self->save_source = 0;
  mc_design_editor_save (self, NULL);
  return G_SOURCE_REMOVE;
}

/* Any edit: of the revision's content (its ::changed) or of the design's
 * own attributes (the awarding unit). */
void
_mc_design_editor_content_changed (McDesignEditor *self)
{
  if (self->building || self->design == NULL || self->read_only)
    return;

  set_dirty (self, TRUE);
  update_title (self);
  update_status (self);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->conflict)
    self->save_source = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_timeout_cb, self);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add (VALIDATE_DELAY_MS, validate_timeout_cb, self);
}

static void
content_changed_cb (McRevision *content, McDesignEditor *self)
{
  _mc_design_editor_content_changed (self);
}

/* A spin button keeps typed text until it is activated or loses focus:
 * take it in before saving so that nothing typed is lost. */
static void
commit_pending_edit (McDesignEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *spin = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) : NULL;

  if (spin && gtk_widget_is_ancestor (spin, GTK_WIDGET (self)))
    gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
}

static void
show_conflict_toast (McDesignEditor *self)
{
  AdwToast *toast = adw_toast_new (_("Changed meanwhile by someone else; your edits were not saved"));

  adw_toast_set_button_label (toast, _("_Reload"));
  adw_toast_set_action_name (toast, "editor.reload");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The design was deleted elsewhere (another window, mcred) while it was
 * being edited: store the editor's copy again, so nothing typed is lost,
 * and say so. */
static gboolean
save_as_new (McDesignEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 old_id = mc_design_get_id (self->design);

  mc_design_set_id (self->design, 0);
  mc_design_set_version (self->design, 0);
  if (!mc_workflow_create_design (self->workflow, self->design, &error))
    {
      g_debug ("Could not store a deleted design again: %s", error->message);
      mc_design_set_id (self->design, old_id);
      return FALSE;
    }

  g_clear_pointer (&self->save_error, g_free);
  set_dirty (self, FALSE);
  update_status (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("This design had been deleted elsewhere; "
                                                "your copy was saved again")));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}

gboolean
mc_design_editor_save (McDesignEditor *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MC_IS_DESIGN_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  commit_pending_edit (self);
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->design == NULL || !self->dirty)
    return TRUE;

  if (self->conflict)
    {
      g_set_error_literal (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                           _("The design was changed elsewhere since it was opened"));
      return FALSE;
    }

  gtk_label_set_label (self->save_status, _("Saving…"));
  if (!mc_workflow_save_design (self->workflow, self->design, &local_error))
    {
      gboolean repeated = g_strcmp0 (self->save_error, local_error->message) == 0;

      g_free (self->save_error);
      self->save_error = g_strdup (local_error->message);
      if (g_error_matches (local_error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND) &&
          save_as_new (self))
        return TRUE;
      if (g_error_matches (local_error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT))
        {
          self->conflict = TRUE;
          show_conflict_toast (self);
        }
      else if (!repeated)
        {
          /* Translators: %s is the reason the database gave */
          g_autofree char *msg = g_strdup_printf (_("Could not save: %s"), local_error->message);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (msg));
        }
      /* A busy or unwritable database may recover (another program lets
       * go of it): try again later even if nothing else is typed. */
      if (!self->conflict)
        self->save_source = g_timeout_add_seconds (AUTOSAVE_RETRY_S, autosave_timeout_cb, self);
      update_status (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_pointer (&self->save_error, g_free);
  set_dirty (self, FALSE);
  update_status (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}

/* Shows self->design's current content, from scratch. */
static void
design_state_cb (McDesignEditor *self)
{
  update_title (self);
  _mc_design_editor_review_load (self);
}

static void
disconnect_design (McDesignEditor *self)
{
  if (self->content && self->changed_handler)
    g_signal_handler_disconnect (self->content, self->changed_handler);
  self->changed_handler = 0;
  if (self->design && self->state_handler)
    g_signal_handler_disconnect (self->design, self->state_handler);
  self->state_handler = 0;
}

static void
load_design (McDesignEditor *self)
{
  disconnect_design (self);
  g_clear_object (&self->content);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->validate_source, g_source_remove);
  g_clear_pointer (&self->save_error, g_free);
  self->conflict = FALSE;
  set_dirty (self, FALSE);

  self->building = TRUE;
  _mc_design_editor_clear_form (self);
  if (self->design)
    {
      self->content = g_object_ref (mc_design_get_content (self->design));
      _mc_design_editor_build_form (self);
      g_free (self->read_only);
      self->read_only = _mc_design_editor_read_only_reason (self);
      if (self->read_only)
        _mc_design_editor_lock_form (self, self->read_only);
      self->changed_handler = g_signal_connect (self->content, "changed",
                                                G_CALLBACK (content_changed_cb), self);
      self->state_handler = g_signal_connect_swapped (self->design, "notify::state",
                                                      G_CALLBACK (design_state_cb), self);
    }
  else
    g_clear_pointer (&self->read_only, g_free);
  self->building = FALSE;

  mc_workflow_bar_set_design (self->workflow_bar, self->design);
  gtk_stack_set_visible_child_name (self->stack, self->design ? "editor" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->sections_button), self->design != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_button), self->design != NULL);
  update_title (self);
  update_status (self);
  mc_design_editor_revalidate (self);
  _mc_design_editor_review_load (self);
}

static gboolean
reload_design (McDesignEditor *self)
{
  g_autoptr(McDesign) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (self->design == NULL)
    return FALSE;
  fresh = mc_store_load_design (self->store, mc_design_get_id (self->design), &error);
  if (fresh == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }
  /* Update the object in place: the window's list holds the same one. */
  mc_design_set_state (self->design, mc_design_get_state (fresh));
  mc_design_set_unit_id (self->design, mc_design_get_unit_id (fresh));
  mc_design_set_owner_id (self->design, mc_design_get_owner_id (fresh));
  mc_design_set_revision_number (self->design, mc_design_get_revision_number (fresh));
  mc_design_set_version (self->design, mc_design_get_version (fresh));
  mc_design_set_modified (self->design, mc_design_get_modified (fresh));
  mc_design_set_approved_revision (self->design, mc_design_get_approved_revision (fresh));
  mc_design_set_approved_on (self->design, mc_design_get_approved_on (fresh));
  mc_design_set_review_due (self->design, mc_design_get_review_due (fresh));
  mc_design_set_content (self->design, mc_design_get_content (fresh));
  load_design (self);
  return TRUE;
}

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  reload_design (MC_DESIGN_EDITOR (widget));
}

/* The workflow bar */

static gboolean
workflow_save_pending_cb (McDesignEditor *self)
{
  /* TRUE stops the action: the edits are not stored yet. */
  return !mc_design_editor_save (self, NULL);
}

static void
workflow_changed_cb (McDesignEditor *self, const char *message)
{
  /* The state, revision and rights changed: show the stored design anew,
   * and let the window's list show its new state. */
  reload_design (self);
  if (message != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

static void
workflow_show_findings_cb (McDesignEditor *self)
{
  gtk_toggle_button_set_active (self->findings_button, TRUE);
}

static void
workflow_reload_cb (McDesignEditor *self)
{
  reload_design (self);
}

/* Acting as someone else changes who may edit. */
static void
actor_changed_cb (McDesignEditor *self)
{
  if (self->design == NULL)
    return;
  if (self->dirty && !self->conflict)
    mc_design_editor_save (self, NULL);
  load_design (self);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  McDesignEditor *self = MC_DESIGN_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->read_only)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (self->read_only));
      return;
    }
  /* Ctrl+S saves even without changes, so the author sees it confirmed. */
  if (self->design)
    set_dirty (self, TRUE);
  /* Failures show in the status and in a toast. */
  mc_design_editor_save (self, &error);
}

static void
jump_section_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  McDesignEditor *self = MC_DESIGN_EDITOR (widget);
  const char *id = g_variant_get_string (param, NULL);

  for (guint i = 0; self->groups && i < self->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, i);

      if (g_strcmp0 (gtk_widget_get_name (group), id) == 0)
        {
          _mc_design_editor_scroll_to (self, group);
          gtk_widget_child_focus (group, GTK_DIR_TAB_FORWARD);
          break;
        }
    }
}

static void
finding_activated_cb (McDesignEditor *self, McFinding *finding)
{
  mc_design_editor_focus_field (self,
                                mc_finding_get_field (finding),
                                mc_finding_get_item_index (finding),
                                mc_finding_get_item_field (finding));
}

static GMenuModel *
sections_menu_new (void)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < mc_enum_n_values (MC_TYPE_SECTION); i++)
    {
      McSection section = mc_enum_nth_value (MC_TYPE_SECTION, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (mc_section_get_label (section), NULL);

      g_menu_item_set_action_and_target (item, "editor.jump-section", "s",
                                         mc_section_get_id (section));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
mc_design_editor_dispose (GObject *object)
{
  McDesignEditor *self = MC_DESIGN_EDITOR (object);

  /* Last chance: whatever was typed goes to the database. */
  if (self->dirty && !self->conflict && self->store && self->design)
    {
      g_autoptr(GError) error = NULL;

      if (!mc_workflow_save_design (self->workflow, self->design, &error))
        g_debug ("Could not save on close: %s", error->message);
      else
        set_dirty (self, FALSE);
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->validate_source, g_source_remove);
  disconnect_design (self);
  _mc_design_editor_review_dispose (self);
  _mc_design_editor_clear_form (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_DESIGN_EDITOR);

  g_clear_object (&self->content);
  g_clear_object (&self->design);
  g_clear_object (&self->store);
  g_clear_object (&self->workflow);
  g_clear_object (&self->validator);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_design_editor_parent_class)->dispose (object);
}

static void
mc_design_editor_finalize (GObject *object)
{
  McDesignEditor *self = MC_DESIGN_EDITOR (object);

  g_strfreev (self->profiles);
  g_free (self->save_error);
  g_free (self->read_only);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->field_widgets, g_hash_table_unref);
  g_clear_pointer (&self->list_boxes, g_hash_table_unref);
  g_clear_pointer (&self->marked, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_design_editor_parent_class)->finalize (object);
}

static void
mc_design_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McDesignEditor *self = MC_DESIGN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_VALIDATOR:
      g_value_set_object (value, self->validator);
      break;
    case PROP_DESIGN:
      g_value_set_object (value, self->design);
      break;
    case PROP_PROFILES:
      g_value_set_boxed (value, self->profiles);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, mc_design_editor_get_show_back_button (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_design_editor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McDesignEditor *self = MC_DESIGN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      self->store = g_object_ref (mc_workflow_get_store (self->workflow));
      mc_workflow_bar_set_workflow (self->workflow_bar, self->workflow);
      g_signal_connect_object (self->workflow, "notify::actor",
                               G_CALLBACK (actor_changed_cb), self, G_CONNECT_SWAPPED);
      break;
    case PROP_VALIDATOR:
      self->validator = g_value_dup_object (value);
      break;
    case PROP_DESIGN:
      mc_design_editor_set_design (self, g_value_get_object (value));
      break;
    case PROP_PROFILES:
      mc_design_editor_set_profiles (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_BACK_BUTTON:
      mc_design_editor_set_show_back_button (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_design_editor_class_init (McDesignEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_design_editor_dispose;
  object_class->finalize = mc_design_editor_finalize;
  object_class->get_property = mc_design_editor_get_property;
  object_class->set_property = mc_design_editor_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALIDATOR] =
    g_param_spec_object ("validator", NULL, NULL, MC_TYPE_VALIDATOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESIGN] =
    g_param_spec_object ("design", NULL, NULL, MC_TYPE_DESIGN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILES] =
    g_param_spec_boxed ("profiles", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (MC_TYPE_FINDINGS_PANEL);
  g_type_ensure (MC_TYPE_WORKFLOW_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mc-design-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, sections_button);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, findings_button);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, save_status);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, flap);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, page);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, side_switcher);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, side_stack);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, findings_panel);
  gtk_widget_class_bind_template_child (widget_class, McDesignEditor, workflow_bar);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, workflow_save_pending_cb);
  gtk_widget_class_bind_template_callback (widget_class, workflow_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, workflow_show_findings_cb);
  gtk_widget_class_bind_template_callback (widget_class, workflow_reload_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "editor.jump-section", "s", jump_section_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  _mc_design_editor_review_class_init (widget_class);
}

static void
mc_design_editor_init (McDesignEditor *self)
{
  g_autoptr(GMenuModel) menu = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_ptr_array_new ();
  self->field_widgets = g_hash_table_new (g_str_hash, g_str_equal);
  self->list_boxes = g_hash_table_new (g_str_hash, g_str_equal);
  self->marked = g_ptr_array_new_with_free_func (g_object_unref);

  menu = sections_menu_new ();
  gtk_menu_button_set_menu_model (self->sections_button, menu);
  _mc_design_editor_review_init (self);
  load_design (self);
}

McDesignEditor *
mc_design_editor_new (McWorkflow *workflow, McValidator *validator)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_VALIDATOR (validator), NULL);

  return g_object_new (MC_TYPE_DESIGN_EDITOR, "workflow", workflow, "validator", validator, NULL);
}

McDesign *
mc_design_editor_get_design (McDesignEditor *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_EDITOR (self), NULL);

  return self->design;
}

void
mc_design_editor_set_design (McDesignEditor *self, McDesign *design)
{
  g_return_if_fail (MC_IS_DESIGN_EDITOR (self));
  g_return_if_fail (design == NULL || MC_IS_DESIGN (design));

  if (self->design == design)
    return;

  /* Save the design we leave before showing the next one.  If that
   * fails, stay on it: its edits are still only here, and the status and
   * a toast say why (callers save first and report the error). */
  if (self->design && self->dirty && !self->conflict &&
      !mc_design_editor_save (self, NULL))
    return;

  disconnect_design (self);
  g_set_object (&self->design, design);
  load_design (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESIGN]);
}

const char * const *
mc_design_editor_get_profiles (McDesignEditor *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_EDITOR (self), NULL);

  return (const char * const *) self->profiles;
}

void
mc_design_editor_set_profiles (McDesignEditor *self, const char * const *profiles)
{
  g_return_if_fail (MC_IS_DESIGN_EDITOR (self));

  if (self->profiles && profiles && g_strv_equal ((const char * const *) self->profiles, profiles))
    return;
  g_strfreev (self->profiles);
  self->profiles = g_strdupv ((char **) profiles);
  mc_design_editor_revalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILES]);
}

gboolean
mc_design_editor_get_dirty (McDesignEditor *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_EDITOR (self), FALSE);

  return self->dirty;
}

gboolean
mc_design_editor_get_show_back_button (McDesignEditor *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_EDITOR (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->back_button));
}

void
mc_design_editor_set_show_back_button (McDesignEditor *self, gboolean show)
{
  g_return_if_fail (MC_IS_DESIGN_EDITOR (self));

  if (mc_design_editor_get_show_back_button (self) == !!show)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BACK_BUTTON]);
}

GPtrArray *
mc_design_editor_get_findings (McDesignEditor *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_EDITOR (self), NULL);

  return self->findings;
}
