/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mc-certificate-content.h"
#include "mc-issuer-profile.h"
#include "mc-signing-key.h"
#include "mc-store.h"

G_BEGIN_DECLS

/* The one place that turns the register's records into documents: the
 * signed credential (VC-JWT, and a Data Integrity document) and what the
 * certificate shows.  The batch issuer, `mcred certificate render` and
 * the window's preview and print all go through it, so they agree.
 *
 * A context reads the institution once (settings, logo) when it is made.
 * It keeps the offerings and design revisions it has loaded; loading one
 * uses the store.  A context is for one thread at a time (a revision's
 * lists are not safe to read from two threads): give each other thread its
 * own with mc_issuing_context_dup(), after preparing in the store's
 * thread what the copies will need. */

#define MC_TYPE_ISSUING_CONTEXT (mc_issuing_context_get_type ())
G_DECLARE_FINAL_TYPE (McIssuingContext, mc_issuing_context, MC, ISSUING_CONTEXT, GObject)

/* Refuses (MC_CREDENTIAL_ERROR_FAILED) when the institution's name or
 * verification address is missing, saying where to set them. */
McIssuingContext *mc_issuing_context_new                (McStore            *store,
                                                         GError            **error);
/* A context for another thread: it shares only what never changes, and
 * takes copies of the sources prepared in @self (never its store).
 * Returns: (transfer full) */
McIssuingContext *mc_issuing_context_dup                (McIssuingContext   *self);

/* Returns: (transfer none) */
McIssuerProfile  *mc_issuing_context_get_issuer         (McIssuingContext   *self);
/* The verification address, without trailing slash. */
const char       *mc_issuing_context_get_base_url       (McIssuingContext   *self);
/* The institution's logo (PNG), or NULL.  Returns: (transfer none) */
GBytes           *mc_issuing_context_get_logo           (McIssuingContext   *self);

/* Loads and keeps what credentials of @credential's offering are built
 * from: the offering, its design's uuid and the revision.  The functions
 * below do it on demand otherwise; a copy made by
 * mc_issuing_context_dup() copies it from its original, where it must
 * have been prepared. */
gboolean          mc_issuing_context_prepare            (McIssuingContext   *self,
                                                         McIssuedCredential *credential,
                                                         GError            **error);

/* The unsigned OpenBadgeCredential of @credential (as loaded by the
 * store, with its result and learner).
 * Returns: (transfer full): a JSON object node */
JsonNode         *mc_issuing_context_build_credential   (McIssuingContext   *self,
                                                         McIssuedCredential *credential,
                                                         GError            **error);
/* The VC-JWT payload: the credential plus iss, jti, sub, nbf (and exp).
 * Returns: (transfer full): compact JSON text */
char             *mc_issuing_context_build_jwt_payload  (McIssuingContext   *self,
                                                         McIssuedCredential *credential,
                                                         GError            **error);
/* Signs @credential: sets its jwt (compact JWS with @key, "kid" the key's
 * address) and, when @data_integrity_key (Ed25519) is given, its document
 * (the credential with an eddsa-jcs-2022 proof, verificationMethod the
 * key's address, created = the credential's validFrom).  Signing the same
 * credential again gives the same bytes. */
gboolean          mc_issuing_context_sign               (McIssuingContext   *self,
                                                         McIssuedCredential *credential,
                                                         McSigningKey       *key,
                                                         McSigningKey       *data_integrity_key,
                                                         GError            **error);

/* Fills @content (cleared first) with what the certificate of @credential
 * shows: the institution and its logo, the learner, the title and the
 * supplement from the revision, the date awarded, ECTS, level, grade,
 * the credential id, the QR code's verification page (with the token)
 * and the signatory; a revoked or superseded credential is watermarked. */
gboolean          mc_issuing_context_fill_certificate   (McIssuingContext     *self,
                                                         McIssuedCredential   *credential,
                                                         McCertificateContent *content,
                                                         GError              **error);
/* The same into a new content.  Returns: (transfer full) */
McCertificateContent *mc_issuing_context_build_certificate (McIssuingContext   *self,
                                                            McIssuedCredential *credential,
                                                            GError            **error);

G_END_DECLS
