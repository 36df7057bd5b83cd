/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-offering.h"

G_DEFINE_BOXED_TYPE (McOffering, mc_offering, mc_offering_copy, mc_offering_free)

McOffering *
mc_offering_new (void)
{
  return g_new0 (McOffering, 1);
}

McOffering *
mc_offering_copy (const McOffering *self)
{
  McOffering *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->uuid = g_strdup (self->uuid);
  copy->code = g_strdup (self->code);
  copy->title = g_strdup (self->title);
  copy->starts_on = g_strdup (self->starts_on);
  copy->ends_on = g_strdup (self->ends_on);
  copy->location = g_strdup (self->location);
  return copy;
}

void
mc_offering_free (McOffering *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->code);
  g_free (self->title);
  g_free (self->starts_on);
  g_free (self->ends_on);
  g_free (self->location);
  g_free (self);
}
