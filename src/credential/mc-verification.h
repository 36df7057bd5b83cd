/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mc-credential-error.h"

G_BEGIN_DECLS

/* Who issued a verified credential, as far as this institution is
 * concerned (see McRemoteVerifier): not looked at, ourselves, one of the
 * trusted partner issuers, or another issuer. */
typedef enum {
  MC_ISSUER_TRUST_UNKNOWN,
  MC_ISSUER_TRUST_OWN,
  MC_ISSUER_TRUST_PARTNER,
  MC_ISSUER_TRUST_NOT_PARTNER,
} McIssuerTrust;

#define MC_TYPE_ISSUER_TRUST (mc_issuer_trust_get_type ())
GType mc_issuer_trust_get_type (void) G_GNUC_CONST;

/* The outcome of verifying one credential (McCredentialVerifier): a
 * verdict, a sentence a registrar understands, the checks that led to it,
 * and what the credential says (learner, achievement, issuer, dates).
 * Immutable once the verifier hands it over; docs/verification.md explains
 * every check. */

typedef enum {
  MC_VERDICT_VALID,       /* every check passed */
  MC_VERDICT_INVALID,     /* a check failed: see mc_verification_get_failure() */
  MC_VERDICT_INCOMPLETE,  /* nothing failed, but a check could not be done
                           * (e.g. the status, offline without a status list) */
} McVerdict;

#define MC_TYPE_VERDICT (mc_verdict_get_type ())
GType mc_verdict_get_type (void) G_GNUC_CONST;

typedef enum {
  MC_CHECK_OUTCOME_PASSED,
  MC_CHECK_OUTCOME_FAILED,
  MC_CHECK_OUTCOME_SKIPPED,  /* not done: it could not be, or an earlier check failed */
} McCheckOutcome;

#define MC_TYPE_CHECK_OUTCOME (mc_check_outcome_get_type ())
GType mc_check_outcome_get_type (void) G_GNUC_CONST;

/* The checks, in the order they are listed (the ids are stable: scripts
 * and the --json output of `mcred verify` use them). */
#define MC_CHECK_FORMAT    "format"     /* a credential we can read: VC-JWT or JSON with a proof */
#define MC_CHECK_SIGNATURE "signature"  /* signed with a known key, unchanged since */
#define MC_CHECK_ISSUER    "issuer"     /* the key belongs to the issuer the credential names */
#define MC_CHECK_DATES     "dates"      /* valid now: not before validFrom, not after validUntil */
#define MC_CHECK_STATUS    "status"     /* not revoked, suspended or replaced */
#define MC_CHECK_SCHEMA    "schema"     /* a well-formed Open Badges 3.0 credential */

/* One check: @title is short and translated ("Signature"), @detail one
 * translated sentence saying what was found ("Signed on behalf of Demo
 * University with its key of March 2026."). */
typedef struct {
  char           *id;       /* one of MC_CHECK_* */
  char           *title;
  McCheckOutcome  outcome;
  char           *detail;
} McVerificationCheck;

#define MC_TYPE_VERIFICATION_CHECK (mc_verification_check_get_type ())
GType                mc_verification_check_get_type (void) G_GNUC_CONST;
McVerificationCheck *mc_verification_check_new      (const char     *id,
                                                     const char     *title,
                                                     McCheckOutcome  outcome,
                                                     const char     *detail);
McVerificationCheck *mc_verification_check_copy     (const McVerificationCheck *self);
void                 mc_verification_check_free     (McVerificationCheck       *self);
const char          *mc_verification_check_get_id      (const McVerificationCheck *self);
const char          *mc_verification_check_get_title   (const McVerificationCheck *self);
McCheckOutcome       mc_verification_check_get_outcome (const McVerificationCheck *self);
const char          *mc_verification_check_get_detail  (const McVerificationCheck *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McVerificationCheck, mc_verification_check_free)

#define MC_TYPE_VERIFICATION (mc_verification_get_type ())
G_DECLARE_FINAL_TYPE (McVerification, mc_verification, MC, VERIFICATION, GObject)

