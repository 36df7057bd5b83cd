/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* One result of validating a revision against a policy profile.
 * "rule-id": stable id ("eu.mandatory.outcomes", "consistency.weights-sum");
 * "profile-id"; "severity" (McSeverity); "field": a field id of the McField
 * table ("ects", "outcomes", ...); "item-index": index of the repeated item
 * concerned, or -1; "item-field": field of that item ("text") or NULL;
 * "message": translated, ready to show. */

#define MC_TYPE_FINDING (mc_finding_get_type ())
G_DECLARE_FINAL_TYPE (McFinding, mc_finding, MC, FINDING, GObject)

McFinding  *mc_finding_new             (const char *rule_id, const char *profile_id,
                                        McSeverity severity, const char *field,
                                        int item_index, const char *item_field,
                                        const char *message);
const char *mc_finding_get_rule_id     (McFinding *self);
const char *mc_finding_get_profile_id  (McFinding *self);
McSeverity  mc_finding_get_severity    (McFinding *self);
const char *mc_finding_get_field       (McFinding *self);
int         mc_finding_get_item_index  (McFinding *self);
const char *mc_finding_get_item_field  (McFinding *self);
const char *mc_finding_get_message     (McFinding *self);

G_END_DECLS
