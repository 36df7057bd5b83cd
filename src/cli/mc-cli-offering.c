/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-issuing.h"
#include "mc-cli-lookup.h"

/* "mcred offering create|list": runs of active designs, which results
 * and credentials belong to. */

McOffering *
mc_cli_resolve_offering (McStore    *store,
                         const char *ref)
{
  g_autoptr(GError) error = NULL;
  McOffering *offering;
  gint64 id = 0;

  if (!mc_cli_parse_number ("OFFERING", ref, &id))
    return NULL;
  offering = mc_store_load_offering (store, id, &error);
  if (offering == NULL)
    mc_cli_report (NULL, error);
  return offering;
}

static int
offering_create (McCliContext *ctx,
                 int           argc,
                 char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McOffering) offering = mc_offering_new ();
  g_autofree char *design_ref = NULL;
  g_autofree char *mode = NULL;
  int mode_value = MC_PARTICIPATION_UNSET;
  const GOptionEntry entries[] = {
    { "design", 0, 0, G_OPTION_ARG_STRING, &design_ref, N_("The active design it runs (id or UUID)"),
      N_("DESIGN") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &offering->code, N_("Its code, unique for the design"), N_("CODE") },
    { "starts", 0, 0, G_OPTION_ARG_STRING, &offering->starts_on, N_("First day"), N_("YYYY-MM-DD") },
    { "ends", 0, 0, G_OPTION_ARG_STRING, &offering->ends_on, N_("Last day"), N_("YYYY-MM-DD") },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, N_("How learners take part (the design’s by default)"),
      N_("MODE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &offering->title, N_("Its title (the design’s by default)"),
      N_("TITLE") },
    { "location", 0, 0, G_OPTION_ARG_STRING, &offering->location, N_("Where it takes place"),
      N_("PLACE") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("Create an offering: a run of an active design (registrars)."),
                             entries, 0, 0, &args))
    return MC_CLI_EXIT_FAILURE;
  if (design_ref == NULL || offering->code == NULL || offering->starts_on == NULL || offering->ends_on == NULL)
    return mc_cli_usage_error (ctx, _("Give the design, the code and the dates with --design, --code, "
                                      "--starts and --ends"));
  if (!mc_cli_parse_nick (ctx, MC_TYPE_PARTICIPATION_MODE, "--mode", mode, &mode_value) ||
      !(design = mc_cli_open_design (ctx, design_ref, &workflow)))
    return MC_CLI_EXIT_FAILURE;
  offering->design_id = mc_design_get_id (design);
  offering->mode = mode_value;
  if (!mc_workflow_create_offering (workflow, offering, &error))
    return mc_cli_fail (error);
  g_print (_("Created offering %" G_GINT64_FORMAT " (%s) of “%s”\n"), offering->id, offering->code,
           offering->title);
  return MC_CLI_EXIT_OK;
}

static void
add_json (JsonBuilder *builder,
          McOffering  *offering)
{
  json_builder_begin_object (builder);
  mc_cli_json_int (builder, "id", offering->id);
  mc_cli_json_string (builder, "uuid", offering->uuid);
  mc_cli_json_int (builder, "design_id", offering->design_id);
  mc_cli_json_int (builder, "revision", offering->revision_number);
  mc_cli_json_string (builder, "code", offering->code);
  mc_cli_json_string (builder, "title", offering->title);
  mc_cli_json_string (builder, "starts", offering->starts_on);
  mc_cli_json_string (builder, "ends", offering->ends_on);
  mc_cli_json_nick (builder, "mode", MC_TYPE_PARTICIPATION_MODE, offering->mode);
  mc_cli_json_string (builder, "location", offering->location);
  mc_cli_json_int (builder, "results", offering->n_results);
  mc_cli_json_int (builder, "passed", offering->n_passed);
  mc_cli_json_int (builder, "issued", offering->n_issued);
  json_builder_end_object (builder);
}

static char **
offering_row (McOffering *offering)
{
  char **row = g_new0 (char *, 8);

  row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, offering->id);
  row[1] = g_strdup (offering->code);
  row[2] = g_strdup (offering->title);
  row[3] = g_strdup_printf ("%s – %s", offering->starts_on, offering->ends_on);
  row[4] = g_strdup_printf ("%u", offering->n_results);
  row[5] = g_strdup_printf ("%u", offering->n_passed);
  row[6] = g_strdup_printf ("%u", offering->n_issued);
  return row;
}

static int
offering_list (McCliContext *ctx,
               int           argc,
               char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GPtrArray) offerings = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *design_ref = NULL;
  const char *headers[] = { _("ID"), _("Code"), _("Title"), _("Dates"), _("Results"), _("Passed"),
                            _("Issued") };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "design", 0, 0, G_OPTION_ARG_STRING, &design_ref, N_("Only the offerings of this design"),
      N_("DESIGN") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the offerings as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL, _("List offerings, newest first."),
                             entries, 0, 0, &args) ||
      !(store = mc_cli_open_store (ctx, FALSE)) ||
      (design_ref != NULL && !(design = mc_cli_resolve_design (store, design_ref))))
    return MC_CLI_EXIT_FAILURE;
  offerings = mc_store_list_offerings (store, design != NULL ? mc_design_get_id (design) : 0, &error);
  if (offerings == NULL)
    return mc_cli_fail (error);
  if (json)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < offerings->len; i++)
        add_json (builder, g_ptr_array_index (offerings, i));
      json_builder_end_array (builder);
      return mc_cli_print_builder (builder);
    }
  if (offerings->len == 0)
    {
      g_print ("%s\n", _("No offerings."));
      return MC_CLI_EXIT_OK;
    }
  for (guint i = 0; i < offerings->len; i++)
    g_ptr_array_add (rows, offering_row (g_ptr_array_index (offerings, i)));
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0x71);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand offering_commands[] = {
  { "create", offering_create, N_("Create an offering of an active design") },
  { "list",   offering_list,   N_("List offerings") },
};

int
mc_cli_offering_run (McCliContext *ctx,
                     int           argc,
                     char        **argv)
{
  return mc_cli_dispatch (ctx, offering_commands, G_N_ELEMENTS (offering_commands), NULL, NULL, argc, argv);
}
