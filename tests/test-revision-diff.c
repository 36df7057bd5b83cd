/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-core.h"

/* Helpers */

static McAssessment *
assessment (McAssessmentMethod  method,
            const char         *description,
            double              weight)
{
  McAssessment *a = mc_assessment_new ();

  mc_item_set_int (MC_ITEM (a), "method", method);
  mc_item_set_string (MC_ITEM (a), "description", description);
  mc_item_set_double (MC_ITEM (a), "weight", weight);
  return a;
}

static void
add_outcome (McRevision *rev,
             const char *code,
             const char *text)
{
  g_autoptr(McOutcome) outcome = mc_outcome_new (code, text);

  g_list_store_append (mc_revision_get_outcomes (rev), outcome);
}

static McRevision *
sample (void)
{
  McRevision *rev = mc_revision_new ();
  g_autoptr(McPartner) partner = mc_partner_new ("ACME Ltd");
  const char *assessed[] = { "LO1", "LO2", NULL };
  const char *letters[] = { "A", "B", "C" };

  mc_revision_set_string (rev, "title", "Battery Systems");
  mc_revision_set_double (rev, "ects", 5);
  mc_revision_set_int (rev, "eqf_level", 6);
  add_outcome (rev, "LO1", "Explain how a cell ages.");
  add_outcome (rev, "LO2", "Size a battery pack.");
  add_outcome (rev, "LO3", "Plan a second life.");
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      g_autoptr(McAssessment) a = assessment (MC_ASSESSMENT_METHOD_PROJECT, letters[i], 30 + i);

      if (i == 0)
        mc_item_set_strv (MC_ITEM (a), "outcomes", assessed);
      g_list_store_append (mc_revision_get_assessments (rev), a);
    }
  mc_item_set_int (MC_ITEM (partner), "kind", MC_PARTNER_KIND_EMPLOYER);
  mc_item_set_flags (MC_ITEM (partner), "roles", MC_PARTNER_ROLE_CO_DESIGN);
  g_list_store_append (mc_revision_get_partners (rev), partner);
  return rev;
}

static McItem *
item_at (McRevision *rev,
         const char *list_id,
         guint       index)
{
  /* The list holds a reference; the item outlives this call. */
  g_autoptr(McItem) item = g_list_model_get_item (G_LIST_MODEL (mc_revision_get_list (rev, list_id)), index);

  return item;
}

static GPtrArray *
diff (McRevision *old_rev,
      McRevision *new_rev)
{
  GPtrArray *changes = mc_revision_diff (old_rev, new_rev);

  g_assert_nonnull (changes);
  for (guint i = 0; i < changes->len; i++)
    {
      McFieldChange *c = g_ptr_array_index (changes, i);

      g_test_message ("%s %s [%d→%d] %s: %s → %s", mc_enum_to_nick (MC_TYPE_CHANGE_KIND, c->kind),
                      c->field_id, c->old_index, c->new_index, c->label,
                      c->old_text ? c->old_text : "(none)", c->new_text ? c->new_text : "(none)");
    }
  return changes;
}

static McFieldChange *
change_at (GPtrArray *changes,
           guint      index)
{
  g_assert_cmpuint (index, <, changes->len);
  return g_ptr_array_index (changes, index);
}

static void
assert_change (McFieldChange *c,
               McChangeKind   kind,
               const char    *field_id,
               int            old_index,
               int            new_index,
               const char    *item_field,
               const char    *label,
               const char    *old_text,
               const char    *new_text)
{
  g_assert_cmpint (c->kind, ==, kind);
  g_assert_cmpstr (c->field_id, ==, field_id);
  g_assert_cmpint (c->old_index, ==, old_index);
  g_assert_cmpint (c->new_index, ==, new_index);
  g_assert_cmpstr (c->item_field, ==, item_field);
  g_assert_cmpstr (c->label, ==, label);
  g_assert_cmpstr (c->old_text, ==, old_text);
  g_assert_cmpstr (c->new_text, ==, new_text);
}

/* Tests */

static void
test_equal (void)
{
  g_autoptr(McRevision) empty = mc_revision_new ();
  g_autoptr(McRevision) old_rev = sample ();
  g_autoptr(McRevision) new_rev = mc_revision_copy (old_rev);
  g_autoptr(GPtrArray) none = diff (empty, empty);
  g_autoptr(GPtrArray) same = diff (old_rev, new_rev);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (same->len, ==, 0);
}

