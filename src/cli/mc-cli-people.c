/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred person", "mcred unit" and "mcred role": the people of the
 * institution, its academic units and who may do what.  Changes are for
 * administrators; the workflow checks that and records each one. */

/* "qa-chair" or "qa-chair@COMP" */
static char *
role_text (McRoleGrant *grant,
           GHashTable  *unit_codes)
{
  const char *role = mc_enum_to_nick (MC_TYPE_ROLE, grant->role);

  if (grant->unit_id == 0)
    return g_strdup (role);
  return g_strdup_printf ("%s@%s", role, (char *) g_hash_table_lookup (unit_codes, &grant->unit_id));
}

/* Unit codes by id. */
static GHashTable *
unit_codes_by_id (McStore *store)
{
  GHashTable *codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GListModel) units = mc_store_list_units (store, NULL);
  guint n = units != NULL ? g_list_model_get_n_items (units) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McUnit) unit = g_list_model_get_item (units, i);
      gint64 id = mc_unit_get_id (unit);

      g_hash_table_insert (codes, g_memdup2 (&id, sizeof id), g_strdup (mc_unit_get_code (unit)));
    }
  return codes;
}

static int
person_add (McCliContext *ctx,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McUnit) unit = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *unit_code = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The person’s full name"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Their e-mail address"), N_("EMAIL") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_code, N_("The code of their academic unit"), N_("CODE") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("USERNAME"),
                             _("Add a person, known by their operating-system user name "
                               "(administrators)."),
                             entries, 1, 1, &args))
    return MC_CLI_EXIT_FAILURE;
  if (name == NULL)
    return mc_cli_usage_error (ctx, _("Give the person’s name with --name"));
  if (!(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      (unit_code != NULL &&
       !(unit = mc_cli_resolve_unit (mc_workflow_get_store (workflow), "--unit", unit_code))))
    return MC_CLI_EXIT_FAILURE;
  if (mc_workflow_add_person (workflow, args[1], name, email,
                              unit != NULL ? mc_unit_get_id (unit) : 0, &error) == 0)
    return mc_cli_fail (error);

  g_print (_("Added %s (%s)\n"), name, args[1]);
  return MC_CLI_EXIT_OK;
}

static int
print_people_json (GListModel *people,
                   GPtrArray  *grants,
                   GHashTable *unit_codes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = g_list_model_get_n_items (people);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McPerson) person = g_list_model_get_item (people, i);
      gint64 unit_id = mc_person_get_unit_id (person);

      json_builder_begin_object (builder);
      mc_cli_json_string (builder, "username", mc_person_get_username (person));
      mc_cli_json_string (builder, "name", mc_person_get_name (person));
      mc_cli_json_string (builder, "email", mc_person_get_email (person));
      mc_cli_json_string (builder, "unit", g_hash_table_lookup (unit_codes, &unit_id));
      json_builder_set_member_name (builder, "roles");
      json_builder_begin_array (builder);
      for (guint g = 0; g < grants->len; g++)
        {
          McRoleGrant *grant = g_ptr_array_index (grants, g);

          if (grant->person_id != mc_person_get_id (person))
            continue;
          json_builder_begin_object (builder);
          mc_cli_json_nick (builder, "role", MC_TYPE_ROLE, grant->role);
          mc_cli_json_string (builder, "unit", g_hash_table_lookup (unit_codes, &grant->unit_id));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return mc_cli_print_builder (builder);
}

static void
print_people_table (GListModel *people,
                    GPtrArray  *grants,
                    GHashTable *unit_codes)
{
  const char *headers[] = { _("User name"), _("Name"), _("Unit"), _("Roles") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = g_list_model_get_n_items (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McPerson) person = g_list_model_get_item (people, i);
      g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();
      g_auto(GStrv) role_list = NULL;
      gint64 unit_id = mc_person_get_unit_id (person);
      const char *unit = g_hash_table_lookup (unit_codes, &unit_id);
      char **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      for (guint g = 0; g < grants->len; g++)
        {
          McRoleGrant *grant = g_ptr_array_index (grants, g);

          if (grant->person_id == mc_person_get_id (person))
            {
              g_autofree char *text = role_text (grant, unit_codes);

              g_strv_builder_add (roles, text);
            }
        }
      role_list = g_strv_builder_end (roles);
      row[0] = g_strdup (mc_person_get_username (person));
      row[1] = g_strdup (mc_person_get_name (person));
      row[2] = g_strdup (unit != NULL ? unit : "");
      row[3] = g_strjoinv (", ", role_list);
      g_ptr_array_add (rows, row);
    }
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0);
}

static int
person_list (McCliContext *ctx,
             int           argc,
             char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GPtrArray) grants = NULL;
  g_autoptr(GHashTable) unit_codes = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("List the people of the institution with their roles "
                               "(“role@UNIT” for a role in one unit)."),
                             entries, 0, 0, &args) ||
      !(store = mc_cli_open_store (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if (!(people = mc_store_list_people (store, &error)) ||
      !(grants = mc_store_list_roles (store, 0, &error)))
    return mc_cli_fail (error);

  unit_codes = unit_codes_by_id (store);
  if (json)
    return print_people_json (people, grants, unit_codes);
  if (g_list_model_get_n_items (people) == 0)
    g_print ("%s\n", _("No people."));
  else
    print_people_table (people, grants, unit_codes);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand person_commands[] = {
  { "add",  person_add,  N_("Add a person") },
  { "list", person_list, N_("List the people and their roles") },
};

int
mc_cli_person_run (McCliContext *ctx,
                   int           argc,
                   char        **argv)
{
  return mc_cli_dispatch (ctx, person_commands, G_N_ELEMENTS (person_commands),
                          NULL, NULL, argc, argv);
}
