/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A trusted partner issuer: another institution whose credentials the
 * administrator has listed, so that a verified credential from it is
 * reported as "from a trusted partner".  @issuer_id is the issuer's id as
 * its credentials name it (an https address or a did:web).  Times are
 * Unix seconds. */
typedef struct {
  gint64  id;
  char   *issuer_id;
  char   *name;
  char   *note;       /* "" when none */
  gint64  added_at;
  gint64  added_by;   /* a person's id */
} McPartnerIssuer;

#define MC_TYPE_PARTNER_ISSUER (mc_partner_issuer_get_type ())
GType      mc_partner_issuer_get_type (void) G_GNUC_CONST;
McPartnerIssuer *mc_partner_issuer_new      (void);
McPartnerIssuer *mc_partner_issuer_copy     (const McPartnerIssuer *self);
void       mc_partner_issuer_free     (McPartnerIssuer *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McPartnerIssuer, mc_partner_issuer_free)

G_END_DECLS
