/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-issuing.h"
#include "mc-cli-lookup.h"
#include "mc-result-import.h"

/* "mcred results import": a CSV export of the student-records system,
 * every row checked before anything is written.  Problems are printed
 * with their line and column; with any error nothing is recorded. */

/* Prints the problems of the file and of every row; returns the number
 * of errors. */
static guint
print_problems (McResultImport *import)
{
  GPtrArray *file_problems = mc_result_import_get_file_problems (import);
  guint n_rows = mc_result_import_get_n_rows (import);

  for (guint i = 0; file_problems != NULL && i < file_problems->len; i++)
    {
      g_autofree char *text = mc_result_import_describe_problem (import, g_ptr_array_index (file_problems, i));

      g_printerr ("%s\n", text);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      McImportRow *row = mc_result_import_get_row (import, r);

      for (guint i = 0; i < row->problems->len; i++)
        {
          g_autofree char *text = mc_result_import_describe_problem (import,
                                                                     g_ptr_array_index (row->problems, i));

          g_printerr ("%s\n", text);
        }
    }
  return mc_result_import_count_problems (import, MC_IMPORT_SEVERITY_ERROR);
}

static guint
count_passed (GPtrArray *inputs)
{
  guint n = 0;

  for (guint i = 0; i < inputs->len; i++)
    n += ((McResultInput *) g_ptr_array_index (inputs, i))->passed;
  return n;
}

static int
results_import (McCliContext *ctx,
                int           argc,
                char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(McResultImport) import = mc_result_import_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) inputs = NULL;
  g_autofree char *offering_ref = NULL;
  gboolean dry_run = FALSE;
  guint n_errors, written = 0;
  const GOptionEntry entries[] = {
    { "offering", 0, 0, G_OPTION_ARG_STRING, &offering_ref, N_("The offering the results belong to"),
      N_("ID") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file, record nothing"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("FILE.csv"),
                             _("Check and record the results of an offering from a CSV file "
                               "(registrars)."),
                             entries, 1, 1, &args))
    return MC_CLI_EXIT_FAILURE;
  if (offering_ref == NULL)
    return mc_cli_usage_error (ctx, _("Give the offering with --offering"));
  if (!(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(offering = mc_cli_resolve_offering (mc_workflow_get_store (workflow), offering_ref)))
    return MC_CLI_EXIT_FAILURE;
  file = g_file_new_for_commandline_arg (args[1]);
  if (!mc_result_import_set_offering (import, mc_workflow_get_store (workflow), offering, &error) ||
      !mc_result_import_load_file (import, file, NULL, &error))
    {
      mc_cli_report (args[1], error);
      return MC_CLI_EXIT_FAILURE;
    }
  n_errors = print_problems (import);
  if (n_errors > 0 || !mc_result_import_is_ready (import))
    {
      mc_cli_error (args[1], g_dngettext (GETTEXT_PACKAGE,
                                          "%u problem must be fixed; nothing was recorded",
                                          "%u problems must be fixed; nothing was recorded", MAX (n_errors, 1)),
                    MAX (n_errors, 1));
      return MC_CLI_EXIT_FAILURE;
    }
  inputs = mc_result_import_dup_inputs (import);
  if (dry_run)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u result is ready to record (%u passed); nothing was recorded\n",
                            "%u results are ready to record (%u passed); nothing was recorded\n",
                            inputs->len),
               inputs->len, count_passed (inputs));
      return MC_CLI_EXIT_OK;
    }
  if (!mc_workflow_record_results (workflow, offering->id, inputs, &written, &error))
    return mc_cli_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Recorded %u result for offering %s (%u passed, %u changed)\n",
                        "Recorded %u results for offering %s (%u passed, %u changed)\n", inputs->len),
           inputs->len, offering->code, count_passed (inputs), written);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand results_commands[] = {
  { "import", results_import, N_("Check and record results from a CSV file") },
};

int
mc_cli_results_run (McCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  return mc_cli_dispatch (ctx, results_commands, G_N_ELEMENTS (results_commands), NULL, NULL, argc, argv);
}
