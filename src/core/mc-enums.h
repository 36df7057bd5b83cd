/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every enum below is registered as a GEnum/GFlags type whose value nicks are
 * the stable identifiers used in files, the database and the command line.
 * mc_enum_label() gives the translated, human-readable label. */

typedef enum {
  MC_DESIGN_STATE_DRAFT,
  MC_DESIGN_STATE_SUBMITTED,
  MC_DESIGN_STATE_IN_REVIEW,
  MC_DESIGN_STATE_CHANGES_REQUESTED,
  MC_DESIGN_STATE_APPROVED,
  MC_DESIGN_STATE_REJECTED,
  MC_DESIGN_STATE_ACTIVE,
  MC_DESIGN_STATE_SUSPENDED,
  MC_DESIGN_STATE_RETIRED,
  /* The minor-modification route of an active design: its approved
   * revision stays in force while the next one is drafted and reviewed. */
  MC_DESIGN_STATE_MODIFYING,
  MC_DESIGN_STATE_MODIFICATION_REVIEW,
} McDesignState;

typedef enum {
  MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL,
  MC_CREDENTIAL_TYPE_MODULE,
  MC_CREDENTIAL_TYPE_SHORT_PROGRAMME,
} McCredentialType;

typedef enum {
  MC_PARTICIPATION_UNSET,
  MC_PARTICIPATION_ONLINE,
  MC_PARTICIPATION_ONSITE,
  MC_PARTICIPATION_BLENDED,
  MC_PARTICIPATION_VOLUNTEERING,
  MC_PARTICIPATION_WORK_EXPERIENCE,
} McParticipationMode;

typedef enum {
  MC_CYCLE_NONE,
  MC_CYCLE_SHORT,
  MC_CYCLE_FIRST,
  MC_CYCLE_SECOND,
  MC_CYCLE_THIRD,
} McCycle;

typedef enum {
  MC_GRADING_UNSET,
  MC_GRADING_PASS_FAIL,
  MC_GRADING_LETTER,
  MC_GRADING_NUMERIC,
  MC_GRADING_TIERED,
} McGradingScheme;

/* The three EU values for supervision and identity verification. */
typedef enum {
  MC_SUPERVISION_UNSET,
  MC_SUPERVISION_UNSUPERVISED_NO_ID,
  MC_SUPERVISION_SUPERVISED_NO_ID,
  MC_SUPERVISION_SUPERVISED_WITH_ID,
} McSupervision;

typedef enum {
  MC_ASSESSMENT_METHOD_EXAM,
  MC_ASSESSMENT_METHOD_ASSIGNMENT,
  MC_ASSESSMENT_METHOD_PROJECT,
  MC_ASSESSMENT_METHOD_PORTFOLIO,
  MC_ASSESSMENT_METHOD_LAB,
  MC_ASSESSMENT_METHOD_PRESENTATION,
  MC_ASSESSMENT_METHOD_QUIZ,
  MC_ASSESSMENT_METHOD_PRACTICAL,
  MC_ASSESSMENT_METHOD_PRIOR_LEARNING,
  MC_ASSESSMENT_METHOD_OTHER,
} McAssessmentMethod;

/* EQF descriptor domains a learning outcome can belong to. */
typedef enum {
  MC_EQF_DOMAIN_UNSET,
  MC_EQF_DOMAIN_KNOWLEDGE,
  MC_EQF_DOMAIN_SKILLS,
  MC_EQF_DOMAIN_RESPONSIBILITY_AUTONOMY,
} McEqfDomain;

typedef enum {
  MC_PARTNER_KIND_EMPLOYER,
  MC_PARTNER_KIND_INDUSTRY_BODY,
  MC_PARTNER_KIND_PROFESSIONAL_BODY,
  MC_PARTNER_KIND_EDUCATION,
  MC_PARTNER_KIND_PUBLIC_BODY,
  MC_PARTNER_KIND_COMMUNITY,
} McPartnerKind;

typedef enum /*< flags >*/ {
  MC_PARTNER_ROLE_NONE        = 0,
  MC_PARTNER_ROLE_CO_DESIGN   = 1 << 0,
  MC_PARTNER_ROLE_CO_DELIVERY = 1 << 1,
  MC_PARTNER_ROLE_ASSESSMENT  = 1 << 2,
  MC_PARTNER_ROLE_CO_BRANDING = 1 << 3,
  MC_PARTNER_ROLE_RECOGNITION = 1 << 4,   /* recognition in hiring */
} McPartnerRole;

typedef enum {
  MC_STACKABILITY_STANDALONE,
  MC_STACKABILITY_STACKABLE,
} McStackability;

