/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-design.h"
#include "mc-cli-lookup.h"

/* "mcred design import" and "mcred design export": the exchange file. */

McDesignFile *
mc_cli_read_design_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  McDesignFile *parsed;

  if (g_strcmp0 (name, "-") != 0)
    {
      file = g_file_new_for_commandline_arg (name);
      if (!(parsed = mc_design_io_read_file (file, NULL, &error)))
        mc_cli_report (name, error);   /* the message names the file */
      return parsed;
    }

  if (!(bytes = mc_cli_read_input (name, MC_DESIGN_IO_MAX_BYTES)))
    return NULL;
  if (!(parsed = mc_design_io_parse (bytes, &error)))
    mc_cli_error (mc_cli_input_name (name), "%s", error->message);
  return parsed;
}

int
mc_cli_print_design_file (McStore    *store,
                          McDesign   *design,
                          const char *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!(bytes = mc_design_io_serialize (store, design, &error)))
    {
      mc_cli_report (ref, error);
      return MC_CLI_EXIT_FAILURE;
    }
  return mc_cli_write_stdout (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))
         ? MC_CLI_EXIT_OK : MC_CLI_EXIT_FAILURE;
}

int
mc_cli_design_import (McCliContext *ctx,
                      int           argc,
                      char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McDesignFile) file = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autofree char *id_text = NULL;
  McStore *store;
  gboolean replace = FALSE;
  gint64 id;
  const GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Overwrite a stored design with the same UUID"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("FILE"),
                             _("Import a design exchange file (“-” reads standard input)."),
                             entries, 1, 1, &args))
    return MC_CLI_EXIT_FAILURE;

  /* Read and check the whole file before the database is even opened. */
  if (!(file = mc_cli_read_design_file (args[1])))
    return MC_CLI_EXIT_FAILURE;
  if (!(workflow = mc_cli_open_workflow (ctx, TRUE)))
    return MC_CLI_EXIT_FAILURE;
  store = mc_workflow_get_store (workflow);

  if ((id = mc_workflow_import_design (workflow, file, replace, &error)) == 0)
    {
      g_autoptr(McDesign) existing = NULL;

      mc_cli_report (args[1], error);
      /* The hint only where it helps: the design is already there. */
      existing = mc_store_find_design_by_uuid (store, mc_design_get_uuid (file->design), NULL);
      if (!replace && existing != NULL)
        g_printerr ("%s\n", _("Use --replace to overwrite the stored design."));
      return MC_CLI_EXIT_FAILURE;
    }

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_print (_("Imported “%s” as design %s into %s\n"),
           mc_revision_get_title (mc_design_get_content (file->design)), id_text,
           mc_store_get_path (store));
  return MC_CLI_EXIT_OK;
}

int
mc_cli_design_export (McCliContext *ctx,
                      int           argc,
                      char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GFile) file = NULL;
  const char *target;

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID [FILE]"),
                             _("Write a design exchange file (standard output without FILE or with “-”)."),
                             NULL, 1, 2, &args))
    return MC_CLI_EXIT_FAILURE;
  if (!(store = mc_cli_open_store (ctx, FALSE)) ||
      !(design = mc_cli_resolve_design (store, args[1])))
    return MC_CLI_EXIT_FAILURE;

  target = args[2];
  if (target == NULL || g_strcmp0 (target, "-") == 0)
    return mc_cli_print_design_file (store, design, args[1]);

  file = g_file_new_for_commandline_arg (target);
  if (!mc_design_io_write_file (store, design, file, NULL, &error))
    {
      mc_cli_report (target, error);
      return MC_CLI_EXIT_FAILURE;
    }
  g_print (_("Exported “%s” to %s\n"), mc_revision_get_title (mc_design_get_content (design)),
           target);
  return MC_CLI_EXIT_OK;
}
