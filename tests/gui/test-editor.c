/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests of the design editor on the demo institution in a
 * throw-away database.  Run under tests/run-with-display. */
#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>
#include <sqlite3.h>

#include "mc-core.h"
#include "mc-design-editor.h"
#include "mc-design-editor-private.h"
#include "mc-item-row.h"
#include "mc-gui-test-util.h"

typedef struct {
  McStore        *store;
  McValidator    *validator;
  GtkWindow      *window;
  McDesignEditor *editor;
  McDesign       *design;
  McWorkflow     *workflow;
} Fixture;

static const char *profiles[] = { "eu-council", "consistency", NULL };

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The stored design with the most outcomes: the richest one to edit. */
static gint64
pick_design (McStore *store)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 best = 0;
  guint best_n = 0;

  all = mc_store_query_designs (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 0);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(McDesign) d = NULL;
      guint n;

      d = mc_store_load_design (store, mc_design_summary_get_id (g_ptr_array_index (all, i)), &error);
      g_assert_no_error (error);
      n = g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_outcomes (mc_design_get_content (d))));
      if (best == 0 || n > best_n)
        {
          best = mc_design_get_id (d);
          best_n = n;
        }
    }
  g_assert_cmpuint (best_n, >=, 2);
  return best;
}

/* A draft (the only state the editor edits) with the content of the
 * richest demo design, owned by the test's account. */
static McDesign *
rich_draft (McWorkflow *workflow)
{
  McStore *store = mc_workflow_get_store (workflow);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) rich = mc_store_load_design (store, pick_design (store), &error);
  g_autoptr(McRevision) content = NULL;
  McDesign *draft = mc_design_new ();

  g_assert_no_error (error);
  content = mc_revision_copy (mc_design_get_content (rich));
  mc_design_set_unit_id (draft, mc_design_get_unit_id (rich));
  mc_design_set_content (draft, content);
  g_assert_true (mc_workflow_create_design (workflow, draft, &error));
  g_assert_no_error (error);
  return draft;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mc_demo_populate (f->store, &error));
  g_assert_no_error (error);
  f->workflow = mc_workflow_new (f->store, "tester", &error);
  g_assert_no_error (error);
  f->design = rich_draft (f->workflow);

  f->validator = mc_validator_new ();
  mc_validator_set_institution (f->validator, "Test University", "IE");
  mc_validator_set_today (f->validator, "2026-01-15");

  f->editor = mc_design_editor_new (f->workflow, f->validator);
  mc_design_editor_set_profiles (f->editor, profiles);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->editor)))
    g_main_context_iteration (NULL, TRUE);

  mc_design_editor_set_design (f->editor, f->design);
  iterate ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  iterate ();
  g_clear_object (&f->design);
  g_clear_object (&f->validator);
  g_clear_object (&f->workflow);
  g_clear_object (&f->store);
}

static GtkWidget *
field_widget (Fixture *f, const char *field, int item_index, const char *item_field)
{
  GtkWidget *w = _mc_design_editor_find_widget (f->editor, field, item_index, item_field);

  g_assert_nonnull (w);
  return w;
}

static McDesign *
reload (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  McDesign *d = mc_store_load_design (f->store, mc_design_get_id (f->design), &error);

  g_assert_no_error (error);
  return d;
}

static gboolean
focus_is_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkWidget *
find_button (GtkWidget *parent, const char *icon_name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (parent); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (c)), icon_name) == 0)
        return c;
      if ((found = find_button (c, icon_name)))
        return found;
    }
  return NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
