/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parts of the workflow journey (test-workflow-journey.py) that are
 * done through the core rather than the window:
 *
 *   journey-helper prepare DB
 *     a fresh database with the demo institution, the institution's
 *     country set, the running account as administrator, and a complete
 *     draft by the author; prints the draft's uuid.
 *   journey-helper review DB UUID USERNAME RECOMMENDATION [FIELD COMMENT]
 *     completes USERNAME's review of the current revision, every
 *     criterion met, with a comment pinned to FIELD ("title", or
 *     "outcomes:2" for an item of a list) if given.
 *
 * Reviews go through here until the review form lands in the window. */
#include "config.h"

#include <glib.h>
#include <stdio.h>

#include "mc-core.h"
#include "mc-template.h"
#include "mc-workflow.h"

#define AUTHOR "aoife.brennan"
#define TITLE  "Journey: Edge Computing for Smart Farms"

static int
fail (GError *error)
{
  g_printerr ("journey-helper: %s\n", error->message);
  return 1;
}

/* The content of the demo design with the most outcomes: complete. */
static McRevision *
rich_content (McStore *store, GError **error)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) all = mc_store_query_designs (store, &query, error);
  g_autoptr(McDesign) best = NULL;
  guint best_n = 0;

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(McDesign) d = mc_store_load_design (store,
                                                    mc_design_summary_get_id (g_ptr_array_index (all, i)),
                                                    error);
      guint n;

      if (d == NULL)
        return NULL;
      n = g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_outcomes (mc_design_get_content (d))));
      if (best == NULL || n > best_n)
        {
          g_set_object (&best, d);
          best_n = n;
        }
    }
  return mc_revision_copy (mc_design_get_content (best));
}

static int
prepare (const char *path)
{
  g_autoptr(McStore) store = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McRevision) content = NULL;
  g_autoptr(McDesign) draft = NULL;
  g_autoptr(McUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  if ((store = mc_store_open (path, MC_STORE_OPEN_CREATE, &error)) == NULL ||
      !mc_demo_populate (store, &error) ||
      (workflow = mc_workflow_new (store, g_get_user_name (), &error)) == NULL ||
      !mc_workflow_set_setting (workflow, MC_SETTING_INSTITUTION_NAME,
                                "Corrib Technological University", &error) ||
      !mc_workflow_set_setting (workflow, MC_SETTING_INSTITUTION_COUNTRY, "IE", &error) ||
      (content = rich_content (store, &error)) == NULL ||
      (unit = mc_store_find_unit_by_code (store, "COMP", &error)) == NULL)
    return fail (error);

  mc_revision_set_string (content, "title", TITLE);
  draft = mc_design_new ();
  mc_design_set_unit_id (draft, mc_unit_get_id (unit));
  mc_design_set_content (draft, content);
  if (!mc_workflow_act_as (workflow, AUTHOR, &error) ||
      !mc_workflow_create_design (workflow, draft, &error))
    return fail (error);
  printf ("%s\n", mc_design_get_uuid (draft));
  return 0;
}

static int
review (const char *path, const char *uuid, const char *username, const char *recommendation,
        const char *field, const char *comment_text)
{
  g_autoptr(McStore) store = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(GError) error = NULL;
  McReview *mine = NULL;
  int outcome = 0;

  if ((store = mc_store_open (path, MC_STORE_OPEN_DEFAULT, &error)) == NULL ||
      (workflow = mc_workflow_new (store, g_get_user_name (), &error)) == NULL ||
      !mc_workflow_act_as (workflow, username, &error) ||
      (design = mc_store_find_design_by_uuid (store, uuid, &error)) == NULL ||
      (reviews = mc_store_list_reviews (store, mc_design_get_id (design),
                                        mc_design_get_revision_number (design), &error)) == NULL)
    return fail (error ? error : g_error_new (MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND,
                                              "no design %s", uuid));
  if (!mc_enum_from_nick (MC_TYPE_OUTCOME_KIND, recommendation, &outcome))
    {
      g_printerr ("journey-helper: unknown recommendation %s\n", recommendation);
      return 2;
    }

  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *r = g_ptr_array_index (reviews, i);

      if (r->reviewer_id == mc_person_get_id (mc_workflow_get_actor (workflow)) &&
          r->state != MC_REVIEW_STATE_WITHDRAWN)
        mine = r;
    }
  if (mine == NULL)
    {
      g_printerr ("journey-helper: %s has no review of %s\n", username, uuid);
      return 1;
    }

  if ((template_ = mc_store_load_template (store, mine->template_id, &error)) == NULL)
    return fail (error);
  for (guint i = 0; i < mc_template_get_n_criteria (template_); i++)
    {
      const McCriterion *c = mc_template_get_criterion (template_, i);

      mc_answers_set (mine->answers, c->id,
                      c->answer == MC_ANSWER_KIND_RATING ? MC_RATING_MET : MC_RATING_UNSET,
                      "Reviewed for the journey.");
    }
  if (field != NULL)
    {
      /* "outcomes:2": the third learning outcome. */
      g_auto(GStrv) anchor = g_strsplit (field, ":", 2);
      int item = anchor[1] != NULL ? (int) g_ascii_strtoll (anchor[1], NULL, 10) : -1;
      g_autoptr(McComment) comment = mc_comment_new (anchor[0], item, NULL, comment_text);

      comment->design_id = mc_design_get_id (design);
      comment->revision_number = mc_design_get_revision_number (design);
      comment->review_id = mine->id;
      if (!mc_workflow_add_comment (workflow, comment, &error))
        return fail (error);
    }
  mine->recommendation = outcome;
  g_free (mine->summary);
  mine->summary = g_strdup_printf ("Recommendation of %s.", username);
  if (!mc_workflow_complete_review (workflow, mine, &error))
    return fail (error);
  return 0;
}

int
main (int argc, char **argv)
{
  mc_core_init ();

  if (argc == 3 && g_str_equal (argv[1], "prepare"))
    return prepare (argv[2]);
  if ((argc == 6 || argc == 8) && g_str_equal (argv[1], "review"))
    return review (argv[2], argv[3], argv[4], argv[5],
                   argc == 8 ? argv[6] : NULL, argc == 8 ? argv[7] : NULL);
  g_printerr ("usage: journey-helper prepare DB\n"
              "       journey-helper review DB UUID USERNAME RECOMMENDATION [FIELD COMMENT]\n");
  return 2;
}