static void
test_scalar (void)
{
  g_autoptr(McRevision) old_rev = sample ();
  g_autoptr(McRevision) new_rev = mc_revision_copy (old_rev);
  g_autoptr(GPtrArray) changes = NULL;

  mc_revision_set_double (new_rev, "ects", 2.5);
  mc_revision_set_string (new_rev, "title", "Battery Systems for Vehicles");
  mc_revision_set_string (new_rev, "aims", "To size packs.");
  mc_revision_set_int (new_rev, "eqf_level", 0);
  changes = diff (old_rev, new_rev);

  /* In the order of the field table. */
  g_assert_cmpuint (changes->len, ==, 4);
  assert_change (change_at (changes, 0), MC_CHANGE_CHANGED, "title", -1, -1, NULL, "Title",
                 "Battery Systems", "Battery Systems for Vehicles");
  /* An empty side has no text. */
  assert_change (change_at (changes, 1), MC_CHANGE_CHANGED, "aims", -1, -1, NULL, "Aims",
                 NULL, "To size packs.");
  assert_change (change_at (changes, 2), MC_CHANGE_CHANGED, "ects", -1, -1, NULL, "ECTS credits",
                 "5", "2.5");
  assert_change (change_at (changes, 3), MC_CHANGE_CHANGED, "eqf_level", -1, -1, NULL, "EQF level",
                 "6", NULL);
}

static void
test_rendering (void)
{
  g_autoptr(McRevision) old_rev = mc_revision_new ();
  g_autoptr(McRevision) new_rev = mc_revision_new ();
  g_autoptr(GPtrArray) changes = NULL;
  const char *languages[] = { "en", "nl", NULL };
  g_autofree char *routes = g_strdup_printf ("%s, %s",
                                             mc_enum_label (MC_TYPE_RECOGNITION_ROUTE, MC_RECOGNITION_CREDIT_TRANSFER),
                                             mc_enum_label (MC_TYPE_RECOGNITION_ROUTE, MC_RECOGNITION_EMPLOYER));

  mc_revision_set_double (old_rev, "fee", 987654.25);
  mc_revision_set_double (new_rev, "fee", 0.1 + 0.2);
  mc_revision_set_int (new_rev, "credential_type", MC_CREDENTIAL_TYPE_SHORT_PROGRAMME);
  mc_revision_set_strv (new_rev, "languages", languages);
  mc_revision_set_boolean (new_rev, "credit_bearing", TRUE);
  mc_revision_set_flags (new_rev, "recognition_routes",
                         MC_RECOGNITION_EMPLOYER | MC_RECOGNITION_CREDIT_TRANSFER);
  changes = diff (old_rev, new_rev);

  g_assert_cmpuint (changes->len, ==, 5);
  assert_change (change_at (changes, 0), MC_CHANGE_CHANGED, "credential_type", -1, -1, NULL,
                 "Type of credential",
                 mc_enum_label (MC_TYPE_CREDENTIAL_TYPE, MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL),
                 mc_enum_label (MC_TYPE_CREDENTIAL_TYPE, MC_CREDENTIAL_TYPE_SHORT_PROGRAMME));
  assert_change (change_at (changes, 1), MC_CHANGE_CHANGED, "languages", -1, -1, NULL,
                 "Languages of instruction", NULL, "en, nl");
  assert_change (change_at (changes, 2), MC_CHANGE_CHANGED, "credit_bearing", -1, -1, NULL,
                 "Credit-bearing", "No", "Yes");
  /* Numbers as people write them: no exponent, no trailing zeros. */
  assert_change (change_at (changes, 3), MC_CHANGE_CHANGED, "fee", -1, -1, NULL, "Fee",
                 "987654.25", "0.3");
  /* Flags in the order of their bits. */
  assert_change (change_at (changes, 4), MC_CHANGE_CHANGED, "recognition_routes", -1, -1, NULL,
                 "Recognition routes", NULL, routes);
}

