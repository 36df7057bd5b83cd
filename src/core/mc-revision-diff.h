/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-field-change.h"
#include "mc-revision.h"

G_BEGIN_DECLS

/* What changed between two revisions of a design, for reviewers comparing
 * the revision they reviewed with the one resubmitted.
 *
 * Changes come in the order of the field table (mc_field_get_all()); within
 * a list, in the order of the new revision, an item that was removed
 * coming after the item it used to follow.
 *
 * Scalar fields are compared value by value; a field that differs gives one
 * MC_CHANGE_CHANGED, its texts NULL on the side where it is empty.
 *
 * Items of the lists are first matched between the two revisions:
 * - outcomes by code, when every outcome has a code and no code is used
 *   twice, in both revisions;
 * - partners by name with case folded ("ACME" is "Acme"), and stacking
 *   targets by name, on the same condition;
 * - in every other case, and always for assessments, by position: the
 *   longest common subsequence of identical items is kept in place, an
 *   identical item found elsewhere is matched as moved, and the remaining
 *   items between two kept ones are paired in order.  So inserting one
 *   item in the middle gives one MC_CHANGE_ADDED, not a change of every
 *   item after it.
 * When matching by code or name, an item left unmatched is still paired
 * with one of the other revision that differs from it only in that code
 * or name (a renumbered outcome, a renamed partner).
 *
 * A matched item gives one MC_CHANGE_CHANGED per sub-field that differs.
 * One that changed nothing but its place relative to the other matched
 * items gives one MC_CHANGE_MOVED (the texts are its old and new
 * positions, counted from 1); items only pushed along by an insertion or
 * a removal elsewhere give nothing.  An unmatched item gives
 * MC_CHANGE_ADDED or MC_CHANGE_REMOVED, with a one-line summary of it as
 * the new or old text.
 *
 * Values are written for people: choices by their translated label, sets
 * of choices and lists as comma-separated lists, numbers without trailing
 * zeros, true/false as Yes/No.
 *
 * Returns: (transfer full) (element-type McFieldChange): the changes,
 *   empty when the revisions hold the same content */
GPtrArray *mc_revision_diff (McRevision *old_rev,
                             McRevision *new_rev);

G_END_DECLS
