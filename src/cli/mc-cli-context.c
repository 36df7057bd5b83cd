/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "mc-cli-context.h"

void
mc_cli_context_clear (McCliContext *ctx)
{
  g_clear_pointer (&ctx->database, g_free);
  g_clear_pointer (&ctx->command, g_free);
  g_clear_pointer (&ctx->as_user, g_free);
}

/* The global options are callbacks, not plain strings, because every level
 * of the command line parses them again and a later value must replace
 * (and free) an earlier one.  FALSE for an empty value. */
static gboolean
set_global (char       **target,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return FALSE;
  g_free (*target);
  *target = g_strdup (value);
  return TRUE;
}

static gboolean
set_database (const char  *option_name,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  if (set_global (&((McCliContext *) data)->database, value))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s needs a file name"), option_name);
  return FALSE;
}

static gboolean
set_as_user (const char  *option_name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  if (set_global (&((McCliContext *) data)->as_user, value))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s needs a user name"), option_name);
  return FALSE;
}

static const GOptionEntry global_entries[] = {
  { "database", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer) set_database,
    N_("Use the database in PATH instead of the default one"), N_("PATH") },
  { "as", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) set_as_user,
    N_("Act on behalf of the person with this user name (administrators only)"), N_("USERNAME") },
  { NULL }
};

GOptionContext *
mc_cli_option_context_new (McCliContext       *ctx,
                           const char         *name,
                           const char         *parameters,
                           const char         *summary,
                           const GOptionEntry *entries)
{
  GOptionContext *octx;
  GOptionGroup *group;

  if (name != NULL)
    {
      char *command = g_strconcat (ctx->command, " ", name, NULL);

      g_free (ctx->command);
      ctx->command = command;
    }
  /* GOption prints g_get_prgname() in "Usage:"; show the whole command. */
  g_set_prgname (ctx->command);

  octx = g_option_context_new (parameters);
  if (summary != NULL)
    g_option_context_set_summary (octx, summary);

  group = g_option_group_new (NULL, NULL, NULL, ctx, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, global_entries);
  if (entries != NULL)
    g_option_group_add_entries (group, entries);
  g_option_context_set_main_group (octx, group);

  return octx;
}

gboolean
mc_cli_parse (McCliContext     *ctx,
              GOptionContext   *octx,
              char           ***args)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse_strv (octx, args, &error))
    {
      mc_cli_usage_error (ctx, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static char **
copy_args (int    argc,
           char **argv)
{
  char **args = g_new0 (char *, argc + 1);

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  return args;
}

gboolean
mc_cli_parse_command (McCliContext         *ctx,
                      int                   argc,
                      char                **argv,
                      const char           *parameters,
                      const char           *summary,
                      const GOptionEntry   *entries,
                      guint                 min_args,
                      guint                 max_args,
                      char               ***args)
{
  g_autoptr(GOptionContext) octx = NULL;
  g_auto(GStrv) parsed = copy_args (argc, argv);
  guint n_args;

  g_assert (argc >= 1);

  octx = mc_cli_option_context_new (ctx, argv[0], parameters, summary, entries);
  if (!mc_cli_parse (ctx, octx, &parsed))
    return FALSE;

  n_args = g_strv_length (parsed) - 1;
  if (n_args < min_args)
    {
      mc_cli_usage_error (ctx, _("Missing argument: %s"), parameters);
      return FALSE;
    }
  if (n_args > max_args)
    {
      mc_cli_usage_error (ctx, _("Unexpected argument “%s”"), parsed[max_args + 1]);
      return FALSE;
    }

  *args = g_steal_pointer (&parsed);
  return TRUE;
}

int
mc_cli_dispatch (McCliContext       *ctx,
                 const McCliCommand *commands,
                 guint               n_commands,
                 const GOptionEntry *entries,
                 gboolean           *done,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GOptionContext) octx = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GString) description = g_string_new (_("Commands:"));
  const char *name = NULL;

  g_assert (argc >= 1);

  /* The top level keeps "mcred"; a group adds its own name. */
  if (ctx->command == NULL)
    ctx->command = g_strdup ("mcred");
  else
    name = argv[0];

  for (guint i = 0; i < n_commands; i++)
    g_string_append_printf (description, "\n  %-20s %s",
                            commands[i].name, _(commands[i].summary));

  octx = mc_cli_option_context_new (ctx, name, _("COMMAND [ARGUMENT…]"), NULL, entries);
  g_option_context_set_strict_posix (octx, TRUE);
  g_option_context_set_description (octx, description->str);

  args = copy_args (argc, argv);
  if (!mc_cli_parse (ctx, octx, &args))
    return MC_CLI_EXIT_FAILURE;
  if (done != NULL && *done)
    return MC_CLI_EXIT_OK;
  if (args[1] == NULL)
    return mc_cli_usage_error (ctx, _("No command given"));

  for (guint i = 0; i < n_commands; i++)
    if (strcmp (args[1], commands[i].name) == 0)
      return commands[i].run (ctx, (int) g_strv_length (args) - 1, args + 1);

  return mc_cli_usage_error (ctx, _("Unknown command “%s”"), args[1]);
}

