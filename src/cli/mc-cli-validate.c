/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mc-cli-design.h"
#include "mc-cli-format.h"

/* A design file rather than an id or UUID of a stored design. */
static gboolean
is_file_argument (const char *ref)
{
  guint64 id;

  if (g_ascii_string_to_unsigned (ref, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  return g_str_has_suffix (ref, ".json") || strchr (ref, G_DIR_SEPARATOR) != NULL ||
         strcmp (ref, "-") == 0 || g_file_test (ref, G_FILE_TEST_EXISTS);
}

/* "Learning outcomes 2, Text": the field of a finding, for people. */
static char *
finding_place (McFinding *finding)
{
  return mc_cli_format_place (mc_finding_get_field (finding), mc_finding_get_item_index (finding),
                              mc_finding_get_item_field (finding));
}

static void
print_findings_table (GPtrArray *findings)
{
  const char *headers[] = { _("Severity"), _("Profile"), _("Rule"), _("Field"), _("Message") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint errors = mc_validator_count (findings, MC_SEVERITY_ERROR);

  for (guint i = 0; i < findings->len; i++)
    {
      McFinding *f = g_ptr_array_index (findings, i);
      char **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      row[0] = g_strdup (mc_enum_label (MC_TYPE_SEVERITY, mc_finding_get_severity (f)));
      row[1] = g_strdup (mc_finding_get_profile_id (f));
      row[2] = g_strdup (mc_finding_get_rule_id (f));
      row[3] = finding_place (f);
      row[4] = g_strdup (mc_finding_get_message (f));
      g_ptr_array_add (rows, row);
    }
  if (findings->len > 0)
    {
      mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0);
      g_print ("\n");
    }

  {
    g_autofree char *counts = mc_validator_describe_counts (findings);

    /* Translators: %s is "2 errors, 1 warning, 3 notes" */
    g_print (errors > 0 ? _("%s: not valid\n") : _("%s: valid\n"), counts);
  }
}

static gboolean
print_findings_json (GPtrArray *findings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      McFinding *f = g_ptr_array_index (findings, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, mc_finding_get_rule_id (f));
      json_builder_set_member_name (builder, "profile");
      json_builder_add_string_value (builder, mc_finding_get_profile_id (f));
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, mc_enum_to_nick (MC_TYPE_SEVERITY,
                                                               mc_finding_get_severity (f)));
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, mc_finding_get_field (f));
      json_builder_set_member_name (builder, "item_index");
      json_builder_add_int_value (builder, mc_finding_get_item_index (f));
      json_builder_set_member_name (builder, "item_field");
      json_builder_add_string_value (builder, mc_finding_get_item_field (f));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, mc_finding_get_message (f));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return mc_cli_print_json (root);
}

/* Every --profile must name a known profile; say which ones exist if not. */
static gboolean
check_profiles (McValidator        *validator,
                const char * const *profiles)
{
  GListModel *known = mc_validator_get_profiles (validator);
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (known);

  for (guint i = 0; profiles[i] != NULL; i++)
    {
      if (mc_validator_find_profile (validator, profiles[i]) != NULL)
        continue;

      for (guint k = 0; k < n; k++)
        {
          g_autoptr(McProfile) profile = g_list_model_get_item (known, k);

          g_string_append_printf (ids, "%s%s", k > 0 ? ", " : "", mc_profile_get_id (profile));
        }
      mc_cli_error ("--profile", _("Unknown profile “%s” (known profiles: %s)"),
                    profiles[i], ids->str);
      return FALSE;
    }
  return TRUE;
}

/* The window keeps the institution in its preferences; use them when the
 * options do not say otherwise and the schema is installed.  Nothing is
 * needed when it is not: the options are enough. */
static void
institution_from_preferences (char **name,
                              char **country)
{
  static const char * const keys[] = { "institution-name", "institution-country" };
  char **values[] = { name, country };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return;
  settings = g_settings_new_full (schema, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (*values[i] != NULL || !g_settings_schema_has_key (schema, keys[i]))
        continue;
      *values[i] = g_settings_get_string (settings, keys[i]);
      if (**values[i] == '\0')
        g_clear_pointer (values[i], g_free);
    }
}

static gboolean
is_iso_date (const char *text)
{
  g_autofree char *stamp = g_strconcat (text, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) date = NULL;

  /* Exactly YYYY-MM-DD: ISO 8601 also allows week and ordinal dates. */
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  date = g_date_time_new_from_iso8601 (stamp, NULL);
  return date != NULL;
}

int
mc_cli_design_validate (McCliContext *ctx,
                        int           argc,
                        char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) profiles = NULL;
  g_autofree char *institution = NULL;
  g_autofree char *country = NULL;
  g_autofree char *today = NULL;
  g_autoptr(McValidator) validator = NULL;
  g_autoptr(McDesignFile) file = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  McRevision *content;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_STRING_ARRAY, &profiles,
      N_("Check against this policy profile (repeatable; see “mcred profile list”)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the findings as JSON"), NULL },
    { "institution", 0, 0, G_OPTION_ARG_STRING, &institution,
      N_("Name of the awarding institution (default: from the preferences)"), N_("NAME") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country,
      N_("Country of the awarding institution, like IE (default: from the preferences)"), N_("CODE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Check dates as if it were this day"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID|FILE"),
                             _("Check a design against policy profiles.  Exits with 0 when "
                               "there is no error finding, 1 when there is."),
                             entries, 1, 1, &args))
    return MC_CLI_EXIT_FAILURE;
  if (profiles == NULL)
    return mc_cli_usage_error (ctx, _("Name at least one --profile"));
  if (today != NULL && !is_iso_date (today))
    return mc_cli_usage_error (ctx, _("--today: “%s” is not a date like 2024-05-31"), today);

  validator = mc_validator_new ();
  if (!check_profiles (validator, (const char * const *) profiles))
    return MC_CLI_EXIT_FAILURE;
  institution_from_preferences (&institution, &country);
  if (institution != NULL || country != NULL)
    mc_validator_set_institution (validator, institution, country);
  if (today != NULL)
    mc_validator_set_today (validator, today);

  if (is_file_argument (args[1]))
    {
      if (!(file = mc_cli_read_design_file (args[1])))
        return MC_CLI_EXIT_FAILURE;
      content = mc_design_get_content (file->design);
    }
  else
    {
      if (!(store = mc_cli_open_store (ctx, FALSE)) ||
          !(design = mc_cli_resolve_design (store, args[1])))
        return MC_CLI_EXIT_FAILURE;
      content = mc_design_get_content (design);
    }

  findings = mc_validator_validate (validator, content, (const char * const *) profiles, &error);
  if (findings == NULL)
    {
      mc_cli_report ("--profile", error);
      return MC_CLI_EXIT_FAILURE;
    }

  if (!json)
    print_findings_table (findings);
  else if (!print_findings_json (findings))
    return MC_CLI_EXIT_FAILURE;
  return mc_validator_count (findings, MC_SEVERITY_ERROR) > 0 ? MC_CLI_EXIT_INVALID
                                                              : MC_CLI_EXIT_OK;
}
