/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-core.h"
#include "mc-validator-private.h"

/* Every rule of every built-in profile is exercised twice: once on a
 * design that satisfies it and once on a design that breaks it.  The cases
 * are looked up by rule id, so a rule added to a profile without a case
 * here fails the suite. */

static const char * const all_profiles[] = {
  "cmf", "consistency", "eu-council", "microhe", "uk-qaa", NULL
};

#define TODAY "2026-03-01"

/* ---- a design that every built-in profile accepts ---- */

static void
add_component (McRevision         *r,
               McAssessmentMethod  method,
               double              weight,
               McSupervision       supervision,
               const char         *code)
{
  g_autoptr(McAssessment) a = mc_assessment_new ();
  const char *codes[] = { code, NULL };

  mc_item_set_int (MC_ITEM (a), "method", method);
  mc_item_set_string (MC_ITEM (a), "description", "Timed case analysis");
  mc_item_set_double (MC_ITEM (a), "weight", weight);
  mc_item_set_boolean (MC_ITEM (a), "summative", TRUE);
  mc_item_set_strv (MC_ITEM (a), "outcomes", codes);
  mc_item_set_int (MC_ITEM (a), "supervision", supervision);
  g_list_store_append (mc_revision_get_assessments (r), a);
}

static McRevision *
complete_revision (void)
{
  McRevision *r = mc_revision_new ();
  g_autoptr(McOutcome) lo1 = mc_outcome_new ("LO1", "Explain the main ethical frameworks for data use.");
  g_autoptr(McOutcome) lo2 = mc_outcome_new ("LO2", "Assess a data project against them.");
  g_autoptr(McPartner) partner = mc_partner_new ("Northwind Analytics");

  mc_revision_set_string (r, "title", "Applied Data Ethics");
  mc_revision_set_int (r, "credential_type", MC_CREDENTIAL_TYPE_MODULE);
  mc_revision_set_string (r, "description", "Ethics for people who work with data.");
  mc_revision_set_string (r, "aims", "Prepare analysts to weigh the harms of a data project.");
  mc_revision_set_string (r, "awarding_body", "Faculty of Science");
  mc_revision_set_string (r, "further_information", "https://example.org/data-ethics");
  mc_revision_set_string (r, "prerequisites", "Basic statistics.");
  mc_revision_set_double (r, "ects", 5);
  mc_revision_set_int (r, "hours", 125);
  mc_revision_set_boolean (r, "credit_bearing", TRUE);
  mc_revision_set_int (r, "eqf_level", 6);
  mc_revision_set_string (r, "nqf_name", "FHEQ");
  mc_revision_set_string (r, "nqf_level", "6");
  mc_revision_set_int (r, "cycle", MC_CYCLE_FIRST);
  mc_revision_set_int (r, "participation_mode", MC_PARTICIPATION_ONLINE);
  mc_revision_set_int (r, "grading_scheme", MC_GRADING_LETTER);
  mc_revision_set_string (r, "qa_internal", "Approved by the faculty education committee.");
  mc_revision_set_string (r, "qa_external_body", "NVAO");
  mc_revision_set_string (r, "psrb_recognition", "Counts towards the BCS ethics requirement.");
  mc_revision_set_string (r, "hecos", "100368");
  mc_revision_set_string (r, "cah", "CAH11-01-01");
  mc_revision_set_int (r, "stackability", MC_STACKABILITY_STANDALONE);

  g_list_store_append (mc_revision_get_outcomes (r), lo1);
  g_list_store_append (mc_revision_get_outcomes (r), lo2);
  add_component (r, MC_ASSESSMENT_METHOD_EXAM, 60, MC_SUPERVISION_SUPERVISED_WITH_ID, "LO1");
  add_component (r, MC_ASSESSMENT_METHOD_PROJECT, 40, MC_SUPERVISION_SUPERVISED_NO_ID, "LO2");

  mc_item_set_string (MC_ITEM (partner), "agreement_expiry", "2027-06-30");
  g_list_store_append (mc_revision_get_partners (r), partner);
  return r;
}

static McValidator *
test_validator (void)
{
  McValidator *v = mc_validator_new ();

  mc_validator_set_institution (v, "University of Example", "NL");
  mc_validator_set_today (v, TODAY);
  return v;
}

static McItem *
item (McRevision *r,
      const char *list_id,
      guint       index)
{
  McItem *it = g_list_model_get_item (G_LIST_MODEL (mc_revision_get_list (r, list_id)), index);

  g_object_unref (it);   /* the store keeps it */
  return it;
}

static void
add_target (McRevision *r,
            const char *name)
{
  g_autoptr(McStackTarget) t = mc_stack_target_new (name);

  mc_revision_set_int (r, "stackability", MC_STACKABILITY_STACKABLE);
  g_list_store_append (mc_revision_get_stack_targets (r), t);
}

