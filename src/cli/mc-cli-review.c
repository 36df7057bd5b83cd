/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-answers.h"
#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* "mcred review …": assigning reviewers and a reviewer's work.  The
 * comments are in mc-cli-comment.c. */

static int
review_assign (McCliContext *ctx,
               int           argc,
               char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) names = g_string_new (NULL);

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID USERNAME…"),
                             _("Set the reviewers of a submitted design (QA chair).  Reviewers "
                               "left out lose their unfinished review."),
                             NULL, 2, G_MAXUINT, &args) ||
      !(design = mc_cli_open_design (ctx, args[1], &workflow)))
    return MC_CLI_EXIT_FAILURE;

  for (guint i = 2; args[i] != NULL; i++)
    {
      g_autoptr(McPerson) person = mc_cli_resolve_person (mc_workflow_get_store (workflow), args[i]);
      gint64 id;

      if (person == NULL)
        return MC_CLI_EXIT_FAILURE;
      id = mc_person_get_id (person);
      g_array_append_val (ids, id);
      g_string_append_printf (names, "%s%s", i > 2 ? ", " : "", mc_person_get_name (person));
    }
  /* A GArray's data is allocated with g_malloc, aligned for any element. */
  if (!mc_workflow_assign_reviewers (workflow, design, (const gint64 *) (gconstpointer) ids->data,
                                     ids->len, &error))
    return mc_cli_fail (error);

  /* Translators: "Reviewers of “Data Analytics” (revision 2): Ann, Bob" */
  g_print (_("Reviewers of “%s” (revision %u): %s\n"),
           mc_revision_get_title (mc_design_get_content (design)),
           mc_design_get_revision_number (design), names->str);
  return MC_CLI_EXIT_OK;
}

/* --- list ---------------------------------------------------------------- */

/* The reviews of @design, or of every design; @titles maps design ids to
 * titles. */
static GPtrArray *
collect_reviews (McStore    *store,
                 McDesign   *design,
                 gint64      reviewer_id,
                 GHashTable *titles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_review_free);
  g_autoptr(GPtrArray) summaries = NULL;
  McDesignQuery query = MC_DESIGN_QUERY_INIT;

  if (design == NULL && !(summaries = mc_store_query_designs (store, &query, &error)))
    {
      mc_cli_report (NULL, error);
      return NULL;
    }

  for (guint i = 0; i < (design != NULL ? 1 : summaries->len); i++)
    {
      McDesignSummary *summary = design ? NULL : g_ptr_array_index (summaries, i);
      gint64 id = design ? mc_design_get_id (design) : mc_design_summary_get_id (summary);
      const char *title = design ? mc_revision_get_title (mc_design_get_content (design))
                                 : mc_design_summary_get_title (summary);
      g_autoptr(GPtrArray) found = mc_store_list_reviews (store, id, 0, &error);

      if (found == NULL)
        {
          mc_cli_report (NULL, error);
          return NULL;
        }
      g_hash_table_insert (titles, g_memdup2 (&id, sizeof id), g_strdup (title));
      for (guint r = 0; r < found->len; r++)
        {
          McReview *review = g_ptr_array_index (found, r);

          if (reviewer_id == 0 || review->reviewer_id == reviewer_id)
            g_ptr_array_add (reviews, mc_review_copy (review));
        }
    }
  return g_steal_pointer (&reviews);
}

static int
print_reviews_json (GPtrArray  *reviews,
                    GHashTable *titles,
                    GHashTable *people)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);
      McPerson *reviewer = g_hash_table_lookup (people, &review->reviewer_id);

      json_builder_begin_object (builder);
      mc_cli_json_int (builder, "id", review->id);
      mc_cli_json_int (builder, "design", review->design_id);
      mc_cli_json_string (builder, "title", g_hash_table_lookup (titles, &review->design_id));
      mc_cli_json_int (builder, "revision", review->revision_number);
      mc_cli_json_string (builder, "reviewer", reviewer ? mc_person_get_username (reviewer) : NULL);
      mc_cli_json_string (builder, "reviewer_name", review->reviewer_name);
      mc_cli_json_nick (builder, "state", MC_TYPE_REVIEW_STATE, review->state);
      mc_cli_json_nick (builder, "recommendation", MC_TYPE_OUTCOME_KIND,
                        review->recommendation != MC_OUTCOME_UNSET ? (int) review->recommendation : -1);
      mc_cli_json_time (builder, "assigned", review->assigned_at);
      mc_cli_json_time (builder, "completed", review->completed_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return mc_cli_print_builder (builder);
}

