/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* A light, read-only row of the design list: what the list shows without
 * loading a design's content.  Properties: "id", "uuid", "title",
 * "unit-id", "unit-name", "credential-type", "state", "ects",
 * "eqf-level", "modified". */

#define MC_TYPE_DESIGN_SUMMARY (mc_design_summary_get_type ())
G_DECLARE_FINAL_TYPE (McDesignSummary, mc_design_summary, MC, DESIGN_SUMMARY, GObject)

McDesignSummary *mc_design_summary_new (gint64            id,
                                        const char       *uuid,
                                        const char       *title,
                                        gint64            unit_id,
                                        const char       *unit_name,
                                        McCredentialType  credential_type,
                                        McDesignState     state,
                                        double            ects,
                                        int               eqf_level,
                                        gint64            modified);
gint64           mc_design_summary_get_id              (McDesignSummary *self);
const char      *mc_design_summary_get_uuid            (McDesignSummary *self);
const char      *mc_design_summary_get_title           (McDesignSummary *self);
gint64           mc_design_summary_get_unit_id         (McDesignSummary *self);
const char      *mc_design_summary_get_unit_name       (McDesignSummary *self);
McCredentialType mc_design_summary_get_credential_type (McDesignSummary *self);
McDesignState    mc_design_summary_get_state           (McDesignSummary *self);
double           mc_design_summary_get_ects            (McDesignSummary *self);
int              mc_design_summary_get_eqf_level       (McDesignSummary *self);
gint64           mc_design_summary_get_modified        (McDesignSummary *self);

G_END_DECLS
