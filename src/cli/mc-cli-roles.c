/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred unit" and "mcred role": academic units and the roles people hold
 * in them (administrators). */

static int
unit_add (McCliContext *ctx,
          int           argc,
          char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;

  if (!mc_cli_parse_command (ctx, argc, argv, _("CODE NAME"),
                             _("Add an academic unit (administrators)."),
                             NULL, 2, 2, &args) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if (mc_workflow_add_unit (workflow, args[1], args[2], &error) == 0)
    return mc_cli_fail (error);

  g_print (_("Added %s (%s)\n"), args[2], args[1]);
  return MC_CLI_EXIT_OK;
}

static int
unit_list (McCliContext *ctx,
           int           argc,
           char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *headers[] = { _("Code"), _("Name") };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { NULL }
  };
  guint n;

  if (!mc_cli_parse_command (ctx, argc, argv, NULL, _("List the academic units."),
                             entries, 0, 0, &args) ||
      !(store = mc_cli_open_store (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if (!(units = mc_store_list_units (store, &error)))
    return mc_cli_fail (error);

  n = g_list_model_get_n_items (units);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McUnit) unit = g_list_model_get_item (units, i);
      char **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      row[0] = g_strdup (mc_unit_get_code (unit));
      row[1] = g_strdup (mc_unit_get_name (unit));
      g_ptr_array_add (rows, row);
      json_builder_begin_object (builder);
      mc_cli_json_string (builder, "code", mc_unit_get_code (unit));
      mc_cli_json_string (builder, "name", mc_unit_get_name (unit));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    return mc_cli_print_builder (builder);
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand unit_commands[] = {
  { "add",  unit_add,  N_("Add an academic unit") },
  { "list", unit_list, N_("List the academic units") },
};

int
mc_cli_unit_run (McCliContext *ctx,
                 int           argc,
                 char        **argv)
{
  return mc_cli_dispatch (ctx, unit_commands, G_N_ELEMENTS (unit_commands),
                          NULL, NULL, argc, argv);
}

/* --- roles --------------------------------------------------------------- */

static int
role_change (McCliContext *ctx,
             int           argc,
             char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McPerson) person = NULL;
  g_autoptr(McUnit) unit = NULL;
  g_autofree char *unit_code = NULL;
  g_autofree char *where = NULL;
  gboolean grant = strcmp (argv[0], "grant") == 0;
  int role = 0;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_code,
      N_("Only in the academic unit with this code; the whole institution without it"), N_("CODE") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("USERNAME ROLE"),
                             grant ? _("Give a person a role: author, reviewer, qa-chair, registrar "
                                       "or administrator (administrators).")
                                   : _("Take a role away from a person (administrators)."),
                             entries, 2, 2, &args))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_enum_from_nick (MC_TYPE_ROLE, args[2], &role))
    return mc_cli_usage_error (ctx, _("Unknown role “%s” (use one of: author, reviewer, qa-chair, "
                                      "registrar, administrator)"), args[2]);
  if (!(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(person = mc_cli_resolve_person (mc_workflow_get_store (workflow), args[1])) ||
      (unit_code != NULL &&
       !(unit = mc_cli_resolve_unit (mc_workflow_get_store (workflow), "--unit", unit_code))))
    return MC_CLI_EXIT_FAILURE;

  if (!(grant ? mc_workflow_grant_role : mc_workflow_revoke_role)
        (workflow, mc_person_get_id (person), (McRole) role,
         unit != NULL ? mc_unit_get_id (unit) : 0, &error))
    return mc_cli_fail (error);

  where = unit != NULL && role != MC_ROLE_ADMINISTRATOR
          ? g_strdup (mc_unit_get_name (unit)) : g_strdup (_("the whole institution"));
  /* Translators: "Dr Aoife Brennan is now Reviewer for the School of Computing" */
  g_print (grant ? _("%s is now %s for %s\n") : _("%s is no longer %s for %s\n"),
           mc_person_get_name (person), mc_enum_label (MC_TYPE_ROLE, role), where);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand role_commands[] = {
  { "grant",  role_change, N_("Give a person a role") },
  { "revoke", role_change, N_("Take a role away from a person") },
};

int
mc_cli_role_run (McCliContext *ctx,
                 int           argc,
                 char        **argv)
{
  return mc_cli_dispatch (ctx, role_commands, G_N_ELEMENTS (role_commands),
                          NULL, NULL, argc, argv);
}
