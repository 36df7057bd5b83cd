/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-design.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* --- list ---------------------------------------------------------------- */

static const char *
unit_code (GListModel *units,
           gint64      unit_id)
{
  guint n = g_list_model_get_n_items (units);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McUnit) unit = g_list_model_get_item (units, i);

      if (mc_unit_get_id (unit) == unit_id)
        return mc_unit_get_code (unit);   /* the model keeps its own reference */
    }
  return "";
}

typedef char *(*ColumnFunc) (McDesignSummary *summary, GListModel *units);

static char *
column_id (McDesignSummary *s, GListModel *units)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, mc_design_summary_get_id (s));
}

static char *
column_uuid (McDesignSummary *s, GListModel *units)
{
  return g_strndup (mc_design_summary_get_uuid (s), 8);
}

static char *
column_state (McDesignSummary *s, GListModel *units)
{
  return g_strdup (mc_enum_label (MC_TYPE_DESIGN_STATE, mc_design_summary_get_state (s)));
}

static char *
column_type (McDesignSummary *s, GListModel *units)
{
  return g_strdup (mc_enum_label (MC_TYPE_CREDENTIAL_TYPE,
                                  mc_design_summary_get_credential_type (s)));
}

static char *
column_ects (McDesignSummary *s, GListModel *units)
{
  return mc_cli_format_ects (mc_design_summary_get_ects (s));
}

static char *
column_unit (McDesignSummary *s, GListModel *units)
{
  return g_strdup (unit_code (units, mc_design_summary_get_unit_id (s)));
}

static char *
column_title (McDesignSummary *s, GListModel *units)
{
  return g_strdup (mc_design_summary_get_title (s));
}

static const struct {
  const char *header;
  gboolean    right_aligned;
  ColumnFunc  format;
} list_columns[] = {
  { N_("ID"),    TRUE,  column_id },
  { N_("UUID"),  FALSE, column_uuid },
  { N_("State"), FALSE, column_state },
  { N_("Type"),  FALSE, column_type },
  { N_("ECTS"),  TRUE,  column_ects },
  { N_("Unit"),  FALSE, column_unit },
  { N_("Title"), FALSE, column_title },
};

static void
print_summaries_table (GPtrArray  *summaries,
                       GListModel *units)
{
  const char *headers[G_N_ELEMENTS (list_columns)];
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint right_aligned = 0;

  for (guint c = 0; c < G_N_ELEMENTS (list_columns); c++)
    {
      headers[c] = _(list_columns[c].header);
      if (list_columns[c].right_aligned)
        right_aligned |= 1u << c;
    }
  for (guint i = 0; i < summaries->len; i++)
    {
      char **row = g_new0 (char *, G_N_ELEMENTS (list_columns) + 1);

      for (guint c = 0; c < G_N_ELEMENTS (list_columns); c++)
        row[c] = list_columns[c].format (g_ptr_array_index (summaries, i), units);
      g_ptr_array_add (rows, row);
    }
  mc_cli_print_table (G_N_ELEMENTS (list_columns), headers, rows, right_aligned);
}

static gboolean
print_summaries_json (GPtrArray  *summaries,
                      GListModel *units)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < summaries->len; i++)
    {
      McDesignSummary *s = g_ptr_array_index (summaries, i);
      g_autofree char *modified = mc_cli_format_iso8601 (mc_design_summary_get_modified (s));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, mc_design_summary_get_id (s));
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, mc_design_summary_get_uuid (s));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, mc_design_summary_get_title (s));
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, unit_code (units, mc_design_summary_get_unit_id (s)));
      json_builder_set_member_name (builder, "unit_name");
      json_builder_add_string_value (builder, mc_design_summary_get_unit_name (s));
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, mc_enum_to_nick (MC_TYPE_CREDENTIAL_TYPE,
                                                               mc_design_summary_get_credential_type (s)));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, mc_enum_to_nick (MC_TYPE_DESIGN_STATE,
                                                               mc_design_summary_get_state (s)));
      json_builder_set_member_name (builder, "ects");
      json_builder_add_double_value (builder, mc_design_summary_get_ects (s));
      json_builder_set_member_name (builder, "eqf_level");
      json_builder_add_int_value (builder, mc_design_summary_get_eqf_level (s));
      json_builder_set_member_name (builder, "modified");
      json_builder_add_string_value (builder, modified);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return mc_cli_print_json (root);
}

static int
design_list (McCliContext *ctx,
             int           argc,
             char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *state = NULL;
  g_autofree char *type = NULL;
  g_autofree char *search = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Only designs of the unit with this code"), N_("CODE") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("Only designs in this state (draft, approved, …)"), N_("STATE") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("Only designs of this type (module, …)"), N_("TYPE") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only designs whose title, unit or outcomes contain TEXT"), N_("TEXT") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL, _("List the designs in the database."),
                             entries, 0, 0, &args))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_cli_parse_nick (ctx, MC_TYPE_DESIGN_STATE, "--state", state, &query.state) ||
      !mc_cli_parse_nick (ctx, MC_TYPE_CREDENTIAL_TYPE, "--type", type, &query.credential_type))
    return MC_CLI_EXIT_FAILURE;
  query.search = search;

  if (!(store = mc_cli_open_store (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;

  if (unit != NULL)
    {
      g_autoptr(McUnit) found = mc_cli_resolve_unit (store, "--unit", unit);

      if (found == NULL)
        return MC_CLI_EXIT_FAILURE;
      query.unit_id = mc_unit_get_id (found);
    }

  if (!(units = mc_store_list_units (store, &error)) ||
      !(summaries = mc_store_query_designs (store, &query, &error)))
    {
      mc_cli_report (mc_store_get_path (store), error);
      return MC_CLI_EXIT_FAILURE;
    }

  if (json)
    return print_summaries_json (summaries, units) ? MC_CLI_EXIT_OK : MC_CLI_EXIT_FAILURE;
  if (summaries->len == 0)
    g_print ("%s\n", _("No designs."));
  else
    print_summaries_table (summaries, units);
  return MC_CLI_EXIT_OK;
}

/* --- show ---------------------------------------------------------------- */

static char *
owner_text (McStore *store,
            gint64   owner_id)
{
  g_autoptr(GListModel) people = owner_id > 0 ? mc_store_list_people (store, NULL) : NULL;
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McPerson) person = g_list_model_get_item (people, i);

      if (mc_person_get_id (person) == owner_id)
        return g_strdup_printf ("%s (%s)", mc_person_get_name (person),
                                mc_person_get_username (person));
    }
  return NULL;
}

