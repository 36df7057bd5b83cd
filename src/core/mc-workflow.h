/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "mc-store.h"
#include "mc-review.h"
#include "mc-comment.h"
#include "mc-decision.h"
#include "mc-annual-review.h"
#include "mc-task.h"
#include "mc-template.h"
#include "mc-design-io.h"

G_BEGIN_DECLS

/* The approval workflow: the only code that changes a design's state, and
 * the place where roles are enforced.  A workflow acts for one person (the
 * "actor"), resolved from the operating-system account; an administrator
 * may act on behalf of another person, and the history then records both.
 * Every call checks the actor's roles and the design's state, refuses with
 * MC_WORKFLOW_ERROR and a message saying why, and changes nothing when it
 * refuses.  Every successful call appends one event to the history in the
 * same transaction as the change.
 *
 * States: draft → submitted → in review → changes requested (→ draft of a
 * new revision) | approved | rejected; approved → active → suspended |
 * retired; suspended → active | retired; active → modifying →
 * modification review → active (the approved revision stays in force
 * meanwhile). */

#define MC_WORKFLOW_ERROR (mc_workflow_error_quark ())
typedef enum {
  MC_WORKFLOW_ERROR_NOT_ALLOWED,     /* the actor lacks the role, or it is their own design */
  MC_WORKFLOW_ERROR_WRONG_STATE,     /* the design's state does not allow it */
  MC_WORKFLOW_ERROR_NOT_READY,       /* not enough reviews, errors left, unanswered criteria … */
  MC_WORKFLOW_ERROR_INVALID,         /* malformed input: empty reference, bad date … */
  MC_WORKFLOW_ERROR_UNKNOWN_PERSON,  /* the account is not known to the institution */
} McWorkflowError;
GQuark mc_workflow_error_quark (void);

/* Institution settings that the workflow applies (kept in the database). */
#define MC_SETTING_INSTITUTION_NAME      "institution-name"
#define MC_SETTING_INSTITUTION_COUNTRY   "institution-country"
#define MC_SETTING_REQUIRED_PROFILES     "required-profiles"      /* comma-separated profile ids */
#define MC_SETTING_MIN_REVIEWS           "min-reviews"            /* default 2 */
#define MC_SETTING_MIN_MODIFICATION_REVIEWS "min-modification-reviews" /* default 1 */
#define MC_SETTING_REVIEW_CYCLE_MONTHS   "review-cycle-months"    /* default 12 */
/* Issuing */
#define MC_SETTING_INSTITUTION_LEGAL_ID  "institution-legal-id"   /* like a registered company number */
#define MC_SETTING_INSTITUTION_URL       "institution-url"        /* the institution's web site */
/* The base address credentials are verified at, like
 * "https://credentials.example.edu" */
#define MC_SETTING_VERIFICATION_URL      "verification-url"
#define MC_SETTING_SIGNATORY_NAME        "signatory-name"         /* who signs the certificates */
#define MC_SETTING_SIGNATORY_TITLE       "signatory-title"
/* The CSV importer's saved header mapping (a JSON object); registrars may
 * change it too. */
#define MC_SETTING_RESULTS_CSV_MAPPING   "results-csv-mapping"
#define MC_SETTING_SIGNING_ALGORITHM     "signing-algorithm"      /* "RS256" (default) or "EdDSA" */

/* Publishing (src/net): "true" publishes a did:web document naming the
 * signing keys; the TLS certificate and its private key (PEM files, the
 * key unencrypted) with which the publishing service speaks HTTPS. */
#define MC_SETTING_PUBLISH_DID_WEB       "publish-did-web"
#define MC_SETTING_PUBLISH_TLS_CERTIFICATE "publish-tls-certificate"
#define MC_SETTING_PUBLISH_TLS_KEY       "publish-tls-key"

#define MC_WORKFLOW_DEFAULT_SIGNING_ALGORITHM "RS256"

/* The profiles a design must pass to be submitted while the setting is unset. */
#define MC_WORKFLOW_DEFAULT_REQUIRED_PROFILES "eu-council,consistency"

