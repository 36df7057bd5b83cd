/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The history window: a design's events and the institution's, read a
 * page at a time in a worker thread, and the verification of the chain,
 * which must find an event altered behind the application's back.  Run
 * under tests/run-with-display. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "mc-gui-test-util.h"
#include "mc-history-dialog.h"
#include "mc-history-row.h"

typedef struct {
  char            *dir;
  char            *path;
  McStore         *store;
  McWorkflow      *workflow;
  McHistoryDialog *dialog;
} Fixture;

/* A database file, so that the worker opens its own connection to it as
 * the application does. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *username = data != NULL ? data : "admin";

  f->dir = g_dir_make_tmp ("mc-history-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "history.db", NULL);
  f->store = mc_store_open (f->path, MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->workflow = mc_workflow_new (f->store, "admin", &error);
  g_assert_no_error (error);
  g_assert_true (mc_demo_populate (f->store, &error));
  if (!g_str_equal (username, "admin"))
    {
      g_clear_object (&f->workflow);
      f->workflow = mc_workflow_new (f->store, username, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  mc_gui_test_spin ();
  g_clear_object (&f->workflow);
  g_clear_object (&f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
is_idle (gpointer data)
{
  return !mc_history_dialog_get_busy (data);
}

static void
open_dialog (Fixture *f, McDesign *design)
{
  f->dialog = mc_history_dialog_new (f->workflow, design);
  gtk_window_set_default_size (GTK_WINDOW (f->dialog), 640, 720);
  mc_gui_test_present (GTK_WINDOW (f->dialog));
  g_assert_true (mc_gui_test_wait (is_idle, f->dialog));
}

/* Many settings changes: each one is an event of the institution. */
static void
add_events (Fixture *f, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = g_strdup_printf ("%u", 6 + i % 2 * 6);

      g_assert_true (mc_workflow_set_setting (f->workflow, MC_SETTING_REVIEW_CYCLE_MONTHS, value, &error));
      g_assert_no_error (error);
    }
}

static McDesign *
design_with_most_events (Fixture *f)
{
  g_autoptr(GPtrArray) events = mc_store_list_events (f->store, 0, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 best = 0;
  guint best_n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      const McEvent *event = g_ptr_array_index (events, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &event->design_id)) + 1;

      if (event->design_id == 0)
        continue;
      g_hash_table_insert (counts, g_memdup2 (&event->design_id, sizeof (gint64)), GUINT_TO_POINTER (n));
      if (n > best_n)
        {
          best = event->design_id;
          best_n = n;
        }
    }
  g_assert_cmpint (best, !=, 0);
  return mc_store_load_design (f->store, best, NULL);
}

static void
test_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  guint64 total;
  gint64 before = 0, expected;
  guint read = 0;

  add_events (f, 450);
  total = mc_store_count_events (f->store, &error);
  g_assert_cmpuint (total, >=, 450);

  /* Page after page, newest first, every event exactly once. */
  expected = (gint64) total;
  do
    {
      g_autoptr(GPtrArray) page = mc_store_list_events_before (f->store, 0, before, 200, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, 200);
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpint (((McEvent *) g_ptr_array_index (page, i))->id, ==, expected--);
      read += page->len;
      if (page->len < 200)
        break;
      before = ((McEvent *) g_ptr_array_index (page, page->len - 1))->id;
    }
  while (TRUE);
  g_assert_cmpuint (read, ==, total);
}

/* The chair assigns reviewers to a submitted design, then the
 * administrator, acting for her, assigns others: the history then holds
 * details and an event recorded on someone's behalf. */
static McDesign *
design_with_a_story (Fixture *f)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) submitted = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GError) error = NULL;
  const char *reviewers[][2] = { { "aoife.brennan", "tomasz.kowalski" },
                                 { "aoife.brennan", "niall.okeeffe" } };

  query.state = MC_DESIGN_STATE_SUBMITTED;
  submitted = mc_store_query_designs (f->store, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < submitted->len && design == NULL; i++)
    {
      McDesignSummary *summary = g_ptr_array_index (submitted, i);
      g_autoptr(McDesign) candidate = mc_store_load_design (f->store, mc_design_summary_get_id (summary), NULL);
      g_autoptr(McPerson) owner = mc_store_get_person (f->store, mc_design_get_owner_id (candidate), NULL);

      if (g_strcmp0 (mc_person_get_username (owner), "niall.okeeffe") != 0)
        design = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (design);

  g_assert_true (mc_workflow_act_as (f->workflow, "sinead.walsh", &error));
  for (guint i = 0; i < G_N_ELEMENTS (reviewers); i++)
    {
      g_autoptr(McPerson) a = mc_store_find_person_by_username (f->store, reviewers[i][0], NULL);
      g_autoptr(McPerson) b = mc_store_find_person_by_username (f->store, reviewers[i][1], NULL);
      gint64 ids[2] = { mc_person_get_id (a), mc_person_get_id (b) };

      g_assert_true (mc_workflow_assign_reviewers (f->workflow, design, ids, 2, &error));
      g_assert_no_error (error);
    }
  g_assert_true (mc_workflow_act_as (f->workflow, NULL, &error));
  return g_steal_pointer (&design);
}

