/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-lookup.h"
#include "mc-render.h"

/* "mcred report yearly": a unit's yearly QA report for the Academic
 * Programmes Committee, as PDF and CSV. */

static int
report_yearly (McCliContext *ctx,
               int           argc,
               char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  McStore *store = NULL;
  g_autoptr(McUnit) unit = NULL;
  g_autoptr(McYearlyReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *unit_code = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_text = NULL;
  int year = 0;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_code, N_("The code of the academic unit"), N_("CODE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The calendar year reported on"), N_("YEAR") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the report as PDF to FILE"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write its tables as CSV to FILE"), N_("FILE") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("Write a unit’s yearly QA report: its active credentials, the "
                               "yearly reviews completed and overdue with the issues raised and "
                               "the actions taken, and the committee’s decisions of the year."),
                             entries, 0, 0, &args))
    return MC_CLI_EXIT_FAILURE;
  if (unit_code == NULL)
    return mc_cli_usage_error (ctx, _("Give the unit with --unit"));
  if (year < 1970 || year > 9999)
    return mc_cli_usage_error (ctx, _("Give the year with --year, like --year 2026"));
  if (pdf == NULL && csv == NULL)
    return mc_cli_usage_error (ctx, _("Say where to write the report with --pdf, --csv or both"));
  if (!(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(unit = mc_cli_resolve_unit ((store = mc_workflow_get_store (workflow)), "--unit", unit_code)))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_workflow_check_report (workflow, mc_unit_get_id (unit), &error))
    return mc_cli_fail (error);

  if (!(report = mc_store_build_yearly_report (store, mc_unit_get_id (unit), year, today, &error)))
    return mc_cli_fail (error);
  if (pdf != NULL && !mc_yearly_report_write_pdf (report, pdf, NULL, &error))
    return mc_cli_fail (error);
  if (csv != NULL)
    {
      csv_text = mc_yearly_report_to_csv (report);
      if (!g_file_set_contents (csv, csv_text, -1, &error))
        return mc_cli_fail (error);
    }

  /* Translators: "Wrote the 2026 report of School of Computing to report.pdf" */
  if (pdf != NULL)
    g_print (_("Wrote the %d report of %s to %s\n"), year, mc_unit_get_name (unit), pdf);
  if (csv != NULL)
    g_print (_("Wrote the %d report of %s to %s\n"), year, mc_unit_get_name (unit), csv);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand report_commands[] = {
  { "yearly", report_yearly, N_("Write a unit’s yearly QA report") },
};

int
mc_cli_report_run (McCliContext *ctx,
                   int           argc,
                   char        **argv)
{
  return mc_cli_dispatch (ctx, report_commands, G_N_ELEMENTS (report_commands),
                          NULL, NULL, argc, argv);
}