/* ---- the cases: one mutation that keeps a rule satisfied (NULL: the
 * complete design already does), one that breaks it ---- */

typedef void (*Mutate) (McRevision *r, McValidator *v);

#define EMPTY_STRING(fn, field) \
  static void fn (McRevision *r, McValidator *v) { mc_revision_set_string (r, field, ""); }
#define SET_INT(fn, field, value) \
  static void fn (McRevision *r, McValidator *v) { mc_revision_set_int (r, field, value); }
#define SET_DOUBLE(fn, field, value) \
  static void fn (McRevision *r, McValidator *v) { mc_revision_set_double (r, field, value); }
#define SET_STRING(fn, field, value) \
  static void fn (McRevision *r, McValidator *v) { mc_revision_set_string (r, field, value); }
#define SET_BOOLEAN(fn, field, value) \
  static void fn (McRevision *r, McValidator *v) { mc_revision_set_boolean (r, field, value); }
#define TYPE_HOURS(fn, type, hours) \
  static void fn (McRevision *r, McValidator *v) \
  { mc_revision_set_int (r, "credential_type", type); mc_revision_set_int (r, "hours", hours); }
/* Mutations of one field of the item at @index of a list. */
#define ITEM_STRING(fn, list, index, field, value) \
  static void fn (McRevision *r, McValidator *v) { mc_item_set_string (item (r, list, index), field, value); }
#define ITEM_INT(fn, list, index, field, value) \
  static void fn (McRevision *r, McValidator *v) { mc_item_set_int (item (r, list, index), field, value); }
#define ITEM_DOUBLE(fn, list, index, field, value) \
  static void fn (McRevision *r, McValidator *v) { mc_item_set_double (item (r, list, index), field, value); }

EMPTY_STRING (no_title, "title")
EMPTY_STRING (no_prerequisites, "prerequisites")
EMPTY_STRING (no_further_information, "further_information")
EMPTY_STRING (no_nqf_level, "nqf_level")
EMPTY_STRING (no_aims, "aims")
EMPTY_STRING (no_hecos, "hecos")
EMPTY_STRING (no_cah, "cah")
EMPTY_STRING (no_psrb, "psrb_recognition")
SET_INT (no_participation, "participation_mode", MC_PARTICIPATION_UNSET)
SET_INT (no_grading, "grading_scheme", MC_GRADING_UNSET)
SET_INT (no_cycle, "cycle", MC_CYCLE_NONE)
SET_INT (eqf_4, "eqf_level", 4)
SET_INT (hours_160, "hours", 160)
SET_INT (hours_150, "hours", 150)
SET_DOUBLE (no_ects, "ects", 0)
SET_DOUBLE (ects_6, "ects", 6)
SET_DOUBLE (ects_7_5, "ects", 7.5)
SET_DOUBLE (ects_5_25, "ects", 5.25)
SET_DOUBLE (ects_29_5, "ects", 29.5)
SET_DOUBLE (ects_30, "ects", 30)

static void
no_country (McRevision *r, McValidator *v)
{
  mc_validator_set_institution (v, "University of Example", NULL);
}

EMPTY_STRING (body_from_institution, "awarding_body")

static void
no_body (McRevision *r, McValidator *v)
{
  mc_revision_set_string (r, "awarding_body", "");
  mc_validator_set_institution (v, NULL, "NL");
}

static void
no_outcomes (McRevision *r, McValidator *v)
{
  g_list_store_remove_all (mc_revision_get_outcomes (r));
}

static void
no_assessments (McRevision *r, McValidator *v)
{
  g_list_store_remove_all (mc_revision_get_assessments (r));
}

SET_DOUBLE (hours_only, "ects", 0)

static void
no_workload (McRevision *r, McValidator *v)
{
  mc_revision_set_double (r, "ects", 0);
  mc_revision_set_int (r, "hours", 0);
}

SET_INT (national_level_only, "eqf_level", 0)

static void
no_level (McRevision *r, McValidator *v)
{
  mc_revision_set_int (r, "eqf_level", 0);
  mc_revision_set_string (r, "nqf_level", "");
}

EMPTY_STRING (external_qa_only, "qa_internal")

static void
no_qa (McRevision *r, McValidator *v)
{
  mc_revision_set_string (r, "qa_internal", "");
  mc_revision_set_string (r, "qa_external_body", "");
}

ITEM_INT (supervision_unset, "assessments", 1, "supervision", MC_SUPERVISION_UNSET)

static void
stackable_named (McRevision *r, McValidator *v)
{
  add_target (r, "MSc Data Science");
}

SET_INT (stackable_without_target, "stackability", MC_STACKABILITY_STACKABLE)

static void
stackable_unnamed (McRevision *r, McValidator *v)
{
  add_target (r, "MSc Data Science");
  add_target (r, "");
}

