/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* One difference between two revisions of a design (see mc_revision_diff()).
 *
 * A scalar field ("ects") that differs is MC_CHANGE_CHANGED, with both
 * indices -1.  An item of a list field ("outcomes") is MC_CHANGE_ADDED or
 * MC_CHANGE_REMOVED as a whole, MC_CHANGE_MOVED when only its place among
 * the others changed, or MC_CHANGE_CHANGED once per sub-field that differs
 * (@item_field).  The texts are for people: translated labels, values as
 * the window shows them. */
typedef struct {
  McChangeKind  kind;
  char         *field_id;    /* top-level field id of the McField table */
  int           old_index;   /* item position in the old revision, -1 when not an item or absent */
  int           new_index;   /* item position in the new revision, -1 when not an item or absent */
  char         *item_field;  /* the item's sub-field for a changed item field, NULL otherwise */
  char         *label;       /* "ECTS credits", "Learning outcome LO3: Outcome text" */
  char         *old_text;    /* the old value; NULL when there was none */
  char         *new_text;    /* the new value; NULL when there is none */
} McFieldChange;

#define MC_TYPE_FIELD_CHANGE (mc_field_change_get_type ())
GType          mc_field_change_get_type (void) G_GNUC_CONST;

McFieldChange *mc_field_change_new      (McChangeKind         kind,
                                         const char          *field_id,
                                         int                  old_index,
                                         int                  new_index,
                                         const char          *item_field,
                                         const char          *label,
                                         const char          *old_text,
                                         const char          *new_text);
McFieldChange *mc_field_change_copy     (const McFieldChange *self);
void           mc_field_change_free     (McFieldChange       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McFieldChange, mc_field_change_free)

G_END_DECLS
