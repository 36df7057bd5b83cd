/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* A row of the register of issued credentials. */
typedef struct {
  gint64             id;
  char              *uuid;
  char              *learner_name;
  char              *student_id;
  char              *title;
  gint64             issued_at;   /* Unix seconds */
  McCredentialState  state;
} McCredentialSummary;

#define MC_TYPE_CREDENTIAL_SUMMARY (mc_credential_summary_get_type ())
GType                 mc_credential_summary_get_type (void) G_GNUC_CONST;
McCredentialSummary  *mc_credential_summary_new  (void);
McCredentialSummary  *mc_credential_summary_copy (const McCredentialSummary *self);
void                  mc_credential_summary_free (McCredentialSummary *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McCredentialSummary, mc_credential_summary_free)

G_END_DECLS