SET_INT (eqf_5_with_ects, "eqf_level", 5)
SET_BOOLEAN (not_credit_bearing, "credit_bearing", FALSE)

static void
none_summative (McRevision *r, McValidator *v)
{
  mc_item_set_boolean (item (r, "assessments", 0), "summative", FALSE);
  mc_item_set_boolean (item (r, "assessments", 1), "summative", FALSE);
}

ITEM_INT (no_identity_check, "assessments", 0, "supervision", MC_SUPERVISION_SUPERVISED_NO_ID)
SET_STRING (framework_lower_case, "nqf_name", "scqf")
SET_STRING (framework_foreign, "nqf_name", "NLQF")
TYPE_HOURS (skill_8_hours, MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL, 8)
TYPE_HOURS (skill_20_hours, MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL, 20)
TYPE_HOURS (programme_300_hours, MC_CREDENTIAL_TYPE_SHORT_PROGRAMME, 300)
TYPE_HOURS (programme_100_hours, MC_CREDENTIAL_TYPE_SHORT_PROGRAMME, 100)

static void
programme_internal_qa_only (McRevision *r, McValidator *v)
{
  programme_300_hours (r, v);
  mc_revision_set_string (r, "qa_external_body", "");
}

static void
outcome_unassessed (McRevision *r, McValidator *v)
{
  const char *codes[] = { "LO1", NULL };

  mc_item_set_strv (item (r, "assessments", 1), "outcomes", codes);
}

ITEM_STRING (duplicate_code, "outcomes", 1, "code", "LO1")
ITEM_STRING (outcome_without_code, "outcomes", 1, "code", "")
ITEM_STRING (outcome_without_text, "outcomes", 0, "text", "  ")
ITEM_DOUBLE (weights_90, "assessments", 0, "weight", 50)
ITEM_DOUBLE (component_without_weight, "assessments", 1, "weight", 0)
ITEM_STRING (agreement_expired, "partners", 0, "agreement_expiry", "2025-12-31")
ITEM_STRING (partner_without_name, "partners", 0, "name", "")

static void
unknown_outcome_code (McRevision *r, McValidator *v)
{
  const char *codes[] = { "LO1", "LO9", NULL };

  mc_item_set_strv (item (r, "assessments", 0), "outcomes", codes);
}

typedef struct {
  const char *rule_id;
  Mutate      pass;
  Mutate      fail;
} RuleCase;

static const RuleCase rule_cases[] = {
  { "eu.mandatory.title", NULL, no_title },
  { "eu.mandatory.issuer-country", NULL, no_country },
  { "eu.mandatory.awarding-body", body_from_institution, no_body },
  { "eu.mandatory.outcomes", NULL, no_outcomes },
  { "eu.mandatory.workload", hours_only, no_workload },
  { "eu.recommended.ects", NULL, hours_only },
  { "eu.mandatory.level", national_level_only, no_level },
  { "eu.mandatory.cycle", NULL, no_cycle },
  { "eu.mandatory.assessment", NULL, no_assessments },
  { "eu.mandatory.participation", NULL, no_participation },
  { "eu.mandatory.quality-assurance", external_qa_only, no_qa },
  { "eu.optional.prerequisites", NULL, no_prerequisites },
  { "eu.optional.supervision", NULL, supervision_unset },
  { "eu.optional.grading", NULL, no_grading },
  { "eu.optional.stackability", stackable_named, stackable_without_target },
  { "eu.optional.further-information", NULL, no_further_information },

  { "cmf.workload", NULL, hours_160 },
  { "cmf.level", eqf_5_with_ects, eqf_4 },
  { "cmf.credit", NULL, not_credit_bearing },
  { "cmf.summative", NULL, none_summative },
  { "cmf.identity", NULL, no_identity_check },
  { "cmf.transcript.outcomes", NULL, no_outcomes },
  { "cmf.transcript.ects", NULL, no_ects },

  { "uk.credit-bearing", NULL, not_credit_bearing },
  { "uk.framework", framework_lower_case, framework_foreign },
  { "uk.framework-level", NULL, no_nqf_level },
  { "uk.cats", ects_7_5, ects_5_25 },
  { "uk.grading", NULL, no_grading },
  { "uk.aims", NULL, no_aims },
  { "uk.hecos", NULL, no_hecos },
  { "uk.cah", NULL, no_cah },
  { "uk.psrb", NULL, no_psrb },
  { "uk.mode", NULL, no_participation },

  { "microhe.below-30-ects", ects_29_5, ects_30 },
  { "microhe.skill.hours", skill_8_hours, skill_20_hours },
  { "microhe.module.ects", NULL, ects_6 },
  { "microhe.module.hours", NULL, hours_160 },
  { "microhe.module.assessment", NULL, no_assessments },
  { "microhe.programme.hours", programme_300_hours, programme_100_hours },
  { "microhe.programme.external-qa", programme_300_hours, programme_internal_qa_only },

  { "consistency.outcomes-assessed", NULL, outcome_unassessed },
  { "consistency.unique-outcome-codes", NULL, duplicate_code },
  { "consistency.outcome-code", NULL, outcome_without_code },
  { "consistency.outcome-text", NULL, outcome_without_text },
  { "consistency.hours-per-ects", hours_150, hours_160 },
  { "consistency.weights-sum", NULL, weights_90 },
  { "consistency.assessment-weight", NULL, component_without_weight },
  { "consistency.assessment-outcome-codes", NULL, unknown_outcome_code },
  { "consistency.stack-targets-named", stackable_named, stackable_unnamed },
  { "consistency.partner-agreements", NULL, agreement_expired },
  { "consistency.partner-name", NULL, partner_without_name },
};

