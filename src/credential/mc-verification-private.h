/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-verification.h"

G_BEGIN_DECLS

/* Filling in an McVerification, for the verifier only.  A new result has
 * every check SKIPPED ("Not checked."); each check then records what it
 * found, and _mc_verification_finish() settles the verdict and writes the
 * summary. */

McVerification *_mc_verification_new          (void);

void            _mc_verification_pass         (McVerification *self,
                                               const char     *check_id,
                                               const char     *detail);
/* @code: the McCredentialError; @reason: the failure as a clause for the
 * summary ("this credential was revoked on 3 July 2026"), translated. */
void            _mc_verification_fail         (McVerification *self,
                                               const char     *check_id,
                                               McCredentialError code,
                                               const char     *detail,
                                               const char     *reason);
/* @reason: why it could not be done, as a clause for the summary ("the
 * status could not be checked"). */
void            _mc_verification_skip         (McVerification *self,
                                               const char     *check_id,
                                               const char     *detail,
                                               const char     *reason);
McCheckOutcome  _mc_verification_get_outcome  (McVerification *self,
                                               const char     *check_id);

/* Takes the credential the checks read (a JSON object node) and picks out
 * the learner, achievement, issuer and dates. */
void            _mc_verification_set_credential (McVerification *self,
                                                 JsonNode       *credential);
void            _mc_verification_set_key_id   (McVerification *self,
                                               const char     *key_id);

/* Settles the verdict and writes the summary; may be called again after
 * a check was changed (the remote verifier adds what fetching found). */
void            _mc_verification_finish       (McVerification *self);
/* Before _mc_verification_finish(); @partner_name for a partner. */
void            _mc_verification_set_issuer_trust (McVerification *self,
                                                   McIssuerTrust   trust,
                                                   const char     *partner_name);

/* A date as a registrar reads it ("12 June 2026"), in the date's own
 * time zone (credentials are written in UTC). */
char           *_mc_verification_format_date  (GDateTime      *date);

G_END_DECLS
