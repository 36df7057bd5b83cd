/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-partner-issuer.h"

G_DEFINE_BOXED_TYPE (McPartnerIssuer, mc_partner_issuer, mc_partner_issuer_copy, mc_partner_issuer_free)

McPartnerIssuer *
mc_partner_issuer_new (void)
{
  return g_new0 (McPartnerIssuer, 1);
}

McPartnerIssuer *
mc_partner_issuer_copy (const McPartnerIssuer *self)
{
  McPartnerIssuer *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->issuer_id = g_strdup (self->issuer_id);
  copy->name = g_strdup (self->name);
  copy->note = g_strdup (self->note);
  return copy;
}

void
mc_partner_issuer_free (McPartnerIssuer *self)
{
  if (self == NULL)
    return;
  g_free (self->issuer_id);
  g_free (self->name);
  g_free (self->note);
  g_free (self);
}
