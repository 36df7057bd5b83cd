/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* An academic unit (faculty, school, department): "id", "code", "name". */
#define MC_TYPE_UNIT (mc_unit_get_type ())
G_DECLARE_FINAL_TYPE (McUnit, mc_unit, MC, UNIT, GObject)

McUnit     *mc_unit_new      (gint64 id, const char *code, const char *name);
gint64      mc_unit_get_id   (McUnit *self);
const char *mc_unit_get_code (McUnit *self);
const char *mc_unit_get_name (McUnit *self);

G_END_DECLS
