/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* A signing key of the institution as the database knows it: its public
 * half, and where its encrypted private half lives.  Retired keys stay
 * for verifying what they signed.  Times are Unix seconds. */
typedef struct {
  gint64     id;
  char      *kid;
  McKeyKind  kind;
  char      *public_jwk;       /* JSON text of the public JWK */
  char      *certificate_pem;  /* X.509 certificate, or NULL */
  char      *private_path;     /* encrypted PKCS#8 file, or NULL for a verification-only key */
  gint64     created_at;
  gint64     created_by;
  gint64     retired_at;       /* 0 while current */
} McKeyRecord;

#define MC_TYPE_KEY_RECORD (mc_key_record_get_type ())
GType         mc_key_record_get_type (void) G_GNUC_CONST;
McKeyRecord  *mc_key_record_new  (void);
McKeyRecord  *mc_key_record_copy (const McKeyRecord *self);
void          mc_key_record_free (McKeyRecord *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McKeyRecord, mc_key_record_free)

G_END_DECLS
