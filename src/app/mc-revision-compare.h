/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"

G_BEGIN_DECLS

/* A window comparing two revisions of a design, field by field: the
 * changes grouped by section, each marked in words as added, removed,
 * changed or moved, with the old and the new value.  Any two revisions can
 * be picked: "From" is compared with "To" (by default the revision
 * before the current one with the current one). */

#define MC_TYPE_REVISION_COMPARE (mc_revision_compare_get_type ())
G_DECLARE_FINAL_TYPE (McRevisionCompare, mc_revision_compare, MC, REVISION_COMPARE, AdwWindow)

McRevisionCompare *mc_revision_compare_new           (McStore           *store,
                                                      McDesign          *design);
/* Compares revision @old_number with @new_number; FALSE (shown in the
 * window) if either cannot be read. */
gboolean           mc_revision_compare_set_revisions (McRevisionCompare *self,
                                                      guint              old_number,
                                                      guint              new_number);
/* The changes shown: McFieldChange, transfer none; NULL if none compared. */
GPtrArray         *mc_revision_compare_get_changes   (McRevisionCompare *self);

G_END_DECLS
