/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "mc-design-editor.h"
#include "mc-preferences-window.h"
#include "mc-window.h"
#include "mc-gui-test-util.h"

typedef struct {
  McStore     *store;
  McValidator *validator;
  GSettings   *settings;
  McWindow    *window;
  McWorkflow  *workflow;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Iterates the main loop until @cond holds or five seconds pass. */
static gboolean
wait_until (gboolean (*cond) (Fixture *), Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!cond (f))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      spin ();
      g_usleep (2000);
    }
  return TRUE;
}

/* In-process screenshot, kept when SCREENSHOT_DIR is set. */
static void
screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL || width <= 0 || height <= 0)
    return;

  spin ();
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

static gboolean
is_mapped (Fixture *f)
{
  return gtk_widget_get_mapped (GTK_WIDGET (f->window));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GError) error = NULL;

  f->store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->validator = mc_validator_new ();
  f->settings = g_settings_new_with_backend ("io.github.microcred.Microcred", backend);
  f->workflow = mc_workflow_new (f->store, "tester", &error);
  g_assert_no_error (error);
  f->window = mc_window_new (NULL, f->workflow, f->validator, f->settings);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (is_mapped, f));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_clear_object (&f->settings);
  g_clear_object (&f->validator);
  g_clear_object (&f->workflow);
  g_clear_object (&f->store);
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (mc_window_get_designs (f->window));
}

static GObject *
child (Fixture *f, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (f->window), MC_TYPE_WINDOW, name);
}

static void
open_demo (Fixture *f)
{
  g_assert_true (mc_window_open_demo (f->window));
  spin ();
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (mc_window_get_list_page (f->window), ==, "empty");
  g_assert_null (mc_window_get_design (f->window));
  screenshot (GTK_WIDGET (f->window), "window-empty");
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  GtkDropDown *units = GTK_DROP_DOWN (child (f, "unit_dropdown"));

  open_demo (f);
  g_assert_cmpstr (mc_window_get_list_page (f->window), ==, "list");
  g_assert_cmpuint (n_rows (f), >=, 8);
  g_assert_cmpuint (n_rows (f), <=, 15);
  g_assert_cmpuint (n_rows (f), ==, mc_store_count_designs (f->store, NULL));
  /* "All units" and the three demo units */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (units)), ==, 4);
  /* The demo institution becomes the issuer when none is set: a setting
   * of the database, no longer of GSettings. */
  {
    g_autofree char *name = mc_store_get_setting (f->store, MC_SETTING_INSTITUTION_NAME, "");
    g_autofree char *country = mc_store_get_setting (f->store, MC_SETTING_INSTITUTION_COUNTRY, "");
    g_autofree char *old_name = g_settings_get_string (f->settings, "institution-name");

    g_assert_cmpstr (name, !=, "");
    g_assert_cmpstr (country, ==, "IE");
    g_assert_cmpstr (old_name, ==, "");
  }
  screenshot (GTK_WIDGET (f->window), "window-demo");
}

static guint wanted_rows;

static gboolean
has_wanted_rows (Fixture *f)
{
  return n_rows (f) == wanted_rows;
}

static void
test_search (Fixture *f, gconstpointer data)
{
  GtkEditable *entry = GTK_EDITABLE (child (f, "search_entry"));
  g_autoptr(McDesignSummary) last = NULL;
  g_autofree char *title = NULL;
  guint total;

  open_demo (f);
  total = n_rows (f);
  last = g_list_model_get_item (mc_window_get_designs (f->window), total - 1);
  title = g_strdup (mc_design_summary_get_title (last));

  /* The whole title of one design finds it, and fewer than all. */
  gtk_editable_set_text (entry, title);
  wanted_rows = 1;
  g_assert_true (wait_until (has_wanted_rows, f));
  {
    g_autoptr(McDesignSummary) found = g_list_model_get_item (mc_window_get_designs (f->window), 0);
    g_assert_cmpstr (mc_design_summary_get_title (found), ==, title);
  }
  screenshot (GTK_WIDGET (f->window), "window-search");

  gtk_editable_set_text (entry, "qqzzxx-no-such-design");
  wanted_rows = 0;
  g_assert_true (wait_until (has_wanted_rows, f));
  g_assert_cmpstr (mc_window_get_list_page (f->window), ==, "no-results");
  screenshot (GTK_WIDGET (f->window), "window-no-results");

  gtk_editable_set_text (entry, "");
  wanted_rows = total;
  g_assert_true (wait_until (has_wanted_rows, f));
  g_assert_cmpstr (mc_window_get_list_page (f->window), ==, "list");
}