static void
test_outcome_added_removed (void)
{
  g_autoptr(McRevision) old_rev = sample ();
  g_autoptr(McRevision) new_rev = mc_revision_copy (old_rev);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) removed = NULL;

  add_outcome (new_rev, "LO4", "Write a\nsafety case.");
  added = diff (old_rev, new_rev);
  g_assert_cmpuint (added->len, ==, 1);
  /* The summary is one line. */
  assert_change (change_at (added, 0), MC_CHANGE_ADDED, "outcomes", -1, 3, NULL,
                 "Learning outcome LO4", NULL, "LO4 — Write a safety case.");

  g_list_store_remove (mc_revision_get_outcomes (new_rev), 3);
  g_list_store_remove (mc_revision_get_outcomes (new_rev), 0);
  removed = diff (old_rev, new_rev);
  g_assert_cmpuint (removed->len, ==, 1);
  assert_change (change_at (removed, 0), MC_CHANGE_REMOVED, "outcomes", 0, -1, NULL,
                 "Learning outcome LO1", "LO1 — Explain how a cell ages.", NULL);
}

static void
test_outcome_changed (void)
{
  g_autoptr(McRevision) old_rev = sample ();
  g_autoptr(McRevision) new_rev = mc_revision_copy (old_rev);
  g_autoptr(GPtrArray) changes = NULL;
  McItem *lo2 = item_at (new_rev, "outcomes", 1);

  mc_item_set_string (lo2, "text", "Size a battery pack for a duty cycle.");
  mc_item_set_int (lo2, "domain", MC_EQF_DOMAIN_SKILLS);
  changes = diff (old_rev, new_rev);

  /* One change per sub-field, in the order of the item's fields. */
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (change_at (changes, 0), MC_CHANGE_CHANGED, "outcomes", 1, 1, "text",
                 "Learning outcome LO2: Outcome text",
                 "Size a battery pack.", "Size a battery pack for a duty cycle.");
  assert_change (change_at (changes, 1), MC_CHANGE_CHANGED, "outcomes", 1, 1, "domain",
                 "Learning outcome LO2: EQF descriptor domain", NULL,
                 mc_enum_label (MC_TYPE_EQF_DOMAIN, MC_EQF_DOMAIN_SKILLS));
}

static void
test_outcome_renumbered (void)
{
  g_autoptr(McRevision) old_rev = sample ();
  g_autoptr(McRevision) new_rev = mc_revision_copy (old_rev);
  g_autoptr(McRevision) shifted = mc_revision_copy (old_rev);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) inserted = NULL;
  g_autoptr(McOutcome) first = mc_outcome_new ("LO0", "Name the parts of a cell.");

  /* Only the code changed: matched all the same. */
  mc_item_set_string (item_at (new_rev, "outcomes", 2), "code", "LO3a");
  changes = diff (old_rev, new_rev);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (change_at (changes, 0), MC_CHANGE_CHANGED, "outcomes", 2, 2, "code",
                 "Learning outcome LO3a: Outcome code", "LO3", "LO3a");

  /* An outcome put first pushes the others along without moving them. */
  g_list_store_insert (mc_revision_get_outcomes (shifted), 0, first);
  inserted = diff (old_rev, shifted);
  g_assert_cmpuint (inserted->len, ==, 1);
  assert_change (change_at (inserted, 0), MC_CHANGE_ADDED, "outcomes", -1, 0, NULL,
                 "Learning outcome LO0", NULL, "LO0 — Name the parts of a cell.");
}

/* Codes that are missing or repeated cannot be trusted to match. */
static void
test_outcome_without_codes (void)
{
  g_autoptr(McRevision) old_rev = mc_revision_new ();
  g_autoptr(McRevision) new_rev = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(McOutcome) inserted = mc_outcome_new ("", "New in the middle.");

  add_outcome (old_rev, "", "First.");
  add_outcome (old_rev, "", "Second.");
  add_outcome (old_rev, "", "Third.");
  new_rev = mc_revision_copy (old_rev);
  g_list_store_insert (mc_revision_get_outcomes (new_rev), 1, inserted);
  mc_item_set_string (item_at (new_rev, "outcomes", 3), "text", "Third, reworded.");
  changes = diff (old_rev, new_rev);

  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (change_at (changes, 0), MC_CHANGE_ADDED, "outcomes", -1, 1, NULL,
                 "Learning outcome 2", NULL, "New in the middle.");
  assert_change (change_at (changes, 1), MC_CHANGE_CHANGED, "outcomes", 2, 3, "text",
                 "Learning outcome 4: Outcome text", "Third.", "Third, reworded.");
}