static void
print_error_valist (const char *subject,
                    const char *format,
                    va_list     args) G_GNUC_PRINTF (2, 0);

static void
print_error_valist (const char *subject,
                    const char *format,
                    va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (subject != NULL)
    g_printerr ("mcred: %s: %s\n", subject, message);
  else
    g_printerr ("mcred: %s\n", message);
}

void
mc_cli_error (const char *subject,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  print_error_valist (subject, format, args);
  va_end (args);
}

void
mc_cli_report (const char   *subject,
               const GError *error)
{
  if (subject != NULL && strstr (error->message, subject) == NULL)
    g_printerr ("mcred: %s: %s\n", subject, error->message);
  else
    g_printerr ("mcred: %s\n", error->message);
}

int
mc_cli_usage_error (McCliContext *ctx,
                    const char   *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  print_error_valist (NULL, format, args);
  va_end (args);
  g_printerr (_("Try “%s --help” for more information.\n"), ctx->command);

  return MC_CLI_EXIT_FAILURE;
}

const char *
mc_cli_database_path (McCliContext *ctx)
{
  if (ctx->database == NULL)
    ctx->database = mc_store_default_path ();
  return ctx->database;
}

McStore *
mc_cli_open_store (McCliContext *ctx,
                   gboolean      create)
{
  g_autoptr(GError) error = NULL;
  const char *path = mc_cli_database_path (ctx);
  McStore *store;

  if (strcmp (path, ":memory:") != 0)
    {
      /* Checked here as well as in the store, so that no command but the
       * creating ones can ever leave a new file behind. */
      if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          mc_cli_error (path, _("No such database; “mcred init” creates one"));
          return NULL;
        }
      if (create)
        {
          g_autofree char *folder = g_path_get_dirname (path);

          if (g_mkdir_with_parents (folder, 0700) != 0)
            {
              int saved_errno = errno;

              mc_cli_error (folder, "%s", g_strerror (saved_errno));
              return NULL;
            }
        }
    }

  store = mc_store_open (path, create ? MC_STORE_OPEN_CREATE : MC_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    mc_cli_report (path, error);
  return store;
}

McDesign *
mc_cli_resolve_design (McStore    *store,
                       const char *ref)
{
  g_autoptr(GError) error = NULL;
  McDesign *design;
  guint64 id = 0;

  if (g_ascii_string_to_unsigned (ref, 10, 1, G_MAXINT64, &id, NULL))
    design = mc_store_load_design (store, (gint64) id, &error);
  else
    design = mc_store_find_design_by_uuid (store, ref, &error);

  if (design == NULL)
    {
      if (error != NULL && !g_error_matches (error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND))
        mc_cli_report (mc_store_get_path (store), error);
      else
        mc_cli_error (ref, _("No design with this id or UUID in %s"), mc_store_get_path (store));
    }
  return design;
}

gboolean
mc_cli_write_stdout (const void *data,
                     gsize       length)
{
  if ((length > 0 && fwrite (data, 1, length, stdout) != length) || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      mc_cli_error (_("standard output"), "%s", g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length = 0;
  GString *out;
  gboolean ok;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);

  out = g_string_new_len (text, (gssize) length);
  g_string_append_c (out, '\n');
  ok = mc_cli_write_stdout (out->str, out->len);
  g_string_free (out, TRUE);
  return ok;
}
