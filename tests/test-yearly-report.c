/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-core.h"

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

  return g_test_run ();
}
