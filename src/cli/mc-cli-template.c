/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mc-cli-answers.h"
#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred template …": the review templates.  Every import is a new
 * version; the reviews made on older versions keep theirs. */

static GPtrArray *
list_templates (McStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *templates = mc_store_list_templates (store, &error);

  if (templates == NULL)
    mc_cli_report (NULL, error);
  return templates;
}

/* The newest version of the template @key. */
static McTemplate *
find_template (McStore    *store,
               const char *key)
{
  g_autoptr(GPtrArray) templates = list_templates (store);
  g_autoptr(GString) known = g_string_new (NULL);

  if (templates == NULL)
    return NULL;
  for (guint i = 0; i < templates->len; i++)
    {
      McTemplate *template_ = g_ptr_array_index (templates, i);

      if (g_strcmp0 (mc_template_get_key (template_), key) == 0)
        return g_object_ref (template_);
      g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", mc_template_get_key (template_));
    }
  mc_cli_error (key, _("No review template with this key (the templates are: %s)"), known->str);
  return NULL;
}

static int
template_list (McCliContext *ctx,
               int           argc,
               char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *headers[] = { _("Key"), _("Used for"), _("Version"), _("Criteria"), _("Title") };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("List the review templates, newest version of each."),
                             entries, 0, 0, &args) ||
      !(store = mc_cli_open_store (ctx, FALSE)) ||
      !(templates = list_templates (store)))
    return MC_CLI_EXIT_FAILURE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < templates->len; i++)
    {
      McTemplate *template_ = g_ptr_array_index (templates, i);
      char **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      row[0] = g_strdup (mc_template_get_key (template_));
      row[1] = g_strdup (mc_enum_label (MC_TYPE_TEMPLATE_KIND, mc_template_get_kind (template_)));
      row[2] = g_strdup_printf ("%u", mc_template_get_version (template_));
      row[3] = g_strdup_printf ("%u", mc_template_get_n_criteria (template_));
      row[4] = g_strdup (mc_template_get_title (template_));
      g_ptr_array_add (rows, row);

      json_builder_begin_object (builder);
      mc_cli_json_string (builder, "key", mc_template_get_key (template_));
      mc_cli_json_nick (builder, "kind", MC_TYPE_TEMPLATE_KIND, mc_template_get_kind (template_));
      mc_cli_json_int (builder, "version", mc_template_get_version (template_));
      mc_cli_json_int (builder, "criteria", mc_template_get_n_criteria (template_));
      mc_cli_json_string (builder, "title", mc_template_get_title (template_));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    return mc_cli_print_builder (builder);
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0xc);
  return MC_CLI_EXIT_OK;
}

static int
template_show (McCliContext *ctx,
               int           argc,
               char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autofree char *version = NULL;
  const char *description;

  if (!mc_cli_parse_command (ctx, argc, argv, _("KEY"),
                             _("Show the newest version of a review template with its criteria."),
                             NULL, 1, 1, &args) ||
      !(store = mc_cli_open_store (ctx, FALSE)) ||
      !(template_ = find_template (store, args[1])))
    return MC_CLI_EXIT_FAILURE;

  version = g_strdup_printf ("%u", mc_template_get_version (template_));
  description = mc_template_get_description (template_);
  g_print ("%s\n", mc_template_get_title (template_));
  mc_cli_print_labelled (2, _("Key"), mc_template_get_key (template_));
  mc_cli_print_labelled (2, _("Used for"),
                         mc_enum_label (MC_TYPE_TEMPLATE_KIND, mc_template_get_kind (template_)));
  mc_cli_print_labelled (2, _("Version"), version);
  mc_cli_print_labelled (2, _("Description"), description != NULL && *description != '\0'
                                              ? description : NULL);
  mc_cli_print_criteria (template_, NULL);
  return MC_CLI_EXIT_OK;
}

static int
template_export (McCliContext *ctx,
                 int           argc,
                 char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autofree char *text = NULL;

  if (!mc_cli_parse_command (ctx, argc, argv, _("KEY [FILE]"),
                             _("Write the newest version of a review template as a template file "
                               "(standard output without FILE or with “-”)."),
                             NULL, 1, 2, &args) ||
      !(store = mc_cli_open_store (ctx, FALSE)) ||
      !(template_ = find_template (store, args[1])))
    return MC_CLI_EXIT_FAILURE;

  text = mc_template_to_json (template_);
  if (args[2] == NULL || g_strcmp0 (args[2], "-") == 0)
    return mc_cli_write_stdout (text, strlen (text)) ? MC_CLI_EXIT_OK : MC_CLI_EXIT_FAILURE;
  if (!g_file_set_contents (args[2], text, -1, &error))
    return mc_cli_fail (error);
  g_print (_("Exported “%s” (version %u) to %s\n"), mc_template_get_title (template_),
           mc_template_get_version (template_), args[2]);
  return MC_CLI_EXIT_OK;
}

static int
template_import (McCliContext *ctx,
                 int           argc,
                 char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  if (!mc_cli_parse_command (ctx, argc, argv, _("FILE"),
                             _("Save a template file as the newest version of its template "
                               "(administrators; “-” reads standard input).  A file with any "
                               "fault is refused whole."),
                             NULL, 1, 1, &args))
    return MC_CLI_EXIT_FAILURE;

  /* Read and check the whole file before the database is even opened. */
  if (!(bytes = mc_cli_read_input (args[1], MC_TEMPLATE_MAX_BYTES)))
    return MC_CLI_EXIT_FAILURE;
  data = g_bytes_get_data (bytes, &length);
  if (!(template_ = mc_template_new_from_json (data, (gssize) length, &error)))
    {
      mc_cli_error (mc_cli_input_name (args[1]), "%s", error->message);
      return MC_CLI_EXIT_FAILURE;
    }
  if (!(workflow = mc_cli_open_workflow (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_workflow_save_template (workflow, template_, &error))
    return mc_cli_fail (error);

  /* Translators: "Saved “Design approval” as version 2 of approval-esg" */
  g_print (_("Saved “%s” as version %u of %s\n"), mc_template_get_title (template_),
           mc_template_get_version (template_), mc_template_get_key (template_));
  return MC_CLI_EXIT_OK;
}

static const McCliCommand template_commands[] = {
  { "list",   template_list,   N_("List the review templates") },
  { "show",   template_show,   N_("Show a review template with its criteria") },
  { "export", template_export, N_("Write a review template file") },
  { "import", template_import, N_("Save a template file as a new version") },
};

int
mc_cli_template_run (McCliContext *ctx,
                     int           argc,
                     char        **argv)
{
  return mc_cli_dispatch (ctx, template_commands, G_N_ELEMENTS (template_commands),
                          NULL, NULL, argc, argv);
}
