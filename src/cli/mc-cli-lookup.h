/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-cli-context.h"

G_BEGIN_DECLS

/* Helpers shared by the commands of the approval workflow: opening the
 * workflow, finding what the command line names, reading input files and
 * writing JSON.  Every function that can fail prints its error itself. */

/* Opens the database and the workflow for the operating-system account,
 * acting for --as when it was given. */
McWorkflow *mc_cli_open_workflow     (McCliContext *ctx,
                                      gboolean      create);
/* Opens the workflow into *@workflow and loads the design @ref (an id or
 * a UUID). */
McDesign   *mc_cli_open_design       (McCliContext  *ctx,
                                      const char    *ref,
                                      McWorkflow   **workflow);
/* Parses a command that reads one design, given as its only argument
 * (ID|UUID), opens the database into *@store and loads the design. */
McDesign   *mc_cli_parse_design_command (McCliContext        *ctx,
                                         int                  argc,
                                         char               **argv,
                                         const char          *summary,
                                         const GOptionEntry  *entries,
                                         McStore            **store);
/* Prints a refusal or failure ("mcred: MESSAGE") and returns
 * MC_CLI_EXIT_FAILURE. */
int         mc_cli_fail              (const GError *error);

McPerson   *mc_cli_resolve_person    (McStore    *store,
                                      const char *username);
/* @option names where the code came from ("--unit"), or NULL. */
McUnit     *mc_cli_resolve_unit      (McStore    *store,
                                      const char *option,
                                      const char *code);
McReview   *mc_cli_resolve_review    (McStore    *store,
                                      const char *ref);
McComment  *mc_cli_resolve_comment   (McStore    *store,
                                      const char *ref);
/* A positive whole number given as @what ("REVIEW", "N"). */
gboolean    mc_cli_parse_number      (const char *what,
                                      const char *text,
                                      gint64     *number);
/* Parses an enum nick given to @option; prints the known nicks if unknown.
 * A NULL @nick leaves *@value alone. */
gboolean    mc_cli_parse_nick        (McCliContext *ctx,
                                      GType         type,
                                      const char   *option,
                                      const char   *nick,
                                      int          *value);

/* "Name (username)", or NULL for an unknown id. */
char       *mc_cli_person_text       (McStore *store,
                                      gint64   person_id);
/* Every person of the store by id (McPerson, transfer none values). */
GHashTable *mc_cli_people_by_id      (McStore *store);

/* "standard input" for "-", @name otherwise. */
const char *mc_cli_input_name        (const char *name);
/* Reads at most @max_bytes + 1 bytes of a file ("-": standard input), so
 * that the parser sees that it is too large. */
GBytes     *mc_cli_read_input        (const char *name,
                                      gsize       max_bytes);

/* Members of a JSON object under construction: NULL strings and zero
 * times become null. */
void        mc_cli_json_string       (JsonBuilder *builder,
                                      const char  *name,
                                      const char  *value);
void        mc_cli_json_int          (JsonBuilder *builder,
                                      const char  *name,
                                      gint64       value);
void        mc_cli_json_nick         (JsonBuilder *builder,
                                      const char  *name,
                                      GType        type,
                                      int          value);
void        mc_cli_json_time         (JsonBuilder *builder,
                                      const char  *name,
                                      gint64       unix_utc);
/* Prints the builder's document; returns the exit status. */
int         mc_cli_print_builder     (JsonBuilder *builder);

G_END_DECLS
