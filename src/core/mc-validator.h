/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "mc-finding.h"
#include "mc-profile.h"
#include "mc-revision.h"

G_BEGIN_DECLS

/* Validates revision content against policy profiles.  Properties:
 * "institution-name", "institution-country" (ISO 3166-1 alpha-2), and
 * "today" (YYYY-MM-DD; the current date when unset, settable for tests):
 * the context rules need (issuer country, partner agreement expiry). */

#define MC_VALIDATOR_ERROR (mc_validator_error_quark ())
typedef enum {
  MC_VALIDATOR_ERROR_UNKNOWN_PROFILE,
} McValidatorError;
GQuark mc_validator_error_quark (void);

#define MC_TYPE_VALIDATOR (mc_validator_get_type ())
G_DECLARE_FINAL_TYPE (McValidator, mc_validator, MC, VALIDATOR, GObject)

/* A validator with the built-in profiles loaded. */
McValidator *mc_validator_new           (void);
void         mc_validator_add_profile   (McValidator *self, McProfile *profile);
GListModel  *mc_validator_get_profiles  (McValidator *self);   /* McProfile, transfer none */
McProfile   *mc_validator_find_profile  (McValidator *self, const char *id);
void         mc_validator_set_institution (McValidator *self, const char *name, const char *country);
void         mc_validator_set_today     (McValidator *self, const char *iso_date);

/* Findings (McFinding) for @content under each profile in @profile_ids,
 * errors first, then warnings, then notes; in field order within each.
 * Unknown profile ids fail with MC_VALIDATOR_ERROR_UNKNOWN_PROFILE. */
GPtrArray   *mc_validator_validate      (McValidator         *self,
                                         McRevision          *content,
                                         const char * const  *profile_ids,
                                         GError             **error);
/* Number of findings of @severity in an array from mc_validator_validate(). */
guint        mc_validator_count         (GPtrArray *findings, McSeverity severity);
/* "2 errors, 1 warning, 3 notes", translated as one phrase (newly allocated). */
char        *mc_validator_describe_counts (GPtrArray *findings);

G_END_DECLS
