/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-window-private.h"
#include "mc-demo-issuing.h"

/* New design */

gint64
mc_window_new_design (McWindow *self)
{
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(McPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit_id = 0;

  g_return_val_if_fail (MC_IS_WINDOW (self), 0);

  /* Keep what is being typed in the current design. */
  if (!mc_design_editor_save (self->editor, &error))
    {
      _mc_window_show_error (self, _("Could Not Save the Design"), NULL, error->message);
      return 0;
    }

  units = mc_store_list_units (self->store, NULL);
  if (units != NULL && g_list_model_get_n_items (units) > 0)
    {
      g_autoptr(McUnit) unit = g_list_model_get_item (units, 0);

      unit_id = mc_unit_get_id (unit);
    }
  else
    {
      /* Every design belongs to a unit: start a fresh database with one
       * named after the institution. */
      g_autofree char *name = mc_store_get_setting (self->store, MC_SETTING_INSTITUTION_NAME, "");

      unit_id = mc_workflow_add_unit (self->workflow, "MAIN",
                                      name[0] != '\0' ? name : _("Main Unit"), &error);
      if (unit_id == 0)
        {
          _mc_window_show_error (self, _("Could Not Create a Design"), NULL, error->message);
          return 0;
        }
      _mc_window_reload_units (self);
    }

  design = mc_design_new ();
  person = g_object_ref (mc_workflow_get_actor (self->workflow));
  mc_design_set_owner_id (design, mc_person_get_id (person));
  if (mc_person_get_unit_id (person) != 0)
    unit_id = mc_person_get_unit_id (person);
  mc_design_set_unit_id (design, unit_id);

  if (!mc_workflow_create_design (self->workflow, design, &error))
    {
      _mc_window_show_error (self, _("Could Not Create a Design"), NULL, error->message);
      return 0;
    }

  /* A new design must be visible whatever the filters were. */
  _mc_window_show_designs (self);
  _mc_window_reset_filters (self);
  mc_window_refresh (self);
  if (!mc_window_select_design (self, mc_design_get_id (design)))
    return 0;

  _mc_window_show_editor (self);
  mc_design_editor_focus_field (self->editor, "title", -1, NULL);

  return mc_design_get_id (design);
}

static void
win_new_design (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  mc_window_new_design (MC_WINDOW (widget));
}

/* Demo */

gboolean
mc_window_open_demo (McWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *country = NULL;
  g_autofree char *current_name = NULL;
  g_autofree char *current_country = NULL;

  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);

  if (!mc_demo_populate (self->store, &error))
    {
      _mc_window_show_error (self, _("Could Not Open the Demo Institution"), NULL, error->message);
      return FALSE;
    }

  /* The demo designs make sense with the demo institution as issuer.
   * Only an administrator may name the institution; for anyone else it
   * stays as it is. */
  current_name = mc_store_get_setting (self->store, MC_SETTING_INSTITUTION_NAME, "");
  current_country = mc_store_get_setting (self->store, MC_SETTING_INSTITUTION_COUNTRY, "");
  if (current_name[0] == '\0' && mc_demo_get_institution (&name, &country, NULL) &&
      mc_workflow_set_setting (self->workflow, MC_SETTING_INSTITUTION_NAME, name, NULL))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (current_country[0] == '\0' && country != NULL)
        mc_workflow_set_setting (self->workflow, MC_SETTING_INSTITUTION_COUNTRY, country, NULL);
      if (MC_IS_APPLICATION (app))
        mc_application_reload_institution (MC_APPLICATION (app));
    }
  /* Offerings ready to issue and a signing key, when an administrator
   * opens the demo; the passphrase is in the README. */
  if (mc_workflow_has_role (self->workflow, MC_ROLE_ADMINISTRATOR, 0) &&
      !mc_demo_issuing_populate (self->workflow, &error))
    _mc_window_show_error (self, _("Could Not Set Up Issuing in the Demo Institution"), NULL, error->message);

  _mc_window_reload_units (self);
  _mc_window_show_designs (self);
  _mc_window_reset_filters (self);
  mc_window_refresh (self);
  mc_window_refresh_tasks (self);
  _mc_window_toast (self, _("Demo institution opened"));

  return TRUE;
}

static void
win_open_demo (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  mc_window_open_demo (MC_WINDOW (widget));
}

/* Import */

