/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-core.h"

G_BEGIN_DECLS

/* Exit statuses of mcred. */
enum {
  MC_CLI_EXIT_OK      = 0,
  MC_CLI_EXIT_INVALID = 1,   /* a check found a problem: validation errors, altered history */
  MC_CLI_EXIT_FAILURE = 2,   /* bad usage, missing or bad file, store error, refusal */
};

/* State shared by every command: the global options and the words of the
 * command line seen so far ("mcred design list"), for help and hints. */
typedef struct {
  char *database;   /* --database, or NULL for mc_store_default_path() */
  char *command;    /* "mcred", "mcred design", "mcred design list" */
  char *as_user;    /* --as: the person an administrator acts for, or NULL */
} McCliContext;

typedef int (*McCliCommandFunc) (McCliContext *ctx, int argc, char **argv);

typedef struct {
  const char       *name;
  McCliCommandFunc  run;
  const char       *summary;   /* N_() */
} McCliCommand;

void            mc_cli_context_clear        (McCliContext *ctx);

/* An option context for "@ctx->command @name" that knows --database and
 * --as. */
GOptionContext *mc_cli_option_context_new   (McCliContext       *ctx,
                                             const char         *name,
                                             const char         *parameters,
                                             const char         *summary,
                                             const GOptionEntry *entries);
/* Parses @args in place; prints the error and a usage hint on failure. */
gboolean        mc_cli_parse                (McCliContext   *ctx,
                                             GOptionContext *octx,
                                             char         ***args);
/* Parses a leaf command: its options, then between @min_args and @max_args
 * positional arguments.  On success *@args holds the command name and the
 * positional arguments; on failure the usage error has been printed. */
gboolean        mc_cli_parse_command        (McCliContext       *ctx,
                                             int                 argc,
                                             char              **argv,
                                             const char         *parameters,
                                             const char         *summary,
                                             const GOptionEntry *entries,
                                             guint               min_args,
                                             guint               max_args,
                                             char             ***args);
/* Parses the group's options up to the subcommand and runs it.  When an
 * option of @entries sets *@done (like --version), no subcommand is needed. */
int             mc_cli_dispatch             (McCliContext       *ctx,
                                             const McCliCommand *commands,
                                             guint               n_commands,
                                             const GOptionEntry *entries,
                                             gboolean           *done,
                                             int                 argc,
                                             char              **argv);

/* "mcred: SUBJECT: MESSAGE" (or "mcred: MESSAGE") on stderr. */
void            mc_cli_error                (const char *subject,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (2, 3);
/* Prints @error about @subject; the subject is left out when the message
 * already names it (store and file errors name their file). */
void            mc_cli_report               (const char   *subject,
                                             const GError *error);
/* A usage error: the message and a hint to --help.  Returns 2. */
int             mc_cli_usage_error          (McCliContext *ctx,
                                             const char   *format,
                                             ...) G_GNUC_PRINTF (2, 3);

const char     *mc_cli_database_path        (McCliContext *ctx);
/* Opens the database; only @create may make a missing file. */
McStore        *mc_cli_open_store           (McCliContext *ctx,
                                             gboolean      create);
/* Loads a design by numeric id or by UUID; prints the error itself. */
McDesign       *mc_cli_resolve_design       (McStore    *store,
                                             const char *ref);
/* Writes raw bytes to stdout; prints the error itself. */
gboolean        mc_cli_write_stdout         (const void *data,
                                             gsize       length);
/* Pretty JSON of @node on stdout, newline-terminated. */
gboolean        mc_cli_print_json           (JsonNode *node);

G_END_DECLS
