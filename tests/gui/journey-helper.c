/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preparation of the workflow journey (test-workflow-journey.py),
 * done through the core rather than the window:
 *
 *   journey-helper prepare DB
 *     a fresh database with the demo institution, the institution's
 *     country set, the running account as administrator, and a complete
 *     draft by the author; prints the draft's uuid.
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>

#include "mc-core.h"
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

int
main (int argc, char **argv)
{
  mc_core_init ();

  if (argc == 3 && g_str_equal (argv[1], "prepare"))
    return prepare (argv[2]);
  g_printerr ("usage: journey-helper prepare DB\n");
  return 2;
}
