/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-key-record.h"

G_DEFINE_BOXED_TYPE (McKeyRecord, mc_key_record, mc_key_record_copy, mc_key_record_free)

McKeyRecord *
mc_key_record_new (void)
{
  return g_new0 (McKeyRecord, 1);
}

McKeyRecord *
mc_key_record_copy (const McKeyRecord *self)
{
  McKeyRecord *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->kid = g_strdup (self->kid);
  copy->public_jwk = g_strdup (self->public_jwk);
  copy->certificate_pem = g_strdup (self->certificate_pem);
  copy->private_path = g_strdup (self->private_path);
  return copy;
}

void
mc_key_record_free (McKeyRecord *self)
{
  if (self == NULL)
    return;
  g_free (self->kid);
  g_free (self->public_jwk);
  g_free (self->certificate_pem);
  g_free (self->private_path);
  g_free (self);
}
