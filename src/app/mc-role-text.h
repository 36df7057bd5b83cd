/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-core.h"

G_BEGIN_DECLS

/* A person's roles in words: "Author (School of Computing), Administrator"
 * — roles held institution-wide have no unit.  @grants: McRoleGrant of
 * anyone (only @person_id's are used); @units: McUnit, to name them.
 * Newly allocated; "No roles" when there are none. */
char *mc_role_text_for_person (GPtrArray  *grants,
                               gint64      person_id,
                               GListModel *units);
/* One grant in words: "Reviewer (School of Computing)". */
char *mc_role_text_for_grant  (const McRoleGrant *grant,
                               GListModel        *units);

G_END_DECLS