#define MC_TYPE_WORKFLOW (mc_workflow_get_type ())
G_DECLARE_FINAL_TYPE (McWorkflow, mc_workflow, MC, WORKFLOW, GObject)

/* Opens the workflow for the operating-system account @username.  On a
 * database with no administrator yet, the account becomes one (and a
 * person is created for it if needed).  Otherwise an account that is not
 * a known person fails with MC_WORKFLOW_ERROR_UNKNOWN_PERSON. */
McWorkflow *mc_workflow_new               (McStore *store, const char *username, GError **error);
/* Acts on behalf of @username from now on; administrators only.  NULL goes
 * back to acting as oneself.  The read-only property "actor" (McPerson)
 * is notified when the person acted for changes. */
gboolean    mc_workflow_act_as            (McWorkflow *self, const char *username, GError **error);
McStore    *mc_workflow_get_store         (McWorkflow *self);
McPerson   *mc_workflow_get_actor         (McWorkflow *self);   /* transfer none */
McPerson   *mc_workflow_get_account       (McWorkflow *self);   /* transfer none */
/* "today" (YYYY-MM-DD) for due dates and decisions; the current date when
 * unset, settable for tests and benchmarks. */
void        mc_workflow_set_today         (McWorkflow *self, const char *iso_date);
const char *mc_workflow_get_today         (McWorkflow *self);

gboolean    mc_workflow_has_role          (McWorkflow *self, McRole role, gint64 unit_id);
/* How many completed reviews a decision on @design needs: the setting for
 * modifications or for approvals, whichever applies to its state. */
guint       mc_workflow_get_min_reviews   (McWorkflow *self, McDesign *design);

/* Would @action be allowed on @design now?  FALSE with the reason in
 * @error otherwise; changes nothing.  For the interface's sensitivity and
 * tooltips; the calls below check again. */
gboolean    mc_workflow_check             (McWorkflow *self, McDesign *design,
                                           McAction action, GError **error);

/* Content (drafts and modifications) */
gboolean    mc_workflow_create_design     (McWorkflow *self, McDesign *design, GError **error);
gboolean    mc_workflow_save_design       (McWorkflow *self, McDesign *design, GError **error);
gboolean    mc_workflow_delete_design     (McWorkflow *self, McDesign *design, GError **error);
/* Imports a design file (see mc-design-io.h) with the workflow's checks:
 * an author of the unit, or an administrator.  Returns the design id. */
gint64      mc_workflow_import_design     (McWorkflow *self, McDesignFile *file,
                                           gboolean replace, GError **error);

/* Transitions.  Each updates @design (state, revision, version) on
 * success; a @design loaded before someone else changed it fails with
 * MC_STORE_ERROR_CONFLICT. */
/* Needs zero errors under the required profiles; freezes the revision. */
gboolean    mc_workflow_submit            (McWorkflow *self, McDesign *design,
                                           const char *comment, GError **error);
gboolean    mc_workflow_withdraw          (McWorkflow *self, McDesign *design,
                                           const char *comment, GError **error);
/* Sets the reviewers of the current revision (QA chair).  Reviewers no
 * longer listed whose review is not completed are withdrawn.  Moves a
 * submitted design into review. */
gboolean    mc_workflow_assign_reviewers  (McWorkflow *self, McDesign *design,
                                           const gint64 *reviewer_ids, guint n_reviewers,
                                           GError **error);
/* Saves a reviewer's answers as they go (only the assigned reviewer). */
gboolean    mc_workflow_save_review       (McWorkflow *self, McReview *review, GError **error);
/* Completes it: every required criterion answered, a recommendation. */
gboolean    mc_workflow_complete_review   (McWorkflow *self, McReview *review, GError **error);
/* Adds a comment or a reply (sets its id, author and time).  Reviewers
 * and the chair comment; the author replies. */
gboolean    mc_workflow_add_comment       (McWorkflow *self, McComment *comment, GError **error);
gboolean    mc_workflow_resolve_comment   (McWorkflow *self, gint64 comment_id, GError **error);
/* Records the committee's decision (QA chair, not the author); needs the
 * minimum number of completed reviews. */
