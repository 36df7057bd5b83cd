/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-field.h"
#include "mc-item.h"

/* Hard limits: what no real design can exceed.  They stop absurd values
 * (negative ECTS, a billion hours) at the door; the policy profiles judge
 * what is merely unusual. */
#define SHORT_TEXT   500
#define LONG_TEXT    20000
#define MAX_ITEMS    200

#define STR(id, sec, label)        { id, MC_FIELD_STRING, MC_SECTION_##sec, label, NULL, 0, 0, SHORT_TEXT, 0 }
#define TXT(id, sec, label)        { id, MC_FIELD_TEXT, MC_SECTION_##sec, label, NULL, 0, 0, LONG_TEXT, 0 }
#define INT(id, sec, label, lo, hi, def) { id, MC_FIELD_INT, MC_SECTION_##sec, label, NULL, lo, hi, 0, def }
#define DBL(id, sec, label, lo, hi) { id, MC_FIELD_DOUBLE, MC_SECTION_##sec, label, NULL, lo, hi, 0, 0 }
#define BOOL(id, sec, label)       { id, MC_FIELD_BOOLEAN, MC_SECTION_##sec, label, NULL, 0, 1, 0, 0 }
#define ENUM(id, sec, label, t)    { id, MC_FIELD_ENUM, MC_SECTION_##sec, label, t, 0, 0, 0, 0 }
#define FLAGS(id, sec, label, t)   { id, MC_FIELD_FLAGS, MC_SECTION_##sec, label, t, 0, 0, 0, 0 }
#define STRV(id, sec, label, n)    { id, MC_FIELD_STRV, MC_SECTION_##sec, label, NULL, 0, 0, n, 0 }
#define LIST(id, sec, label, t)    { id, MC_FIELD_LIST, MC_SECTION_##sec, label, t, 0, 0, MAX_ITEMS, 0 }

static const McField fields[] = {
  STR  ("title", OVERVIEW, N_("Title")),
  /* The institution's own code for the course, like HLTH-MC101; it
   * becomes the Open Badges humanCode of the achievement. */
  STR  ("code", OVERVIEW, N_("Course code")),
  ENUM ("credential_type", OVERVIEW, N_("Type of credential"), mc_credential_type_get_type),
  TXT  ("description", OVERVIEW, N_("Description")),
  TXT  ("aims", OVERVIEW, N_("Aims")),
  STRV ("languages", OVERVIEW, N_("Languages of instruction"), 20),
  STR  ("awarding_body", OVERVIEW, N_("Awarding body")),
  TXT  ("further_information", OVERVIEW, N_("Further information")),

  LIST ("outcomes", OUTCOMES, N_("Learning outcomes"), mc_outcome_get_type),
  TXT  ("prerequisites", OUTCOMES, N_("Prerequisites")),

  DBL  ("ects", WORKLOAD, N_("ECTS credits"), 0, 180),
  INT  ("hours", WORKLOAD, N_("Notional learning hours"), 0, 6000, 0),
  BOOL ("credit_bearing", WORKLOAD, N_("Credit-bearing")),
  INT  ("eqf_level", WORKLOAD, N_("EQF level"), 0, 8, 0),
  STR  ("nqf_name", WORKLOAD, N_("National framework")),
  STR  ("nqf_level", WORKLOAD, N_("National framework level")),
  ENUM ("cycle", WORKLOAD, N_("Cycle"), mc_cycle_get_type),
  ENUM ("participation_mode", WORKLOAD, N_("Form of participation"), mc_participation_mode_get_type),

  LIST ("assessments", ASSESSMENT, N_("Assessment components"), mc_assessment_get_type),
  ENUM ("grading_scheme", ASSESSMENT, N_("Grading scheme"), mc_grading_scheme_get_type),
  STR  ("grading_scale", ASSESSMENT, N_("Grades or marks")),

  INT  ("duration_weeks", DELIVERY, N_("Duration in weeks"), 0, 520, 0),
  STR  ("intakes", DELIVERY, N_("Intakes")),
  INT  ("capacity", DELIVERY, N_("Places per intake"), 0, 100000, 0),
  DBL  ("fee", DELIVERY, N_("Fee"), 0, 1000000),
  STR  ("fee_currency", DELIVERY, N_("Fee currency")),
  ENUM ("curriculum_origin", DELIVERY, N_("Curriculum"), mc_curriculum_origin_get_type),

  TXT  ("qa_internal", QUALITY, N_("Internal quality assurance")),
  STR  ("qa_external_body", QUALITY, N_("External quality assurance body")),
  STR  ("qa_accreditation", QUALITY, N_("Accreditation")),
  TXT  ("psrb_recognition", QUALITY, N_("Professional body recognition (PSRB)")),
  ENUM ("stackability", QUALITY, N_("Stackability"), mc_stackability_get_type),
  BOOL ("stacking_sequential", QUALITY, N_("Must be stacked in sequence")),
  LIST ("stack_targets", QUALITY, N_("Stacks towards"), mc_stack_target_get_type),
  FLAGS("recognition_routes", QUALITY, N_("Recognition routes"), mc_recognition_route_get_type),
  TXT  ("evidence_of_need", QUALITY, N_("Evidence of need")),
  TXT  ("evidence_no_duplication", QUALITY, N_("Evidence of no duplication")),
  TXT  ("evaluation_plan", QUALITY, N_("Evaluation plan")),
  INT  ("review_cycle_months", QUALITY, N_("Review cycle in months"), 1, 120, 12),

  LIST ("partners", PARTNERS, N_("Partners"), mc_partner_get_type),

  STR  ("isced_f", CLASSIFICATION, N_("ISCED-F 2013 field")),
  STR  ("hecos", CLASSIFICATION, N_("HECoS subject code")),
  STR  ("cah", CLASSIFICATION, N_("CAH subject code")),

  INT  ("validity_months", ISSUING, N_("Validity of issued credentials in months"), 0, 600, 0),
};

