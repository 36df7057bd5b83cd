/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-enums.h"
#include "mc-issuer-profile.h"
#include "mc-revision.h"

G_BEGIN_DECLS

/* Builds one unsigned Open Badges 3.0 OpenBadgeCredential from plain
 * values and the design's approved revision.  docs/credential-format.md
 * describes every property and where it comes from.  A builder may be
 * reused: the setters replace what they set, and building twice from the
 * same values gives the same document. */

#define MC_TYPE_CREDENTIAL_BUILDER (mc_credential_builder_get_type ())
G_DECLARE_FINAL_TYPE (McCredentialBuilder, mc_credential_builder, MC, CREDENTIAL_BUILDER, GObject)

McCredentialBuilder *mc_credential_builder_new          (McIssuerProfile     *issuer);

/* @achievement_id: the stable address of the achievement,
 * "<verification address>/achievements/<design uuid>".  The revision is
 * referenced, not copied: do not change it while building. */
void      mc_credential_builder_set_revision            (McCredentialBuilder *self,
                                                         McRevision          *approved_revision,
                                                         const char          *design_uuid,
                                                         const char          *achievement_id);
/* Dates as "2025-09-01" or a dateTime with a time zone; @code and the
 * dates may be NULL.  MC_PARTICIPATION_UNSET takes the design's form. */
void      mc_credential_builder_set_offering            (McCredentialBuilder *self,
                                                         const char          *code,
                                                         const char          *starts_on,
                                                         const char          *ends_on,
                                                         McParticipationMode  mode);
/* @learner_uuid: the learner's permanent id in the register; it becomes
 * the subject id "urn:uuid:..." (and the JWT "sub").  The student number
 * and the e-mail address (nullable) travel only salted and hashed. */
void      mc_credential_builder_set_learner             (McCredentialBuilder *self,
                                                         const char          *learner_uuid,
                                                         const char          *full_name,
                                                         const char          *student_id,
                                                         const char          *email);
/* @grade_scale_description (nullable) replaces the design's "grades or
 * marks" text, e.g. for an offering graded on another scale. */
void      mc_credential_builder_set_result              (McCredentialBuilder *self,
                                                         const char          *grade,
                                                         const char          *completed_on,
                                                         const char          *grade_scale_description);
/* @uuid: the credential's id without "urn:uuid:"; @valid_until nullable. */
void      mc_credential_builder_set_credential          (McCredentialBuilder *self,
                                                         const char          *uuid,
                                                         const char          *valid_from,
                                                         const char          *valid_until);
/* Adds a BitstringStatusListEntry for revocation at position @status_index
 * (see mc_status_list_url()); the suspension list uses the same position. */
void      mc_credential_builder_set_status              (McCredentialBuilder *self,
                                                         const char          *status_list_base_url,
                                                         guint                status_index);
/* Names the official JSON Schema in credentialSchema (and adds the OB
 * extensions context it needs). */
void      mc_credential_builder_set_credential_schema   (McCredentialBuilder *self,
                                                         gboolean             include);

/* Returns: (transfer full): the credential, or NULL with MC_OB3_ERROR set
 * when something required is missing or malformed. */
JsonNode *mc_credential_builder_build                   (McCredentialBuilder *self,
                                                         GError             **error);
/* The VC-JWT payload (OB 3.0 "JWT Payload Format"): the credential with
 * iss, jti, sub, nbf and, with validUntil, exp.
 * Returns: (transfer full): compact JSON text, or NULL with @error set */
char     *mc_credential_builder_build_jwt_payload       (McCredentialBuilder *self,
                                                         GError             **error);

/* The achievement of the revision (mc_credential_builder_set_revision())
 * as published at its id, with its own @context; the learner, result and
 * credential setters do not matter.
 * Returns: (transfer full): a JSON object node */
JsonNode *mc_credential_builder_build_achievement       (McCredentialBuilder *self);
/* Microcred's JSON-LD context, {"@context": {...}}, as published at
 * mc_credential_urls_context().
 * Returns: (transfer full): a JSON object node */
JsonNode *mc_credential_builder_build_context_document  (void);

G_END_DECLS
