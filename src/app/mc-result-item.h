/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* A learner's result in an offering as an item of a list model, with the
 * state of the learner's current credential, for the offerings window. */

#define MC_TYPE_RESULT_ITEM (mc_result_item_get_type ())
G_DECLARE_FINAL_TYPE (McResultItem, mc_result_item, MC, RESULT_ITEM, GObject)

/* Takes @result (with its learner).  @credential_state: the state of its
 * current credential, or -1 when it has none. */
McResultItem   *mc_result_item_new                  (McResult     *result,
                                                     int           credential_state);
const McResult *mc_result_item_get_result           (McResultItem *self);
/* "Given Family" (transfer none). */
const char     *mc_result_item_get_name             (McResultItem *self);
int             mc_result_item_get_credential_state (McResultItem *self);
/* What the Credential column says: "Issued", "Pending", "Revoked", …,
 * "Not issued yet" for a passed result without one, "—" otherwise. */
const char     *mc_result_item_get_credential_text  (McResultItem *self);

/* Reads the results of @offering_id with their credentials' states: a new
 * array of McResultItem, or NULL with @error set. */
GPtrArray      *mc_result_item_list                 (McStore      *store,
                                                     gint64        offering_id,
                                                     GError      **error);

G_END_DECLS