static void
print_reviews_table (GPtrArray  *reviews,
                     GHashTable *titles)
{
  const char *headers[] = { _("ID"), _("Design"), _("Revision"), _("Reviewer"), _("State"),
                            _("Recommendation"), _("Title") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);
      char **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, review->id);
      row[1] = g_strdup_printf ("%" G_GINT64_FORMAT, review->design_id);
      row[2] = g_strdup_printf ("%u", review->revision_number);
      row[3] = g_strdup (review->reviewer_name);
      row[4] = g_strdup (mc_enum_label (MC_TYPE_REVIEW_STATE, review->state));
      row[5] = g_strdup (review->recommendation != MC_OUTCOME_UNSET
                         ? mc_enum_label (MC_TYPE_OUTCOME_KIND, review->recommendation) : "—");
      row[6] = g_strdup (g_hash_table_lookup (titles, &review->design_id));
      g_ptr_array_add (rows, row);
    }
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0x7);
}

static int
review_list (McCliContext *ctx,
             int           argc,
             char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) people = NULL;
  gboolean json = FALSE, mine = FALSE;
  gint64 reviewer_id = 0;
  const GOptionEntry entries[] = {
    { "mine", 0, 0, G_OPTION_ARG_NONE, &mine, N_("Only the reviews assigned to you"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("[ID|UUID]"),
                             _("List the reviews of a design, or of every design."),
                             entries, 0, 1, &args))
    return MC_CLI_EXIT_FAILURE;

  /* Whose reviews are "mine" is the workflow's to say (--as included). */
  if (mine)
    {
      if (!(workflow = mc_cli_open_workflow (ctx, FALSE)))
        return MC_CLI_EXIT_FAILURE;
      store = g_object_ref (mc_workflow_get_store (workflow));
      reviewer_id = mc_person_get_id (mc_workflow_get_actor (workflow));
    }
  else if (!(store = mc_cli_open_store (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if ((args[1] != NULL && !(design = mc_cli_resolve_design (store, args[1]))) ||
      !(reviews = collect_reviews (store, design, reviewer_id, titles)))
    return MC_CLI_EXIT_FAILURE;

  if (json)
    {
      people = mc_cli_people_by_id (store);
      return print_reviews_json (reviews, titles, people);
    }
  if (reviews->len == 0)
    g_print ("%s\n", _("No reviews."));
  else
    print_reviews_table (reviews, titles);
  return MC_CLI_EXIT_OK;
}

/* --- the group ----------------------------------------------------------- */

static const McCliCommand review_commands[] = {
  { "assign",   review_assign,          N_("Set the reviewers of a design") },
  { "list",     review_list,            N_("List reviews") },
  { "show",     mc_cli_review_show,     N_("Show a review with its answers") },
  { "answer",   mc_cli_review_answer,   N_("Answer one criterion of your review") },
  { "submit",   mc_cli_review_submit,   N_("Complete your review with a recommendation") },
  { "comment",  mc_cli_review_comment,  N_("Pin a comment to a field of a design") },
  { "reply",    mc_cli_review_reply,    N_("Reply to a comment") },
  { "resolve",  mc_cli_review_resolve,  N_("Mark a comment as resolved") },
  { "comments", mc_cli_review_comments, N_("List the comments on a design") },
};

int
mc_cli_review_run (McCliContext *ctx,
                   int           argc,
                   char        **argv)
{
  return mc_cli_dispatch (ctx, review_commands, G_N_ELEMENTS (review_commands),
                          NULL, NULL, argc, argv);
}
