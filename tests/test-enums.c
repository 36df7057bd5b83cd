/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-core.h"

/* Every enum and flags type has a nick that parses back and a label. */
static GType (*all_types[]) (void) = {
  mc_design_state_get_type, mc_credential_type_get_type, mc_participation_mode_get_type,
  mc_cycle_get_type, mc_grading_scheme_get_type, mc_supervision_get_type,
  mc_assessment_method_get_type, mc_eqf_domain_get_type, mc_partner_kind_get_type,
  mc_partner_role_get_type, mc_stackability_get_type, mc_stack_target_kind_get_type,
  mc_recognition_route_get_type, mc_curriculum_origin_get_type, mc_severity_get_type,
  mc_section_get_type, mc_role_get_type, mc_action_get_type, mc_rating_get_type,
  mc_outcome_kind_get_type, mc_review_state_get_type, mc_template_kind_get_type,
  mc_answer_kind_get_type, mc_annual_outcome_get_type, mc_task_kind_get_type, mc_change_kind_get_type,
  mc_credential_state_get_type, mc_batch_state_get_type, mc_key_kind_get_type,
  mc_credit_route_get_type,
};

static void
test_enum_nicks_and_labels (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (all_types); t++)
    {
      GType type = all_types[t] ();
      guint n = mc_enum_n_values (type);

      g_assert_cmpuint (n, >, 1);
      for (guint i = 0; i < n; i++)
        {
          guint value = mc_enum_nth_value (type, i);
          const char *label = mc_enum_label (type, value);

          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
          if (G_TYPE_IS_ENUM (type))
            {
              int parsed = -1;
              const char *nick = mc_enum_to_nick (type, (int) value);

              g_assert_nonnull (nick);
              g_assert_true (mc_enum_from_nick (type, nick, &parsed));
              g_assert_cmpint (parsed, ==, (int) value);
            }
        }
      if (G_TYPE_IS_ENUM (type))
        {
          int untouched = 42;
          g_assert_false (mc_enum_from_nick (type, "no-such-value", &untouched));
          g_assert_cmpint (untouched, ==, 42);
          g_assert_null (mc_enum_to_nick (type, 1000));
        }
    }
}

static void
test_flags_round_trip (void)
{
  const char *nicks[] = { "co-design", "assessment", NULL };
  const char *bad[] = { "co-design", "catering", NULL };
  const char *bad_nick = NULL;
  g_auto(GStrv) back = NULL;
  guint value = 0;

  g_assert_true (mc_flags_from_nicks (MC_TYPE_PARTNER_ROLE, nicks, &value, NULL));
  g_assert_cmpuint (value, ==, MC_PARTNER_ROLE_CO_DESIGN | MC_PARTNER_ROLE_ASSESSMENT);
  back = mc_flags_to_nicks (MC_TYPE_PARTNER_ROLE, value);
  g_assert_true (g_strv_equal ((const char * const *) back, nicks));
  g_assert_false (mc_flags_from_nicks (MC_TYPE_PARTNER_ROLE, bad, &value, &bad_nick));
  g_assert_cmpstr (bad_nick, ==, "catering");
}