/* Expected number of designs with one filter, counted by the store. */
static guint
count_with (Fixture *f, int credential_type, int state)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) results = NULL;

  query.credential_type = credential_type;
  query.state = state;
  results = mc_store_query_designs (f->store, &query, NULL);
  g_assert (results != NULL);
  return results->len;
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  GtkDropDown *state = GTK_DROP_DOWN (child (f, "state_dropdown"));
  GtkDropDown *type = GTK_DROP_DOWN (child (f, "type_dropdown"));
  GtkDropDown *unit = GTK_DROP_DOWN (child (f, "unit_dropdown"));
  guint total;
  guint checked = 0;

  open_demo (f);
  total = n_rows (f);

  for (guint i = 0; i < mc_enum_n_values (MC_TYPE_DESIGN_STATE); i++)
    {
      McDesignState s = mc_enum_nth_value (MC_TYPE_DESIGN_STATE, i);

      gtk_drop_down_set_selected (state, i + 1);
      spin ();
      g_assert_cmpuint (n_rows (f), ==, count_with (f, -1, s));
      for (guint j = 0; j < n_rows (f); j++)
        {
          g_autoptr(McDesignSummary) row = g_list_model_get_item (mc_window_get_designs (f->window), j);
          g_assert_cmpint (mc_design_summary_get_state (row), ==, s);
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, total);
  gtk_drop_down_set_selected (state, 0);
  spin ();
  g_assert_cmpuint (n_rows (f), ==, total);

  checked = 0;
  for (guint i = 0; i < mc_enum_n_values (MC_TYPE_CREDENTIAL_TYPE); i++)
    {
      McCredentialType t = mc_enum_nth_value (MC_TYPE_CREDENTIAL_TYPE, i);

      gtk_drop_down_set_selected (type, i + 1);
      spin ();
      g_assert_cmpuint (n_rows (f), ==, count_with (f, t, -1));
      checked += n_rows (f);
    }
  g_assert_cmpuint (checked, ==, total);
  gtk_drop_down_set_selected (type, 0);

  /* Every design belongs to exactly one of the units. */
  checked = 0;
  for (guint i = 1; i < g_list_model_get_n_items (gtk_drop_down_get_model (unit)); i++)
    {
      gtk_drop_down_set_selected (unit, i);
      spin ();
      g_assert_cmpuint (n_rows (f), <, total);
      checked += n_rows (f);
    }
  g_assert_cmpuint (checked, ==, total);
  gtk_drop_down_set_selected (unit, 0);
  spin ();
  g_assert_cmpuint (n_rows (f), ==, total);
}