test_load (Fixture *f, gconstpointer data)
{
  McRevision *content = mc_design_get_content (f->design);
  GtkWidget *title = field_widget (f, "title", -1, NULL);
  GtkWidget *ects = field_widget (f, "ects", -1, NULL);
  GListModel *outcomes = G_LIST_MODEL (mc_revision_get_outcomes (content));
  g_autoptr(McItem) first = g_list_model_get_item (outcomes, 0);
  GtkWidget *text;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  g_assert_true (ADW_IS_ENTRY_ROW (title));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title)), ==, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, mc_revision_get_title (content));
  g_assert_true (GTK_IS_SPIN_BUTTON (ects));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (ects)),
                                  mc_revision_get_ects (content), 0.05);

  text = field_widget (f, "outcomes", 0, "text");
  g_assert_true (GTK_IS_TEXT_VIEW (text));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), &start, &end);
  shown = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (shown, ==, mc_item_get_string (first, "text"));

  /* Loading is not editing. */
  g_assert_false (mc_design_editor_get_dirty (f->editor));
}

static void
test_title_saved (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) stored = NULL;
  guint saved = 0;

  g_signal_connect_swapped (f->editor, "saved", G_CALLBACK (g_atomic_int_inc), &saved);
  gtk_editable_set_text (GTK_EDITABLE (field_widget (f, "title", -1, NULL)), "Applied Soil Science");
  g_assert_true (mc_design_editor_get_dirty (f->editor));
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (f->design)), ==, "Applied Soil Science");

  g_assert_true (mc_design_editor_save (f->editor, &error));
  g_assert_no_error (error);
  g_assert_false (mc_design_editor_get_dirty (f->editor));
  g_assert_cmpuint (saved, ==, 1);

  stored = reload (f);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==, "Applied Soil Science");
}

static void
test_autosave (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) stored = NULL;
  GtkWidget *fee = field_widget (f, "fee", -1, NULL);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (fee), 249.5);
  g_assert_true (mc_design_editor_get_dirty (f->editor));
  for (guint i = 0; i < 40 && mc_design_editor_get_dirty (f->editor); i++)
    wait_ms (100);
  g_assert_false (mc_design_editor_get_dirty (f->editor));

  stored = reload (f);
  g_assert_cmpfloat_with_epsilon (mc_revision_get_double (mc_design_get_content (stored), "fee"),
                                  249.5, 0.001);
}

/* Numbers count as soon as they are typed, not only after Enter or leaving
 * the field, so the findings follow the text on screen. */
