/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-credential.h"
#include "mc-status-list.h"
#include "ob3-fixture.h"

G_BEGIN_DECLS

/* Signed credentials and status lists for the verifier's tests and for
 * verify-samples (the files of the CLI test).  The fixture credential
 * (ob3-fixture.h) is valid from 2026-02-01T09:00:00Z to
 * 2027-02-01T09:00:00Z; VERIFY_FIXTURE_NOW lies between. */

#define VERIFY_FIXTURE_NOW "2026-06-01T12:00:00Z"

/* Ed25519 keys made from fixed seeds (@index 0 or 1), so that files
 * signed with them stay valid across runs (fuzzing seeds, samples).
 * Returns: (transfer none) */
McSigningKey        *verify_fixture_fixed_key   (guint                index);
/* The credential of ob3_fixture_builder() with the full revision,
 * graded pass or fail.  Returns: (transfer full) */
McCredentialBuilder *verify_fixture_builder     (void);
/* "<base>/keys/<thumbprint>": the key's published address, our JWS kid. */
char                *verify_fixture_key_url     (McSigningKey        *key);
/* Signs @payload with @key, kid = the key's address. */
char                *verify_fixture_sign        (McSigningKey        *key,
                                                 const char          *payload);
/* The builder's credential as a VC-JWT signed with @key. */
char                *verify_fixture_jwt         (McSigningKey        *key,
                                                 McCredentialBuilder *builder);
/* The same after @edit changed the JWT payload. */
char                *verify_fixture_edited_jwt  (McSigningKey        *key,
                                                 McCredentialBuilder *builder,
                                                 void               (*edit) (JsonObject *payload));
/* The builder's credential as JSON with an eddsa-jcs-2022 proof by the
 * Ed25519 @key, naming @verification_method (NULL: the key's address). */
char                *verify_fixture_data_integrity (McSigningKey        *key,
                                                    McCredentialBuilder *builder,
                                                    const char          *verification_method);
/* A token from its three parts: @header and @payload JSON texts, and the
 * signature's bytes. */
char                *verify_fixture_token       (const char          *header,
                                                 const char          *payload,
                                                 GBytes              *signature);
/* The fixture credential's status list for @purpose, valid on
 * VERIFY_FIXTURE_NOW, signed as a VC-JWT with @key, marking the fixture
 * credential when @marked. */
char                *verify_fixture_status_list (McSigningKey        *key,
                                                 const char          *purpose,
                                                 gboolean             marked);
/* The same, valid from @valid_from to @valid_until (ISO 8601). */
char                *verify_fixture_status_list_between (McSigningKey *key,
                                                         const char   *purpose,
                                                         gboolean      marked,
                                                         const char   *valid_from,
                                                         const char   *valid_until);
/* @jwt moved from OB3_FIXTURE_BASE to @base (every address in its
 * payload) and signed again with @key, naming @kid. */
char                *verify_fixture_resign      (McSigningKey        *key,
                                                 const char          *jwt,
                                                 const char          *base,
                                                 const char          *kid);

G_END_DECLS