static const RuleCase *
find_case (const char *rule_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    if (g_str_equal (rule_cases[i].rule_id, rule_id))
      return &rule_cases[i];
  return NULL;
}

static GPtrArray *
validate (McValidator *v,
          McRevision  *r)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = mc_validator_validate (v, r, all_profiles, &error);

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  return findings;
}

static guint
count_rule (GPtrArray  *findings,
            const char *rule_id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (mc_finding_get_rule_id (g_ptr_array_index (findings, i)), rule_id))
      n++;
  return n;
}

/* The rule as written in its profile file: the test checks findings
 * against it rather than against a copy kept here. */
typedef struct {
  char *profile_id;
  char *rule_id;
  char *severity;
  char *field;
} RuleData;

static void
rule_data_free (gpointer data)
{
  RuleData *rd = data;

  g_free (rd->profile_id);
  g_free (rd->rule_id);
  g_free (rd->severity);
  g_free (rd->field);
  g_free (rd);
}

static void
test_rule (gconstpointer data)
{
  const RuleData *rd = data;
  const RuleCase *rc = find_case (rd->rule_id);
  g_autoptr(McValidator) v = NULL;
  g_autoptr(McRevision) good = NULL;
  g_autoptr(McRevision) bad = NULL;
  g_autoptr(GPtrArray) passing = NULL;
  g_autoptr(GPtrArray) failing = NULL;
  gboolean seen = FALSE;

  if (rc == NULL)
    {
      g_test_message ("Rule %s of profile %s has no test case", rd->rule_id, rd->profile_id);
      g_test_fail ();
      return;
    }

  v = test_validator ();
  good = complete_revision ();
  if (rc->pass != NULL)
    rc->pass (good, v);
  passing = validate (v, good);
  g_assert_cmpuint (count_rule (passing, rd->rule_id), ==, 0);

  g_clear_object (&v);
  v = test_validator ();
  bad = complete_revision ();
  rc->fail (bad, v);
  failing = validate (v, bad);
  g_assert_cmpuint (count_rule (failing, rd->rule_id), >, 0);

  for (guint i = 0; i < failing->len; i++)
    {
      McFinding *f = g_ptr_array_index (failing, i);
      const McField *field;
      const char *message = mc_finding_get_message (f);
      const char *severity;

      if (!g_str_equal (mc_finding_get_rule_id (f), rd->rule_id))
        continue;
      seen = TRUE;
      g_test_message ("%s: %s", rd->rule_id, message);
      severity = mc_enum_to_nick (MC_TYPE_SEVERITY, mc_finding_get_severity (f));
      g_assert_cmpstr (severity, ==, rd->severity);
      g_assert_cmpstr (mc_finding_get_profile_id (f), ==, rd->profile_id);
      g_assert_cmpstr (mc_finding_get_field (f), ==, rd->field);
      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 10);

      /* The message names the field (or the item field) it is about. */
      field = mc_field_lookup (mc_finding_get_field (f));
      g_assert_nonnull (field);
      if (mc_finding_get_item_index (f) >= 0)
        {
          const McItemField *item_field =
            mc_item_field_lookup (field->id, mc_finding_get_item_field (f));

          g_assert_nonnull (item_field);
          g_assert_true (strstr (message, mc_field_get_label (field)) != NULL ||
                         strstr (message, mc_item_field_get_label (item_field)) != NULL);
        }
      else
        {
          g_assert_null (mc_finding_get_item_field (f));
          g_assert_nonnull (strstr (message, mc_field_get_label (field)));
        }
    }
  g_assert_true (seen);
}