static void
test_assessment_inserted (void)
{
  g_autoptr(McRevision) old_rev = sample ();
  g_autoptr(McRevision) new_rev = mc_revision_copy (old_rev);
  g_autoptr(McAssessment) exam = assessment (MC_ASSESSMENT_METHOD_EXAM, "Written exam", 40);
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *summary = g_strdup_printf ("%s — Written exam",
                                              mc_enum_label (MC_TYPE_ASSESSMENT_METHOD,
                                                             MC_ASSESSMENT_METHOD_EXAM));

  g_list_store_insert (mc_revision_get_assessments (new_rev), 1, exam);
  changes = diff (old_rev, new_rev);

  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (change_at (changes, 0), MC_CHANGE_ADDED, "assessments", -1, 1, NULL,
                 "Assessment component 2", NULL, summary);
}

static void
test_assessment_edited (void)
{
  g_autoptr(McRevision) old_rev = sample ();
  g_autoptr(McRevision) new_rev = mc_revision_copy (old_rev);
  g_autoptr(GPtrArray) changes = NULL;
  const char *assessed[] = { "LO1", "LO3", NULL };
  McItem *second = item_at (new_rev, "assessments", 1);

  /* Edited where it stands: a change, not a removal and an addition. */
  mc_item_set_double (second, "weight", 40.5);
  mc_item_set_strv (second, "outcomes", assessed);
  mc_item_set_int (second, "supervision", MC_SUPERVISION_SUPERVISED_WITH_ID);
  changes = diff (old_rev, new_rev);

  g_assert_cmpuint (changes->len, ==, 3);
  assert_change (change_at (changes, 0), MC_CHANGE_CHANGED, "assessments", 1, 1, "weight",
                 "Assessment component 2: Weight in percent", "31", "40.5");
  assert_change (change_at (changes, 1), MC_CHANGE_CHANGED, "assessments", 1, 1, "outcomes",
                 "Assessment component 2: Outcomes assessed", NULL, "LO1, LO3");
  assert_change (change_at (changes, 2), MC_CHANGE_CHANGED, "assessments", 1, 1, "supervision",
                 "Assessment component 2: Supervision and identity verification", NULL,
                 mc_enum_label (MC_TYPE_SUPERVISION, MC_SUPERVISION_SUPERVISED_WITH_ID));
}

static void
test_reorder (void)
{
  g_autoptr(McRevision) old_rev = sample ();
  g_autoptr(McRevision) new_rev = mc_revision_copy (old_rev);
  g_autoptr(GPtrArray) changes = NULL;
  McFieldChange *moved;

  /* A B C → C A B in the assessments; LO1 LO2 LO3 → LO2 LO1 LO3. */
  g_assert_true (mc_revision_move_item (new_rev, "assessments", 2, 0));
  g_assert_true (mc_revision_move_item (new_rev, "outcomes", 0, 1));
  changes = diff (old_rev, new_rev);

  g_assert_cmpuint (changes->len, ==, 2);
  moved = change_at (changes, 0);
  g_assert_cmpint (moved->kind, ==, MC_CHANGE_MOVED);
  g_assert_cmpstr (moved->field_id, ==, "outcomes");
  g_assert_null (moved->item_field);
  g_assert_true ((moved->old_index == 0 && moved->new_index == 1) ||
                 (moved->old_index == 1 && moved->new_index == 0));
  assert_change (change_at (changes, 1), MC_CHANGE_MOVED, "assessments", 2, 0, NULL,
                 "Assessment component 1", "3", "1");
}

