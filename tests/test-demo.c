/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-core.h"

static McStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  McStore *store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static GPtrArray *
all_designs (McStore *store)
{
  g_autoptr(GError) error = NULL;
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  GPtrArray *designs = mc_store_query_designs (store, &query, &error);

  g_assert_no_error (error);
  return designs;
}

static void
test_institution (void)
{
  g_autofree char *name = NULL;
  g_autofree char *country = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_demo_get_institution (&name, &country, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (name), >, 5);
  g_assert_cmpuint (strlen (country), ==, 2);
  g_assert_true (g_ascii_isupper (country[0]) && g_ascii_isupper (country[1]));
}

static void
test_populate (void)
{
  g_autoptr(McStore) store = new_store ();
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  guint per_type[3] = { 0, };
  guint n_active = 0;
  guint n_draft = 0;
  guint n_other = 0;

  g_assert_true (mc_demo_populate (store, &error));
  g_assert_no_error (error);

  units = mc_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (units), ==, 3);
  people = mc_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (people), >=, 5);

  summaries = all_designs (store);
  g_assert_cmpuint (summaries->len, >=, 8);
  g_assert_cmpuint (summaries->len, <=, 12);
  g_assert_cmpuint (mc_store_count_designs (store, NULL), ==, summaries->len);

  for (guint i = 0; i < summaries->len; i++)
    {
      McDesignSummary *summary = g_ptr_array_index (summaries, i);
      g_autoptr(McDesign) design = NULL;
      g_autoptr(McUnit) unit = NULL;
      McRevision *content;

      design = mc_store_load_design (store, mc_design_summary_get_id (summary), &error);
      g_assert_no_error (error);
      g_assert_nonnull (design);
      content = mc_design_get_content (design);

      /* Every design has a title, outcomes, a unit and an owner. */
      g_assert_cmpstr (mc_revision_get_title (content), ==, mc_design_summary_get_title (summary));
      g_assert_false (mc_revision_field_is_empty (content, "title"));
      g_assert_false (mc_revision_field_is_empty (content, "outcomes"));
      unit = mc_store_get_unit (store, mc_design_get_unit_id (design), &error);
      g_assert_no_error (error);
      g_assert_nonnull (unit);
      g_assert_cmpint (mc_design_get_owner_id (design), >, 0);

      per_type[mc_revision_get_credential_type (content)]++;
      switch (mc_design_get_state (design))
        {
        case MC_DESIGN_STATE_ACTIVE:
          n_active++;
          break;
        case MC_DESIGN_STATE_DRAFT:
          n_draft++;
          break;
        default:
          n_other++;
          break;
        }
    }

  /* Realistic states of completeness, and each type of credential. */
  g_assert_cmpuint (n_active, >=, 2);
  g_assert_cmpuint (n_draft, >=, 2);
  g_assert_cmpuint (n_other, >=, 2);
  g_assert_cmpuint (per_type[MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL], >=, 1);
  g_assert_cmpuint (per_type[MC_CREDENTIAL_TYPE_MODULE], >=, 1);
  g_assert_cmpuint (per_type[MC_CREDENTIAL_TYPE_SHORT_PROGRAMME], >=, 1);
}

static void
test_active_designs_validate (void)
{
  g_autoptr(McStore) store = new_store ();
  g_autoptr(McValidator) validator = mc_validator_new ();
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *country = NULL;
  const char * const profiles[] = { "eu-council", "consistency", NULL };
  guint checked = 0;

  g_assert_true (mc_demo_populate (store, &error));
  g_assert_no_error (error);
  g_assert_true (mc_demo_get_institution (&name, &country, &error));
  g_assert_no_error (error);
  mc_validator_set_institution (validator, name, country);

  summaries = all_designs (store);
  for (guint i = 0; i < summaries->len; i++)
    {
      McDesignSummary *summary = g_ptr_array_index (summaries, i);
      g_autoptr(McDesign) design = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      guint errors;

      if (mc_design_summary_get_state (summary) != MC_DESIGN_STATE_ACTIVE)
        continue;

      design = mc_store_load_design (store, mc_design_summary_get_id (summary), &error);
      g_assert_no_error (error);
      findings = mc_validator_validate (validator, mc_design_get_content (design), profiles, &error);
      g_assert_no_error (error);

      errors = mc_validator_count (findings, MC_SEVERITY_ERROR);
      for (guint j = 0; j < findings->len; j++)
        {
          McFinding *finding = g_ptr_array_index (findings, j);

          g_test_message ("%s: [%s] %s (%s): %s", mc_design_summary_get_title (summary),
                          mc_enum_to_nick (MC_TYPE_SEVERITY, mc_finding_get_severity (finding)),
                          mc_finding_get_rule_id (finding), mc_finding_get_field (finding),
                          mc_finding_get_message (finding));
        }
      g_assert_cmpuint (errors, ==, 0);
      checked++;
    }

  g_assert_cmpuint (checked, >=, 2);
}