/* Every case in the table belongs to a rule that exists. */
static void
test_no_stale_cases (void)
{
  g_autoptr(McValidator) v = mc_validator_new ();
  GListModel *profiles = mc_validator_get_profiles (v);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint p = 0; p < g_list_model_get_n_items (profiles); p++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (profiles, p);
      JsonArray *rules = mc_profile_get_rules (profile);

      for (guint i = 0; i < json_array_get_length (rules); i++)
        {
          JsonObject *rule = json_array_get_object_element (rules, i);
          g_hash_table_add (ids, g_strdup (json_object_get_string_member (rule, "id")));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      if (!g_hash_table_contains (ids, rule_cases[i].rule_id))
        g_test_message ("Stale test case %s", rule_cases[i].rule_id);
      g_assert_true (g_hash_table_contains (ids, rule_cases[i].rule_id));
    }
}

static void
test_complete_design (void)
{
  g_autoptr(McValidator) v = test_validator ();
  g_autoptr(McRevision) r = complete_revision ();
  g_autoptr(GPtrArray) findings = validate (v, r);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("unexpected: %s: %s", mc_finding_get_rule_id (g_ptr_array_index (findings, i)),
                    mc_finding_get_message (g_ptr_array_index (findings, i)));
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) builtin = mc_profile_list_builtin (&error);
  g_autoptr(McValidator) v = mc_validator_new ();

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (builtin), ==, g_strv_length ((GStrv) all_profiles));
  for (guint i = 0; all_profiles[i] != NULL; i++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (builtin, i);

      /* Sorted by id. */
      g_assert_cmpstr (mc_profile_get_id (profile), ==, all_profiles[i]);
      g_assert_cmpstr (mc_profile_get_name (profile), !=, "");
      g_assert_cmpstr (mc_profile_get_description (profile), !=, "");
      g_assert_cmpstr (mc_profile_get_source (profile), !=, "");
      g_assert_cmpuint (json_array_get_length (mc_profile_get_rules (profile)), >, 0);
      g_assert_nonnull (mc_validator_find_profile (v, all_profiles[i]));

      /* Marked for translation (the tests run untranslated, so the getters
       * return the strings of the file). */
      g_assert_true (g_strv_contains (_mc_profile_get_builtin_strings (),
                                      mc_profile_get_name (profile)));
      g_assert_true (g_strv_contains (_mc_profile_get_builtin_strings (),
                                      mc_profile_get_description (profile)));
    }
  g_assert_null (mc_validator_find_profile (v, "no-such-profile"));
}

static void
test_unknown_profile (void)
{
  g_autoptr(McValidator) v = test_validator ();
  g_autoptr(McRevision) r = complete_revision ();
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "eu-council", "us-regional", NULL };
  g_autoptr(GPtrArray) findings = mc_validator_validate (v, r, ids, &error);

  g_assert_error (error, MC_VALIDATOR_ERROR, MC_VALIDATOR_ERROR_UNKNOWN_PROFILE);
  g_assert_null (findings);
  g_assert_nonnull (strstr (error->message, "us-regional"));
}

/* Errors before warnings before notes; editor order within each. */
static void
test_order (void)
{
  g_autoptr(McValidator) v = test_validator ();
  g_autoptr(McRevision) r = mc_revision_new ();
  g_autoptr(McOutcome) o = mc_outcome_new ("LO1", "");
  g_autoptr(GPtrArray) findings = NULL;
  guint n_fields;
  const McField *fields = mc_field_get_all (&n_fields);
  int last_severity = G_MAXINT;
  guint last_field = 0;

  mc_revision_set_int (r, "hours", 40);
  mc_revision_set_int (r, "credential_type", MC_CREDENTIAL_TYPE_MODULE);
  g_list_store_append (mc_revision_get_outcomes (r), o);
  findings = validate (v, r);

  g_assert_cmpuint (mc_validator_count (findings, MC_SEVERITY_ERROR), >, 5);
  g_assert_cmpuint (mc_validator_count (findings, MC_SEVERITY_WARNING), >, 0);
  g_assert_cmpuint (mc_validator_count (findings, MC_SEVERITY_INFO), >, 0);
  g_assert_cmpuint (mc_validator_count (findings, MC_SEVERITY_ERROR) +
                    mc_validator_count (findings, MC_SEVERITY_WARNING) +
                    mc_validator_count (findings, MC_SEVERITY_INFO), ==, findings->len);

  for (guint i = 0; i < findings->len; i++)
    {
      McFinding *f = g_ptr_array_index (findings, i);
      int severity = mc_finding_get_severity (f);
      guint index = (guint) (mc_field_lookup (mc_finding_get_field (f)) - fields);

      g_assert_cmpint (severity, <=, last_severity);
      if (severity == last_severity)
        g_assert_cmpuint (index, >=, last_field);
      last_severity = severity;
      last_field = index;
    }
  g_assert_cmpint (mc_finding_get_severity (g_ptr_array_index (findings, 0)), ==, MC_SEVERITY_ERROR);
  g_assert_cmpstr (mc_finding_get_field (g_ptr_array_index (findings, 0)), ==, "title");
}

