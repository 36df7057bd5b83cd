/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-format.h"
#include "mc-cli-profile.h"

static int
profile_list (McCliContext *ctx,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GListModel) profiles = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { _("ID"), _("Name"), _("Source") };
  guint n;

  if (!mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("List the policy profiles a design can be validated against."),
                             NULL, 0, 0, &args))
    return MC_CLI_EXIT_FAILURE;

  if (!(profiles = mc_profile_list_builtin (&error)))
    {
      mc_cli_report (NULL, error);
      return MC_CLI_EXIT_FAILURE;
    }

  n = g_list_model_get_n_items (profiles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (profiles, i);
      char **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      row[0] = g_strdup (mc_profile_get_id (profile));
      row[1] = g_strdup (mc_profile_get_name (profile));
      row[2] = g_strdup (mc_profile_get_source (profile) ? mc_profile_get_source (profile) : "");
      g_ptr_array_add (rows, row);
    }
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand profile_commands[] = {
  { "list", profile_list, N_("List the policy profiles") },
};

int
mc_cli_profile_run (McCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  return mc_cli_dispatch (ctx, profile_commands, G_N_ELEMENTS (profile_commands),
                          NULL, NULL, argc, argv);
}
