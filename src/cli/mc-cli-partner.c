/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred partner": the trusted partner issuers.  Administrators add and
 * remove them (McWorkflow refuses anyone else); a valid credential from
 * one is reported as "from a trusted partner" by `mcred verify --online`. */

static int
partner_add (McCliContext *ctx,
             int           argc,
             char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The partner’s name, as registrars should see it"),
      N_("NAME") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why it is trusted: an agreement, a network"),
      N_("TEXT") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("ISSUER"),
                             _("Trust another institution’s credentials: ISSUER is the issuer’s id as its "
                               "credentials name it (an https address or a did:web) (administrators)."),
                             entries, 1, 1, &args))
    return MC_CLI_EXIT_FAILURE;
  if (name == NULL)
    return mc_cli_usage_error (ctx, _("Give the partner’s name with --name"));
  if (!(workflow = mc_cli_open_workflow (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if (mc_workflow_add_partner (workflow, args[1], name, note, &error) == 0)
    return mc_cli_fail (error);
  g_print (_("Added %s (%s) to the trusted partners\n"), name, args[1]);
  return MC_CLI_EXIT_OK;
}

static char **
partner_row (McStore         *store,
             McPartnerIssuer *partner)
{
  char **row = g_new0 (char *, 6);
  char *by = mc_cli_person_text (store, partner->added_by);

  row[0] = g_strdup (partner->name);
  row[1] = g_strdup (partner->issuer_id);
  row[2] = mc_cli_format_time (partner->added_at);
  row[3] = by != NULL ? by : g_strdup ("—");
  row[4] = g_strdup (partner->note != NULL && *partner->note != '\0' ? partner->note : "—");
  return row;
}

static int
print_partners_json (McStore   *store,
                     GPtrArray *partners)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < partners->len; i++)
    {
      McPartnerIssuer *partner = g_ptr_array_index (partners, i);
      g_autofree char *by = mc_cli_person_text (store, partner->added_by);

      json_builder_begin_object (builder);
      mc_cli_json_string (builder, "issuer_id", partner->issuer_id);
      mc_cli_json_string (builder, "name", partner->name);
      mc_cli_json_string (builder, "note", partner->note);
      mc_cli_json_time (builder, "added_at", partner->added_at);
      mc_cli_json_string (builder, "added_by", by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return mc_cli_print_builder (builder);
}

static int
partner_list (McCliContext *ctx,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { _("Partner"), _("Issuer"), _("Added"), _("By"), _("Note") };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the partners as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL, _("List the trusted partner issuers."),
                             entries, 0, 0, &args) ||
      !(store = mc_cli_open_store (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if ((partners = mc_store_list_partners (store, &error)) == NULL)
    return mc_cli_fail (error);
  if (json)
    return print_partners_json (store, partners);
  if (partners->len == 0)
    {
      g_print ("%s\n", _("No trusted partners. An administrator can add one with “mcred partner add”."));
      return MC_CLI_EXIT_OK;
    }
  for (guint i = 0; i < partners->len; i++)
    g_ptr_array_add (rows, partner_row (store, g_ptr_array_index (partners, i)));
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0);
  return MC_CLI_EXIT_OK;
}

static int
partner_remove (McCliContext *ctx,
                int           argc,
                char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;

  if (!mc_cli_parse_command (ctx, argc, argv, _("ISSUER"),
                             _("Stop trusting an issuer: its credentials still verify, but no longer as "
                               "from a trusted partner (administrators)."),
                             NULL, 1, 1, &args) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_workflow_remove_partner (workflow, args[1], &error))
    return mc_cli_fail (error);
  g_print (_("Removed %s from the trusted partners\n"), args[1]);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand partner_commands[] = {
  { "add",    partner_add,    N_("Add a trusted partner issuer") },
  { "list",   partner_list,   N_("List the trusted partner issuers") },
  { "remove", partner_remove, N_("Remove a trusted partner issuer") },
};

int
mc_cli_partner_run (McCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  return mc_cli_dispatch (ctx, partner_commands, G_N_ELEMENTS (partner_commands), NULL, NULL, argc, argv);
}