gboolean    mc_workflow_decide            (McWorkflow *self, McDesign *design,
                                           McDecision *decision, GError **error);
/* Changes requested → a new draft revision (the author). */
gboolean    mc_workflow_revise            (McWorkflow *self, McDesign *design, GError **error);
gboolean    mc_workflow_meet_condition    (McWorkflow *self, McDesign *design, gint64 condition_id,
                                           const char *evidence, GError **error);
/* activate, suspend, reinstate, retire, start-modification,
 * submit-modification. */
gboolean    mc_workflow_transition        (McWorkflow *self, McDesign *design, McAction action,
                                           const char *comment, GError **error);

/* Yearly reviews (an author of the unit, or the owner) */
/* The open yearly review of an active design (a new one, not yet saved,
 * if none is in progress).  NULL with an error if none is due. */
McAnnualReview *mc_workflow_open_annual_review (McWorkflow *self, McDesign *design, GError **error);
gboolean    mc_workflow_save_annual_review     (McWorkflow *self, McAnnualReview *review, GError **error);
/* Completes it; its outcome may modify (→ modifying) or retire the design. */
gboolean    mc_workflow_complete_annual_review (McWorkflow *self, McDesign *design,
                                                McAnnualReview *review, GError **error);

/* May the actor make the yearly QA report of @unit_id?  Its QA chairs
 * and the administrators may. */
gboolean    mc_workflow_check_report      (McWorkflow *self, gint64 unit_id, GError **error);

/* Tasks of the actor: a new array of McTask. */
GPtrArray  *mc_workflow_list_tasks        (McWorkflow *self, GError **error);

/* Administration (administrators) */
gint64      mc_workflow_add_unit          (McWorkflow *self, const char *code, const char *name,
                                           GError **error);
gint64      mc_workflow_add_person        (McWorkflow *self, const char *username, const char *name,
                                           const char *email, gint64 unit_id, GError **error);
/* @unit_id 0: institution-wide. */
gboolean    mc_workflow_grant_role        (McWorkflow *self, gint64 person_id, McRole role,
                                           gint64 unit_id, GError **error);
gboolean    mc_workflow_revoke_role       (McWorkflow *self, gint64 person_id, McRole role,
                                           gint64 unit_id, GError **error);
/* Saves @template as a new version of its key (sets id and version). */
gboolean    mc_workflow_save_template     (McWorkflow *self, McTemplate *template_, GError **error);
gboolean    mc_workflow_set_setting       (McWorkflow *self, const char *key, const char *value,
                                           GError **error);
/* The institution's logo: a PNG of at most 2 MiB, or NULL to remove it. */
gboolean    mc_workflow_set_logo          (McWorkflow *self, GBytes *png, GError **error);
/* Records a signing key (sets its id, created_at and created_by); its
 * public JWK must hold no private part, and its kid must be new. */
gboolean    mc_workflow_add_key           (McWorkflow *self, McKeyRecord *key, GError **error);
/* The key signs nothing more but stays for verifying what it signed. */
gboolean    mc_workflow_retire_key        (McWorkflow *self, const char *kid, GError **error);

/* Other institutions.  Trusted partner issuers (administrators): the
 * issuer's id exactly as its credentials write it (an http(s) address or
 * a did:web), its name, an optional note; recorded with who and when.
 * mc_workflow_add_partner() returns the partner's id, or 0. */
gint64      mc_workflow_add_partner       (McWorkflow *self, const char *issuer_id, const char *name,
                                           const char *note, GError **error);
gboolean    mc_workflow_remove_partner    (McWorkflow *self, const char *issuer_id, GError **error);
/* A recognition decision (registrars of the design's unit or of the whole
 * institution; institution-wide ones for a programme): refused unless the
 * verdict is "valid" (MC_WORKFLOW_ERROR_NOT_READY), the design approved,
 * and 0 < ects <= credits_available (when the credential states it).
 * Sets the recognition's id, recorded_at and recorded_by. */
