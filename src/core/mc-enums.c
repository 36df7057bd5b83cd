/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-enums.h"

G_DEFINE_ENUM_TYPE (McDesignState, mc_design_state,
  G_DEFINE_ENUM_VALUE (MC_DESIGN_STATE_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (MC_DESIGN_STATE_SUBMITTED, "submitted"),
  G_DEFINE_ENUM_VALUE (MC_DESIGN_STATE_IN_REVIEW, "in-review"),
  G_DEFINE_ENUM_VALUE (MC_DESIGN_STATE_CHANGES_REQUESTED, "changes-requested"),
  G_DEFINE_ENUM_VALUE (MC_DESIGN_STATE_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (MC_DESIGN_STATE_REJECTED, "rejected"),
  G_DEFINE_ENUM_VALUE (MC_DESIGN_STATE_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (MC_DESIGN_STATE_SUSPENDED, "suspended"),
  G_DEFINE_ENUM_VALUE (MC_DESIGN_STATE_RETIRED, "retired"),
  G_DEFINE_ENUM_VALUE (MC_DESIGN_STATE_MODIFYING, "modifying"),
  G_DEFINE_ENUM_VALUE (MC_DESIGN_STATE_MODIFICATION_REVIEW, "modification-review"))

G_DEFINE_ENUM_TYPE (McCredentialType, mc_credential_type,
  G_DEFINE_ENUM_VALUE (MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL, "skill-credential"),
  G_DEFINE_ENUM_VALUE (MC_CREDENTIAL_TYPE_MODULE, "module"),
  G_DEFINE_ENUM_VALUE (MC_CREDENTIAL_TYPE_SHORT_PROGRAMME, "short-programme"))

G_DEFINE_ENUM_TYPE (McParticipationMode, mc_participation_mode,
  G_DEFINE_ENUM_VALUE (MC_PARTICIPATION_UNSET, "unset"),
  G_DEFINE_ENUM_VALUE (MC_PARTICIPATION_ONLINE, "online"),
  G_DEFINE_ENUM_VALUE (MC_PARTICIPATION_ONSITE, "onsite"),
  G_DEFINE_ENUM_VALUE (MC_PARTICIPATION_BLENDED, "blended"),
  G_DEFINE_ENUM_VALUE (MC_PARTICIPATION_VOLUNTEERING, "volunteering"),
  G_DEFINE_ENUM_VALUE (MC_PARTICIPATION_WORK_EXPERIENCE, "work-experience"))

G_DEFINE_ENUM_TYPE (McCycle, mc_cycle,
  G_DEFINE_ENUM_VALUE (MC_CYCLE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (MC_CYCLE_SHORT, "short"),
  G_DEFINE_ENUM_VALUE (MC_CYCLE_FIRST, "first"),
  G_DEFINE_ENUM_VALUE (MC_CYCLE_SECOND, "second"),
  G_DEFINE_ENUM_VALUE (MC_CYCLE_THIRD, "third"))

G_DEFINE_ENUM_TYPE (McGradingScheme, mc_grading_scheme,
  G_DEFINE_ENUM_VALUE (MC_GRADING_UNSET, "unset"),
  G_DEFINE_ENUM_VALUE (MC_GRADING_PASS_FAIL, "pass-fail"),
  G_DEFINE_ENUM_VALUE (MC_GRADING_LETTER, "letter"),
  G_DEFINE_ENUM_VALUE (MC_GRADING_NUMERIC, "numeric"),
  G_DEFINE_ENUM_VALUE (MC_GRADING_TIERED, "tiered"))

G_DEFINE_ENUM_TYPE (McSupervision, mc_supervision,
  G_DEFINE_ENUM_VALUE (MC_SUPERVISION_UNSET, "unset"),
  G_DEFINE_ENUM_VALUE (MC_SUPERVISION_UNSUPERVISED_NO_ID, "unsupervised-no-id"),
  G_DEFINE_ENUM_VALUE (MC_SUPERVISION_SUPERVISED_NO_ID, "supervised-no-id"),
  G_DEFINE_ENUM_VALUE (MC_SUPERVISION_SUPERVISED_WITH_ID, "supervised-with-id"))

G_DEFINE_ENUM_TYPE (McAssessmentMethod, mc_assessment_method,
  G_DEFINE_ENUM_VALUE (MC_ASSESSMENT_METHOD_EXAM, "exam"),
  G_DEFINE_ENUM_VALUE (MC_ASSESSMENT_METHOD_ASSIGNMENT, "assignment"),
  G_DEFINE_ENUM_VALUE (MC_ASSESSMENT_METHOD_PROJECT, "project"),
  G_DEFINE_ENUM_VALUE (MC_ASSESSMENT_METHOD_PORTFOLIO, "portfolio"),
  G_DEFINE_ENUM_VALUE (MC_ASSESSMENT_METHOD_LAB, "lab"),
  G_DEFINE_ENUM_VALUE (MC_ASSESSMENT_METHOD_PRESENTATION, "presentation"),
  G_DEFINE_ENUM_VALUE (MC_ASSESSMENT_METHOD_QUIZ, "quiz"),
  G_DEFINE_ENUM_VALUE (MC_ASSESSMENT_METHOD_PRACTICAL, "practical"),
  G_DEFINE_ENUM_VALUE (MC_ASSESSMENT_METHOD_PRIOR_LEARNING, "prior-learning"),
  G_DEFINE_ENUM_VALUE (MC_ASSESSMENT_METHOD_OTHER, "other"))

G_DEFINE_ENUM_TYPE (McEqfDomain, mc_eqf_domain,
  G_DEFINE_ENUM_VALUE (MC_EQF_DOMAIN_UNSET, "unset"),
  G_DEFINE_ENUM_VALUE (MC_EQF_DOMAIN_KNOWLEDGE, "knowledge"),
  G_DEFINE_ENUM_VALUE (MC_EQF_DOMAIN_SKILLS, "skills"),
  G_DEFINE_ENUM_VALUE (MC_EQF_DOMAIN_RESPONSIBILITY_AUTONOMY, "responsibility-autonomy"))

G_DEFINE_ENUM_TYPE (McPartnerKind, mc_partner_kind,
  G_DEFINE_ENUM_VALUE (MC_PARTNER_KIND_EMPLOYER, "employer"),
  G_DEFINE_ENUM_VALUE (MC_PARTNER_KIND_INDUSTRY_BODY, "industry-body"),
  G_DEFINE_ENUM_VALUE (MC_PARTNER_KIND_PROFESSIONAL_BODY, "professional-body"),
  G_DEFINE_ENUM_VALUE (MC_PARTNER_KIND_EDUCATION, "education"),
  G_DEFINE_ENUM_VALUE (MC_PARTNER_KIND_PUBLIC_BODY, "public-body"),
  G_DEFINE_ENUM_VALUE (MC_PARTNER_KIND_COMMUNITY, "community"))

G_DEFINE_FLAGS_TYPE (McPartnerRole, mc_partner_role,
  G_DEFINE_ENUM_VALUE (MC_PARTNER_ROLE_CO_DESIGN, "co-design"),
  G_DEFINE_ENUM_VALUE (MC_PARTNER_ROLE_CO_DELIVERY, "co-delivery"),
  G_DEFINE_ENUM_VALUE (MC_PARTNER_ROLE_ASSESSMENT, "assessment"),
  G_DEFINE_ENUM_VALUE (MC_PARTNER_ROLE_CO_BRANDING, "co-branding"),
  G_DEFINE_ENUM_VALUE (MC_PARTNER_ROLE_RECOGNITION, "recognition"))

G_DEFINE_ENUM_TYPE (McStackability, mc_stackability,
  G_DEFINE_ENUM_VALUE (MC_STACKABILITY_STANDALONE, "standalone"),
  G_DEFINE_ENUM_VALUE (MC_STACKABILITY_STACKABLE, "stackable"))

G_DEFINE_ENUM_TYPE (McStackTargetKind, mc_stack_target_kind,
  G_DEFINE_ENUM_VALUE (MC_STACK_TARGET_CREDENTIAL, "credential"),
  G_DEFINE_ENUM_VALUE (MC_STACK_TARGET_PROGRAMME, "programme"))

G_DEFINE_FLAGS_TYPE (McRecognitionRoute, mc_recognition_route,
  G_DEFINE_ENUM_VALUE (MC_RECOGNITION_CREDIT_TRANSFER, "credit-transfer"),
  G_DEFINE_ENUM_VALUE (MC_RECOGNITION_PRIOR_LEARNING, "prior-learning"),
  G_DEFINE_ENUM_VALUE (MC_RECOGNITION_JOINT_OFFER, "joint-offer"),
  G_DEFINE_ENUM_VALUE (MC_RECOGNITION_NATIONAL_FRAMEWORK, "national-framework"),
  G_DEFINE_ENUM_VALUE (MC_RECOGNITION_EMPLOYER, "employer"))

G_DEFINE_ENUM_TYPE (McCurriculumOrigin, mc_curriculum_origin,
  G_DEFINE_ENUM_VALUE (MC_CURRICULUM_NEW, "new"),
  G_DEFINE_ENUM_VALUE (MC_CURRICULUM_UNBUNDLED, "unbundled"))

G_DEFINE_ENUM_TYPE (McSeverity, mc_severity,
  G_DEFINE_ENUM_VALUE (MC_SEVERITY_INFO, "info"),
  G_DEFINE_ENUM_VALUE (MC_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (MC_SEVERITY_ERROR, "error"))

G_DEFINE_ENUM_TYPE (McSection, mc_section,
  G_DEFINE_ENUM_VALUE (MC_SECTION_OVERVIEW, "overview"),
  G_DEFINE_ENUM_VALUE (MC_SECTION_OUTCOMES, "outcomes"),
  G_DEFINE_ENUM_VALUE (MC_SECTION_WORKLOAD, "workload"),
  G_DEFINE_ENUM_VALUE (MC_SECTION_ASSESSMENT, "assessment"),
  G_DEFINE_ENUM_VALUE (MC_SECTION_DELIVERY, "delivery"),
  G_DEFINE_ENUM_VALUE (MC_SECTION_QUALITY, "quality"),
  G_DEFINE_ENUM_VALUE (MC_SECTION_PARTNERS, "partners"),
  G_DEFINE_ENUM_VALUE (MC_SECTION_CLASSIFICATION, "classification"),
  G_DEFINE_ENUM_VALUE (MC_SECTION_ISSUING, "issuing"))

G_DEFINE_ENUM_TYPE (McRole, mc_role,
  G_DEFINE_ENUM_VALUE (MC_ROLE_AUTHOR, "author"),
  G_DEFINE_ENUM_VALUE (MC_ROLE_REVIEWER, "reviewer"),
  G_DEFINE_ENUM_VALUE (MC_ROLE_QA_CHAIR, "qa-chair"),
  G_DEFINE_ENUM_VALUE (MC_ROLE_REGISTRAR, "registrar"),
  G_DEFINE_ENUM_VALUE (MC_ROLE_ADMINISTRATOR, "administrator"))

G_DEFINE_ENUM_TYPE (McAction, mc_action,
  G_DEFINE_ENUM_VALUE (MC_ACTION_CREATE, "create"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_IMPORT, "import"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_DELETE, "delete"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_SUBMIT, "submit"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_WITHDRAW, "withdraw"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_ASSIGN_REVIEWERS, "assign-reviewers"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_SUBMIT_REVIEW, "submit-review"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_COMMENT, "comment"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_RESOLVE_COMMENT, "resolve-comment"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_DECIDE, "decide"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_REVISE, "revise"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_MEET_CONDITION, "meet-condition"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_ACTIVATE, "activate"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_SUSPEND, "suspend"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_REINSTATE, "reinstate"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_RETIRE, "retire"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_START_MODIFICATION, "start-modification"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_SUBMIT_MODIFICATION, "submit-modification"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_ANNUAL_REVIEW, "annual-review"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_ADD_PERSON, "add-person"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_ADD_UNIT, "add-unit"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_GRANT_ROLE, "grant-role"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_REVOKE_ROLE, "revoke-role"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_EDIT_TEMPLATE, "edit-template"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_CHANGE_SETTINGS, "change-settings"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_ADD_KEY, "add-key"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_RETIRE_KEY, "retire-key"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_CREATE_OFFERING, "create-offering"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_RECORD_RESULTS, "record-results"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_ISSUE, "issue"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_REVOKE_CREDENTIAL, "revoke-credential"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_SUSPEND_CREDENTIAL, "suspend-credential"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_REINSTATE_CREDENTIAL, "reinstate-credential"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_REPRINT, "reprint"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_REISSUE, "reissue"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_ADD_PARTNER, "add-partner"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_REMOVE_PARTNER, "remove-partner"),
  G_DEFINE_ENUM_VALUE (MC_ACTION_RECOGNISE, "recognise"))

G_DEFINE_ENUM_TYPE (McRating, mc_rating,
  G_DEFINE_ENUM_VALUE (MC_RATING_UNSET, "unset"),
  G_DEFINE_ENUM_VALUE (MC_RATING_MET, "met"),
  G_DEFINE_ENUM_VALUE (MC_RATING_PARTLY_MET, "partly-met"),
  G_DEFINE_ENUM_VALUE (MC_RATING_NOT_MET, "not-met"))

G_DEFINE_ENUM_TYPE (McOutcomeKind, mc_outcome_kind,
  G_DEFINE_ENUM_VALUE (MC_OUTCOME_UNSET, "unset"),
  G_DEFINE_ENUM_VALUE (MC_OUTCOME_APPROVE, "approve"),
  G_DEFINE_ENUM_VALUE (MC_OUTCOME_APPROVE_WITH_CONDITIONS, "approve-with-conditions"),
  G_DEFINE_ENUM_VALUE (MC_OUTCOME_REQUEST_CHANGES, "request-changes"),
  G_DEFINE_ENUM_VALUE (MC_OUTCOME_REJECT, "reject"))

G_DEFINE_ENUM_TYPE (McReviewState, mc_review_state,
  G_DEFINE_ENUM_VALUE (MC_REVIEW_STATE_ASSIGNED, "assigned"),
  G_DEFINE_ENUM_VALUE (MC_REVIEW_STATE_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (MC_REVIEW_STATE_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (MC_REVIEW_STATE_WITHDRAWN, "withdrawn"))

G_DEFINE_ENUM_TYPE (McTemplateKind, mc_template_kind,
  G_DEFINE_ENUM_VALUE (MC_TEMPLATE_KIND_APPROVAL, "approval"),
  G_DEFINE_ENUM_VALUE (MC_TEMPLATE_KIND_ANNUAL, "annual"),
  G_DEFINE_ENUM_VALUE (MC_TEMPLATE_KIND_MODIFICATION, "modification"))

G_DEFINE_ENUM_TYPE (McAnswerKind, mc_answer_kind,
  G_DEFINE_ENUM_VALUE (MC_ANSWER_KIND_RATING, "rating"),
  G_DEFINE_ENUM_VALUE (MC_ANSWER_KIND_TEXT, "text"))

G_DEFINE_ENUM_TYPE (McAnnualOutcome, mc_annual_outcome,
  G_DEFINE_ENUM_VALUE (MC_ANNUAL_OUTCOME_UNSET, "unset"),
  G_DEFINE_ENUM_VALUE (MC_ANNUAL_OUTCOME_CONTINUE, "continue"),
  G_DEFINE_ENUM_VALUE (MC_ANNUAL_OUTCOME_MODIFY, "modify"),
  G_DEFINE_ENUM_VALUE (MC_ANNUAL_OUTCOME_RETIRE, "retire"))

G_DEFINE_ENUM_TYPE (McTaskKind, mc_task_kind,
  G_DEFINE_ENUM_VALUE (MC_TASK_FINISH_DRAFT, "finish-draft"),
  G_DEFINE_ENUM_VALUE (MC_TASK_REVISE, "revise"),
  G_DEFINE_ENUM_VALUE (MC_TASK_ASSIGN_REVIEWERS, "assign-reviewers"),
  G_DEFINE_ENUM_VALUE (MC_TASK_REVIEW, "review"),
  G_DEFINE_ENUM_VALUE (MC_TASK_DECIDE, "decide"),
  G_DEFINE_ENUM_VALUE (MC_TASK_MEET_CONDITIONS, "meet-conditions"),
  G_DEFINE_ENUM_VALUE (MC_TASK_ACTIVATE, "activate"),
  G_DEFINE_ENUM_VALUE (MC_TASK_ANNUAL_REVIEW_DUE, "annual-review-due"),
  G_DEFINE_ENUM_VALUE (MC_TASK_ANNUAL_REVIEW_OVERDUE, "annual-review-overdue"))

G_DEFINE_ENUM_TYPE (McChangeKind, mc_change_kind,
  G_DEFINE_ENUM_VALUE (MC_CHANGE_ADDED, "added"),
  G_DEFINE_ENUM_VALUE (MC_CHANGE_REMOVED, "removed"),
  G_DEFINE_ENUM_VALUE (MC_CHANGE_CHANGED, "changed"),
  G_DEFINE_ENUM_VALUE (MC_CHANGE_MOVED, "moved"))

G_DEFINE_ENUM_TYPE (McCredentialState, mc_credential_state,
  G_DEFINE_ENUM_VALUE (MC_CREDENTIAL_STATE_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (MC_CREDENTIAL_STATE_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (MC_CREDENTIAL_STATE_SUSPENDED, "suspended"),
  G_DEFINE_ENUM_VALUE (MC_CREDENTIAL_STATE_REVOKED, "revoked"),
  G_DEFINE_ENUM_VALUE (MC_CREDENTIAL_STATE_SUPERSEDED, "superseded"))

G_DEFINE_ENUM_TYPE (McBatchState, mc_batch_state,
  G_DEFINE_ENUM_VALUE (MC_BATCH_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (MC_BATCH_STATE_CANCELLED, "cancelled"),
  G_DEFINE_ENUM_VALUE (MC_BATCH_STATE_DONE, "done"),
  G_DEFINE_ENUM_VALUE (MC_BATCH_STATE_FAILED, "failed"))

G_DEFINE_ENUM_TYPE (McKeyKind, mc_key_kind,
  G_DEFINE_ENUM_VALUE (MC_KEY_KIND_RSA, "rsa"),
  G_DEFINE_ENUM_VALUE (MC_KEY_KIND_ED25519, "ed25519"))

G_DEFINE_ENUM_TYPE (McCreditRoute, mc_credit_route,
  G_DEFINE_ENUM_VALUE (MC_CREDIT_ROUTE_CREDIT_TRANSFER, "credit-transfer"),
  G_DEFINE_ENUM_VALUE (MC_CREDIT_ROUTE_JOINT_OFFER, "joint-offer"),
  G_DEFINE_ENUM_VALUE (MC_CREDIT_ROUTE_CLEARINGHOUSE, "clearinghouse"),
  G_DEFINE_ENUM_VALUE (MC_CREDIT_ROUTE_NATIONAL_FRAMEWORK, "national-framework"),
  G_DEFINE_ENUM_VALUE (MC_CREDIT_ROUTE_PRIOR_LEARNING, "prior-learning"))

/* Translatable labels, in the order of the values of each type (for flags:
 * in the order of the bits). */
typedef struct {
  GType      (*get_type) (void);
  const char *labels[40];
} EnumLabels;

static const EnumLabels enum_labels[] = {
  { mc_design_state_get_type,
    { N_("Draft"), N_("Submitted"), N_("In review"), N_("Changes requested"), N_("Approved"),
      N_("Rejected"), N_("Active"), N_("Suspended"), N_("Retired"),
      N_("Modification in progress"), N_("Modification in review") } },
  { mc_credential_type_get_type,
    { N_("Skill credential"), N_("Micro-credential module"), N_("Short learning programme") } },
  { mc_participation_mode_get_type,
    { N_("Not stated"), N_("Online"), N_("On site"), N_("Blended"), N_("Volunteering"),
      N_("Work experience") } },
  { mc_cycle_get_type,
    { N_("Not applicable"), N_("Short cycle"), N_("First cycle (bachelor)"),
      N_("Second cycle (master)"), N_("Third cycle (doctorate)") } },
  { mc_grading_scheme_get_type,
    { N_("Not stated"), N_("Pass or fail"), N_("Letter grades"), N_("Numeric marks"),
      N_("Tiered levels") } },
  { mc_supervision_get_type,
    { N_("Not stated"), N_("Unsupervised, no identity verification"),
      N_("Supervised, no identity verification"),
      N_("Supervised online or on site, with identity verification") } },
  { mc_assessment_method_get_type,
    { N_("Examination"), N_("Written assignment"), N_("Project"), N_("Portfolio"),
      N_("Laboratory work"), N_("Presentation"), N_("Quiz or test"), N_("Practical assessment"),
      N_("Recognition of prior learning"), N_("Other") } },
  { mc_eqf_domain_get_type,
    { N_("Not stated"), N_("Knowledge"), N_("Skills"), N_("Responsibility and autonomy") } },
  { mc_partner_kind_get_type,
    { N_("Employer"), N_("Industry body"), N_("Professional body"),
      N_("Education or training provider"), N_("Public body"), N_("Community organisation") } },
  { mc_partner_role_get_type,
    { N_("Co-design"), N_("Co-delivery"), N_("Assessment"), N_("Co-branding"),
      N_("Recognition in hiring") } },
  { mc_stackability_get_type,
    { N_("Stand-alone"), N_("Stackable") } },
  { mc_stack_target_kind_get_type,
    { N_("Credential"), N_("Programme") } },
  { mc_recognition_route_get_type,
    { N_("Credit transfer"), N_("Recognition of prior learning"), N_("Joint offer"),
      N_("National qualifications framework"), N_("Employer recognition") } },
  { mc_curriculum_origin_get_type,
    { N_("New curriculum"), N_("Unbundled from an existing programme") } },
  { mc_severity_get_type,
    { N_("Note"), N_("Warning"), N_("Error") } },
  { mc_section_get_type,
    { N_("Overview"), N_("Learning outcomes"), N_("Workload and level"), N_("Assessment"),
      N_("Delivery"), N_("Quality and recognition"), N_("Partners"), N_("Classification"),
      N_("Issuing policy") } },
  { mc_role_get_type,
    { N_("Author"), N_("Reviewer"), N_("QA chair"), N_("Registrar"), N_("Administrator") } },
  { mc_action_get_type,
    { N_("Created"), N_("Imported"), N_("Deleted"), N_("Submitted"), N_("Withdrawn"),
      N_("Reviewers assigned"), N_("Review submitted"), N_("Commented"), N_("Comment resolved"),
      N_("Decision recorded"), N_("Revision started"), N_("Condition met"), N_("Activated"),
      N_("Suspended"), N_("Reinstated"), N_("Retired"), N_("Modification started"),
      N_("Modification submitted"), N_("Yearly review completed"), N_("Person added"),
      N_("Academic unit added"), N_("Role granted"), N_("Role revoked"),
      N_("Review template changed"), N_("Settings changed"), N_("Signing key added"),
      N_("Signing key retired"), N_("Offering created"), N_("Results recorded"),
      N_("Credential issued"), N_("Credential revoked"), N_("Credential suspended"),
      N_("Credential reinstated"), N_("Certificate reprinted"), N_("Credential re-issued"),
      N_("Partner issuer added"), N_("Partner issuer removed"), N_("Credit recognised") } },
  { mc_rating_get_type,
    { N_("Not answered"), N_("Met"), N_("Partly met"), N_("Not met") } },
  { mc_outcome_kind_get_type,
    { N_("Not chosen"), N_("Approve"), N_("Approve with conditions"), N_("Request changes"),
      N_("Reject") } },
  { mc_review_state_get_type,
    { N_("Assigned"), N_("In progress"), N_("Completed"), N_("Withdrawn") } },
  { mc_template_kind_get_type,
    { N_("Design approval"), N_("Yearly review"), N_("Minor modification") } },
  { mc_answer_kind_get_type,
    { N_("Rating"), N_("Text") } },
  { mc_annual_outcome_get_type,
    { N_("Not chosen"), N_("Continue"), N_("Modify"), N_("Retire") } },
  { mc_task_kind_get_type,
    { N_("Finish the draft"), N_("Revise and resubmit"), N_("Assign reviewers"), N_("Review"),
      N_("Record the decision"), N_("Meet the conditions"), N_("Activate"),
      N_("Yearly review due"), N_("Yearly review overdue") } },
  { mc_change_kind_get_type,
    { N_("Added"), N_("Removed"), N_("Changed"), N_("Moved") } },
  { mc_credential_state_get_type,
    { N_("Being issued"), N_("Active"), N_("Suspended"), N_("Revoked"), N_("Superseded") } },
  { mc_batch_state_get_type,
    { N_("Running"), N_("Cancelled"), N_("Done"), N_("Failed") } },
  { mc_key_kind_get_type,
    { N_("RSA"), N_("Ed25519") } },
  { mc_credit_route_get_type,
    { N_("Credit transfer"), N_("Joint offer"), N_("Clearinghouse"),
      N_("National qualifications framework"), N_("Recognition of prior learning") } },
};

static const EnumLabels *
find_labels (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    if (enum_labels[i].get_type () == type)
      return &enum_labels[i];
  return NULL;
}

/**
 * mc_enum_to_nick:
 * @enum_type: a GEnum type
 * @value: a value of it
 *
 * Returns: (transfer none) (nullable): the stable identifier of @value
 */
const char *
mc_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  v = g_enum_get_value (klass, value);
  return v != NULL ? v->value_nick : NULL;
}

gboolean
mc_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;
  if (value != NULL)
    *value = v->value;
  return TRUE;
}

const char *
mc_enum_label (GType type,
               guint value)
{
  const EnumLabels *labels = find_labels (type);
  guint index = value;

  g_return_val_if_fail (labels != NULL, "");

  if (G_TYPE_IS_FLAGS (type))
    {
      g_return_val_if_fail (value != 0 && (value & (value - 1)) == 0, "");
      index = (guint) g_bit_nth_lsf (value, -1);
    }
  g_return_val_if_fail (index < G_N_ELEMENTS (labels->labels) && labels->labels[index] != NULL, "");

  return g_dgettext (GETTEXT_PACKAGE, labels->labels[index]);
}

guint
mc_enum_n_values (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  if (G_IS_ENUM_CLASS (klass))
    return G_ENUM_CLASS (klass)->n_values;
  if (G_IS_FLAGS_CLASS (klass))
    return G_FLAGS_CLASS (klass)->n_values;
  g_return_val_if_reached (0);
}

guint
mc_enum_nth_value (GType type,
                   guint index)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  g_return_val_if_fail (index < mc_enum_n_values (type), 0);

  if (G_IS_ENUM_CLASS (klass))
    return (guint) G_ENUM_CLASS (klass)->values[index].value;
  return G_FLAGS_CLASS (klass)->values[index].value;
}

gboolean
mc_flags_from_nicks (GType               flags_type,
                     const char * const *nicks,
                     guint              *value,
                     const char        **bad_nick)
{
  g_autoptr(GFlagsClass) klass = NULL;
  guint result = 0;

  g_return_val_if_fail (G_TYPE_IS_FLAGS (flags_type), FALSE);

  klass = g_type_class_ref (flags_type);
  for (guint i = 0; nicks != NULL && nicks[i] != NULL; i++)
    {
      GFlagsValue *v = g_flags_get_value_by_nick (klass, nicks[i]);

      if (v == NULL)
        {
          if (bad_nick != NULL)
            *bad_nick = nicks[i];
          return FALSE;
        }
      result |= v->value;
    }
  if (value != NULL)
    *value = result;
  return TRUE;
}

char **
mc_flags_to_nicks (GType flags_type,
                   guint value)
{
  g_autoptr(GFlagsClass) klass = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (G_TYPE_IS_FLAGS (flags_type), NULL);

  klass = g_type_class_ref (flags_type);
  for (guint i = 0; i < klass->n_values; i++)
    if ((value & klass->values[i].value) == klass->values[i].value && klass->values[i].value != 0)
      g_strv_builder_add (builder, klass->values[i].value_nick);
  return g_strv_builder_end (builder);
}