static gint64
import_parsed (McWindow     *self,
               McDesignFile *parsed,
               GFile        *file,
               gboolean      replace)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  gint64 id = 0;

  /* What is being typed is stored first, so that replacing the open
   * design never meets unsaved edits. */
  if (!mc_design_editor_save (self->editor, &error))
    {
      _mc_window_show_error (self, _("Could Not Save the Design"), NULL, error->message);
      return 0;
    }

  id = mc_workflow_import_design (self->workflow, parsed, replace, &error);
  if (id == 0)
    {
      _mc_window_show_error (self, _("Could Not Import the Design"), file, error->message);
      return 0;
    }

  _mc_window_reload_units (self);
  _mc_window_show_designs (self);
  _mc_window_reset_filters (self);
  mc_window_refresh (self);

  /* The stored design changed under the editor: show the new one. */
  if (id == self->current_id && !_mc_window_load_design (self, id, FALSE, &error))
    {
      _mc_window_show_error (self, _("Could Not Open the Design"), NULL, error->message);
      return id;
    }

  mc_window_select_design (self, id);
  _mc_window_show_editor (self);

  toast = g_strdup_printf (_("Imported “%s”"),
                           mc_revision_get_title (mc_design_get_content (parsed->design)));
  _mc_window_toast (self, toast);

  return id;
}

typedef struct {
  McWindow     *window;
  McDesignFile *parsed;
  GFile        *file;
} ImportClash;

static void
import_clash_free (ImportClash *clash)
{
  g_clear_object (&clash->window);
  g_clear_pointer (&clash->parsed, mc_design_file_free);
  g_clear_object (&clash->file);
  g_free (clash);
}

static void
on_clash_response (AdwMessageDialog *dialog,
                   const char       *response,
                   ImportClash      *clash)
{
  if (g_str_equal (response, "replace"))
    {
      g_autoptr(GError) error = NULL;

      /* Save the open design first, so a conflict cannot hide the import. */
      if (!mc_design_editor_save (clash->window->editor, &error))
        _mc_window_show_error (clash->window, _("Could Not Save the Design"), NULL, error->message);
      else
        import_parsed (clash->window, clash->parsed, clash->file, TRUE);
    }
}

gint64
mc_window_import_file (McWindow *self,
                       GFile    *file)
{
  g_autoptr(McDesignFile) parsed = NULL;
  g_autoptr(McDesign) existing = NULL;
  g_autoptr(GError) error = NULL;
  ImportClash *clash = NULL;
  AdwMessageDialog *dialog = NULL;
  const char *uuid = NULL;

  g_return_val_if_fail (MC_IS_WINDOW (self), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  parsed = mc_design_io_read_file (file, NULL, &error);
  if (parsed == NULL)
    {
      _mc_window_show_error (self, _("Could Not Import the Design"), file, error->message);
      return 0;
    }

  uuid = mc_design_get_uuid (parsed->design);
  if (uuid != NULL)
    existing = mc_store_find_design_by_uuid (self->store, uuid, NULL);
  if (existing == NULL)
    return import_parsed (self, parsed, file, FALSE);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Design?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” is already in this database. Replacing it overwrites the stored design with the one in the file."),
                                  mc_revision_get_title (mc_design_get_content (existing)));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  clash = g_new0 (ImportClash, 1);
  clash->window = g_object_ref (self);
  clash->parsed = g_steal_pointer (&parsed);
  clash->file = g_object_ref (file);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_clash_response), clash,
                         (GClosureNotify) (void (*) (void)) import_clash_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return 0;
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Design files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

/* The open file chooser belongs to the window: it goes when the user
 * answers, or with the window if that closes first. */
#define FILE_CHOOSER_KEY "mc-window-file-chooser"

static void
show_file_chooser (McWindow             *self,
                   GtkFileChooserNative *native,
                   GCallback             on_response)
{
  g_object_set_data_full (G_OBJECT (self), FILE_CHOOSER_KEY, native, g_object_unref);
  g_signal_connect_object (native, "response", on_response, self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_import_response (GtkNativeDialog *native,
                    int              response,
                    McWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        mc_window_import_file (self, file);
    }
  g_object_set_data (G_OBJECT (self), FILE_CHOOSER_KEY, NULL);
}

static void
win_import (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = json_filter ();
  GtkFileChooserNative *native = NULL;

  native = gtk_file_chooser_native_new (_("Import Design"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  show_file_chooser (self, native, G_CALLBACK (on_import_response));
}

/* Export */

gboolean
mc_window_export_file (McWindow  *self,
                       GFile     *file,
                       GError   **error)
{
  g_autoptr(McDesign) design = NULL;

  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->current_id == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("No design is open"));
      return FALSE;
    }

  /* Export what the user sees, which is what is stored once saved. */
  if (!mc_design_editor_save (self->editor, error))
    return FALSE;

  design = mc_store_load_design (self->store, self->current_id, error);
  if (design == NULL)
    return FALSE;

  return mc_design_io_write_file (self->store, design, file, NULL, error);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    McWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (file == NULL)
        ;
      else if (!mc_window_export_file (self, file, &error))
        {
          _mc_window_show_error (self, _("Could Not Export the Design"), file, error->message);
        }
      else
        {
          g_autofree char *basename = g_file_get_basename (file);
          g_autofree char *toast = g_strdup_printf (_("Exported to “%s”"), basename);

          _mc_window_toast (self, toast);
        }
    }
  g_object_set_data (G_OBJECT (self), FILE_CHOOSER_KEY, NULL);
}

