/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* A recognition decision: credit granted for a micro-credential another
 * institution issued, towards one of our designs (@design_id) or a
 * programme named in words (@programme) — exactly one of the two.  The
 * credential as presented and the verification that was done on it
 * (mc_verification_to_json(), as JSON text) are kept beside the decision;
 * @verdict is that verification's verdict ("valid", "invalid",
 * "incomplete") and @credits_available the ECTS the credential states
 * (0 when it states none).  Recorded with mc_workflow_recognise(); never
 * changed afterwards.  Times are Unix seconds. */
typedef struct {
  gint64          id;
  char           *credential_id;     /* the incoming credential's id, "urn:uuid:…" */
  char           *issuer_id;
  char           *issuer_name;
  char           *learner_name;
  char           *achievement_name;
  gint64          design_id;         /* 0 when towards a programme */
  char           *programme;         /* NULL when towards a design */
  double          ects;
  McCreditRoute   route;
  char           *note;              /* "" when none */
  char           *credential_text;
  char           *verification;      /* JSON text */
  char           *verdict;
  double          credits_available;
  gint64          recorded_at;
  gint64          recorded_by;       /* a person's id */
} McRecognition;

#define MC_TYPE_RECOGNITION (mc_recognition_get_type ())
GType          mc_recognition_get_type (void) G_GNUC_CONST;
McRecognition *mc_recognition_new      (void);
McRecognition *mc_recognition_copy     (const McRecognition *self);
void           mc_recognition_free     (McRecognition *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McRecognition, mc_recognition_free)

G_END_DECLS