static void
test_number_as_typed (Fixture *f, gconstpointer data)
{
  McRevision *content = mc_design_get_content (f->design);
  GtkWidget *ects = field_widget (f, "ects", -1, NULL);
  GtkWidget *hours = field_widget (f, "hours", -1, NULL);

  gtk_editable_set_text (GTK_EDITABLE (ects), "7.5");
  g_assert_cmpfloat_with_epsilon (mc_revision_get_double (content, "ects"), 7.5, 0.001);
  gtk_editable_set_text (GTK_EDITABLE (hours), "190");
  g_assert_cmpint (mc_revision_get_int (content, "hours"), ==, 190);
  /* What the user is typing stays as typed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ects)), ==, "7.5");

  /* Half-typed or out-of-range text changes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (hours), "19x");
  g_assert_cmpint (mc_revision_get_int (content, "hours"), ==, 190);
  gtk_editable_set_text (GTK_EDITABLE (ects), "-3");
  g_assert_cmpfloat_with_epsilon (mc_revision_get_double (content, "ects"), 7.5, 0.001);
  gtk_editable_set_text (GTK_EDITABLE (hours), "12.5");
  g_assert_cmpint (mc_revision_get_int (content, "hours"), ==, 190);
  g_assert_true (mc_design_editor_get_dirty (f->editor));
}

static char **
outcome_codes (McRevision *content)
{
  GListModel *outcomes = G_LIST_MODEL (mc_revision_get_outcomes (content));
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(McItem) o = g_list_model_get_item (outcomes, i);

      g_strv_builder_add (b, mc_item_get_string (o, "code"));
    }
  return g_strv_builder_end (b);
}

static void
test_outcomes_edit (Fixture *f, gconstpointer data)
{
  McRevision *content = mc_design_get_content (f->design);
  GListModel *outcomes = G_LIST_MODEL (mc_revision_get_outcomes (content));
  guint n = g_list_model_get_n_items (outcomes);
  g_auto(GStrv) before = outcome_codes (content);
  g_auto(GStrv) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) stored = NULL;
  g_autoptr(McItem) added = NULL;
  g_autoptr(McItem) moved = NULL;
  GtkWidget *row, *text;

  /* Add: a new outcome with the next code, focused on its text. */
  g_signal_emit_by_name (field_widget (f, "outcomes", -1, NULL), "clicked");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (outcomes), ==, n + 1);
  added = g_list_model_get_item (outcomes, n);
  g_assert_nonnull (mc_item_get_string (added, "code"));
  g_assert_false (g_strv_contains ((const char * const *) before, mc_item_get_string (added, "code")));
  text = field_widget (f, "outcomes", (int) n, "text");
  g_assert_true (focus_is_within (text));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                            "Interpret soil test results", -1);
  g_assert_cmpstr (mc_item_get_string (added, "text"), ==, "Interpret soil test results");

  /* Move it up with its button. */
  row = field_widget (f, "outcomes", (int) n, NULL);
  g_assert_true (MC_IS_ITEM_ROW (row));
  g_assert_false (gtk_widget_get_sensitive (find_button (row, "go-down-symbolic")));
  click (find_button (row, "go-up-symbolic"));
  iterate ();
  moved = g_list_model_get_item (outcomes, n - 1);
  g_assert_true (moved == added);
  g_assert_true (mc_item_row_get_item (MC_ITEM_ROW (field_widget (f, "outcomes", (int) n - 1, NULL))) == added);

  g_assert_true (mc_design_editor_save (f->editor, &error));
  g_assert_no_error (error);
  stored = reload (f);
  g_assert_true (mc_revision_equal (mc_design_get_content (stored), content));
  g_clear_object (&stored);

  /* Remove it with its button: the list is as before. */
  row = field_widget (f, "outcomes", (int) n - 1, NULL);
  click (find_button (row, "user-trash-symbolic"));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (outcomes), ==, n);
  after = outcome_codes (content);
  g_assert_true (g_strv_equal ((const char * const *) before, (const char * const *) after));

  g_assert_true (mc_design_editor_save (f->editor, &error));
  stored = reload (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_outcomes (mc_design_get_content (stored)))), ==, n);
  g_assert_true (mc_revision_equal (mc_design_get_content (stored), content));
}

static void
test_focus_field (Fixture *f, gconstpointer data)
{
  GPtrArray *findings;
  GtkWidget *w;

  mc_design_editor_focus_field (f->editor, "ects", -1, NULL);
  iterate ();
  g_assert_true (focus_is_within (field_widget (f, "ects", -1, NULL)));

  /* An item's field: its row opens and the field takes the focus. */
  mc_design_editor_focus_field (f->editor, "outcomes", 1, "text");
  iterate ();
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (field_widget (f, "outcomes", 1, NULL))));
  g_assert_true (focus_is_within (field_widget (f, "outcomes", 1, "text")));
  g_assert_false (focus_is_within (field_widget (f, "ects", -1, NULL)));

  /* Clear the title: the finding about it leads back to the title entry. */
  gtk_editable_set_text (GTK_EDITABLE (field_widget (f, "title", -1, NULL)), "");
  mc_design_editor_revalidate (f->editor);
  findings = mc_design_editor_get_findings (f->editor);
  for (guint i = 0; i < findings->len; i++)
    {
      McFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (mc_finding_get_field (finding), "title") != 0)
        continue;
      w = field_widget (f, "title", -1, NULL);
      g_assert_true (gtk_widget_has_css_class (w, "error"));
      g_signal_emit_by_name (f->editor->findings_panel, "finding-activated", finding);
      iterate ();
      g_assert_true (focus_is_within (w));
      return;
    }
  g_assert_not_reached ();
}