static void
print_design (McStore  *store,
              McDesign *design)
{
  McRevision *content = mc_design_get_content (design);
  g_autoptr(McUnit) unit = mc_store_get_unit (store, mc_design_get_unit_id (design), NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, mc_design_get_id (design));
  g_autofree char *unit_text = NULL;
  g_autofree char *owner = owner_text (store, mc_design_get_owner_id (design));
  g_autofree char *revision = g_strdup_printf ("%u", mc_design_get_revision_number (design));
  g_autofree char *created = mc_cli_format_time (mc_design_get_created (design));
  g_autofree char *modified = mc_cli_format_time (mc_design_get_modified (design));

  if (unit != NULL)
    unit_text = g_strdup_printf ("%s (%s)", mc_unit_get_name (unit), mc_unit_get_code (unit));

  g_print ("%s\n", mc_revision_get_title (content));
  mc_cli_print_labelled (2, _("ID"), id);
  mc_cli_print_labelled (2, _("UUID"), mc_design_get_uuid (design));
  mc_cli_print_labelled (2, _("State"), mc_enum_label (MC_TYPE_DESIGN_STATE,
                                                       mc_design_get_state (design)));
  mc_cli_print_labelled (2, _("Unit"), unit_text);
  mc_cli_print_labelled (2, _("Owner"), owner);
  mc_cli_print_labelled (2, _("Revision"), revision);
  mc_cli_print_labelled (2, _("Created"), created);
  mc_cli_print_labelled (2, _("Modified"), modified);
  mc_cli_print_revision (content);
}

static int
design_show (McCliContext *ctx,
             int           argc,
             char        **argv)
{
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDesign) design = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the design exchange file instead"), NULL },
    { NULL }
  };

  if (!(design = mc_cli_parse_design_command (ctx, argc, argv, _("Show every element of a design."),
                                              entries, &store)))
    return MC_CLI_EXIT_FAILURE;

  if (json)
    return mc_cli_print_design_file (store, design, mc_design_get_uuid (design));

  print_design (store, design);
  return MC_CLI_EXIT_OK;
}

static int
design_delete (McCliContext *ctx,
               int           argc,
               char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const GOptionEntry entries[] = { { NULL } };

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID"),
                             _("Delete a draft design.  Designs past the draft stage are kept: "
                               "they belong to the quality record."),
                             entries, 1, 1, &args))
    return MC_CLI_EXIT_FAILURE;
  if (!(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(design = mc_cli_resolve_design (mc_workflow_get_store (workflow), args[1])))
    return MC_CLI_EXIT_FAILURE;

  title = g_strdup (mc_revision_get_title (mc_design_get_content (design)));
  if (!mc_workflow_delete_design (workflow, design, &error))
    return mc_cli_fail (error);

  /* Translators: %s is the title of a design, %s the database file */
  g_print (_("Deleted “%s” from %s\n"), title[0] != '\0' ? title : _("Untitled design"),
           mc_cli_database_path (ctx));
  return MC_CLI_EXIT_OK;
}

/* --- the group ----------------------------------------------------------- */

static const McCliCommand design_commands[] = {
  { "list",     design_list,            N_("List the designs") },
  { "show",     design_show,            N_("Show every element of a design") },
  { "import",   mc_cli_design_import,   N_("Import a design exchange file") },
  { "export",   mc_cli_design_export,   N_("Write a design exchange file") },
  { "validate", mc_cli_design_validate, N_("Check a design against policy profiles") },
  { "delete",   design_delete,          N_("Delete a draft design") },
  { "submit",   mc_cli_design_transition, N_("Submit a draft for review") },
  { "withdraw", mc_cli_design_transition, N_("Take a submitted design back") },
  { "revise",   mc_cli_design_transition, N_("Start a new revision after changes were requested") },
  { "activate", mc_cli_design_transition, N_("Put an approved design into use") },
  { "suspend",  mc_cli_design_transition, N_("Suspend an active design") },
  { "reinstate", mc_cli_design_transition, N_("Make a suspended design active again") },
  { "retire",   mc_cli_design_transition, N_("Retire a design") },
  { "modify",   mc_cli_design_transition, N_("Start a minor modification of an active design") },
  { "submit-modification", mc_cli_design_transition, N_("Submit a minor modification") },
  { "conditions", mc_cli_design_conditions, N_("List the conditions of an approval") },
  { "meet-condition", mc_cli_design_meet_condition, N_("Record that a condition is met") },
};

int
mc_cli_design_run (McCliContext *ctx,
                   int           argc,
                   char        **argv)
{
  return mc_cli_dispatch (ctx, design_commands, G_N_ELEMENTS (design_commands),
                          NULL, NULL, argc, argv);
}
