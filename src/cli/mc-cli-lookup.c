/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

McWorkflow *
mc_cli_open_workflow (McCliContext *ctx,
                      gboolean      create)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McWorkflow) workflow = NULL;

  if (!(store = mc_cli_open_store (ctx, create)))
    return NULL;

  /* The operating-system account is who acts; the first one on a new
   * database becomes its administrator. */
  if (!(workflow = mc_workflow_new (store, g_get_user_name (), &error)))
    {
      mc_cli_report (NULL, error);
      return NULL;
    }
  if (ctx->as_user != NULL && !mc_workflow_act_as (workflow, ctx->as_user, &error))
    {
      mc_cli_report ("--as", error);
      return NULL;
    }
  return g_steal_pointer (&workflow);
}

McDesign *
mc_cli_open_design (McCliContext  *ctx,
                    const char    *ref,
                    McWorkflow   **workflow)
{
  if (!(*workflow = mc_cli_open_workflow (ctx, FALSE)))
    return NULL;
  return mc_cli_resolve_design (mc_workflow_get_store (*workflow), ref);
}

McDesign *
mc_cli_parse_design_command (McCliContext        *ctx,
                             int                  argc,
                             char               **argv,
                             const char          *summary,
                             const GOptionEntry  *entries,
                             McStore            **store)
{
  g_auto(GStrv) args = NULL;

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID"), summary, entries, 1, 1, &args) ||
      !(*store = mc_cli_open_store (ctx, FALSE)))
    return NULL;
  return mc_cli_resolve_design (*store, args[1]);
}

int
mc_cli_fail (const GError *error)
{
  mc_cli_report (NULL, error);
  return MC_CLI_EXIT_FAILURE;
}

McPerson *
mc_cli_resolve_person (McStore    *store,
                       const char *username)
{
  g_autoptr(GError) error = NULL;
  McPerson *person = mc_store_find_person_by_username (store, username, &error);

  if (person != NULL)
    return person;
  if (error != NULL)
    mc_cli_report (NULL, error);
  else
    mc_cli_error (username, _("No person with this user name; “mcred person list” shows them"));
  return NULL;
}

McUnit *
mc_cli_resolve_unit (McStore    *store,
                     const char *option,
                     const char *code)
{
  g_autoptr(GError) error = NULL;
  McUnit *unit = mc_store_find_unit_by_code (store, code, &error);

  if (unit != NULL)
    return unit;
  if (error != NULL)
    mc_cli_report (NULL, error);
  else
    mc_cli_error (option, _("No unit with the code “%s” in %s"), code, mc_store_get_path (store));
  return NULL;
}

gboolean
mc_cli_parse_number (const char *what,
                     const char *text,
                     gint64     *number)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      /* Translators: "REVIEW: “abc” is not a number like 12" */
      mc_cli_error (what, _("“%s” is not a number like 12"), text);
      return FALSE;
    }
  *number = (gint64) value;
  return TRUE;
}

McReview *
mc_cli_resolve_review (McStore    *store,
                       const char *ref)
{
  g_autoptr(GError) error = NULL;
  McReview *review;
  gint64 id;

  if (!mc_cli_parse_number (_("REVIEW"), ref, &id))
    return NULL;
  if (!(review = mc_store_load_review (store, id, &error)))
    mc_cli_report (NULL, error);
  return review;
}

McComment *
mc_cli_resolve_comment (McStore    *store,
                        const char *ref)
{
  g_autoptr(GError) error = NULL;
  McComment *comment;
  gint64 id;

  if (!mc_cli_parse_number (_("COMMENT"), ref, &id))
    return NULL;
  if (!(comment = mc_store_load_comment (store, id, &error)))
    mc_cli_report (NULL, error);
  return comment;
}

gboolean
mc_cli_parse_nick (McCliContext *ctx,
                   GType         type,
                   const char   *option,
                   const char   *nick,
                   int          *value)
{
  g_autoptr(GString) known = NULL;
  guint n;

  if (nick == NULL || mc_enum_from_nick (type, nick, value))
    return TRUE;

  known = g_string_new (NULL);
  n = mc_enum_n_values (type);
  for (guint i = 0; i < n; i++)
    {
      const char *each = mc_enum_to_nick (type, (int) mc_enum_nth_value (type, i));

      /* "unset" is how the store says nothing was chosen yet. */
      if (g_strcmp0 (each, "unset") != 0)
        g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", each);
    }
  mc_cli_usage_error (ctx, _("%s: unknown value “%s” (use one of: %s)"), option, nick, known->str);
  return FALSE;
}

char *
mc_cli_person_text (McStore *store,
                    gint64   person_id)
{
  g_autoptr(McPerson) person = person_id > 0 ? mc_store_get_person (store, person_id, NULL) : NULL;

  if (person == NULL)
    return NULL;
  return g_strdup_printf ("%s (%s)", mc_person_get_name (person), mc_person_get_username (person));
}

GHashTable *
mc_cli_people_by_id (McStore *store)
{
  GHashTable *people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GListModel) list = mc_store_list_people (store, NULL);
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      McPerson *person = g_list_model_get_item (list, i);
      gint64 *id = g_new (gint64, 1);

      *id = mc_person_get_id (person);
      g_hash_table_insert (people, id, person);
    }
  return people;
}

const char *
mc_cli_input_name (const char *name)
{
  return g_strcmp0 (name, "-") == 0 ? _("standard input") : name;
}

GBytes *
mc_cli_read_input (const char *name,
                   gsize       max_bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 chunk[16384];
  gssize n = 0;

  if (g_strcmp0 (name, "-") == 0)
    {
      size_t got;

      while (data->len <= max_bytes && (got = fread (chunk, 1, sizeof chunk, stdin)) > 0)
        g_byte_array_append (data, chunk, (guint) got);
      if (ferror (stdin))
        {
          mc_cli_error (mc_cli_input_name (name), "%s", g_strerror (EIO));
          return NULL;
        }
      return g_byte_array_free_to_bytes (g_steal_pointer (&data));
    }

  file = g_file_new_for_commandline_arg (name);
  if (!(stream = g_file_read (file, NULL, &error)))
    {
      mc_cli_report (name, error);
      return NULL;
    }
  while (data->len <= max_bytes &&
         (n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, NULL, &error)) > 0)
    g_byte_array_append (data, chunk, (guint) n);
  if (n < 0)
    {
      mc_cli_report (name, error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

void
mc_cli_json_string (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
mc_cli_json_int (JsonBuilder *builder,
                 const char  *name,
                 gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
mc_cli_json_nick (JsonBuilder *builder,
                  const char  *name,
                  GType        type,
                  int          value)
{
  mc_cli_json_string (builder, name, value >= 0 ? mc_enum_to_nick (type, value) : NULL);
}

void
mc_cli_json_time (JsonBuilder *builder,
                  const char  *name,
                  gint64       unix_utc)
{
  g_autofree char *text = unix_utc > 0 ? mc_cli_format_local_iso8601 (unix_utc) : NULL;

  mc_cli_json_string (builder, name, text);
}

int
mc_cli_print_builder (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return mc_cli_print_json (root) ? MC_CLI_EXIT_OK : MC_CLI_EXIT_FAILURE;
}