typedef enum {
  MC_STACK_TARGET_CREDENTIAL,
  MC_STACK_TARGET_PROGRAMME,
} McStackTargetKind;

typedef enum /*< flags >*/ {
  MC_RECOGNITION_NONE               = 0,
  MC_RECOGNITION_CREDIT_TRANSFER    = 1 << 0,
  MC_RECOGNITION_PRIOR_LEARNING     = 1 << 1,
  MC_RECOGNITION_JOINT_OFFER        = 1 << 2,
  MC_RECOGNITION_NATIONAL_FRAMEWORK = 1 << 3,
  MC_RECOGNITION_EMPLOYER           = 1 << 4,
} McRecognitionRoute;

typedef enum {
  MC_CURRICULUM_NEW,
  MC_CURRICULUM_UNBUNDLED,
} McCurriculumOrigin;

typedef enum {
  MC_SEVERITY_INFO,
  MC_SEVERITY_WARNING,
  MC_SEVERITY_ERROR,
} McSeverity;

/* Sections of the editor; every field belongs to one. */
typedef enum {
  MC_SECTION_OVERVIEW,
  MC_SECTION_OUTCOMES,
  MC_SECTION_WORKLOAD,
  MC_SECTION_ASSESSMENT,
  MC_SECTION_DELIVERY,
  MC_SECTION_QUALITY,
  MC_SECTION_PARTNERS,
  MC_SECTION_CLASSIFICATION,
  MC_SECTION_ISSUING,
} McSection;

/* What a person may do; per academic unit where it matters. */
typedef enum {
  MC_ROLE_AUTHOR,
  MC_ROLE_REVIEWER,
  MC_ROLE_QA_CHAIR,
  MC_ROLE_REGISTRAR,
  MC_ROLE_ADMINISTRATOR,
} McRole;

/* Everything that appends an event to the history. */
typedef enum {
  MC_ACTION_CREATE,
  MC_ACTION_IMPORT,
  MC_ACTION_DELETE,
  MC_ACTION_SUBMIT,
  MC_ACTION_WITHDRAW,
  MC_ACTION_ASSIGN_REVIEWERS,
  MC_ACTION_SUBMIT_REVIEW,
  MC_ACTION_COMMENT,
  MC_ACTION_RESOLVE_COMMENT,
  MC_ACTION_DECIDE,
  MC_ACTION_REVISE,
  MC_ACTION_MEET_CONDITION,
  MC_ACTION_ACTIVATE,
  MC_ACTION_SUSPEND,
  MC_ACTION_REINSTATE,
  MC_ACTION_RETIRE,
  MC_ACTION_START_MODIFICATION,
  MC_ACTION_SUBMIT_MODIFICATION,
  MC_ACTION_ANNUAL_REVIEW,
  MC_ACTION_ADD_PERSON,
  MC_ACTION_ADD_UNIT,
  MC_ACTION_GRANT_ROLE,
  MC_ACTION_REVOKE_ROLE,
  MC_ACTION_EDIT_TEMPLATE,
  MC_ACTION_CHANGE_SETTINGS,
  /* Issuing */
  MC_ACTION_ADD_KEY,
  MC_ACTION_RETIRE_KEY,
  MC_ACTION_CREATE_OFFERING,
  MC_ACTION_RECORD_RESULTS,
  MC_ACTION_ISSUE,
  MC_ACTION_REVOKE_CREDENTIAL,
  MC_ACTION_SUSPEND_CREDENTIAL,
  MC_ACTION_REINSTATE_CREDENTIAL,
  MC_ACTION_REPRINT,
  MC_ACTION_REISSUE,
  /* Other institutions */
  MC_ACTION_ADD_PARTNER,
  MC_ACTION_REMOVE_PARTNER,
  MC_ACTION_RECOGNISE,
} McAction;

/* A reviewer's answer to one rated criterion of a template. */
typedef enum {
  MC_RATING_UNSET,
  MC_RATING_MET,
  MC_RATING_PARTLY_MET,
  MC_RATING_NOT_MET,
} McRating;

/* A reviewer's recommendation and the committee's decision. */
typedef enum {
  MC_OUTCOME_UNSET,
  MC_OUTCOME_APPROVE,
  MC_OUTCOME_APPROVE_WITH_CONDITIONS,
  MC_OUTCOME_REQUEST_CHANGES,
  MC_OUTCOME_REJECT,
} McOutcomeKind;

typedef enum {
  MC_REVIEW_STATE_ASSIGNED,
  MC_REVIEW_STATE_IN_PROGRESS,
  MC_REVIEW_STATE_COMPLETED,
  MC_REVIEW_STATE_WITHDRAWN,
} McReviewState;

