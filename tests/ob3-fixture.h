/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-credential-builder.h"
#include "mc-issuer-profile.h"

G_BEGIN_DECLS

/* Shared by the credential tests and ob3-samples: an institution, design
 * revisions and a builder with every value set. */

#define OB3_FIXTURE_BASE        "https://credentials.example.edu"
#define OB3_FIXTURE_DESIGN      "7d3f0c4e-2b8a-4e61-9a57-0c1b2d3e4f50"
#define OB3_FIXTURE_LEARNER     "3f6c1a2e-8d4b-4f7a-9c1e-5b2d7e8f9a01"
#define OB3_FIXTURE_CREDENTIAL  "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
#define OB3_FIXTURE_STATUS      (131072 + 7)

McIssuerProfile     *ob3_fixture_issuer            (void);
/* Every field set, graded with @scheme; "awarding_body" is the issuer. */
McRevision          *ob3_fixture_full_revision     (McGradingScheme scheme);
/* Only a title and a description. */
McRevision          *ob3_fixture_minimal_revision  (void);
/* A grade valid for @scheme. */
const char          *ob3_fixture_grade             (McGradingScheme scheme);
/* A builder for @revision with the learner, offering, result, dates and
 * status set (validUntil a year later, no credentialSchema). */
McCredentialBuilder *ob3_fixture_builder           (McRevision     *revision);

G_END_DECLS
