/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A policy profile: a named set of validation rules kept as a JSON data file
 * (data/profiles/, format in docs/profile-format.md).  Properties: "id",
 * "name" and "description" (translated), "source" (the document the rules
 * come from). */

#define MC_PROFILE_ERROR (mc_profile_error_quark ())
typedef enum {
  MC_PROFILE_ERROR_INVALID,
} McProfileError;
GQuark mc_profile_error_quark (void);

#define MC_TYPE_PROFILE (mc_profile_get_type ())
G_DECLARE_FINAL_TYPE (McProfile, mc_profile, MC, PROFILE, GObject)

McProfile  *mc_profile_new_from_bytes (GBytes *bytes, GError **error);
const char *mc_profile_get_id          (McProfile *self);
const char *mc_profile_get_name        (McProfile *self);
const char *mc_profile_get_description (McProfile *self);
const char *mc_profile_get_source      (McProfile *self);
/* The rules as parsed (transfer none); used by McValidator. */
JsonArray  *mc_profile_get_rules       (McProfile *self);

/* Profiles shipped with Microcred (compiled in from data/profiles/). */
GListModel *mc_profile_list_builtin    (GError **error);   /* McProfile, by id */

G_END_DECLS