static void
test_findings_count (Fixture *f, gconstpointer data)
{
  GtkWidget *title = field_widget (f, "title", -1, NULL);
  guint errors_empty, errors_filled;
  g_autofree char *label = NULL;

  gtk_editable_set_text (GTK_EDITABLE (title), "");
  wait_ms (400);   /* validation is debounced */
  errors_empty = mc_validator_count (mc_design_editor_get_findings (f->editor), MC_SEVERITY_ERROR);
  g_assert_cmpuint (errors_empty, >, 0);

  gtk_editable_set_text (GTK_EDITABLE (title), "Soil Science for Growers");
  wait_ms (400);
  errors_filled = mc_validator_count (mc_design_editor_get_findings (f->editor), MC_SEVERITY_ERROR);
  g_assert_cmpuint (errors_filled, <, errors_empty);

  label = g_strdup_printf (errors_filled == 1 ? "%u error" : "%u errors", errors_filled);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (f->editor->findings_button)), ==, label);
}

static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) other = reload (f);
  g_autoptr(McDesign) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* Someone else saves first. */
  mc_revision_set_string (mc_design_get_content (other), "title", "Their Title");
  g_assert_true (mc_store_update_design (f->store, other, &error));
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (field_widget (f, "title", -1, NULL)), "My Title");
  g_assert_false (mc_design_editor_save (f->editor, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (mc_design_editor_get_dirty (f->editor));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (f->editor->save_status), "Not saved"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->editor->save_status), "error"));

  /* Autosave stops: more typing and waiting never overwrite theirs. */
  gtk_editable_set_text (GTK_EDITABLE (field_widget (f, "title", -1, NULL)), "My Title 2");
  wait_ms (1300);
  g_assert_false (mc_design_editor_save (f->editor, &error));
  g_clear_error (&error);
  stored = reload (f);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==, "Their Title");
  g_clear_object (&stored);

  /* Reload shows theirs and editing works again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.reload", NULL));
  iterate ();
  g_assert_false (mc_design_editor_get_dirty (f->editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_widget (f, "title", -1, NULL))), ==, "Their Title");
  gtk_editable_set_text (GTK_EDITABLE (field_widget (f, "title", -1, NULL)), "Agreed Title");
  g_assert_true (mc_design_editor_save (f->editor, &error));
  g_assert_no_error (error);
  stored = reload (f);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==, "Agreed Title");
}

/* A database that another program holds for a while: the edit stays
 * pending, is shown as not saved, and is saved once the database is free
 * again, without the user typing anything more. */
static void
test_locked_retry (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-editor-lock-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lock.db", NULL);
  g_autoptr(McStore) store = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McValidator) validator = mc_validator_new ();
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McDesign) stored = NULL;
  McDesignEditor *editor;
  GtkWindow *window;
  sqlite3 *other = NULL;
  gint64 deadline;

  g_assert_no_error (error);
  store = mc_store_open (path, MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  mc_store_set_busy_timeout (store, 200);   /* as the application does */
  g_assert_true (mc_demo_populate (store, &error));
  workflow = mc_workflow_new (store, "tester", &error);
  g_assert_no_error (error);
  design = rich_draft (workflow);

  editor = mc_design_editor_new (workflow, validator);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  mc_design_editor_set_design (editor, design);
  iterate ();

  /* Another program takes the write lock. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  gtk_editable_set_text (GTK_EDITABLE (_mc_design_editor_find_widget (editor, "title", -1, NULL)),
                         "Written While Locked");
  {
    gint64 start = g_get_monotonic_time ();

    g_assert_false (mc_design_editor_save (editor, &error));
    /* The window is not held up waiting for the other program. */
    g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  }
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (mc_design_editor_get_dirty (editor));

  /* It lets go; the editor saves by itself within the retry delay. */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while (mc_design_editor_get_dirty (editor) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (mc_design_editor_get_dirty (editor));
  stored = mc_store_load_design (store, mc_design_get_id (design), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==, "Written While Locked");

  gtk_window_destroy (window);
  iterate ();
  g_clear_object (&store);
  g_unlink (path);
  for (const char *suffix = "-wal"; suffix != NULL; suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *extra = g_strconcat (path, suffix, NULL);
      g_unlink (extra);
    }
  g_rmdir (dir);
}

