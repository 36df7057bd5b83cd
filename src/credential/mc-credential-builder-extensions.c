/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-credential-builder-private.h"
#include "mc-item.h"
#include "mc-ob3-json-private.h"

/* The EU elements of a micro-credential (Council Recommendation of 2022,
 * Annex I, and the MICROBOL list) that Open Badges has no property for,
 * written as plainly named properties.  Every name is defined in a small
 * JSON-LD context carried inline as the last @context entry, so that the
 * credential stays self-contained and no address has to be served for it.
 * docs/credential-format.md describes each one. */

#define VOCAB "https://microcred.github.io/vocab/credential#"

/* Sorted; the lists whose order matters are JSON-LD lists. */
static const struct {
  const char *term;
  gboolean    ordered;
} terms[] = {
  { "accreditation", FALSE },
  { "aims", FALSE },
  { "assessedOutcomes", FALSE },
  { "assessmentMethod", FALSE },
  { "assessments", TRUE },
  { "cahCode", FALSE },
  { "creditBearing", FALSE },
  { "creditsCounted", FALSE },
  { "eqfDomain", FALSE },
  { "externalQualityAssuranceBody", FALSE },
  { "furtherInformation", FALSE },
  { "hecosCode", FALSE },
  { "internalQualityAssurance", FALSE },
  { "languagesOfInstruction", FALSE },
  { "learningOutcomes", TRUE },
  { "microcredentialType", FALSE },
  { "nationalFramework", FALSE },
  { "nationalFrameworkLevel", FALSE },
  { "notionalWorkloadHours", FALSE },
  { "offeringCode", FALSE },
  { "outcomeCode", FALSE },
  { "participationMode", FALSE },
  { "partnerKind", FALSE },
  { "partnerRoles", FALSE },
  { "partners", FALSE },
  { "prerequisites", FALSE },
  { "professionalRecognition", FALSE },
  { "qualificationCycle", FALSE },
  { "recognitionRoutes", FALSE },
  { "stackability", FALSE },
  { "stackingSequential", FALSE },
  { "stackTargets", FALSE },
  { "statement", FALSE },
  { "summative", FALSE },
  { "supervision", FALSE },
  { "targetKind", FALSE },
  { "weightPercent", FALSE },
};