static void
test_new_design (Fixture *f, gconstpointer data)
{
  McDesign *design = NULL;
  guint total;

  open_demo (f);
  total = n_rows (f);

  /* Filters are cleared so the new design shows. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "state_dropdown")), 5);
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-design", NULL));
  spin ();

  g_assert_cmpuint (n_rows (f), ==, total + 1);
  g_assert_cmpuint (mc_store_count_designs (f->store, NULL), ==, total + 1);
  design = mc_window_get_design (f->window);
  g_assert_nonnull (design);
  g_assert_cmpint (mc_design_get_id (design), >, 0);
  g_assert_cmpint (mc_design_get_unit_id (design), >, 0);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (design)), ==, "");
  g_assert_cmpuint (gtk_single_selection_get_selected (
                      GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (child (f, "design_list"))))),
                    !=, GTK_INVALID_LIST_POSITION);
  screenshot (GTK_WIDGET (f->window), "window-new-design");
}

/* A draft is deleted at once and Undo brings it back as it was; designs
 * past the draft stage cannot be deleted. */
static void
test_delete_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = NULL;
  g_autoptr(McDesign) restored = NULL;
  McDesign *design;
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) active = NULL;
  guint total;

  open_demo (f);
  total = n_rows (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-design", NULL));
  spin ();
  design = mc_window_get_design (f->window);
  uuid = g_strdup (mc_design_get_uuid (design));
  mc_revision_set_string (mc_design_get_content (design), "title", "Short-Lived Draft");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-design", NULL));
  spin ();
  g_assert_null (mc_window_get_design (f->window));
  g_assert_cmpuint (n_rows (f), ==, total);
  g_assert_cmpuint (mc_store_count_designs (f->store, NULL), ==, total);

  /* Undo: same identifier and the title typed before deleting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", NULL));
  spin ();
  g_assert_cmpuint (n_rows (f), ==, total + 1);
  restored = mc_store_find_design_by_uuid (f->store, uuid, NULL);
  g_assert_nonnull (restored);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (restored)), ==, "Short-Lived Draft");
  g_assert_cmpstr (mc_design_get_uuid (mc_window_get_design (f->window)), ==, uuid);

  /* An active design: the action is off, and the core refuses anyway. */
  query.state = MC_DESIGN_STATE_ACTIVE;
  active = mc_store_query_designs (f->store, &query, NULL);
  g_assert_cmpuint (active->len, >, 0);
  g_assert_true (mc_window_select_design (f->window,
                                          mc_design_summary_get_id (g_ptr_array_index (active, 0))));
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-design", NULL);
  spin ();
  g_assert_nonnull (mc_window_get_design (f->window));
  g_assert_false (mc_window_delete_design (f->window));   /* refused by the store */
  spin ();
  g_assert_nonnull (mc_window_get_design (f->window));
  g_assert_cmpuint (mc_store_count_designs (f->store, NULL), ==, total + 1);
}

