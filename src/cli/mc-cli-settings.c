/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred settings get|set": the institution settings the workflow applies,
 * kept in the database.  The workflow checks the values. */

static const struct {
  const char *key;
  const char *fallback;   /* what the workflow uses while unset */
  const char *summary;    /* N_() */
} settings[] = {
  { MC_SETTING_INSTITUTION_NAME, "", N_("The institution’s name") },
  { MC_SETTING_INSTITUTION_COUNTRY, "", N_("Its country, as a two-letter code like IE") },
  { MC_SETTING_REQUIRED_PROFILES, MC_WORKFLOW_DEFAULT_REQUIRED_PROFILES,
    N_("Policy profiles a design must pass to be submitted, comma-separated") },
  { MC_SETTING_MIN_REVIEWS, "2", N_("Completed reviews a decision needs") },
  { MC_SETTING_MIN_MODIFICATION_REVIEWS, "1",
    N_("Completed reviews a decision on a minor modification needs") },
  { MC_SETTING_REVIEW_CYCLE_MONTHS, "12", N_("Months between yearly reviews") },
  { MC_SETTING_PUBLISH_DID_WEB, "false", N_("Whether to publish a did:web document naming the signing keys") },
  { MC_SETTING_PUBLISH_TLS_CERTIFICATE, "", N_("The TLS certificate (PEM file) the publishing service uses") },
  { MC_SETTING_PUBLISH_TLS_KEY, "", N_("The TLS certificate’s private key (PEM file, unencrypted)") },
};

static gint
find_setting (McCliContext *ctx,
              const char   *key)
{
  g_autoptr(GString) known = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      if (g_strcmp0 (settings[i].key, key) == 0)
        return (gint) i;
      g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", settings[i].key);
    }
  mc_cli_usage_error (ctx, _("There is no setting “%s” (the settings are: %s)"), key, known->str);
  return -1;
}

static int
settings_get (McCliContext *ctx,
              int           argc,
              char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { _("Setting"), _("Value"), _("Meaning") };
  gboolean json = FALSE;
  gint only = -1;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the settings as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("[KEY]"),
                             _("Print one institution setting, or all of them."),
                             entries, 0, 1, &args) ||
      (args[1] != NULL && (only = find_setting (ctx, args[1])) < 0) ||
      !(store = mc_cli_open_store (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;

  if (only >= 0 && !json)
    {
      g_autofree char *value = mc_store_get_setting (store, settings[only].key,
                                                     settings[only].fallback);

      g_print ("%s\n", value);
      return MC_CLI_EXIT_OK;
    }

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *value = NULL;
      char **row;

      if (only >= 0 && i != (guint) only)
        continue;
      value = mc_store_get_setting (store, settings[i].key, settings[i].fallback);
      mc_cli_json_string (builder, settings[i].key, value);
      row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);
      row[0] = g_strdup (settings[i].key);
      row[1] = g_strdup (value);
      row[2] = g_strdup (_(settings[i].summary));
      g_ptr_array_add (rows, row);
    }
  json_builder_end_object (builder);

  if (json)
    return mc_cli_print_builder (builder);
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0);
  return MC_CLI_EXIT_OK;
}

static int
settings_set (McCliContext *ctx,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;

  if (!mc_cli_parse_command (ctx, argc, argv, _("KEY VALUE"),
                             _("Change an institution setting (administrators)."),
                             NULL, 2, 2, &args) ||
      find_setting (ctx, args[1]) < 0 ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_workflow_set_setting (workflow, args[1], args[2], &error))
    return mc_cli_fail (error);

  g_print (_("%s is now “%s”\n"), args[1], args[2]);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand settings_commands[] = {
  { "get", settings_get, N_("Print institution settings") },
  { "set", settings_set, N_("Change an institution setting") },
};

int
mc_cli_settings_run (McCliContext *ctx,
                     int           argc,
                     char        **argv)
{
  return mc_cli_dispatch (ctx, settings_commands, G_N_ELEMENTS (settings_commands),
                          NULL, NULL, argc, argv);
}
