/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A person known to the institution: "id", "username" (operating-system
 * account), "name", "email", "unit-id" (0 if none). */
#define MC_TYPE_PERSON (mc_person_get_type ())
G_DECLARE_FINAL_TYPE (McPerson, mc_person, MC, PERSON, GObject)

McPerson   *mc_person_new          (gint64 id, const char *username, const char *name,
                                    const char *email, gint64 unit_id);
gint64      mc_person_get_id       (McPerson *self);
const char *mc_person_get_username (McPerson *self);
const char *mc_person_get_name     (McPerson *self);
const char *mc_person_get_email    (McPerson *self);
gint64      mc_person_get_unit_id  (McPerson *self);

G_END_DECLS