gboolean    mc_workflow_recognise         (McWorkflow *self, McRecognition *recognition,
                                           GError **error);
/* May the actor record recognition decisions at all (a registrar of some
 * unit or of the whole institution), and, when @recognition is given, was
 * its credential verified completely?  FALSE with the reason otherwise;
 * for the interface's sensitivity.  mc_workflow_recognise() checks the
 * unit of the design chosen again. */
gboolean    mc_workflow_check_recognise   (McWorkflow *self, McRecognition *recognition,
                                           GError **error);
/* The most ECTS one recognition may grant. */
#define MC_RECOGNITION_MAX_ECTS 240.0

/* Issuing (registrars of the design's unit, or institution-wide).  A
 * design is issued while active, and also while a modification of it is
 * drafted or reviewed, since its approved revision stays in force; what
 * is issued always comes from the approved revision. */

/* Creates an offering of @offering->design_id: sets its id, uuid,
 * revision_number (the approved revision), created_at and created_by,
 * and its title (the revision's) and mode (the design's) when unset.
 * Its code is required and unique per design; its dates are valid and in
 * order. */
gboolean    mc_workflow_create_offering   (McWorkflow *self, McOffering *offering, GError **error);
/* Records results (McResultInput) in one transaction: creates learners by
 * student id or updates their names and email, and inserts or updates
 * each learner's result.  Refuses the whole call, writing nothing, when
 * an input lacks its student id, a name or its grade, has a bad date,
 * repeats a student id, or would change the result of a learner who
 * already holds a credential for the offering (re-issue it first).
 * @n_written: (out) (optional): results and learners written, unchanged
 * ones not counted. */
gboolean    mc_workflow_record_results    (McWorkflow *self, gint64 offering_id, GPtrArray *inputs,
                                           guint *n_written, GError **error);
/* Starts issuing the offering with key @kid (which must be able to sign):
 * reserves, in one transaction, a pending credential for every passed
 * result without a current credential.  An unfinished batch of the
 * offering (see mc_store_find_unfinished_batch()) is resumed instead of
 * starting another: it runs again with @kid, @data_integrity and
 * @export_dir (kept when NULL), and takes in the newly passed results.
 * Refused with MC_WORKFLOW_ERROR_NOT_READY when there is nothing to issue.
 * @export_dir: (nullable): an absolute folder. */
McIssueBatch *mc_workflow_start_batch     (McWorkflow *self, gint64 offering_id, const char *kid,
                                           const char *export_dir, gboolean data_integrity,
                                           GError **error);
/* Stores signed credentials (McIssuedCredential with jwt, and document
 * when the batch asks for one) in one transaction: pending → active, the
 * batch's count, one ISSUE event each.  Refused whole if one is not
 * pending.  Updates the state of the items of @credentials. */
gboolean    mc_workflow_complete_credentials (McWorkflow *self, GPtrArray *credentials, GError **error);
/* Ends a running batch as DONE (nothing left pending), CANCELLED or
 * FAILED; updates @batch. */
gboolean    mc_workflow_finish_batch      (McWorkflow *self, McIssueBatch *batch, McBatchState state,
                                           GError **error);
/* ACTIVE → SUSPENDED, SUSPENDED → ACTIVE, ACTIVE or SUSPENDED → REVOKED
 * (final).  Suspending and revoking need a @reason. */
gboolean    mc_workflow_set_credential_state (McWorkflow *self, gint64 credential_id,
                                              McCredentialState state, const char *reason,
                                              GError **error);
/* Counts a reprint of an active credential's certificate. */
gboolean    mc_workflow_record_reprint    (McWorkflow *self, gint64 credential_id, GError **error);
/* Replaces an active or suspended credential: it becomes superseded
 * (revoked in the status list), and a new batch holding one pending
 * credential that supersedes it is returned for the issuer to sign,
 * with the institution's current key.  Correct the learner's result with
 * mc_workflow_record_results() before signing it, if needed. */
McIssueBatch *mc_workflow_reissue_credential (McWorkflow *self, gint64 credential_id,
                                              const char *reason, GError **error);

G_END_DECLS