/* A draft deleted elsewhere (mcred, another window) while being edited:
 * the next save stores the editor's copy again, edits included. */
static void
test_deleted_elsewhere (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) draft = mc_design_new ();
  g_autoptr(McDesign) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  gint64 old_id;

  mc_design_set_unit_id (draft, mc_design_get_unit_id (f->design));
  mc_revision_set_string (mc_design_get_content (draft), "title", "Draft to Lose");
  g_assert_true (mc_store_insert_design (f->store, draft, &error));
  old_id = mc_design_get_id (draft);
  uuid = g_strdup (mc_design_get_uuid (draft));
  mc_design_editor_set_design (f->editor, draft);
  iterate ();

  gtk_editable_set_text (GTK_EDITABLE (field_widget (f, "title", -1, NULL)), "Draft Kept After All");
  g_assert_true (mc_store_delete_design (f->store, old_id, &error));
  g_assert_no_error (error);

  g_assert_true (mc_design_editor_save (f->editor, &error));
  g_assert_no_error (error);
  g_assert_false (mc_design_editor_get_dirty (f->editor));
  stored = mc_store_find_design_by_uuid (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  /* Stored again (SQLite may hand out the freed number once more). */
  g_assert_cmpint (mc_design_get_id (stored), ==, mc_design_get_id (mc_design_editor_get_design (f->editor)));
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==, "Draft Kept After All");
}

/* A design that cannot be saved (here: a line break in its one-line
 * title) is not left behind with its edits when another is shown. */
static void
test_unsaveable_stays (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) other = NULL;
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) all = mc_store_query_designs (f->store, &query, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < all->len && other == NULL; i++)
    {
      McDesignSummary *s = g_ptr_array_index (all, i);

      if (mc_design_summary_get_id (s) != mc_design_get_id (f->design))
        other = mc_store_load_design (f->store, mc_design_summary_get_id (s), NULL);
    }
  g_assert_nonnull (other);

  mc_revision_set_string (mc_design_get_content (f->design), "title", "Two\nlines");
  g_assert_false (mc_design_editor_save (f->editor, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  mc_design_editor_set_design (f->editor, other);
  g_assert_true (mc_design_editor_get_design (f->editor) == f->design);
  g_assert_true (mc_design_editor_get_dirty (f->editor));

  /* Once it can be saved, the editor moves on. */
  mc_revision_set_string (mc_design_get_content (f->design), "title", "One line");
  mc_design_editor_set_design (f->editor, other);
  g_assert_true (mc_design_editor_get_design (f->editor) == other);
}

static void
test_switch_saves (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) stored = NULL;
  GtkWidget *empty;

  gtk_editable_set_text (GTK_EDITABLE (field_widget (f, "title", -1, NULL)), "Before Switching");
  mc_design_editor_set_design (f->editor, NULL);
  g_assert_false (mc_design_editor_get_dirty (f->editor));
  empty = gtk_stack_get_visible_child (f->editor->stack);
  g_assert_true (ADW_IS_STATUS_PAGE (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Design Selected");

  stored = reload (f);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==, "Before Switching");
}

static void
test_dispose_saves (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (field_widget (f, "title", -1, NULL)), "Typed Before Closing");
  g_assert_true (mc_design_editor_get_dirty (f->editor));
  gtk_window_destroy (f->window);
  iterate ();
  f->window = GTK_WINDOW (gtk_window_new ());

  stored = reload (f);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==, "Typed Before Closing");
}

static void
test_save_shortcut (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) stored = NULL;
  GtkWidget *title = field_widget (f, "title", -1, NULL);

  gtk_widget_grab_focus (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Saved With Ctrl S");
  g_assert_true (gtk_widget_activate_action (title, "editor.save", NULL));
  g_assert_false (mc_design_editor_get_dirty (f->editor));
  stored = reload (f);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==, "Saved With Ctrl S");
}