void
_mc_credential_builder_add_context (JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mc");
  json_builder_add_string_value (builder, VOCAB);
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      g_autofree char *iri = g_strconcat ("mc:", terms[i].term, NULL);

      json_builder_set_member_name (builder, terms[i].term);
      if (!terms[i].ordered)
        {
          json_builder_add_string_value (builder, iri);
          continue;
        }
      json_builder_begin_object (builder);
      _mc_ob3_json_add_string (builder, "@id", iri);
      _mc_ob3_json_add_string (builder, "@container", "@list");
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_nick (JsonBuilder *builder,
          const char  *name,
          GType        enum_type,
          int          value)
{
  _mc_ob3_json_add_string (builder, name, mc_enum_to_nick (enum_type, value));
}

static void
add_flags (JsonBuilder *builder,
           const char  *name,
           GType        flags_type,
           guint        value)
{
  g_auto(GStrv) nicks = mc_flags_to_nicks (flags_type, value);

  _mc_ob3_json_add_strv (builder, name, (const char * const *) nicks);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  if (value <= 0)
    return;
  json_builder_set_member_name (builder, name);
  if (value == (gint64) value)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
add_outcome (JsonBuilder *builder,
             McItem      *outcome)
{
  McEqfDomain domain = mc_item_get_int (outcome, "domain");

  _mc_ob3_json_add_string (builder, "outcomeCode", mc_item_get_string (outcome, "code"));
  _mc_ob3_json_add_string (builder, "statement", mc_item_get_string (outcome, "text"));
  if (domain != MC_EQF_DOMAIN_UNSET)
    add_nick (builder, "eqfDomain", MC_TYPE_EQF_DOMAIN, domain);
}

static void
add_assessment (JsonBuilder *builder,
                McItem      *assessment)
{
  McSupervision supervision = mc_item_get_int (assessment, "supervision");

  add_nick (builder, "assessmentMethod", MC_TYPE_ASSESSMENT_METHOD, mc_item_get_int (assessment, "method"));
  _mc_ob3_json_add_string (builder, "description", mc_item_get_string (assessment, "description"));
  add_number (builder, "weightPercent", mc_item_get_double (assessment, "weight"));
  add_boolean (builder, "summative", mc_item_get_boolean (assessment, "summative"));
  if (supervision != MC_SUPERVISION_UNSET)
    add_nick (builder, "supervision", MC_TYPE_SUPERVISION, supervision);
  _mc_ob3_json_add_strv (builder, "assessedOutcomes", mc_item_get_strv (assessment, "outcomes"));
}

static void
add_partner (JsonBuilder *builder,
             McItem      *partner)
{
  _mc_ob3_json_add_string (builder, "name", mc_item_get_string (partner, "name"));
  add_nick (builder, "partnerKind", MC_TYPE_PARTNER_KIND, mc_item_get_int (partner, "kind"));
  add_flags (builder, "partnerRoles", MC_TYPE_PARTNER_ROLE, mc_item_get_flags (partner, "roles"));
}

static void
add_stack_target (JsonBuilder *builder,
                  McItem      *target)
{
  _mc_ob3_json_add_string (builder, "name", mc_item_get_string (target, "name"));
  add_nick (builder, "targetKind", MC_TYPE_STACK_TARGET_KIND, mc_item_get_int (target, "kind"));
  add_number (builder, "creditsCounted", mc_item_get_double (target, "ects"));
}

/* A list of the revision as a list of objects, one per item. */
static void
add_items (JsonBuilder *builder,
           const char  *name,
           GListModel  *items,
           void       (*add_item) (JsonBuilder *, McItem *))
{
  guint n = g_list_model_get_n_items (items);

  if (n == 0)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McItem) item = g_list_model_get_item (items, i);

      json_builder_begin_object (builder);
      add_item (builder, item);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_texts (McCredentialBuilder *self,
           JsonBuilder         *builder)
{
  /* Extension property, revision field: both named in the table of
   * docs/credential-format.md. */
  static const char * const texts[][2] = {
    { "nationalFramework", "nqf_name" },
    { "nationalFrameworkLevel", "nqf_level" },
    { "prerequisites", "prerequisites" },
    { "aims", "aims" },
    { "furtherInformation", "further_information" },
    { "internalQualityAssurance", "qa_internal" },
    { "externalQualityAssuranceBody", "qa_external_body" },
    { "accreditation", "qa_accreditation" },
    { "professionalRecognition", "psrb_recognition" },
    { "hecosCode", "hecos" },
    { "cahCode", "cah" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    _mc_ob3_json_add_string (builder, texts[i][0], _mc_credential_builder_revision_text (self, texts[i][1]));
}

static void
add_stacking (McCredentialBuilder *self,
              JsonBuilder         *builder)
{
  McStackability stackability = mc_revision_get_int (self->revision, "stackability");

  add_nick (builder, "stackability", MC_TYPE_STACKABILITY, stackability);
  if (stackability == MC_STACKABILITY_STACKABLE)
    add_boolean (builder, "stackingSequential", mc_revision_get_boolean (self->revision, "stacking_sequential"));
  add_items (builder, "stackTargets", G_LIST_MODEL (mc_revision_get_stack_targets (self->revision)),
             add_stack_target);
  add_flags (builder, "recognitionRoutes", MC_TYPE_RECOGNITION_ROUTE,
             mc_revision_get_flags (self->revision, "recognition_routes"));
}

void
_mc_credential_builder_add_design_extensions (McCredentialBuilder *self,
                                              JsonBuilder         *builder)
{
  McCycle cycle = mc_revision_get_int (self->revision, "cycle");

  add_nick (builder, "microcredentialType", MC_TYPE_CREDENTIAL_TYPE,
            mc_revision_get_credential_type (self->revision));
  add_number (builder, "notionalWorkloadHours", mc_revision_get_hours (self->revision));
  add_boolean (builder, "creditBearing", mc_revision_get_boolean (self->revision, "credit_bearing"));
  if (cycle != MC_CYCLE_NONE)
    add_nick (builder, "qualificationCycle", MC_TYPE_CYCLE, cycle);
  _mc_ob3_json_add_strv (builder, "languagesOfInstruction", mc_revision_get_strv (self->revision, "languages"));
  add_items (builder, "learningOutcomes", G_LIST_MODEL (mc_revision_get_outcomes (self->revision)), add_outcome);
  add_items (builder, "assessments", G_LIST_MODEL (mc_revision_get_assessments (self->revision)), add_assessment);
  add_texts (self, builder);
  add_stacking (self, builder);
  add_items (builder, "partners", G_LIST_MODEL (mc_revision_get_partners (self->revision)), add_partner);
}

void
_mc_credential_builder_add_offering_extensions (McCredentialBuilder *self,
                                                JsonBuilder         *builder)
{
  McParticipationMode mode = self->mode != MC_PARTICIPATION_UNSET
                             ? self->mode
                             : (McParticipationMode) mc_revision_get_int (self->revision, "participation_mode");

  _mc_ob3_json_add_string (builder, "offeringCode", self->offering_code);
  if (mode != MC_PARTICIPATION_UNSET)
    add_nick (builder, "participationMode", MC_TYPE_PARTICIPATION_MODE, mode);
}