static GPtrArray *
validate_one (McValidator *v,
              McRevision  *r,
              const char  *profile_id)
{
  g_autoptr(GError) error = NULL;
  const char *ids[] = { profile_id, NULL };
  GPtrArray *findings = mc_validator_validate (v, r, ids, &error);

  g_assert_no_error (error);
  return findings;
}

static McFinding *
expiry_finding (McValidator *v,
                McRevision  *r)
{
  g_autoptr(GPtrArray) findings = validate_one (v, r, "consistency");

  g_assert_cmpuint (findings->len, <=, 1);
  if (findings->len == 0)
    return NULL;
  g_assert_cmpstr (mc_finding_get_rule_id (g_ptr_array_index (findings, 0)), ==,
                   "consistency.partner-agreements");
  g_assert_cmpint (mc_finding_get_item_index (g_ptr_array_index (findings, 0)), ==, 0);
  g_assert_cmpstr (mc_finding_get_item_field (g_ptr_array_index (findings, 0)), ==, "agreement_expiry");
  return g_object_ref (g_ptr_array_index (findings, 0));
}

/* The "today" property makes agreement expiry deterministic. */
static void
test_today (void)
{
  g_autoptr(McValidator) v = test_validator ();
  g_autoptr(McRevision) r = complete_revision ();
  McItem *partner = item (r, "partners", 0);
  g_autoptr(McFinding) f = NULL;
  g_autofree char *today = NULL;

  mc_item_set_string (partner, "agreement_expiry", "2026-06-01");
  mc_validator_set_today (v, "2026-01-01");
  g_object_get (v, "today", &today, NULL);
  g_assert_cmpstr (today, ==, "2026-01-01");
  g_assert_null (expiry_finding (v, r));

  /* 31 days before expiry: a warning, not an error. */
  mc_validator_set_today (v, "2026-05-01");
  f = expiry_finding (v, r);
  g_assert_nonnull (f);
  g_assert_cmpint (mc_finding_get_severity (f), ==, MC_SEVERITY_WARNING);
  g_assert_nonnull (strstr (mc_finding_get_message (f), "31 days"));
  g_clear_object (&f);

  /* The day of expiry is still valid. */
  mc_validator_set_today (v, "2026-06-01");
  f = expiry_finding (v, r);
  g_assert_cmpint (mc_finding_get_severity (f), ==, MC_SEVERITY_WARNING);
  g_clear_object (&f);

  mc_validator_set_today (v, "2026-06-02");
  f = expiry_finding (v, r);
  g_assert_cmpint (mc_finding_get_severity (f), ==, MC_SEVERITY_ERROR);
  g_assert_nonnull (strstr (mc_finding_get_message (f), "expired"));
  g_clear_object (&f);

  /* Not a real date. */
  mc_validator_set_today (v, "2026-01-01");
  mc_item_set_string (partner, "agreement_expiry", "2026-02-30");
  f = expiry_finding (v, r);
  g_assert_cmpint (mc_finding_get_severity (f), ==, MC_SEVERITY_ERROR);
  g_assert_nonnull (strstr (mc_finding_get_message (f), "2026-02-30"));
  g_clear_object (&f);

  /* Without "today" the real date is used: a date far in the past expired. */
  mc_validator_set_today (v, NULL);
  mc_item_set_string (partner, "agreement_expiry", "2001-01-01");
  f = expiry_finding (v, r);
  g_assert_cmpint (mc_finding_get_severity (f), ==, MC_SEVERITY_ERROR);
}

static void
test_issuer_country_code (void)
{
  g_autoptr(McValidator) v = test_validator ();
  g_autoptr(McRevision) r = complete_revision ();
  g_autoptr(GPtrArray) findings = NULL;

  mc_validator_set_institution (v, "University of Example", "Netherlands");
  findings = validate_one (v, r, "eu-council");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (mc_finding_get_rule_id (g_ptr_array_index (findings, 0)), ==,
                   "eu.mandatory.issuer-country");
  g_assert_nonnull (strstr (mc_finding_get_message (g_ptr_array_index (findings, 0)), "Netherlands"));
}

/* ---- profile files an administrator may get wrong ---- */

#define HEAD "{\"format\": \"io.github.microcred.profile\", \"version\": 1, \"id\": \"local\", " \
             "\"name\": \"Local\", \"description\": \"Local rules\", \"source\": \"Senate\", "

static McProfile *
load (const char  *json,
      GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  return mc_profile_new_from_bytes (bytes, error);
}