/* Shows the stored design with the most findings. */
static void
show_most_findings (Fixture *f)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) all = mc_store_query_designs (f->store, &query, NULL);
  g_autoptr(McDesign) best = NULL;
  guint best_n = 0;

  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(McDesign) d = mc_store_load_design (f->store, mc_design_summary_get_id (g_ptr_array_index (all, i)), NULL);
      g_autoptr(GPtrArray) found = mc_validator_validate (f->validator, mc_design_get_content (d), profiles, NULL);

      if (found && found->len > best_n)
        {
          best_n = found->len;
          g_set_object (&best, d);
        }
    }
  g_assert_nonnull (best);
  mc_design_editor_set_design (f->editor, best);
  g_assert_cmpuint (mc_design_editor_get_findings (f->editor)->len, ==, best_n);
}

/* Renders the window as a user would see it and checks the picture is a
 * real, non-trivial image.  With MC_SCREENSHOT_DIR set the PNG is kept
 * there for a human to look at; otherwise it goes to a temporary folder. */
static void
test_screenshot (Fixture *f, gconstpointer data)
{
  const char *dir = g_getenv ("MC_SCREENSHOT_DIR");
  g_autofree char *tmp_dir = NULL;
  g_autoptr(GFile) png = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width = 0, height = 0;

  if (dir == NULL)
    dir = tmp_dir = g_dir_make_tmp ("mc-editor-shot-XXXXXX", NULL);
  g_assert_nonnull (dir);
  if (g_strcmp0 (data, "focused") == 0)
    mc_design_editor_focus_field (f->editor, "outcomes", 0, "text");
  if (g_strcmp0 (data, "findings") == 0)
    show_most_findings (f);
  if (g_strcmp0 (data, "quality") == 0)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.jump-section", "s", "quality"));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->window));
  /* On a busy machine the window may still be drawing its first frame:
   * wait for it, up to a few seconds. */
  for (guint attempt = 0; node == NULL && attempt < 30; attempt++)
    {
      wait_ms (300);
      width = gtk_widget_get_width (GTK_WIDGET (f->window));
      height = gtk_widget_get_height (GTK_WIDGET (f->window));
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (GTK_NATIVE (f->window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("editor%s%s.png", data ? "-" : "", data ? (const char *) data : "");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  /* A blank or failed rendering compresses to almost nothing. */
  g_assert_cmpint (width, >=, 600);
  g_assert_cmpint (height, >=, 400);
  png = g_file_new_for_path (path);
  info = g_file_query_info (png, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_cmpint (g_file_info_get_size (info), >, 20000);
  if (tmp_dir != NULL)
    {
      g_unlink (path);
      g_rmdir (tmp_dir);
    }
}

int
main (int argc, char **argv)
{
  mc_gui_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/app/editor/load", test_load, NULL);
  ADD ("/app/editor/title-saved", test_title_saved, NULL);
  ADD ("/app/editor/autosave", test_autosave, NULL);
  ADD ("/app/editor/number-as-typed", test_number_as_typed, NULL);
  ADD ("/app/editor/outcomes-edit", test_outcomes_edit, NULL);
  ADD ("/app/editor/focus-field", test_focus_field, NULL);
  ADD ("/app/editor/findings-count", test_findings_count, NULL);
  ADD ("/app/editor/conflict", test_conflict, NULL);
  ADD ("/app/editor/deleted-elsewhere", test_deleted_elsewhere, NULL);
  ADD ("/app/editor/unsaveable-stays", test_unsaveable_stays, NULL);
  g_test_add_func ("/app/editor/locked-retry", test_locked_retry);
  ADD ("/app/editor/switch-saves", test_switch_saves, NULL);
  ADD ("/app/editor/dispose-saves", test_dispose_saves, NULL);
  ADD ("/app/editor/save-shortcut", test_save_shortcut, NULL);
  ADD ("/app/editor/screenshot", test_screenshot, NULL);
  ADD ("/app/editor/screenshot-focused", test_screenshot, "focused");
  ADD ("/app/editor/screenshot-findings", test_screenshot, "findings");
  ADD ("/app/editor/screenshot-quality", test_screenshot, "quality");
#undef ADD

  return g_test_run ();
}