static char *
suggested_file_name (McWindow *self)
{
  McDesign *design = mc_window_get_design (self);
  const char *title = NULL;
  g_autofree char *name = NULL;

  if (design != NULL)
    title = mc_revision_get_title (mc_design_get_content (design));
  if (title == NULL || title[0] == '\0')
    /* Translators: file name for an exported design without a title */
    title = _("Untitled Design");

  name = g_strdup (title);
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_strconcat (name, ".json", NULL);
}

static void
win_export (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = json_filter ();
  g_autofree char *name = suggested_file_name (self);
  GtkFileChooserNative *native = NULL;

  native = gtk_file_chooser_native_new (_("Export Design"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  show_file_chooser (self, native, G_CALLBACK (on_export_response));
}

/* Navigation */

static void
win_search (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  McWindow *self = MC_WINDOW (widget);

  if (_mc_window_search_credentials (self))
    return;
  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "main"))
    {
      _mc_window_show_designs (self);
      _mc_window_show_list (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

/* Ctrl+S anywhere in the window, not only while typing in the editor. */
static void
win_save (GtkWidget  *widget,
          const char *action_name,
          GVariant   *param)
{
  McWindow *self = MC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!mc_design_editor_save (self->editor, &error))
    _mc_window_show_error (self, _("Could Not Save the Design"), NULL, error->message);
}

static void
win_show_list (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _mc_window_show_list (MC_WINDOW (widget));
}

/* Closing */

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   McWindow         *self)
{
  if (g_str_equal (response, "close"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Returns TRUE when the window may close: the design is saved, or the
 * user chose to close although it could not be. */
gboolean
_mc_window_close_request (McWindow *self)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;

  if (self->close_confirmed || mc_design_editor_save (self->editor, &error))
    return TRUE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Changes Could Not Be Saved"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nIf you close the window now, your latest changes to this design are lost."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Open"),
                                    "close", _("_Close Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

/* Delete and undo */

/* Deletes the draft in the editor at once and offers Undo, as GNOME
 * applications do, rather than asking first.  The store refuses designs
 * past the draft stage whatever the window does. */
gboolean
mc_window_delete_design (McWindow *self)
{
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  const char *title;

  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);

  if (self->current_id == 0)
    return FALSE;

  /* What Undo brings back is the design as stored, typing included. */
  if (!mc_design_editor_save (self->editor, &error) ||
      (design = mc_store_load_design (self->store, self->current_id, &error)) == NULL ||
      !mc_workflow_delete_design (self->workflow, design, &error))
    {
      _mc_window_show_error (self, _("Could Not Delete the Design"), NULL, error->message);
      return FALSE;
    }

  g_object_set (self->editor, "design", NULL, NULL);
  self->current_id = 0;
  g_set_object (&self->deleted, design);
  mc_window_refresh (self);
  _mc_window_update_actions (self);
  _mc_window_show_list (self);

  title = mc_revision_get_title (mc_design_get_content (design));
  if (title[0] != '\0')
    /* Translators: %s is the title of a design */
    message = g_strdup_printf (_("“%s” deleted"), title);
  else
    message = g_strdup (_("Untitled design deleted"));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

/* Puts the last deleted draft back as it was: same identifier, content and
 * dates, under a new database number. */
gboolean
mc_window_undo_delete (McWindow *self)
{
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);

  if (self->deleted == NULL)
    return FALSE;

  design = g_steal_pointer (&self->deleted);
  mc_design_set_id (design, 0);
  mc_design_set_version (design, 0);
  if (!mc_workflow_create_design (self->workflow, design, &error))
    {
      _mc_window_show_error (self, _("Could Not Restore the Design"), NULL, error->message);
      return FALSE;
    }

  _mc_window_reset_filters (self);
  mc_window_refresh (self);
  _mc_window_update_actions (self);
  return mc_window_select_design (self, mc_design_get_id (design));
}

static void
win_delete_design (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  mc_window_delete_design (MC_WINDOW (widget));
}

static void
win_undo_delete (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  mc_window_undo_delete (MC_WINDOW (widget));
}

void
_mc_window_update_actions (McWindow *self)
{
  McDesign *design = mc_design_editor_get_design (self->editor);
  gboolean draft = design != NULL && self->current_id != 0 &&
                   mc_design_get_state (design) == MC_DESIGN_STATE_DRAFT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->current_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-design", draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", self->deleted != NULL);
  _mc_window_update_admin_actions (self);
}

void
_mc_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-design", NULL, win_new_design);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, win_open_demo);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, win_import);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, win_export);
  gtk_widget_class_install_action (widget_class, "win.delete-design", NULL, win_delete_design);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, win_undo_delete);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, win_search);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, win_save);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, win_show_list);
}
