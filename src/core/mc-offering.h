/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* An offering: one run of an active design, with its dates and mode.
 * Credentials of the run are built from @revision_number, the design's
 * approved revision when the offering was created.  Times are Unix
 * seconds; dates YYYY-MM-DD. */
typedef struct {
  gint64               id;
  char                *uuid;
  gint64               design_id;
  guint                revision_number;
  char                *code;             /* unique per design, like "2026-SPRING" */
  char                *title;            /* the revision's title unless given */
  char                *starts_on;
  char                *ends_on;
  McParticipationMode  mode;
  char                *location;
  gint64               created_at;
  gint64               created_by;
  /* Filled when loaded: */
  guint                n_results;
  guint                n_passed;
  guint                n_issued;         /* learners holding a signed credential */
} McOffering;

#define MC_TYPE_OFFERING (mc_offering_get_type ())
GType        mc_offering_get_type (void) G_GNUC_CONST;
McOffering  *mc_offering_new  (void);
McOffering  *mc_offering_copy (const McOffering *self);
void         mc_offering_free (McOffering *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McOffering, mc_offering_free)

G_END_DECLS