static void
test_drafts_are_incomplete (void)
{
  g_autoptr(McStore) store = new_store ();
  g_autoptr(McValidator) validator = mc_validator_new ();
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  const char * const profiles[] = { "eu-council", NULL };
  guint drafts = 0;

  g_assert_true (mc_demo_populate (store, &error));
  g_assert_no_error (error);

  /* The drafts are there to show the checklist at work. */
  summaries = all_designs (store);
  for (guint i = 0; i < summaries->len; i++)
    {
      McDesignSummary *summary = g_ptr_array_index (summaries, i);
      g_autoptr(McDesign) design = NULL;
      g_autoptr(GPtrArray) findings = NULL;

      if (mc_design_summary_get_state (summary) != MC_DESIGN_STATE_DRAFT)
        continue;

      design = mc_store_load_design (store, mc_design_summary_get_id (summary), &error);
      g_assert_no_error (error);
      findings = mc_validator_validate (validator, mc_design_get_content (design), profiles, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (mc_validator_count (findings, MC_SEVERITY_ERROR), >, 0);
      drafts++;
    }

  g_assert_cmpuint (drafts, >=, 2);
}

static void
test_second_populate_refused (void)
{
  g_autoptr(McStore) store = new_store ();
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  guint n_designs;
  guint n_units;
  guint n_people;

  g_assert_true (mc_demo_populate (store, &error));
  g_assert_no_error (error);

  n_designs = mc_store_count_designs (store, &error);
  units = mc_store_list_units (store, &error);
  n_units = n_items (units);
  people = mc_store_list_people (store, &error);
  n_people = n_items (people);
  g_assert_no_error (error);
  g_clear_object (&units);
  g_clear_object (&people);

  g_assert_false (mc_demo_populate (store, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "empty database"));
  g_clear_error (&error);

  g_assert_cmpuint (mc_store_count_designs (store, &error), ==, n_designs);
  units = mc_store_list_units (store, &error);
  g_assert_cmpuint (n_items (units), ==, n_units);
  people = mc_store_list_people (store, &error);
  g_assert_cmpuint (n_items (people), ==, n_people);
  g_assert_no_error (error);
}

static void
test_populate_keeps_existing_units (void)
{
  g_autoptr(McStore) store = new_store ();
  g_autoptr(GListModel) units = NULL;
  g_autoptr(McUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* A database with units but no designs yet may still take the demo. */
  id = mc_store_add_unit (store, "COMP", "Computing", &error);
  g_assert_no_error (error);
  g_assert_true (mc_demo_populate (store, &error));
  g_assert_no_error (error);

  units = mc_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (units), ==, 3);
  unit = mc_store_find_unit_by_code (store, "COMP", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_unit_get_id (unit), ==, id);
  g_assert_cmpstr (mc_unit_get_name (unit), ==, "Computing");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/core/demo/institution", test_institution);
  g_test_add_func ("/core/demo/populate", test_populate);
  g_test_add_func ("/core/demo/active-designs-validate", test_active_designs_validate);
  g_test_add_func ("/core/demo/drafts-are-incomplete", test_drafts_are_incomplete);
  g_test_add_func ("/core/demo/second-populate-refused", test_second_populate_refused);
  g_test_add_func ("/core/demo/populate-keeps-existing-units", test_populate_keeps_existing_units);

  return g_test_run ();
}