#define ISTR(id, label)          { id, MC_FIELD_STRING, label, NULL, 0, 0, SHORT_TEXT }
#define ITXT(id, label)          { id, MC_FIELD_TEXT, label, NULL, 0, 0, 4000 }
#define IENUM(id, label, t)      { id, MC_FIELD_ENUM, label, t, 0, 0, 0 }
#define IFLAGS(id, label, t)     { id, MC_FIELD_FLAGS, label, t, 0, 0, 0 }
#define IDBL(id, label, lo, hi)  { id, MC_FIELD_DOUBLE, label, NULL, lo, hi, 0 }
#define IBOOL(id, label)         { id, MC_FIELD_BOOLEAN, label, NULL, 0, 1, 0 }
#define ISTRV(id, label, n)      { id, MC_FIELD_STRV, label, NULL, 0, 0, n }

static const McItemField outcome_fields[] = {
  ISTR  ("code", N_("Outcome code")),
  ITXT  ("text", N_("Outcome text")),
  IENUM ("domain", N_("EQF descriptor domain"), mc_eqf_domain_get_type),
};

static const McItemField assessment_fields[] = {
  IENUM ("method", N_("Assessment method"), mc_assessment_method_get_type),
  ITXT  ("description", N_("Component description")),
  IDBL  ("weight", N_("Weight in percent"), 0, 100),
  IBOOL ("summative", N_("Summative")),
  ISTRV ("outcomes", N_("Outcomes assessed"), MAX_ITEMS),
  IENUM ("supervision", N_("Supervision and identity verification"), mc_supervision_get_type),
};

static const McItemField partner_fields[] = {
  ISTR   ("name", N_("Partner name")),
  IENUM  ("kind", N_("Kind of partner"), mc_partner_kind_get_type),
  IFLAGS ("roles", N_("Partner roles"), mc_partner_role_get_type),
  ISTR   ("contact", N_("Contact")),
  ISTR   ("agreement_ref", N_("Agreement reference")),
  ISTR   ("agreement_expiry", N_("Agreement expires on")),
};

static const McItemField stack_target_fields[] = {
  ISTR  ("name", N_("Target name")),
  IENUM ("kind", N_("Kind of target"), mc_stack_target_kind_get_type),
  IDBL  ("ects", N_("Credits counted"), 0, 180),
};

static const struct {
  const char        *list_id;
  const McItemField *fields;
  guint              n_fields;
} item_tables[] = {
  { "outcomes", outcome_fields, G_N_ELEMENTS (outcome_fields) },
  { "assessments", assessment_fields, G_N_ELEMENTS (assessment_fields) },
  { "partners", partner_fields, G_N_ELEMENTS (partner_fields) },
  { "stack_targets", stack_target_fields, G_N_ELEMENTS (stack_target_fields) },
};

/**
 * mc_field_get_all:
 * @n_fields: (out): number of fields
 *
 * Returns: (transfer none): the fields of a revision, in editor order
 */
const McField *
mc_field_get_all (guint *n_fields)
{
  g_return_val_if_fail (n_fields != NULL, NULL);
  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

const McField *
mc_field_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].id, id))
      return &fields[i];
  return NULL;
}

const char *
mc_field_get_label (const McField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

const char *
mc_section_get_label (McSection section)
{
  return mc_enum_label (MC_TYPE_SECTION, section);
}

const char *
mc_section_get_id (McSection section)
{
  return mc_enum_to_nick (MC_TYPE_SECTION, section);
}

const McItemField *
mc_item_fields_get_all (const char *list_id,
                        guint      *n_fields)
{
  g_return_val_if_fail (list_id != NULL, NULL);
  g_return_val_if_fail (n_fields != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (item_tables); i++)
    if (g_str_equal (item_tables[i].list_id, list_id))
      {
        *n_fields = item_tables[i].n_fields;
        return item_tables[i].fields;
      }
  *n_fields = 0;
  return NULL;
}

const McItemField *
mc_item_field_lookup (const char *list_id,
                      const char *id)
{
  const McItemField *all;
  guint n;

  g_return_val_if_fail (id != NULL, NULL);

  all = mc_item_fields_get_all (list_id, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (all[i].id, id))
      return &all[i];
  return NULL;
}

const char *
mc_item_field_get_label (const McItemField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}