static const struct {
  const char *name;
  const char *json;
  const char *complaint;   /* part of the message */
} malformed[] = {
  { "not-json", "{\"format\": ", "not valid JSON" },
  /* Found by the fuzzer: an empty profile crashed the parser. */
  { "empty", "", "empty" },
  { "blank", "  \n ", "empty" },
  { "deep", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "levels deep" },
  { "not-object", "[1, 2]", "JSON object" },
  { "wrong-format", "{\"format\": \"something.else\", \"version\": 1}", "format" },
  { "no-version", "{\"format\": \"io.github.microcred.profile\"}", "version" },
  { "wrong-version", "{\"format\": \"io.github.microcred.profile\", \"version\": 2, \"id\": \"x\"}",
    "version 2" },
  { "unknown-member", HEAD "\"rules\": [], \"colour\": \"blue\"}", "colour" },
  { "no-name", "{\"format\": \"io.github.microcred.profile\", \"version\": 1, \"id\": \"local\", "
    "\"description\": \"d\", \"source\": \"s\", \"rules\": []}", "name" },
  { "bad-id", "{\"format\": \"io.github.microcred.profile\", \"version\": 1, \"id\": \"Local Rules\", "
    "\"name\": \"n\", \"description\": \"d\", \"source\": \"s\", \"rules\": []}", "id" },
  { "rules-not-list", HEAD "\"rules\": {}}", "rules" },
  { "rule-not-object", HEAD "\"rules\": [42]}", "Rule 1" },
  { "rule-without-id", HEAD "\"rules\": [{\"severity\": \"error\", \"check\": \"required\", "
    "\"field\": \"title\"}]}", "Rule 1" },
  { "duplicate-rule", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", \"check\": \"required\", "
    "\"field\": \"title\"}, {\"id\": \"a\", \"severity\": \"error\", \"check\": \"required\", "
    "\"field\": \"aims\"}]}", "same id" },
  { "unknown-check", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", \"check\": \"telepathy\", "
    "\"field\": \"title\"}]}", "telepathy" },
  { "unknown-field", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", \"check\": \"required\", "
    "\"field\": \"colour\"}]}", "colour" },
  { "no-field", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", \"check\": \"required\"}]}",
    "field" },
  { "bad-severity", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"fatal\", \"check\": \"required\", "
    "\"field\": \"title\"}]}", "severity" },
  { "unknown-rule-member", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"required\", \"field\": \"title\", \"sevrity\": \"x\"}]}", "sevrity" },
  { "param-not-taken", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"required\", \"field\": \"title\", \"min\": 1}]}", "does not take" },
  { "range-on-text", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"range\", \"field\": \"title\", \"min\": 1}]}", "cannot be applied" },
  { "range-without-bounds", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"range\", \"field\": \"hours\"}]}", "min" },
  { "range-inverted", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"range\", \"field\": \"hours\", \"min\": 10, \"max\": 5}]}", "greater" },
  /* Found in review: bounds that switch a rule off or fail every design. */
  { "exclusive-without-bound", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"range\", \"field\": \"hours\", \"max\": 5, \"min_exclusive\": true}]}",
    "min_exclusive" },
  { "empty-open-range", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"range\", \"field\": \"hours\", \"min\": 5, \"max\": 5, \"max_exclusive\": true}]}",
    "no value" },
  { "when-min-above-max", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"required\", \"field\": \"title\", \"when\": {\"ects\": {\"min\": 9, \"max\": 3}}}]}",
    "greater" },
  { "named-check-wrong-field", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"weights-sum\", \"field\": \"partners\"}]}", "weights-sum" },
  { "one-of-without-values", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"one_of\", \"field\": \"cycle\"}]}", "values" },
  { "one-of-unknown-nick", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"one_of\", \"field\": \"cycle\", \"values\": [\"fourth\"]}]}", "cycle" },
  { "items-unknown-item-field", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"items-required\", \"field\": \"partners\", \"item_field\": \"phone\"}]}", "phone" },
  { "when-unknown-field", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"required\", \"field\": \"title\", \"when\": {\"colour\": \"red\"}}]}", "colour" },
  { "when-bad-value", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"required\", \"field\": \"title\", \"when\": {\"credit_bearing\": \"yes\"}}]}",
    "credit_bearing" },
  { "warn-days-negative", HEAD "\"rules\": [{\"id\": \"a\", \"severity\": \"error\", "
    "\"check\": \"partner-agreements\", \"field\": \"partners\", \"warn_days\": -1}]}", "warn_days" },
};

static void
test_malformed (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(McProfile) profile = load (malformed[i].json, &error);

  g_assert_null (profile);
  g_assert_error (error, MC_PROFILE_ERROR, MC_PROFILE_ERROR_INVALID);
  if (strstr (error->message, malformed[i].complaint) == NULL)
    g_test_message ("message was: %s", error->message);
  g_assert_nonnull (strstr (error->message, malformed[i].complaint));
}

