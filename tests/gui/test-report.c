/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The yearly QA report window: the report gathered in a worker, shown as
 * pages, and exported as PDF and CSV.  Run under tests/run-with-display. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "folder-fixture.h"
#include "mc-gui-test-util.h"
#include "mc-report-dialog.h"

typedef struct {
  char           *dir;
  char           *path;
  McStore        *store;
  McWorkflow     *workflow;
  McReportDialog *dialog;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mc-report-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "report.db", NULL);
  f->store = mc_store_open (f->path, MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->workflow = mc_workflow_new (f->store, "admin", &error);
  g_assert_no_error (error);
  g_assert_true (mc_demo_populate (f->store, &error));
  g_assert_true (mc_workflow_set_setting (f->workflow, MC_SETTING_INSTITUTION_NAME,
                                          "Corrib Technological University", &error));
  g_clear_object (&f->workflow);
  f->workflow = mc_workflow_new (f->store, data != NULL ? data : "admin", &error);
  g_assert_no_error (error);
  mc_workflow_set_today (f->workflow, "2026-11-20");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  mc_gui_test_spin ();
  g_free (mc_gui_test_take_message ());
  g_clear_object (&f->workflow);
  g_clear_object (&f->store);
  mc_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
is_idle (gpointer data)
{
  return !mc_report_dialog_get_busy (data);
}

static void
open_dialog (Fixture *f)
{
  f->dialog = mc_report_dialog_new (f->workflow);
  gtk_window_set_default_size (GTK_WINDOW (f->dialog), 760, 820);
  mc_gui_test_present (GTK_WINDOW (f->dialog));
  g_assert_true (mc_gui_test_wait (is_idle, f->dialog));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_preview_and_export (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf_path = g_build_filename (f->dir, "health.pdf", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "health.csv", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autofree char *pdf_data = NULL;
  g_autofree char *csv_data = NULL;
  McYearlyReport *report = NULL;

  open_dialog (f);
  g_assert_true (mc_report_dialog_set_unit (f->dialog, mc_gui_test_unit_id (f->store, "HLTH")));
  mc_report_dialog_set_year (f->dialog, 2026);
  g_assert_true (mc_gui_test_wait (is_idle, f->dialog));

  report = mc_report_dialog_get_report (f->dialog);
  g_assert_nonnull (report);
  g_assert_cmpstr (mc_yearly_report_get_unit_code (report), ==, "HLTH");
  g_assert_cmpint (mc_yearly_report_get_year (report), ==, 2026);
  g_assert_cmpuint (mc_report_dialog_get_n_pages (f->dialog), >=, 1);
  mc_gui_test_screenshot (GTK_WIDGET (f->dialog), "report-preview");

  mc_report_dialog_export (f->dialog, pdf, MC_REPORT_FORMAT_PDF);
  g_assert_true (mc_report_dialog_get_busy (f->dialog));
  g_assert_true (mc_gui_test_wait (is_idle, f->dialog));
  g_assert_null (mc_report_dialog_get_error (f->dialog));
  pdf_data = read_file (pdf_path);
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF-"));

  mc_report_dialog_export (f->dialog, csv, MC_REPORT_FORMAT_CSV);
  g_assert_true (mc_gui_test_wait (is_idle, f->dialog));
  csv_data = read_file (csv_path);
  g_assert_nonnull (strstr (csv_data, "Clinical Trial Data Management"));
}

static void
test_export_failure (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *message = NULL;

  open_dialog (f);
  g_assert_nonnull (mc_report_dialog_get_report (f->dialog));
  mc_report_dialog_export (f->dialog, file, MC_REPORT_FORMAT_PDF);
  g_assert_true (mc_gui_test_wait (is_idle, f->dialog));
  g_assert_nonnull (mc_report_dialog_get_error (f->dialog));
  message = mc_gui_test_take_message ();
  g_assert_nonnull (message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_units_offered (Fixture *f, gconstpointer data)
{
  /* Maeve Gallagher chairs Health Sciences only. */
  g_assert_true (mc_report_dialog_can_report (f->workflow));
  open_dialog (f);
  g_assert_true (mc_report_dialog_set_unit (f->dialog, mc_gui_test_unit_id (f->store, "HLTH")));
  g_assert_false (mc_report_dialog_set_unit (f->dialog, mc_gui_test_unit_id (f->store, "COMP")));
  g_assert_true (mc_gui_test_wait (is_idle, f->dialog));
  g_assert_cmpstr (mc_yearly_report_get_unit_code (mc_report_dialog_get_report (f->dialog)), ==, "HLTH");
}

static void
test_not_a_chair (Fixture *f, gconstpointer data)
{
  g_assert_false (mc_report_dialog_can_report (f->workflow));
}

int
main (int argc, char *argv[])
{
  mc_gui_test_init (&argc, &argv);

#define ADD(path, user, func) \
  g_test_add ("/gui/report/" path, Fixture, user, fixture_set_up, func, fixture_tear_down)
  ADD ("preview-and-export", NULL, test_preview_and_export);
  ADD ("export-failure", NULL, test_export_failure);
  ADD ("units-offered", "maeve.gallagher", test_units_offered);
  ADD ("not-a-chair", "niall.okeeffe", test_not_a_chair);
#undef ADD

  return g_test_run ();
}
