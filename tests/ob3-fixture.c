/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ob3-fixture.h"
#include "mc-item.h"

McIssuerProfile *
ob3_fixture_issuer (void)
{
  McIssuerProfile *issuer = mc_issuer_profile_new (OB3_FIXTURE_BASE "/issuer", "Hanze Polytechnic");

  mc_issuer_profile_set_url (issuer, "https://www.example.edu");
  mc_issuer_profile_set_email (issuer, "registrar@example.edu");
  mc_issuer_profile_set_country (issuer, "nl");
  mc_issuer_profile_set_legal_identifier (issuer, "KvK 01234567");
  mc_issuer_profile_set_image_url (issuer, OB3_FIXTURE_BASE "/logo.png");
  mc_issuer_profile_set_description (issuer, "A university of applied sciences.");
  return issuer;
}

static const struct {
  McGradingScheme scheme;
  const char     *scale;
  const char     *grade;
} gradings[] = {
  { MC_GRADING_UNSET, "", "Completed" },
  { MC_GRADING_PASS_FAIL, "Pass, Fail", "Pass" },
  { MC_GRADING_LETTER, "A–F, pass at D", "B" },
  { MC_GRADING_NUMERIC, "0–100 %, pass mark 40 %", "72" },
  { MC_GRADING_TIERED, "Novice, proficient, expert", "Proficient" },
};

const char *
ob3_fixture_grade (McGradingScheme scheme)
{
  return gradings[scheme].grade;
}

static void
add_outcomes (McRevision *revision)
{
  g_autoptr(McOutcome) first = mc_outcome_new ("BS1", "Compare lithium-ion cell chemistries for a given vehicle duty cycle.");
  g_autoptr(McOutcome) second = mc_outcome_new ("BS2", "Size a battery pack and its thermal management for a range target.");

  mc_item_set_int (MC_ITEM (first), "domain", MC_EQF_DOMAIN_KNOWLEDGE);
  mc_item_set_int (MC_ITEM (second), "domain", MC_EQF_DOMAIN_SKILLS);
  g_list_store_append (mc_revision_get_outcomes (revision), first);
  g_list_store_append (mc_revision_get_outcomes (revision), second);
}

static void
add_assessments (McRevision *revision)
{
  g_autoptr(McAssessment) project = mc_assessment_new ();
  g_autoptr(McAssessment) exam = mc_assessment_new ();
  const char *project_outcomes[] = { "BS2", NULL };
  const char *exam_outcomes[] = { "BS1", NULL };

  mc_item_set_int (MC_ITEM (project), "method", MC_ASSESSMENT_METHOD_PROJECT);
  mc_item_set_string (MC_ITEM (project), "description", "Pack design report.");
  mc_item_set_double (MC_ITEM (project), "weight", 70);
  mc_item_set_boolean (MC_ITEM (project), "summative", TRUE);
  mc_item_set_strv (MC_ITEM (project), "outcomes", project_outcomes);
  mc_item_set_int (MC_ITEM (project), "supervision", MC_SUPERVISION_UNSUPERVISED_NO_ID);
  mc_item_set_int (MC_ITEM (exam), "method", MC_ASSESSMENT_METHOD_EXAM);
  mc_item_set_string (MC_ITEM (exam), "description", "Written examination on campus.");
  mc_item_set_double (MC_ITEM (exam), "weight", 30);
  mc_item_set_boolean (MC_ITEM (exam), "summative", TRUE);
  mc_item_set_strv (MC_ITEM (exam), "outcomes", exam_outcomes);
  mc_item_set_int (MC_ITEM (exam), "supervision", MC_SUPERVISION_SUPERVISED_WITH_ID);
  g_list_store_append (mc_revision_get_assessments (revision), project);
  g_list_store_append (mc_revision_get_assessments (revision), exam);
}

static void
add_partners_and_targets (McRevision *revision)
{
  g_autoptr(McPartner) partner = mc_partner_new ("Noord E-Mobility Cluster");
  g_autoptr(McStackTarget) target = mc_stack_target_new ("Minor Sustainable Mobility");

  mc_item_set_int (MC_ITEM (partner), "kind", MC_PARTNER_KIND_INDUSTRY_BODY);
  mc_item_set_flags (MC_ITEM (partner), "roles", MC_PARTNER_ROLE_CO_DESIGN | MC_PARTNER_ROLE_RECOGNITION);
  mc_item_set_string (MC_ITEM (partner), "contact", "info@noord-emobility.example");
  mc_item_set_int (MC_ITEM (target), "kind", MC_STACK_TARGET_PROGRAMME);
  mc_item_set_double (MC_ITEM (target), "ects", 4);
  g_list_store_append (mc_revision_get_partners (revision), partner);
  g_list_store_append (mc_revision_get_stack_targets (revision), target);
}

