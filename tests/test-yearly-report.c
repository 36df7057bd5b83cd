/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "mc-core.h"
#include "mc-render.h"
#include "render-fixture.h"

/* A small report with something to quote or guard in every section. */
static McYearlyReport *
small_report (void)
{
  const char *conditions[] = { "Add an exam, with ID check", "@Update the reading list", NULL };
  McYearlyReport *report = mc_yearly_report_new ("University of Example", "SOC",
                                                 "School of Computing", 2024, "2025-01-15");

  mc_yearly_report_add_credential (report,
    mc_report_credential_new ("Data, Ethics and \"AI\"", MC_CREDENTIAL_TYPE_MODULE, 5, 6,
                              MC_DESIGN_STATE_ACTIVE, "2022-03-01", "2024-03-01", TRUE));
  mc_yearly_report_add_credential (report,
    mc_report_credential_new ("=HYPERLINK(\"http://example.com\")",
                              MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL, 2.5, 0,
                              MC_DESIGN_STATE_SUSPENDED, NULL, NULL, FALSE));
  mc_yearly_report_add_annual_review (report,
    mc_report_annual_review_new ("Data, Ethics and \"AI\"", "Ana Lopes", "2024-05-03",
                                 MC_ANNUAL_OUTCOME_CONTINUE, "Students asked for\r\nmore labs",
                                 "+2 lab sessions"));
  mc_yearly_report_add_overdue (report,
    mc_report_overdue_new ("Cloud Basics", "-Bob", "2024-02-01"));
  mc_yearly_report_add_decision (report,
    mc_report_decision_new ("Cloud Basics", "2024-06-12", "APC/24/07",
                            MC_OUTCOME_APPROVE_WITH_CONDITIONS, conditions));
  mc_yearly_report_set_counts (report, 3, 4);
  return report;
}

static void
test_data (void)
{
  g_autoptr(McYearlyReport) report = small_report ();
  g_autoptr(McReportDecision) copy = NULL;
  McReportDecision *decision;

  g_assert_cmpstr (mc_yearly_report_get_institution (report), ==, "University of Example");
  g_assert_cmpstr (mc_yearly_report_get_unit_code (report), ==, "SOC");
  g_assert_cmpstr (mc_yearly_report_get_unit_name (report), ==, "School of Computing");
  g_assert_cmpint (mc_yearly_report_get_year (report), ==, 2024);
  g_assert_cmpstr (mc_yearly_report_get_generated_on (report), ==, "2025-01-15");
  g_assert_cmpuint (mc_yearly_report_get_credentials (report)->len, ==, 2);
  g_assert_cmpuint (mc_yearly_report_get_annual_reviews (report)->len, ==, 1);
  g_assert_cmpuint (mc_yearly_report_get_overdue (report)->len, ==, 1);
  g_assert_cmpuint (mc_yearly_report_get_decisions (report)->len, ==, 1);
  g_assert_cmpuint (mc_yearly_report_count_credentials (report, MC_DESIGN_STATE_ACTIVE), ==, 1);
  g_assert_cmpuint (mc_yearly_report_count_credentials (report, MC_DESIGN_STATE_SUSPENDED), ==, 1);
  g_assert_cmpuint (mc_yearly_report_get_approval_reviews_completed (report), ==, 3);
  g_assert_cmpuint (mc_yearly_report_get_designs_submitted (report), ==, 4);

  decision = g_ptr_array_index (mc_yearly_report_get_decisions (report), 0);
  copy = g_boxed_copy (MC_TYPE_REPORT_DECISION, decision);
  g_assert_true (copy != decision);
  g_assert_cmpstr (copy->reference, ==, "APC/24/07");
  g_assert_cmpuint (g_strv_length (copy->conditions), ==, 2);
  g_assert_true (copy->conditions != decision->conditions);

  /* No conditions is an empty list, never NULL. */
  g_clear_pointer (&copy, mc_report_decision_free);
  copy = mc_report_decision_new ("X", NULL, NULL, MC_OUTCOME_APPROVE, NULL);
  g_assert_nonnull (copy->conditions);
  g_assert_null (copy->conditions[0]);
}

