/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"
#include "mc-revision.h"

G_BEGIN_DECLS

/* A micro-credential design: its identity, state and owning unit, plus the
 * content of its current revision.  Properties: "id" (gint64, 0 until
 * stored), "uuid", "state" (McDesignState), "unit-id", "owner-id",
 * "revision-number" (1 for the first draft), "version" (row version used to
 * detect concurrent edits), "created" and "modified" (Unix seconds, UTC),
 * "content" (McRevision), "approved-revision" (the revision in force, 0
 * before the first approval), "approved-on" and "review-due" (YYYY-MM-DD
 * of the approval and of the next yearly review, NULL when none). */

#define MC_TYPE_DESIGN (mc_design_get_type ())
G_DECLARE_FINAL_TYPE (McDesign, mc_design, MC, DESIGN, GObject)

McDesign     *mc_design_new                 (void);
gint64        mc_design_get_id              (McDesign *self);
void          mc_design_set_id              (McDesign *self, gint64 id);
const char   *mc_design_get_uuid            (McDesign *self);
void          mc_design_set_uuid            (McDesign *self, const char *uuid);
McDesignState mc_design_get_state           (McDesign *self);
void          mc_design_set_state           (McDesign *self, McDesignState state);
gint64        mc_design_get_unit_id         (McDesign *self);
void          mc_design_set_unit_id         (McDesign *self, gint64 unit_id);
gint64        mc_design_get_owner_id        (McDesign *self);
void          mc_design_set_owner_id        (McDesign *self, gint64 owner_id);
guint         mc_design_get_revision_number (McDesign *self);
void          mc_design_set_revision_number (McDesign *self, guint number);
gint64        mc_design_get_version         (McDesign *self);
void          mc_design_set_version         (McDesign *self, gint64 version);
gint64        mc_design_get_created         (McDesign *self);
void          mc_design_set_created         (McDesign *self, gint64 unix_utc);
gint64        mc_design_get_modified        (McDesign *self);
void          mc_design_set_modified        (McDesign *self, gint64 unix_utc);
McRevision   *mc_design_get_content         (McDesign *self);   /* transfer none */
void          mc_design_set_content         (McDesign *self, McRevision *content);
guint         mc_design_get_approved_revision (McDesign *self);
void          mc_design_set_approved_revision (McDesign *self, guint number);
const char   *mc_design_get_approved_on     (McDesign *self);
void          mc_design_set_approved_on     (McDesign *self, const char *iso_date);
const char   *mc_design_get_review_due      (McDesign *self);
void          mc_design_set_review_due      (McDesign *self, const char *iso_date);

G_END_DECLS