static void
test_design_history (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) design = design_with_a_story (f);
  g_autoptr(GPtrArray) events = mc_store_list_events (f->store, mc_design_get_id (design), NULL);
  g_autofree char *details = NULL;

  g_assert_cmpuint (events->len, >=, 3);
  open_dialog (f, design);
  g_assert_cmpuint (mc_history_dialog_get_n_shown (f->dialog), ==, events->len);
  /* Newest first. */
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (mc_history_dialog_get_shown_event (f->dialog, i)->id, ==,
                     ((McEvent *) g_ptr_array_index (events, events->len - 1 - i))->id);
  g_assert_cmpint (mc_history_dialog_get_shown_event (f->dialog, 0)->design_id, ==,
                   mc_design_get_id (design));

  /* Details in words, not JSON. */
  details = mc_history_format_details ("{\"reviewer_ids\":[3,4],\"meeting-date\":\"2026-03-02\",\"final\":true}");
  g_assert_cmpstr (details, ==, "Reviewer ids: 3, 4\nMeeting date: 2026-03-02\nFinal: yes");
  mc_gui_test_screenshot (GTK_WIDGET (f->dialog), "history-design");
}

static void
test_institution_paged (Fixture *f, gconstpointer data)
{
  guint64 total;

  add_events (f, 450);
  total = mc_store_count_events (f->store, NULL);

  open_dialog (f, NULL);
  g_assert_cmpuint (mc_history_dialog_get_total (f->dialog), ==, total);
  g_assert_cmpuint (mc_history_dialog_get_n_shown (f->dialog), ==, MC_HISTORY_PAGE_SIZE);
  g_assert_cmpint (mc_history_dialog_get_shown_event (f->dialog, 0)->id, ==, (gint64) total);

  mc_history_dialog_show_more (f->dialog);
  g_assert_true (mc_gui_test_wait (is_idle, f->dialog));
  g_assert_cmpuint (mc_history_dialog_get_n_shown (f->dialog), ==, 2 * MC_HISTORY_PAGE_SIZE);
  g_assert_cmpint (mc_history_dialog_get_shown_event (f->dialog, MC_HISTORY_PAGE_SIZE)->id, ==,
                   (gint64) total - MC_HISTORY_PAGE_SIZE);
  mc_history_dialog_show_more (f->dialog);
  g_assert_true (mc_gui_test_wait (is_idle, f->dialog));
  g_assert_cmpuint (mc_history_dialog_get_n_shown (f->dialog), ==, total);
}

static gboolean
has_verdict (gpointer data)
{
  return mc_history_dialog_get_verdict (data) != NULL;
}

static void
alter_event (Fixture *f, gint64 id)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = NULL;

  /* Behind the application's back, as someone with the file would. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER events_no_update", NULL, NULL, NULL), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE events SET comment = 'nothing happened' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
}

static void
test_verify (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) design = design_with_most_events (f);
  g_autofree char *expected = NULL;
  g_autofree char *broken = NULL;
  guint64 total = 0;
  gint64 victim = 0;

  add_events (f, 30);
  total = mc_store_count_events (f->store, NULL);
  open_dialog (f, design);

  mc_history_dialog_verify (f->dialog);
  g_assert_true (mc_history_dialog_get_busy (f->dialog));
  g_assert_true (mc_gui_test_wait (has_verdict, f->dialog));
  expected = g_strdup_printf ("The history is intact: %" G_GUINT64_FORMAT " events checked", total);
  g_assert_cmpstr (mc_history_dialog_get_verdict (f->dialog), ==, expected);
  mc_gui_test_screenshot (GTK_WIDGET (f->dialog), "history-intact");

  /* Alter one of the design's own events, shown in the list. */
  victim = mc_history_dialog_get_shown_event (f->dialog, 0)->id;
  alter_event (f, victim);
  mc_history_dialog_verify (f->dialog);
  g_assert_true (mc_gui_test_wait (has_verdict, f->dialog));
  broken = g_strdup_printf ("event #%" G_GINT64_FORMAT " ", victim);
  g_assert_nonnull (strstr (mc_history_dialog_get_verdict (f->dialog), "The history has been altered"));
  g_assert_nonnull (strstr (mc_history_dialog_get_verdict (f->dialog), broken));
  mc_gui_test_screenshot (GTK_WIDGET (f->dialog), "history-altered");
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  add_events (f, 20);
  open_dialog (f, NULL);

  /* Cancelled at once: a verdict says so, and the window still works. */
  mc_history_dialog_verify (f->dialog);
  gtk_widget_activate_action (GTK_WIDGET (f->dialog), "window.close", NULL);
  f->dialog = NULL;
  mc_gui_test_spin ();
  g_usleep (100000);
  mc_gui_test_spin ();
}

static void
test_not_administrator (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) design = design_with_most_events (f);
  GtkWidget *button = NULL;

  open_dialog (f, design);
  g_assert_false (mc_history_dialog_set_institution (f->dialog, TRUE));
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->dialog), MC_TYPE_HISTORY_DIALOG,
                                                      "institution_button"));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  g_assert_cmpuint (mc_history_dialog_get_total (f->dialog), ==, 0);
}

int
main (int argc, char *argv[])
{
  mc_gui_test_init (&argc, &argv);

#define ADD(path, user, func) \
  g_test_add ("/gui/history/" path, Fixture, user, fixture_set_up, func, fixture_tear_down)
  ADD ("pages", NULL, test_pages);
  ADD ("design", NULL, test_design_history);
  ADD ("institution-paged", NULL, test_institution_paged);
  ADD ("verify", NULL, test_verify);
  ADD ("cancel", NULL, test_cancel);
  ADD ("not-administrator", "aoife.brennan", test_not_administrator);
#undef ADD

  return g_test_run ();
}