static void
test_partners (void)
{
  g_autoptr(McRevision) old_rev = sample ();
  g_autoptr(McRevision) new_rev = mc_revision_copy (old_rev);
  g_autoptr(McPartner) other = mc_partner_new ("Grid Operator");
  g_autoptr(GPtrArray) changes = NULL;
  McItem *acme = item_at (new_rev, "partners", 0);
  g_autofree char *roles = g_strdup_printf ("%s, %s",
                                            mc_enum_label (MC_TYPE_PARTNER_ROLE, MC_PARTNER_ROLE_CO_DESIGN),
                                            mc_enum_label (MC_TYPE_PARTNER_ROLE, MC_PARTNER_ROLE_ASSESSMENT));
  g_autofree char *summary = g_strdup_printf ("Grid Operator — %s",
                                              mc_enum_label (MC_TYPE_PARTNER_KIND, MC_PARTNER_KIND_EMPLOYER));

  /* Matched by name whatever its case; a new partner first moves nothing. */
  mc_item_set_string (acme, "name", "Acme Ltd");
  mc_item_set_flags (acme, "roles", MC_PARTNER_ROLE_CO_DESIGN | MC_PARTNER_ROLE_ASSESSMENT);
  mc_item_set_int (acme, "kind", MC_PARTNER_KIND_INDUSTRY_BODY);
  g_list_store_insert (mc_revision_get_partners (new_rev), 0, other);
  changes = diff (old_rev, new_rev);

  g_assert_cmpuint (changes->len, ==, 4);
  assert_change (change_at (changes, 0), MC_CHANGE_ADDED, "partners", -1, 0, NULL,
                 "Partner “Grid Operator”", NULL, summary);
  assert_change (change_at (changes, 1), MC_CHANGE_CHANGED, "partners", 0, 1, "name",
                 "Partner “Acme Ltd”: Partner name", "ACME Ltd", "Acme Ltd");
  assert_change (change_at (changes, 2), MC_CHANGE_CHANGED, "partners", 0, 1, "kind",
                 "Partner “Acme Ltd”: Kind of partner",
                 mc_enum_label (MC_TYPE_PARTNER_KIND, MC_PARTNER_KIND_EMPLOYER),
                 mc_enum_label (MC_TYPE_PARTNER_KIND, MC_PARTNER_KIND_INDUSTRY_BODY));
  assert_change (change_at (changes, 3), MC_CHANGE_CHANGED, "partners", 0, 1, "roles",
                 "Partner “Acme Ltd”: Partner roles",
                 mc_enum_label (MC_TYPE_PARTNER_ROLE, MC_PARTNER_ROLE_CO_DESIGN), roles);
}

/* A removed item is listed where it stood, after the item it followed. */
static void
test_order_in_list (void)
{
  g_autoptr(McRevision) old_rev = sample ();
  g_autoptr(McRevision) new_rev = mc_revision_copy (old_rev);
  g_autoptr(GPtrArray) changes = NULL;

  g_list_store_remove (mc_revision_get_outcomes (new_rev), 1);
  mc_item_set_string (item_at (new_rev, "outcomes", 0), "text", "Explain ageing.");
  mc_item_set_string (item_at (new_rev, "outcomes", 1), "text", "Plan reuse.");
  add_outcome (new_rev, "LO4", "Recycle.");
  changes = diff (old_rev, new_rev);

  g_assert_cmpuint (changes->len, ==, 4);
  assert_change (change_at (changes, 0), MC_CHANGE_CHANGED, "outcomes", 0, 0, "text",
                 "Learning outcome LO1: Outcome text", "Explain how a cell ages.", "Explain ageing.");
  g_assert_cmpint (change_at (changes, 1)->kind, ==, MC_CHANGE_REMOVED);
  g_assert_cmpint (change_at (changes, 1)->old_index, ==, 1);
  g_assert_cmpstr (change_at (changes, 2)->label, ==, "Learning outcome LO3: Outcome text");
  g_assert_cmpint (change_at (changes, 3)->kind, ==, MC_CHANGE_ADDED);
}

static void
test_summary_shortened (void)
{
  g_autoptr(McRevision) old_rev = mc_revision_new ();
  g_autoptr(McRevision) new_rev = mc_revision_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *text = g_strnfill (300, 'x');
  const char *summary;

  add_outcome (new_rev, "LO1", text);
  changes = diff (old_rev, new_rev);
  g_assert_cmpuint (changes->len, ==, 1);
  summary = change_at (changes, 0)->new_text;
  g_assert_true (g_str_has_prefix (summary, "LO1 — xxx"));
  g_assert_true (g_str_has_suffix (summary, "…"));
  g_assert_cmpint (g_utf8_strlen (summary, -1), ==, 120);
}

