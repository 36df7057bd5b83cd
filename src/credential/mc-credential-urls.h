/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "mc-store.h"

G_BEGIN_DECLS

/* The addresses under which the institution publishes what its
 * credentials point at, all below one base: the institution's
 * verification address (MC_SETTING_VERIFICATION_URL), such as
 * "https://credentials.example.edu".  This is the only place that spells
 * them out:
 *
 *   BASE/issuer                                the issuer Profile
 *   BASE/keys.json                             JWKS of every key, retired ones too
 *   BASE/keys/<thumbprint>                     one key (JWK); the JWS "kid"
 *   BASE/status/revocation/<n>                 status lists, n = index / 131072
 *   BASE/status/suspension/<n>
 *   BASE/achievements/<design uuid>            the achievement of a design
 *   BASE/contexts/microcred-v1.json            our JSON-LD context
 *   BASE/credentials/<uuid>?token=<token>      the verification page (QR code)
 *   BASE/catalogue.json, BASE/catalogue/       the catalogue of active micro-credentials
 *   BASE/.well-known/did.json                  the did:web document (BASE/did.json when
 *                                              BASE has a path), when the institution uses one
 *
 * Every function takes the base with or without a trailing slash and
 * returns a newly allocated string. */

/* Checks a verification address: an absolute http or https address
 * without user name, query or fragment (MC_CREDENTIAL_ERROR_FAILED with a
 * message for the registrar otherwise).  Returns: (transfer full): the
 * base without trailing slashes. */
char *mc_credential_urls_normalize_base     (const char  *base,
                                             GError     **error);
/* The institution's verification address from the store's settings,
 * normalized; fails with a message saying where to set it when unset. */
char *mc_credential_urls_dup_base_from_store (McStore   *store,
                                              GError   **error);

char *mc_credential_urls_issuer             (const char  *base);
char *mc_credential_urls_jwks               (const char  *base);
/* The key's address: the "kid" of every JWS it signs and the
 * verificationMethod of its Data Integrity proofs. */
char *mc_credential_urls_key                (const char  *base,
                                             const char  *thumbprint);
/* The base of the status lists, BASE/status, as
 * mc_credential_builder_set_status() and mc_status_list_url() take it. */
char *mc_credential_urls_status_base        (const char  *base);
/* @purpose: "revocation" or "suspension"; @list_number = status index /
 * MC_STATUS_LIST_SIZE. */
char *mc_credential_urls_status_list        (const char  *base,
                                             const char  *purpose,
                                             guint        list_number);
char *mc_credential_urls_achievement        (const char  *base,
                                             const char  *design_uuid);
char *mc_credential_urls_context            (const char  *base);
/* @token: (nullable): without it, the page shows only the status and
 * what was earned, not who earned it. */
char *mc_credential_urls_verification_page  (const char  *base,
                                             const char  *credential_uuid,
                                             const char  *token);

/* The catalogue of active micro-credentials: JSON, and its HTML listing
 * (a folder-like address ending in "/"). */
char *mc_credential_urls_catalogue          (const char  *base);
char *mc_credential_urls_catalogue_page     (const char  *base);
/* The did:web identifier of the base ("did:web:credentials.example.edu",
 * the port percent-encoded, path segments after colons) and the address
 * of its DID document; NULL when @base is not an https address. */
char *mc_credential_urls_did_web            (const char  *base);
char *mc_credential_urls_did_document       (const char  *base);

/* The thumbprint in a key address ("…/keys/<thumbprint>", whatever the
 * base), or @kid_or_url itself when it is a bare thumbprint; NULL when it
 * is another kind of address. */
char *mc_credential_urls_parse_key          (const char  *kid_or_url);
/* The suspension list beside a revocation list: "…/suspension/<n>" for
 * "…/revocation/<n>" (credentials name only their revocation
 * list; see docs/credential-format.md).  NULL for another address. */
char *mc_credential_urls_sibling_suspension (const char *revocation_url);
/* Splits a verification page address, as scanned from a QR code, into
 * the credential's uuid and its token (NULL when the address has none).
 * FALSE when it is not such an address. */
gboolean mc_credential_urls_parse_verification_page (const char  *url,
                                                     char       **credential_uuid,
                                                     char       **token);

G_END_DECLS