/* The field table, the revision's properties and the item types agree. */
static void
test_field_table (void)
{
  g_autoptr(McRevision) revision = mc_revision_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;
  const McField *fields = mc_field_get_all (&n);
  McSection last_section = MC_SECTION_OVERVIEW;

  g_assert_cmpuint (n, >=, 40);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (g_hash_table_add (seen, (gpointer) fields[i].id));
      g_assert_true (mc_field_lookup (fields[i].id) == &fields[i]);
      g_assert_cmpstr (mc_field_get_label (&fields[i]), !=, "");
      /* Sections appear in order, so the editor can follow the table. */
      g_assert_cmpint (fields[i].section, >=, last_section);
      last_section = fields[i].section;

      if (fields[i].kind == MC_FIELD_LIST)
        {
          guint n_items;
          const McItemField *item_fields = mc_item_fields_get_all (fields[i].id, &n_items);
          g_autoptr(McItem) item = mc_item_new_for_list (fields[i].id);

          g_assert_nonnull (mc_revision_get_list (revision, fields[i].id));
          g_assert_cmpuint (n_items, >, 0);
          g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (item, fields[i].get_type ()));
          for (guint j = 0; j < n_items; j++)
            {
              g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (item), item_fields[j].id));
              g_assert_cmpstr (mc_item_field_get_label (&item_fields[j]), !=, "");
            }
        }
      else
        g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (revision), fields[i].id));
    }
  g_assert_null (mc_field_lookup ("no_such_field"));

  /* Every element DOMAIN.md names has a field. */
  {
    const char *required[] = {
      "title", "code", "description", "aims", "credential_type", "languages", "outcomes", "ects",
      "hours", "eqf_level", "nqf_name", "nqf_level", "cycle", "participation_mode",
      "prerequisites", "assessments", "grading_scheme", "qa_internal", "qa_external_body",
      "qa_accreditation", "stackability", "stacking_sequential", "stack_targets",
      "recognition_routes", "partners", "isced_f", "hecos", "cah", "psrb_recognition",
      "evidence_of_need", "evidence_no_duplication", "duration_weeks", "intakes", "capacity",
      "fee", "validity_months", "evaluation_plan", "review_cycle_months",
    };
    for (guint i = 0; i < G_N_ELEMENTS (required); i++)
      g_assert_nonnull (mc_field_lookup (required[i]));
  }
}

static void
on_changed (McRevision *revision,
            guint      *count)
{
  (*count)++;
}

static void
test_revision_basics (void)
{
  g_autoptr(McRevision) revision = mc_revision_new ();
  g_autoptr(McRevision) copy = NULL;
  g_autoptr(McOutcome) outcome = mc_outcome_new ("LO1", "Explain the basics");
  GListStore *outcomes = mc_revision_get_outcomes (revision);
  guint changes = 0;

  g_signal_connect (revision, "changed", G_CALLBACK (on_changed), &changes);

  g_assert_true (mc_revision_field_is_empty (revision, "title"));
  g_assert_cmpint (mc_revision_get_int (revision, "review_cycle_months"), ==, 12);
  mc_revision_set_string (revision, "title", "Data Analytics");
  mc_revision_set_string (revision, "title", "Data Analytics");   /* no change */
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (mc_revision_field_is_empty (revision, "title"));

  g_list_store_append (outcomes, outcome);
  g_assert_cmpuint (changes, ==, 2);
  mc_item_set_string (MC_ITEM (outcome), "text", "Explain the basics well");
  g_assert_cmpuint (changes, ==, 3);

  copy = mc_revision_copy (revision);
  g_assert_true (mc_revision_equal (revision, copy));
  mc_revision_set_double (copy, "ects", 5);
  g_assert_false (mc_revision_equal (revision, copy));

  /* A removed item no longer reports to the revision. */
  g_list_store_remove (outcomes, 0);
  g_assert_cmpuint (changes, ==, 4);
  mc_item_set_string (MC_ITEM (outcome), "text", "gone");
  g_assert_cmpuint (changes, ==, 4);
  g_assert_true (mc_revision_field_is_empty (revision, "outcomes"));
}

static void
test_revision_move (void)
{
  g_autoptr(McRevision) revision = mc_revision_new ();
  GListStore *outcomes = mc_revision_get_outcomes (revision);
  const char *codes[] = { "A", "B", "C" };
  g_autoptr(McItem) first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(McOutcome) o = mc_outcome_new (codes[i], "text");
      g_list_store_append (outcomes, o);
    }
  g_assert_true (mc_revision_move_item (revision, "outcomes", 2, 0));
  first = g_list_model_get_item (G_LIST_MODEL (outcomes), 0);
  g_assert_cmpstr (mc_item_get_string (first, "code"), ==, "C");
  g_assert_false (mc_revision_move_item (revision, "outcomes", 3, 0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/core/enums/nicks-and-labels", test_enum_nicks_and_labels);
  g_test_add_func ("/core/enums/flags-round-trip", test_flags_round_trip);
  g_test_add_func ("/core/field/table", test_field_table);
  g_test_add_func ("/core/revision/basics", test_revision_basics);
  g_test_add_func ("/core/revision/move", test_revision_move);
  return g_test_run ();
}