McRevision *
ob3_fixture_full_revision (McGradingScheme scheme)
{
  McRevision *revision = mc_revision_new ();
  const char *languages[] = { "en", "nl", NULL };

  mc_revision_set_string (revision, "title", "Battery Systems for Electric Vehicles");
  mc_revision_set_int (revision, "credential_type", MC_CREDENTIAL_TYPE_MODULE);
  mc_revision_set_string (revision, "description",
                          "Cell chemistry, pack design and battery management for engineers.");
  mc_revision_set_string (revision, "aims", "Prepare engineers for electric mobility.");
  mc_revision_set_strv (revision, "languages", languages);
  mc_revision_set_string (revision, "awarding_body", "Hanze Polytechnic");
  mc_revision_set_string (revision, "further_information", "See the course catalogue.");
  mc_revision_set_string (revision, "prerequisites", "A bachelor's degree in engineering.");
  mc_revision_set_double (revision, "ects", 4);
  mc_revision_set_int (revision, "hours", 112);
  mc_revision_set_boolean (revision, "credit_bearing", TRUE);
  mc_revision_set_int (revision, "eqf_level", 6);
  mc_revision_set_string (revision, "nqf_name", "NLQF");
  mc_revision_set_string (revision, "nqf_level", "6");
  mc_revision_set_int (revision, "cycle", MC_CYCLE_FIRST);
  mc_revision_set_int (revision, "participation_mode", MC_PARTICIPATION_BLENDED);
  mc_revision_set_int (revision, "grading_scheme", scheme);
  mc_revision_set_string (revision, "grading_scale", gradings[scheme].scale);
  mc_revision_set_string (revision, "qa_internal", "Approved by the faculty examination board.");
  mc_revision_set_string (revision, "qa_external_body", "NVAO");
  mc_revision_set_string (revision, "qa_accreditation", "Accredited bachelor programme");
  mc_revision_set_string (revision, "psrb_recognition", "Recognised by the Royal Institute of Engineers.");
  mc_revision_set_int (revision, "stackability", MC_STACKABILITY_STACKABLE);
  mc_revision_set_boolean (revision, "stacking_sequential", FALSE);
  mc_revision_set_flags (revision, "recognition_routes", MC_RECOGNITION_CREDIT_TRANSFER | MC_RECOGNITION_EMPLOYER);
  mc_revision_set_string (revision, "isced_f", "0716");
  mc_revision_set_string (revision, "hecos", "100184");
  mc_revision_set_string (revision, "cah", "CAH10-01-08");
  if (mc_field_lookup ("code") != NULL)
    mc_revision_set_string (revision, "code", "BSEV-01");
  add_outcomes (revision);
  add_assessments (revision);
  add_partners_and_targets (revision);
  return revision;
}

McRevision *
ob3_fixture_minimal_revision (void)
{
  McRevision *revision = mc_revision_new ();

  mc_revision_set_string (revision, "title", "Safe Lab Practice");
  mc_revision_set_string (revision, "description", "Working safely in a chemistry laboratory.");
  return revision;
}

McCredentialBuilder *
ob3_fixture_builder (McRevision *revision)
{
  g_autoptr(McIssuerProfile) issuer = ob3_fixture_issuer ();
  McCredentialBuilder *builder = mc_credential_builder_new (issuer);
  McGradingScheme scheme = mc_revision_get_int (revision, "grading_scheme");

  mc_credential_builder_set_revision (builder, revision, OB3_FIXTURE_DESIGN,
                                      OB3_FIXTURE_BASE "/achievements/" OB3_FIXTURE_DESIGN);
  mc_credential_builder_set_offering (builder, "BSEV-2025-A", "2025-09-01", "2026-01-31",
                                      MC_PARTICIPATION_UNSET);
  mc_credential_builder_set_learner (builder, OB3_FIXTURE_LEARNER, "Lena de Vries", "S1234567",
                                     "Lena.deVries@student.example.edu");
  mc_credential_builder_set_result (builder, gradings[scheme].grade, "2026-01-20", NULL);
  mc_credential_builder_set_credential (builder, OB3_FIXTURE_CREDENTIAL,
                                        "2026-02-01T09:00:00Z", "2027-02-01T09:00:00Z");
  mc_credential_builder_set_status (builder, OB3_FIXTURE_BASE "/status/", OB3_FIXTURE_STATUS);
  return builder;
}
