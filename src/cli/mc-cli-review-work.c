/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-answers.h"
#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* A reviewer's work: "mcred review show", "answer" and "submit".  Every
 * answer is saved at once, so that a review can be done a few criteria at
 * a time; "submit" completes it. */

static int
print_review_json (McStore    *store,
                   McReview   *review,
                   McDesign   *design,
                   McTemplate *template_)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(McPerson) reviewer = mc_store_get_person (store, review->reviewer_id, NULL);

  json_builder_begin_object (builder);
  mc_cli_json_int (builder, "id", review->id);
  mc_cli_json_int (builder, "design", review->design_id);
  mc_cli_json_string (builder, "title", mc_revision_get_title (mc_design_get_content (design)));
  mc_cli_json_int (builder, "revision", review->revision_number);
  mc_cli_json_string (builder, "reviewer", reviewer ? mc_person_get_username (reviewer) : NULL);
  mc_cli_json_string (builder, "reviewer_name", review->reviewer_name);
  mc_cli_json_string (builder, "template", mc_template_get_key (template_));
  mc_cli_json_int (builder, "template_version", mc_template_get_version (template_));
  mc_cli_json_nick (builder, "state", MC_TYPE_REVIEW_STATE, review->state);
  mc_cli_json_nick (builder, "recommendation", MC_TYPE_OUTCOME_KIND,
                    review->recommendation != MC_OUTCOME_UNSET ? (int) review->recommendation : -1);
  mc_cli_json_string (builder, "summary", review->summary);
  mc_cli_json_time (builder, "assigned", review->assigned_at);
  mc_cli_json_time (builder, "completed", review->completed_at);
  mc_cli_json_answers (builder, template_, review->answers);
  json_builder_end_object (builder);
  return mc_cli_print_builder (builder);
}

int
mc_cli_review_show (McCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McReview) review = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *template_text = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *completed = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the review as JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("REVIEW"),
                             _("Show a review: its state, recommendation and every criterion "
                               "of its template with the answer given."),
                             entries, 1, 1, &args) ||
      !(store = mc_cli_open_store (ctx, FALSE)) ||
      !(review = mc_cli_resolve_review (store, args[1])) ||
      !(template_ = mc_cli_load_template (store, review->template_id)))
    return MC_CLI_EXIT_FAILURE;
  if (!(design = mc_store_load_design (store, review->design_id, &error)))
    return mc_cli_fail (error);

  if (json)
    return print_review_json (store, review, design, template_);

  revision = g_strdup_printf ("%u", review->revision_number);
  /* Translators: "Design approval, version 2" */
  template_text = g_strdup_printf (_("%s, version %u"), mc_template_get_title (template_),
                                   mc_template_get_version (template_));
  assigned = mc_cli_format_time (review->assigned_at);
  completed = review->completed_at > 0 ? mc_cli_format_time (review->completed_at) : NULL;

  /* Translators: "Review 4 of “Data Analytics”" */
  g_print (_("Review %lld of “%s”\n"), (long long) review->id,
           mc_revision_get_title (mc_design_get_content (design)));
  mc_cli_print_labelled (2, _("Reviewer"), review->reviewer_name);
  mc_cli_print_labelled (2, _("Revision"), revision);
  mc_cli_print_labelled (2, _("Template"), template_text);
  mc_cli_print_labelled (2, _("State"), mc_enum_label (MC_TYPE_REVIEW_STATE, review->state));
  mc_cli_print_labelled (2, _("Recommendation"),
                         review->recommendation != MC_OUTCOME_UNSET
                         ? mc_enum_label (MC_TYPE_OUTCOME_KIND, review->recommendation) : NULL);
  mc_cli_print_labelled (2, _("Summary"), review->summary != NULL && *review->summary != '\0'
                                          ? review->summary : NULL);
  mc_cli_print_labelled (2, _("Assigned"), assigned);
  mc_cli_print_labelled (2, _("Completed"), completed);
  mc_cli_print_criteria (template_, review->answers);
  return MC_CLI_EXIT_OK;
}

/* Opens the workflow and loads the review @ref with its template. */
static McReview *
open_review (McCliContext  *ctx,
             const char    *ref,
             McWorkflow   **workflow,
             McTemplate   **template_)
{
  g_autoptr(McReview) review = NULL;

  if (!(*workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(review = mc_cli_resolve_review (mc_workflow_get_store (*workflow), ref)) ||
      !(*template_ = mc_cli_load_template (mc_workflow_get_store (*workflow), review->template_id)))
    return NULL;
  return g_steal_pointer (&review);
}

int
mc_cli_review_answer (McCliContext *ctx,
                      int           argc,
                      char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McReview) review = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autofree char *comment = NULL;
  const GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment,
      N_("Why the criterion is rated so (rated criteria)"), N_("TEXT") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("REVIEW CRITERION met|partly-met|not-met|TEXT"),
                             _("Answer one criterion of your review; the answer is saved at once.  "
                               "A rated criterion takes a rating, a text criterion the text."),
                             entries, 3, 3, &args) ||
      !(review = open_review (ctx, args[1], &workflow, &template_)) ||
      !mc_cli_set_answer (ctx, template_, review->answers, args[2], args[3], comment))
    return MC_CLI_EXIT_FAILURE;

  if (!mc_workflow_save_review (workflow, review, &error))
    return mc_cli_fail (error);
  mc_cli_print_answered (args[2], template_, review->answers);
  return MC_CLI_EXIT_OK;
}

int
mc_cli_review_submit (McCliContext *ctx,
                      int           argc,
                      char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McReview) review = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autofree char *recommendation = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *answers = NULL;
  int outcome = MC_OUTCOME_UNSET;
  const GOptionEntry entries[] = {
    { "recommendation", 0, 0, G_OPTION_ARG_STRING, &recommendation,
      N_("approve, approve-with-conditions, request-changes or reject"), N_("RECOMMENDATION") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("Your overall view"), N_("TEXT") },
    MC_CLI_ANSWERS_OPTION (&answers),
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("REVIEW"),
                             _("Complete your review with a recommendation.  Every required "
                               "criterion must be answered; nothing is saved otherwise."),
                             entries, 1, 1, &args) ||
      !mc_cli_parse_nick (ctx, MC_TYPE_OUTCOME_KIND, "--recommendation", recommendation, &outcome))
    return MC_CLI_EXIT_FAILURE;
  if (outcome == MC_OUTCOME_UNSET)
    return mc_cli_usage_error (ctx, _("Give your recommendation with --recommendation"));

  /* The file is read whole and checked before anything is saved. */
  if (!(review = open_review (ctx, args[1], &workflow, &template_)) ||
      (answers != NULL && !mc_cli_read_answers (template_, answers, review->answers)))
    return MC_CLI_EXIT_FAILURE;
  review->recommendation = (McOutcomeKind) outcome;
  if (summary != NULL)
    {
      g_free (review->summary);
      review->summary = g_steal_pointer (&summary);
    }
  if (!mc_workflow_complete_review (workflow, review, &error))
    return mc_cli_fail (error);

  /* Translators: "Review 4 is complete: Request changes" */
  g_print (_("Review %lld is complete: %s\n"), (long long) review->id,
           mc_enum_label (MC_TYPE_OUTCOME_KIND, review->recommendation));
  return MC_CLI_EXIT_OK;
}