McVerdict   mc_verification_get_verdict          (McVerification *self);
/* TRUE when the verdict is MC_VERDICT_VALID. */
gboolean    mc_verification_is_valid             (McVerification *self);
/* The first failed check as an error in MC_CREDENTIAL_ERROR (for instance
 * MC_CREDENTIAL_ERROR_REVOKED, _BAD_SIGNATURE, _EXPIRED, _SCHEMA), whose
 * message is that check's detail; NULL unless the verdict is INVALID.
 * Returns: (transfer none) (nullable) */
const GError *mc_verification_get_failure        (McVerification *self);
/* The verdict in one or two translated sentences: "Valid. Ada Lovelace
 * earned “Data Analytics Foundations” (5 ECTS, EQF level 5) from Demo
 * University on 12 June 2026." / "Not valid: this credential was revoked
 * on 3 July 2026." */
const char *mc_verification_get_summary          (McVerification *self);

/* The checks in the order of MC_CHECK_*; all six are always there. */
guint       mc_verification_get_n_checks         (McVerification *self);
/* Returns: (transfer none) */
const McVerificationCheck *mc_verification_get_check  (McVerification *self,
                                                       guint           index);
/* Returns: (transfer none) (nullable): the check with @id (MC_CHECK_*) */
const McVerificationCheck *mc_verification_find_check (McVerification *self,
                                                       const char     *id);

/* What the credential says.  Read from the document even when a check
 * failed (a tampered credential still names someone), so show them only
 * together with the verdict; each is NULL when the credential could not
 * be read or lacks it.
 * Returns: (transfer none) (nullable): the credential (for a VC-JWT the
 * payload's "vc" member when it has one, otherwise the payload) */
JsonObject *mc_verification_get_credential       (McVerification *self);
/* "urn:uuid:…" */
const char *mc_verification_get_credential_id    (McVerification *self);
const char *mc_verification_get_learner_name     (McVerification *self);
const char *mc_verification_get_achievement_name (McVerification *self);
const char *mc_verification_get_issuer_name      (McVerification *self);
/* The issuer's id (a URI). */
const char *mc_verification_get_issuer_id        (McVerification *self);
/* validFrom: the date of issue.  Returns: (transfer none) (nullable) */
GDateTime  *mc_verification_get_issued           (McVerification *self);
/* validUntil, NULL when the credential does not expire.
 * Returns: (transfer none) (nullable) */
GDateTime  *mc_verification_get_valid_until      (McVerification *self);
/* The key it was signed with: the JWS "kid" or the proof's
 * verificationMethod, as written in the credential. */
const char *mc_verification_get_key_id           (McVerification *self);

/* Whether the issuer is a trusted partner; for a valid credential the
 * summary says so ("Valid, from a trusted partner (…)." / "Valid, but
 * the issuer is not one of our partners.").  @partner_name: the
 * partner's name as the administrator listed it, or NULL. */
McIssuerTrust mc_verification_get_issuer_trust   (McVerification *self);
const char *mc_verification_get_partner_name     (McVerification *self);
/* The ECTS the credential states (creditsEarned, else the achievement's
 * creditsAvailable); FALSE when it states none. */
gboolean    mc_verification_get_credits          (McVerification *self,
                                                  double         *ects);

/* The whole result for scripts (`mcred verify --json`): {"verdict":
 * "valid"|"invalid"|"incomplete", "summary", "error" (the McCredentialError
 * nick, or null), "checks": [{"id", "title", "outcome":
 * "passed"|"failed"|"skipped", "detail"}], "credential_id",
 * "learner_name", "achievement_name", "issuer_name", "issuer_id",
 * "issued", "valid_until", "key_id" (null when unknown), "issuer_trust"
 * ("unknown"|"own"|"partner"|"not-partner"), "partner_name", "credential"}.
 * Returns: (transfer full): an object node */
JsonNode   *mc_verification_to_json              (McVerification *self);

G_END_DECLS