/* Which procedure a review template serves. */
typedef enum {
  MC_TEMPLATE_KIND_APPROVAL,
  MC_TEMPLATE_KIND_ANNUAL,
  MC_TEMPLATE_KIND_MODIFICATION,
} McTemplateKind;

/* How a criterion of a template is answered. */
typedef enum {
  MC_ANSWER_KIND_RATING,   /* met / partly met / not met, with a comment */
  MC_ANSWER_KIND_TEXT,     /* free text only */
} McAnswerKind;

/* What a completed yearly review leads to. */
typedef enum {
  MC_ANNUAL_OUTCOME_UNSET,
  MC_ANNUAL_OUTCOME_CONTINUE,
  MC_ANNUAL_OUTCOME_MODIFY,
  MC_ANNUAL_OUTCOME_RETIRE,
} McAnnualOutcome;

/* An item of a person's "my tasks" view. */
typedef enum {
  MC_TASK_FINISH_DRAFT,
  MC_TASK_REVISE,
  MC_TASK_ASSIGN_REVIEWERS,
  MC_TASK_REVIEW,
  MC_TASK_DECIDE,
  MC_TASK_MEET_CONDITIONS,
  MC_TASK_ACTIVATE,
  MC_TASK_ANNUAL_REVIEW_DUE,
  MC_TASK_ANNUAL_REVIEW_OVERDUE,
} McTaskKind;

/* An issued credential: reserved (pending) when a batch starts, active
 * once signed; suspension can be lifted, revocation cannot; a re-issued
 * credential is superseded by its replacement. */
typedef enum {
  MC_CREDENTIAL_STATE_PENDING,
  MC_CREDENTIAL_STATE_ACTIVE,
  MC_CREDENTIAL_STATE_SUSPENDED,
  MC_CREDENTIAL_STATE_REVOKED,
  MC_CREDENTIAL_STATE_SUPERSEDED,
} McCredentialState;

/* A batch of credentials being issued. */
typedef enum {
  MC_BATCH_STATE_RUNNING,
  MC_BATCH_STATE_CANCELLED,
  MC_BATCH_STATE_DONE,
  MC_BATCH_STATE_FAILED,
} McBatchState;

/* The algorithm of a signing key. */
typedef enum {
  MC_KEY_KIND_RSA,
  MC_KEY_KIND_ED25519,
} McKeyKind;

/* How credit for another institution's credential is granted: the route
 * of a recognition decision (see DOMAIN.md). */
typedef enum {
  MC_CREDIT_ROUTE_CREDIT_TRANSFER,
  MC_CREDIT_ROUTE_JOINT_OFFER,
  MC_CREDIT_ROUTE_CLEARINGHOUSE,
  MC_CREDIT_ROUTE_NATIONAL_FRAMEWORK,
  MC_CREDIT_ROUTE_PRIOR_LEARNING,
} McCreditRoute;

/* How a field or item differs between two revisions. */
typedef enum {
  MC_CHANGE_ADDED,
  MC_CHANGE_REMOVED,
  MC_CHANGE_CHANGED,
  MC_CHANGE_MOVED,
} McChangeKind;

#define MC_TYPE_DESIGN_STATE        (mc_design_state_get_type ())
#define MC_TYPE_CREDENTIAL_TYPE     (mc_credential_type_get_type ())
#define MC_TYPE_PARTICIPATION_MODE  (mc_participation_mode_get_type ())
#define MC_TYPE_CYCLE               (mc_cycle_get_type ())
#define MC_TYPE_GRADING_SCHEME      (mc_grading_scheme_get_type ())
#define MC_TYPE_SUPERVISION         (mc_supervision_get_type ())
#define MC_TYPE_ASSESSMENT_METHOD   (mc_assessment_method_get_type ())
#define MC_TYPE_EQF_DOMAIN          (mc_eqf_domain_get_type ())
#define MC_TYPE_PARTNER_KIND        (mc_partner_kind_get_type ())
#define MC_TYPE_PARTNER_ROLE        (mc_partner_role_get_type ())
#define MC_TYPE_STACKABILITY        (mc_stackability_get_type ())
#define MC_TYPE_STACK_TARGET_KIND   (mc_stack_target_kind_get_type ())
#define MC_TYPE_RECOGNITION_ROUTE   (mc_recognition_route_get_type ())
#define MC_TYPE_CURRICULUM_ORIGIN   (mc_curriculum_origin_get_type ())
#define MC_TYPE_SEVERITY            (mc_severity_get_type ())
#define MC_TYPE_SECTION             (mc_section_get_type ())
#define MC_TYPE_ROLE                (mc_role_get_type ())
#define MC_TYPE_ACTION              (mc_action_get_type ())
#define MC_TYPE_RATING              (mc_rating_get_type ())
#define MC_TYPE_OUTCOME_KIND        (mc_outcome_kind_get_type ())
#define MC_TYPE_REVIEW_STATE        (mc_review_state_get_type ())
#define MC_TYPE_TEMPLATE_KIND       (mc_template_kind_get_type ())
#define MC_TYPE_ANSWER_KIND         (mc_answer_kind_get_type ())
#define MC_TYPE_ANNUAL_OUTCOME      (mc_annual_outcome_get_type ())
#define MC_TYPE_CHANGE_KIND         (mc_change_kind_get_type ())
#define MC_TYPE_TASK_KIND           (mc_task_kind_get_type ())
#define MC_TYPE_CREDENTIAL_STATE    (mc_credential_state_get_type ())
#define MC_TYPE_BATCH_STATE         (mc_batch_state_get_type ())
#define MC_TYPE_KEY_KIND            (mc_key_kind_get_type ())
#define MC_TYPE_CREDIT_ROUTE        (mc_credit_route_get_type ())

