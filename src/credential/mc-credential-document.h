/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Errors of the Open Badges 3.0 documents: building, status lists and the
 * structural checks below. */
#define MC_OB3_ERROR (mc_ob3_error_quark ())
typedef enum {
  MC_OB3_ERROR_MALFORMED,   /* bad syntax: a date, base64, gzip, an index out of range */
  MC_OB3_ERROR_SCHEMA,      /* a required member is missing or has the wrong shape */
  MC_OB3_ERROR_TOO_LARGE,   /* input or output beyond the size limits */
} McOb3Error;
GQuark mc_ob3_error_quark (void);

/* The @context entries a credential may carry, in this order. */
#define MC_OB3_CONTEXT_VC       "https://www.w3.org/ns/credentials/v2"
#define MC_OB3_CONTEXT_OB       "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
#define MC_OB3_CONTEXT_EXTENSIONS "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
/* The official JSON Schema named in credentialSchema. */
#define MC_OB3_SCHEMA_URL \
  "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
#define MC_OB3_SCHEMA_TYPE      "1EdTechJsonSchemaValidator2019"

/* Checks what the official AchievementCredential JSON Schema requires, and
 * a little more, structurally (there is no JSON Schema library in C):
 * the @context order and values, type, id, issuer, the dates, the subject
 * and its achievement, credentialStatus and proof.  On failure the message
 * lists the first few problems in plain words. */
gboolean mc_credential_document_check          (JsonObject  *credential,
                                                GError     **error);

/* Parses an XML Schema dateTime with a time zone ("2025-05-02T08:00:00Z",
 * "2025-05-02T10:00:00.5+02:00"); FALSE for anything else, including a
 * dateTime without a time zone.  @out may be NULL to only check. */
gboolean mc_credential_document_parse_datetime (const char  *text,
                                                GDateTime  **out);

G_END_DECLS
