/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-cli-context.h"

G_BEGIN_DECLS

/* The --answers option of "review submit" and "annual-review complete":
 * a file for mc_cli_read_answers(). */
#define MC_CLI_ANSWERS_OPTION(target) \
  { "answers", 0, 0, G_OPTION_ARG_FILENAME, (target), \
    N_("Take the answers from a JSON file: {\"criterion\": {\"rating\": \"met\", \"text\": \"…\"}}"), \
    N_("FILE") }

/* Loads a template version by id; prints the error itself. */
McTemplate *mc_cli_load_template  (McStore *store,
                                   gint64   template_id);

/* Every criterion of @template_ with its answer in @answers (McAnswer), or
 * with its guidance when @answers is NULL. */
void        mc_cli_print_criteria (McTemplate *template_,
                                   GPtrArray  *answers);
/* An "answers" member: one object per criterion, in the template's order. */
void        mc_cli_json_answers   (JsonBuilder *builder,
                                   McTemplate  *template_,
                                   GPtrArray   *answers);

/* Sets the answer to @criterion_id from the command line: a rating nick
 * and an optional @comment for a rated criterion, the text itself for a
 * text criterion.  Prints the error itself. */
gboolean    mc_cli_set_answer     (McCliContext *ctx,
                                   McTemplate   *template_,
                                   GPtrArray    *answers,
                                   const char   *criterion_id,
                                   const char   *value,
                                   const char   *comment);
/* Reads an answers file (mc_template_parse_answers()) into @answers;
 * nothing is changed if any of it is wrong. */
gboolean    mc_cli_read_answers   (McTemplate *template_,
                                   const char *name,
                                   GPtrArray  *answers);

/* How many criteria have an answer (a rating, or a text for a text
 * criterion). */
guint       mc_cli_count_answered (McTemplate *template_,
                                   GPtrArray  *answers);
/* "Saved the answer to “id” (3 of 10 criteria answered)". */
void        mc_cli_print_answered (const char *criterion_id,
                                   McTemplate *template_,
                                   GPtrArray  *answers);

G_END_DECLS