static void
test_csv (void)
{
  g_autoptr(McYearlyReport) report = small_report ();
  g_autofree char *csv = mc_yearly_report_to_csv (report);
  const char *expected =
    "Section,Design,Type,ECTS,EQF level,State,Approved on,Review due,Overdue,"
      "Reviewer or owner,Date,Outcome,Reference,Issues raised,Actions taken or proposed,"
      "Conditions\r\n"
    "credential,\"Data, Ethics and \"\"AI\"\"\",Micro-credential module,5,6,Active,"
      "2022-03-01,2024-03-01,yes,,,,,,,\r\n"
    "credential,\"'=HYPERLINK(\"\"http://example.com\"\")\",Skill credential,2.5,,Suspended,"
      ",,no,,,,,,,\r\n"
    "annual-review,\"Data, Ethics and \"\"AI\"\"\",,,,,,,,Ana Lopes,2024-05-03,Continue,,"
      "\"Students asked for\r\nmore labs\",'+2 lab sessions,\r\n"
    "overdue,Cloud Basics,,,,,,2024-02-01,yes,'-Bob,,,,,,\r\n"
    "decision,Cloud Basics,,,,,,,,,2024-06-12,Approve with conditions,APC/24/07,,,"
      "\"Add an exam, with ID check\n@Update the reading list\"\r\n";

  g_assert_cmpstr (csv, ==, expected);
}

static void
test_csv_empty (void)
{
  g_autoptr(McYearlyReport) report = mc_yearly_report_new ("U", "X", "Unit", 2024, "2025-01-01");
  g_autofree char *csv = mc_yearly_report_to_csv (report);

  /* Just the header row. */
  g_assert_true (g_str_has_prefix (csv, "Section,Design,"));
  g_assert_true (g_str_has_suffix (csv, ",Conditions\r\n"));
  g_assert_true (strstr (csv, "\r\n") + 2 == csv + strlen (csv));
}

static void
test_csv_guards (void)
{
  const char *starts[] = { "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx" };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autoptr(McYearlyReport) report = mc_yearly_report_new ("U", "X", "Unit", 2024,
                                                               "2025-01-01");
      g_autofree char *csv = NULL;
      g_autofree char *cell = NULL;
      const char *row;

      mc_yearly_report_add_overdue (report, mc_report_overdue_new (starts[i], NULL, NULL));
      csv = mc_yearly_report_to_csv (report);
      row = strstr (csv, "\r\noverdue,") + strlen ("\r\noverdue,");
      /* A carriage return inside a cell also makes it quoted. */
      cell = starts[i][0] == '\r' ? g_strdup_printf ("\"'%s\",", starts[i])
                                  : g_strdup_printf ("'%s,", starts[i]);
      g_assert_true (g_str_has_prefix (row, cell));
    }
}

/* PDF checks ------------------------------------------------------------ */

static const char lorem[] =
  "Students valued the practical sessions but found the pace of the second week too fast; "
  "several asked for worked examples before the assessed exercise. Employers on the advisory "
  "board confirmed continued demand for the outcomes and proposed a shared case study.";

/* A report big enough to need many pages, with long texts everywhere. */
static McYearlyReport *
large_report (void)
{
  McYearlyReport *report = mc_yearly_report_new ("University of Example", "SOC",
                                                 "School of Computing", 2024, "2025-01-15");

  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Credential %03u: %s", i,
                                                i % 7 == 0 ? "Applied machine learning for "
                                                "public-sector decision support and audit"
                                                           : "Data literacy");

      mc_yearly_report_add_credential (report,
        mc_report_credential_new (title, i % 3, 2.5 * (i % 4 + 1), 4 + i % 4,
                                  i % 11 == 0 ? MC_DESIGN_STATE_SUSPENDED : MC_DESIGN_STATE_ACTIVE,
                                  "2022-03-01", "2025-03-01", i % 13 == 0));
    }
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Credential %03u", i);
      g_autofree char *issues = g_strjoin ("\n", lorem, lorem, i % 5 == 0 ? lorem : "", NULL);

      mc_yearly_report_add_annual_review (report,
        mc_report_annual_review_new (title, "Ana Lopes", "2024-05-03", 1 + i % 3, issues,
                                     i % 9 == 0 ? NULL : lorem));
    }
  for (guint i = 1; i <= 25; i++)
    {
      g_autofree char *title = g_strdup_printf ("Overdue design %02u", i);

      mc_yearly_report_add_overdue (report, mc_report_overdue_new (title, "Bob Smith",
                                                                   "2024-11-30"));
    }
  for (guint i = 1; i <= 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Credential %03u", i);
      g_autofree char *reference = g_strdup_printf ("APC/24/%02u", i);
      const char *conditions[] = { "Add an invigilated examination", lorem, NULL };

      mc_yearly_report_add_decision (report,
        mc_report_decision_new (title, "2024-06-12", reference, 1 + i % 4,
                                i % 2 ? conditions : NULL));
    }
  mc_yearly_report_set_counts (report, 12, 9);
  return report;
}