/* A profile of one's own: conditions of every form, replacing by id. */
static void
test_custom_profile (void)
{
  const char *json = HEAD "\"rules\": ["
    "{\"id\": \"local.short-evening\", \"severity\": \"warning\", \"check\": \"range\", "
    " \"field\": \"hours\", \"max\": 60, \"when\": {\"ects\": {\"min\": 1, \"max\": 2}, "
    " \"nqf_name\": [\"FHEQ\", \"SCQF\"], \"aims\": {\"empty\": false}}},"
    "{\"id\": \"local.fee\", \"severity\": \"info\", \"check\": \"required\", \"field\": \"fee\", "
    " \"alternatives\": [\"fee_currency\", \"capacity\"]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(McProfile) profile = load (json, &error);
  g_autoptr(McValidator) v = test_validator ();
  g_autoptr(McRevision) r = complete_revision ();
  g_autoptr(GPtrArray) findings = NULL;
  guint n_before;

  g_assert_no_error (error);
  n_before = g_list_model_get_n_items (mc_validator_get_profiles (v));
  mc_validator_add_profile (v, profile);
  mc_validator_add_profile (v, profile);
  g_assert_cmpuint (g_list_model_get_n_items (mc_validator_get_profiles (v)), ==, n_before + 1);
  g_assert_true (mc_validator_find_profile (v, "local") == profile);

  /* ects 5 is outside the condition: only the fee note. */
  findings = validate_one (v, r, "local");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (mc_finding_get_rule_id (g_ptr_array_index (findings, 0)), ==, "local.fee");
  g_assert_nonnull (strstr (mc_finding_get_message (g_ptr_array_index (findings, 0)), "Fee currency"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  mc_revision_set_double (r, "ects", 2);
  mc_revision_set_int (r, "capacity", 30);
  findings = validate_one (v, r, "local");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (mc_finding_get_rule_id (g_ptr_array_index (findings, 0)), ==, "local.short-evening");
  g_assert_cmpint (mc_finding_get_severity (g_ptr_array_index (findings, 0)), ==, MC_SEVERITY_WARNING);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Each condition must hold. */
  mc_revision_set_string (r, "nqf_name", "NLQF");
  findings = validate_one (v, r, "local");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  mc_revision_set_string (r, "nqf_name", "fheq");
  mc_revision_set_string (r, "aims", "");
  findings = validate_one (v, r, "local");
  g_assert_cmpuint (findings->len, ==, 0);
}

/* Not a timed test (machines differ), but the figure is logged. */
static void
test_speed (void)
{
  g_autoptr(McValidator) v = test_validator ();
  g_autoptr(McRevision) r = complete_revision ();
  gint64 start = g_get_monotonic_time ();
  const guint rounds = 200;
  double per_design;

  no_outcomes (r, v);
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GPtrArray) findings = validate (v, r);
      g_assert_cmpuint (findings->len, >, 0);
    }
  per_design = (g_get_monotonic_time () - start) / 1000.0 / rounds;
  g_test_message ("validation against all profiles: %.3f ms per design", per_design);
  g_assert_cmpfloat (per_design, <, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(McValidator) v = NULL;
  GListModel *profiles;

  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/core/validator/builtin", test_builtin);
  g_test_add_func ("/core/validator/complete-design", test_complete_design);
  g_test_add_func ("/core/validator/no-stale-cases", test_no_stale_cases);
  g_test_add_func ("/core/validator/unknown-profile", test_unknown_profile);
  g_test_add_func ("/core/validator/order", test_order);
  g_test_add_func ("/core/validator/today", test_today);
  g_test_add_func ("/core/validator/issuer-country-code", test_issuer_country_code);
  g_test_add_func ("/core/validator/custom-profile", test_custom_profile);
  g_test_add_func ("/core/validator/speed", test_speed);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/validator/malformed/%s", malformed[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_malformed);
    }

  /* One test per rule, from the rules the profiles actually contain. */
  v = mc_validator_new ();
  profiles = mc_validator_get_profiles (v);
  for (guint p = 0; p < g_list_model_get_n_items (profiles); p++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (profiles, p);
      JsonArray *rules = mc_profile_get_rules (profile);

      for (guint i = 0; i < json_array_get_length (rules); i++)
        {
          JsonObject *rule = json_array_get_object_element (rules, i);
          RuleData *rd = g_new0 (RuleData, 1);
          g_autofree char *path = NULL;

          rd->profile_id = g_strdup (mc_profile_get_id (profile));
          rd->rule_id = g_strdup (json_object_get_string_member (rule, "id"));
          rd->severity = g_strdup (json_object_get_string_member (rule, "severity"));
          rd->field = g_strdup (json_object_get_string_member (rule, "field"));
          path = g_strdup_printf ("/core/validator/rule/%s/%s", rd->profile_id, rd->rule_id);
          g_test_add_data_func_full (path, rd, test_rule, rule_data_free);
        }
    }

  return g_test_run ();
}