static void
test_large (void)
{
  g_autoptr(McRevision) old_rev = mc_revision_new ();
  g_autoptr(McRevision) new_rev = NULL;
  g_autoptr(McRevision) uncoded = mc_revision_new ();
  g_autoptr(McRevision) uncoded_new = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) positional = NULL;
  g_autoptr(McOutcome) extra = mc_outcome_new ("LO-new", "Inserted.");
  g_autoptr(McOutcome) extra_uncoded = mc_outcome_new ("", "Inserted.");
  gint64 start;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *code = g_strdup_printf ("LO%u", i + 1);
      g_autofree char *text = g_strdup_printf ("Outcome number %u.", i + 1);

      add_outcome (old_rev, code, text);
      add_outcome (uncoded, "", text);
    }
  new_rev = mc_revision_copy (old_rev);
  uncoded_new = mc_revision_copy (uncoded);
  g_list_store_insert (mc_revision_get_outcomes (new_rev), 50, extra);
  g_list_store_insert (mc_revision_get_outcomes (uncoded_new), 50, extra_uncoded);
  mc_item_set_string (item_at (new_rev, "outcomes", 80), "text", "Changed.");
  mc_item_set_string (item_at (uncoded_new, "outcomes", 80), "text", "Changed.");
  g_list_store_remove (mc_revision_get_outcomes (uncoded_new), 10);

  start = g_get_monotonic_time ();
  changes = mc_revision_diff (old_rev, new_rev);
  positional = mc_revision_diff (uncoded, uncoded_new);
  g_test_message ("two diffs of 100 outcomes: %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);

  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpint (change_at (changes, 0)->kind, ==, MC_CHANGE_ADDED);
  g_assert_cmpint (change_at (changes, 0)->new_index, ==, 50);
  assert_change (change_at (changes, 1), MC_CHANGE_CHANGED, "outcomes", 79, 80, "text",
                 "Learning outcome LO80: Outcome text", "Outcome number 80.", "Changed.");

  g_assert_cmpuint (positional->len, ==, 3);
  assert_change (change_at (positional, 0), MC_CHANGE_REMOVED, "outcomes", 10, -1, NULL,
                 "Learning outcome 11", "Outcome number 11.", NULL);
  g_assert_cmpint (change_at (positional, 1)->kind, ==, MC_CHANGE_ADDED);
  g_assert_cmpint (change_at (positional, 1)->new_index, ==, 49);
  assert_change (change_at (positional, 2), MC_CHANGE_CHANGED, "outcomes", 79, 79, "text",
                 "Learning outcome 80: Outcome text", "Outcome number 80.", "Changed.");
}

static void
test_boxed (void)
{
  g_autoptr(McFieldChange) change = mc_field_change_new (MC_CHANGE_CHANGED, "ects", -1, -1, NULL,
                                                         "ECTS credits", "5", NULL);
  g_autoptr(McFieldChange) copy = mc_field_change_copy (change);

  g_assert_true (G_TYPE_IS_BOXED (MC_TYPE_FIELD_CHANGE));
  g_assert_true (copy->label != change->label);
  assert_change (copy, MC_CHANGE_CHANGED, "ects", -1, -1, NULL, "ECTS credits", "5", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/core/revision-diff/equal", test_equal);
  g_test_add_func ("/core/revision-diff/scalar", test_scalar);
  g_test_add_func ("/core/revision-diff/rendering", test_rendering);
  g_test_add_func ("/core/revision-diff/outcome-added-removed", test_outcome_added_removed);
  g_test_add_func ("/core/revision-diff/outcome-changed", test_outcome_changed);
  g_test_add_func ("/core/revision-diff/outcome-renumbered", test_outcome_renumbered);
  g_test_add_func ("/core/revision-diff/outcome-without-codes", test_outcome_without_codes);
  g_test_add_func ("/core/revision-diff/assessment-inserted", test_assessment_inserted);
  g_test_add_func ("/core/revision-diff/assessment-edited", test_assessment_edited);
  g_test_add_func ("/core/revision-diff/reorder", test_reorder);
  g_test_add_func ("/core/revision-diff/partners", test_partners);
  g_test_add_func ("/core/revision-diff/order-in-list", test_order_in_list);
  g_test_add_func ("/core/revision-diff/summary-shortened", test_summary_shortened);
  g_test_add_func ("/core/revision-diff/large", test_large);
  g_test_add_func ("/core/revision-diff/boxed", test_boxed);

  return g_test_run ();
}