/* Ctrl+S (win.save) stores the open design at once, wherever the focus. */
static void
test_save_action (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) stored = NULL;
  McDesign *design;

  open_demo (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-design", NULL));
  spin ();
  design = mc_window_get_design (f->window);
  mc_revision_set_string (mc_design_get_content (design), "title", "Saved by Shortcut");
  gtk_widget_grab_focus (GTK_WIDGET (child (f, "search_entry")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  stored = mc_store_load_design (f->store, mc_design_get_id (design), NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==, "Saved by Shortcut");
}

static void
test_new_design_empty (Fixture *f, gconstpointer data)
{
  /* From the empty state: the window leaves it for the list. */
  g_assert_cmpint (mc_window_new_design (f->window), >, 0);
  spin ();
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (mc_window_get_list_page (f->window), ==, "list");
}

static void
test_export_import (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesignSummary) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;
  guint total;

  open_demo (f);
  total = n_rows (f);
  dir = g_dir_make_tmp ("mc-gui-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_file_new_build_filename (dir, "design.json", NULL);

  /* Nothing to export before a design is open. */
  g_assert_false (mc_window_export_file (f->window, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (file, NULL));

  /* A draft, which may be deleted below. */
  {
    McDesignQuery drafts = MC_DESIGN_QUERY_INIT;
    g_autoptr(GPtrArray) found = NULL;

    drafts.state = MC_DESIGN_STATE_DRAFT;
    found = mc_store_query_designs (f->store, &drafts, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, >, 0);
    first = g_object_ref (g_ptr_array_index (found, 0));
  }
  g_assert_true (mc_window_select_design (f->window, mc_design_summary_get_id (first)));
  title = g_strdup (mc_design_summary_get_title (first));
  uuid = g_strdup (mc_design_summary_get_uuid (first));

  g_assert_true (mc_window_export_file (f->window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));

  /* Gone from the database, then back from the file. */
  g_assert_true (mc_store_delete_design (f->store, mc_design_summary_get_id (first), &error));
  g_assert_no_error (error);
  mc_window_refresh (f->window);
  g_assert_cmpuint (n_rows (f), ==, total - 1);

  id = mc_window_import_file (f->window, file);
  spin ();
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (n_rows (f), ==, total);
  g_assert_nonnull (mc_window_get_design (f->window));
  g_assert_cmpint (mc_design_get_id (mc_window_get_design (f->window)), ==, id);
  g_assert_cmpstr (mc_design_get_uuid (mc_window_get_design (f->window)), ==, uuid);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (mc_window_get_design (f->window))),
                   ==, title);

  /* The same file again clashes: nothing is imported until the user agrees. */
  g_assert_cmpint (mc_window_import_file (f->window, file), ==, 0);
  g_assert_cmpuint (n_rows (f), ==, total);

  /* A broken file is refused and changes nothing. */
  bad = g_file_new_build_filename (dir, "bad.json", NULL);
  g_assert_true (g_file_replace_contents (bad, "{\"format\": 1", 12, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_cmpint (mc_window_import_file (f->window, bad), ==, 0);
  g_assert_cmpuint (n_rows (f), ==, total);
  spin ();
  screenshot (GTK_WIDGET (f->window), "window-import");

  g_file_delete (file, NULL, NULL);
  g_file_delete (bad, NULL, NULL);
  g_rmdir (dir);
}

static void
find_switches (GtkWidget *widget, GPtrArray *found)
{
  if (GTK_IS_SWITCH (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    find_switches (c, found);
}

static void
test_preferences (Fixture *f, gconstpointer data)
{
  McPreferencesWindow *prefs = mc_preferences_window_new (f->settings, f->validator);
  g_auto(GStrv) before = g_settings_get_strv (f->settings, "profiles");
  g_auto(GStrv) after = NULL;
  GListModel *profiles = mc_validator_get_profiles (f->validator);
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();

  g_assert_cmpuint (g_list_model_get_n_items (profiles), >=, 5);
  gtk_window_present (GTK_WINDOW (prefs));
  spin ();

  /* Switching a profile off removes it from the settings. */
  g_assert_true (g_strv_contains ((const char * const *) before, "eu-council"));
  find_switches (GTK_WIDGET (prefs), switches);
  g_assert_cmpuint (switches->len, ==, g_list_model_get_n_items (profiles));
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (profiles, i);
      gboolean on = g_strv_contains ((const char * const *) before, mc_profile_get_id (profile));

      g_assert_cmpint (gtk_switch_get_active (g_ptr_array_index (switches, i)), ==, on);
      if (g_str_equal (mc_profile_get_id (profile), "eu-council"))
        gtk_switch_set_active (g_ptr_array_index (switches, i), FALSE);
    }
  after = g_settings_get_strv (f->settings, "profiles");
  g_assert_false (g_strv_contains ((const char * const *) after, "eu-council"));
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before) - 1);
  screenshot (GTK_WIDGET (prefs), "preferences");

  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int argc, char *argv[])
{
  mc_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gui/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("empty", test_empty);
  ADD ("demo", test_demo);
  ADD ("search", test_search);
  ADD ("filters", test_filters);
  ADD ("new-design", test_new_design);
  ADD ("new-design-empty", test_new_design_empty);
  ADD ("delete-undo", test_delete_undo);
  ADD ("save-action", test_save_action);
  ADD ("export-import", test_export_import);
  ADD ("preferences", test_preferences);
#undef ADD

  return g_test_run ();
}
