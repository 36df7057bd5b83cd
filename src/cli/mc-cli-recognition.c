/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred recognition list": the recognition decisions recorded with
 * `mcred recognise`, newest first. */

/* The design's title (or the programme's name) the credit went towards. */
static char *
towards_text (McStore       *store,
              McRecognition *r)
{
  g_autoptr(McDesign) design = NULL;
  const char *title;

  if (r->programme != NULL)
    return g_strdup (r->programme);
  design = mc_store_load_design (store, r->design_id, NULL);
  if (design == NULL)
    return g_strdup ("—");
  title = mc_revision_get_title (mc_design_get_content (design));
  return g_strdup (title != NULL && *title != '\0' ? title : mc_design_get_uuid (design));
}

static char **
recognition_row (McStore       *store,
                 McRecognition *r)
{
  char **row = g_new0 (char *, 9);

  row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, r->id);
  row[1] = mc_cli_format_time (r->recorded_at);
  row[2] = g_strdup (r->learner_name != NULL ? r->learner_name : "—");
  row[3] = g_strdup (r->achievement_name != NULL ? r->achievement_name : r->credential_id);
  row[4] = g_strdup (r->issuer_name != NULL ? r->issuer_name : r->issuer_id);
  row[5] = towards_text (store, r);
  row[6] = mc_cli_format_ects (r->ects);
  row[7] = g_strdup (mc_enum_label (MC_TYPE_CREDIT_ROUTE, r->route));
  return row;
}

static void
add_recognition_json (JsonBuilder   *builder,
                      McStore       *store,
                      McRecognition *r)
{
  g_autoptr(McDesign) design = r->design_id != 0 ? mc_store_load_design (store, r->design_id, NULL) : NULL;
  g_autofree char *by = mc_cli_person_text (store, r->recorded_by);
  g_autoptr(JsonNode) verification = json_from_string (r->verification, NULL);

  json_builder_begin_object (builder);
  mc_cli_json_int (builder, "id", r->id);
  mc_cli_json_time (builder, "recorded_at", r->recorded_at);
  mc_cli_json_string (builder, "recorded_by", by);
  mc_cli_json_string (builder, "credential_id", r->credential_id);
  mc_cli_json_string (builder, "issuer_id", r->issuer_id);
  mc_cli_json_string (builder, "issuer_name", r->issuer_name);
  mc_cli_json_string (builder, "learner_name", r->learner_name);
  mc_cli_json_string (builder, "achievement_name", r->achievement_name);
  mc_cli_json_string (builder, "design", design != NULL ? mc_design_get_uuid (design) : NULL);
  mc_cli_json_string (builder, "programme", r->programme);
  json_builder_set_member_name (builder, "ects");
  json_builder_add_double_value (builder, r->ects);
  json_builder_set_member_name (builder, "credits_available");
  json_builder_add_double_value (builder, r->credits_available);
  mc_cli_json_nick (builder, "route", MC_TYPE_CREDIT_ROUTE, r->route);
  mc_cli_json_string (builder, "note", r->note);
  mc_cli_json_string (builder, "verdict", r->verdict);
  json_builder_set_member_name (builder, "verification");
  if (verification != NULL)
    json_builder_add_value (builder, g_steal_pointer (&verification));
  else
    json_builder_add_null_value (builder);
  mc_cli_json_string (builder, "credential", r->credential_text);
  json_builder_end_object (builder);
}

static int
recognition_list (McCliContext *ctx,
                  int           argc,
                  char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *headers[] = { _("No."), _("Recorded"), _("Learner"), _("Credential"), _("Issuer"),
                            _("Towards"), _("ECTS"), _("Route") };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the decisions as JSON, with the credentials and their verification"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL, _("List the recognition decisions, newest first."),
                             entries, 0, 0, &args) ||
      !(store = mc_cli_open_store (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if ((list = mc_store_list_recognitions (store, &error)) == NULL)
    return mc_cli_fail (error);
  if (json)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        add_recognition_json (builder, store, g_ptr_array_index (list, i));
      json_builder_end_array (builder);
      return mc_cli_print_builder (builder);
    }
  if (list->len == 0)
    {
      g_print ("%s\n", _("No recognition decisions. A registrar records one with “mcred recognise”."));
      return MC_CLI_EXIT_OK;
    }
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (rows, recognition_row (store, g_ptr_array_index (list, i)));
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 1 << 0 | 1 << 6);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand recognition_commands[] = {
  { "list", recognition_list, N_("List the recognition decisions") },
};

int
mc_cli_recognition_run (McCliContext *ctx,
                        int           argc,
                        char        **argv)
{
  return mc_cli_dispatch (ctx, recognition_commands, G_N_ELEMENTS (recognition_commands), NULL, NULL,
                          argc, argv);
}
