/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"
#include "mc-result.h"

G_BEGIN_DECLS

/* A credential issued (or being issued) to a learner for an offering.
 * Its id is "urn:uuid:" + @uuid.  Times are Unix seconds; @valid_from
 * and @valid_until are XML Schema dateTimes in UTC, like
 * "2026-06-12T09:30:00Z". */
typedef struct {
  gint64             id;
  char              *uuid;               /* bare uuid */
  gint64             offering_id;
  gint64             learner_id;
  gint64             result_id;
  gint64             batch_id;
  gint64             design_id;
  guint              revision_number;    /* the revision it is built from */
  char              *kid;                /* the key it is (to be) signed with */
  guint              status_index;       /* its bit in the status lists */
  char              *token;              /* 22 characters, unguessable: the public verification page */
  McCredentialState  state;
  gint64             issued_at;
  char              *valid_from;
  char              *valid_until;        /* NULL when the design sets no validity */
  char              *jwt;                /* the signed credential (compact JWS), NULL while pending */
  char              *document;           /* signed JSON with a Data Integrity proof, or NULL */
  char              *status_reason;      /* why it was last suspended, revoked … ("" if never) */
  gint64             status_changed_at;
  gint64             supersedes_id;      /* the credential it replaces, or 0 */
  gint64             superseded_by_id;   /* its replacement, or 0 */
  guint              reprints;
  /* Filled when loaded: */
  char              *learner_name;
  char              *student_id;
  char              *title;              /* the revision's title */
  char              *offering_code;
  McResult          *result;             /* with its learner */
} McIssuedCredential;

#define MC_TYPE_ISSUED_CREDENTIAL (mc_issued_credential_get_type ())
GType                mc_issued_credential_get_type (void) G_GNUC_CONST;
McIssuedCredential  *mc_issued_credential_new  (void);
McIssuedCredential  *mc_issued_credential_copy (const McIssuedCredential *self);
void                 mc_issued_credential_free (McIssuedCredential *self);
/* The credential's id, "urn:uuid:" + uuid (newly allocated). */
char                *mc_issued_credential_dup_urn (const McIssuedCredential *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McIssuedCredential, mc_issued_credential_free)

G_END_DECLS