static char *
pdf_text (const char *path)
{
  return mc_test_run_tool ("PDFTOTEXT", "-layout", path, "-", NULL);
}

static char *
write_pdf (McYearlyReport *report,
           const char     *dir)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "report.pdf", NULL);

  g_assert_true (mc_yearly_report_write_pdf (report, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static void
test_pdf_small (void)
{
  g_autoptr(McYearlyReport) report = small_report ();
  g_autofree char *dir = mc_test_make_dir ("mc-yearly-report");
  g_autofree char *path = write_pdf (report, dir);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  guint pages = mc_test_pdf_pages (path);

  if (pages == 0)
    goto out;
  g_assert_cmpuint (pages, ==, 1);
  info = mc_test_run_tool ("PDFINFO", path, NULL);
  mc_test_assert_contains (info, "Yearly quality report 2024 — School of Computing",
                   "School of Computing, University of Example", NULL);

  text = pdf_text (path);
  mc_test_assert_contains (text, "Yearly quality report 2024", "School of Computing (SOC)",
                   "University of Example", "Data, Ethics and \"AI\"", "=HYPERLINK", "Overdue",
                   "Suspended", "Cloud Basics", "APC/24/07", "Add an exam, with ID check",
                   "Students asked for", "Generated on 15 Jan 2025", "Page 1 of 1", NULL);
out:
  mc_test_remove_dir (dir, "report.pdf", NULL);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_pdf_large (void)
{
  g_autoptr(McYearlyReport) report = large_report ();
  g_autofree char *dir = mc_test_make_dir ("mc-yearly-report");
  g_autofree char *path = write_pdf (report, dir);
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  guint pages = mc_test_pdf_pages (path);

  if (pages == 0)
    goto out;
  g_assert_cmpuint (pages, >, 1);
  text = pdf_text (path);
  last_page = g_strdup_printf ("Page %u of %u", pages, pages);
  mc_test_assert_contains (text, "Page 2 of ", last_page, "Credential 001", "Credential 300",
                   "Overdue design 25", "APC/24/30", NULL);
  /* The credentials table runs over several pages, its header on each. */
  g_assert_cmpuint (count (text, "Next review"), >, 3);
  /* Every page but the first has the running header. */
  g_assert_cmpuint (count (text, "School of Computing · Yearly quality report 2024"), ==,
                    pages - 1);
out:
  mc_test_remove_dir (dir, "report.pdf", NULL);
}

static void
test_pdf_empty (void)
{
  g_autoptr(McYearlyReport) report = mc_yearly_report_new ("University of Example", "SOC",
                                                           "School of Computing", 2024,
                                                           "2025-01-15");
  g_autofree char *dir = mc_test_make_dir ("mc-yearly-report");
  g_autofree char *path = write_pdf (report, dir);
  g_autofree char *text = NULL;
  guint pages = mc_test_pdf_pages (path);

  if (pages == 0)
    goto out;
  g_assert_cmpuint (pages, ==, 1);
  text = pdf_text (path);
  mc_test_assert_contains (text, "The unit has no active credential.",
                   "No yearly review was completed in 2024.", "No yearly review is overdue.",
                   "The committee made no decision on the unit’s credentials", NULL);
out:
  mc_test_remove_dir (dir, "report.pdf", NULL);
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(McYearlyReport) report = small_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = mc_test_make_dir ("mc-yearly-report");
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);

  /* A folder that does not exist. */
  g_assert_false (mc_yearly_report_write_pdf (report, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder where the file should be. */
  g_assert_false (mc_yearly_report_write_pdf (report, dir, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  mc_test_remove_dir (dir, NULL);
}

static void
read_only_child (void)
{
  g_autoptr(McYearlyReport) report = small_report ();
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("MC_TEST_READ_ONLY_DIR");
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);

  /* Root writes everywhere: become nobody to meet the permissions. */
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
  g_assert_false (mc_yearly_report_write_pdf (report, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_pdf_read_only (void)
{
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      read_only_child ();
      return;
    }

  dir = mc_test_make_dir ("mc-yearly-report");
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_setenv ("MC_TEST_READ_ONLY_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  mc_test_remove_dir (dir, NULL);
}

static void
test_pdf_replace_and_cancel (void)
{
  g_autoptr(McYearlyReport) report = small_report ();
  g_autoptr(McYearlyReport) empty = mc_yearly_report_new ("U", "X", "Unit", 2024, "2025-01-01");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = mc_test_make_dir ("mc-yearly-report");
  g_autofree char *path = write_pdf (report, dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  /* A cancelled writing leaves the old file as it was. */
  g_cancellable_cancel (cancellable);
  g_assert_false (mc_yearly_report_write_pdf (empty, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_clear_pointer (&after, g_free);

  /* A complete one replaces it. */
  g_assert_true (mc_yearly_report_write_pdf (empty, path, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_true (after_len != before_len || memcmp (before, after, after_len) != 0);
  g_assert_true (g_str_has_prefix (after, "%PDF-"));

  mc_test_remove_dir (dir, "report.pdf", NULL);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_yearly_report_write_pdf_finish (MC_YEARLY_REPORT (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_pdf_async (void)
{
  g_autoptr(McYearlyReport) report = small_report ();
  g_autofree char *dir = mc_test_make_dir ("mc-yearly-report");
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  gboolean done = FALSE;

  mc_yearly_report_write_pdf_async (report, path, NULL, written_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  mc_test_remove_dir (dir, "report.pdf", NULL);
}

/* Draws each page on a recording surface and checks that all ink stays
 * between the page's margins (the header and footer in the margins). */
static void
assert_ink_within_margins (McYearlyReport *report)
{
  g_autoptr(McYearlyReportLayout) layout = mc_yearly_report_layout_new (report);
  double margin = 20.0 * 72.0 / 25.4;
  cairo_surface_t *measure = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (measure);
  guint n_pages = mc_yearly_report_layout_paginate (layout, cr);

  cairo_destroy (cr);
  cairo_surface_destroy (measure);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      double x, y, width, height;

      cr = cairo_create (surface);
      mc_yearly_report_layout_draw_page (layout, cr, page);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
      cairo_surface_destroy (surface);
      g_assert_cmpfloat (x, >=, margin - 1);
      g_assert_cmpfloat (x + width, <=, MC_YEARLY_REPORT_PAGE_WIDTH - margin + 1);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (y + height, <=, MC_YEARLY_REPORT_PAGE_HEIGHT);
    }
}

static void
test_long_word (void)
{
  g_autoptr(McYearlyReport) report = mc_yearly_report_new ("University of Example", "SOC",
                                                           "School of Computing", 2024,
                                                           "2025-01-15");
  g_autofree char *word = g_strnfill (3000, 'w');
  g_autofree char *dir = mc_test_make_dir ("mc-yearly-report");
  g_autofree char *path = NULL;
  const char *conditions[] = { word, NULL };

  mc_yearly_report_add_credential (report,
    mc_report_credential_new (word, MC_CREDENTIAL_TYPE_MODULE, 5, 6, MC_DESIGN_STATE_ACTIVE,
                              word, word, TRUE));
  mc_yearly_report_add_annual_review (report,
    mc_report_annual_review_new (word, word, "2024-05-03", MC_ANNUAL_OUTCOME_MODIFY, word,
                                 word));
  mc_yearly_report_add_overdue (report, mc_report_overdue_new (word, word, word));
  mc_yearly_report_add_decision (report,
    mc_report_decision_new (word, "2024-06-12", word, MC_OUTCOME_REJECT, conditions));

  assert_ink_within_margins (report);
  path = write_pdf (report, dir);
  mc_test_remove_dir (dir, "report.pdf", NULL);
}

static void
test_large_within_margins (void)
{
  g_autoptr(McYearlyReport) report = large_report ();

  assert_ink_within_margins (report);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/render/yearly-report/data", test_data);
  g_test_add_func ("/render/yearly-report/csv", test_csv);
  g_test_add_func ("/render/yearly-report/csv-empty", test_csv_empty);
  g_test_add_func ("/render/yearly-report/csv-guards", test_csv_guards);
  g_test_add_func ("/render/yearly-report/pdf-small", test_pdf_small);
  g_test_add_func ("/render/yearly-report/pdf-large", test_pdf_large);
  g_test_add_func ("/render/yearly-report/pdf-empty", test_pdf_empty);
  g_test_add_func ("/render/yearly-report/pdf-unwritable", test_pdf_unwritable);
  g_test_add_func ("/render/yearly-report/pdf-read-only", test_pdf_read_only);
  g_test_add_func ("/render/yearly-report/pdf-replace-and-cancel", test_pdf_replace_and_cancel);
  g_test_add_func ("/render/yearly-report/pdf-async", test_pdf_async);
  g_test_add_func ("/render/yearly-report/long-word", test_long_word);
  g_test_add_func ("/render/yearly-report/large-within-margins", test_large_within_margins);

  return g_test_run ();
}