GType mc_design_state_get_type       (void) G_GNUC_CONST;
GType mc_credential_type_get_type    (void) G_GNUC_CONST;
GType mc_participation_mode_get_type (void) G_GNUC_CONST;
GType mc_cycle_get_type              (void) G_GNUC_CONST;
GType mc_grading_scheme_get_type     (void) G_GNUC_CONST;
GType mc_supervision_get_type        (void) G_GNUC_CONST;
GType mc_assessment_method_get_type  (void) G_GNUC_CONST;
GType mc_eqf_domain_get_type         (void) G_GNUC_CONST;
GType mc_partner_kind_get_type       (void) G_GNUC_CONST;
GType mc_partner_role_get_type       (void) G_GNUC_CONST;
GType mc_stackability_get_type       (void) G_GNUC_CONST;
GType mc_stack_target_kind_get_type  (void) G_GNUC_CONST;
GType mc_recognition_route_get_type  (void) G_GNUC_CONST;
GType mc_curriculum_origin_get_type  (void) G_GNUC_CONST;
GType mc_severity_get_type           (void) G_GNUC_CONST;
GType mc_section_get_type            (void) G_GNUC_CONST;
GType mc_role_get_type                (void) G_GNUC_CONST;
GType mc_action_get_type              (void) G_GNUC_CONST;
GType mc_rating_get_type              (void) G_GNUC_CONST;
GType mc_outcome_kind_get_type        (void) G_GNUC_CONST;
GType mc_review_state_get_type        (void) G_GNUC_CONST;
GType mc_template_kind_get_type       (void) G_GNUC_CONST;
GType mc_answer_kind_get_type         (void) G_GNUC_CONST;
GType mc_annual_outcome_get_type      (void) G_GNUC_CONST;
GType mc_change_kind_get_type      (void) G_GNUC_CONST;
GType mc_task_kind_get_type           (void) G_GNUC_CONST;
GType mc_credential_state_get_type    (void) G_GNUC_CONST;
GType mc_batch_state_get_type         (void) G_GNUC_CONST;
GType mc_key_kind_get_type            (void) G_GNUC_CONST;
GType mc_credit_route_get_type        (void) G_GNUC_CONST;

/* Stable identifier ("nick") of an enum value, or NULL if out of range. */
const char *mc_enum_to_nick   (GType enum_type, int value);
/* Parses a nick; returns FALSE (leaving *value alone) for an unknown nick. */
gboolean    mc_enum_from_nick (GType enum_type, const char *nick, int *value);
/* Translated label of an enum value or of a single flag bit. */
const char *mc_enum_label     (GType enum_or_flags_type, guint value);
/* Number of values of an enum type (for flags: number of non-zero bits). */
guint       mc_enum_n_values  (GType enum_or_flags_type);
/* The value at position @index (0-based) of an enum type, or the bit at
 * position @index of a flags type. */
guint       mc_enum_nth_value (GType enum_or_flags_type, guint index);
/* Parses a list of flag nicks; FALSE and *bad_nick set on an unknown one. */
gboolean    mc_flags_from_nicks (GType flags_type, const char * const *nicks,
                                 guint *value, const char **bad_nick);
/* Newly allocated NULL-terminated list of the nicks of the set bits. */
char      **mc_flags_to_nicks   (GType flags_type, guint value);

G_END_DECLS
