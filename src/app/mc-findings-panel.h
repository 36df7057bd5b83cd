/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"

G_BEGIN_DECLS

/* The validation panel: counts per severity and one row per finding.
 * Activating a row emits ::finding-activated (McFinding). */

#define MC_TYPE_FINDINGS_PANEL (mc_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (McFindingsPanel, mc_findings_panel, MC, FINDINGS_PANEL, AdwBin)

GtkWidget *mc_findings_panel_new          (void);
/* @findings: McFinding array (may be NULL); @validator names the profiles. */
void       mc_findings_panel_set_findings (McFindingsPanel *self,
                                           GPtrArray       *findings,
                                           McValidator     *validator);

G_END_DECLS
