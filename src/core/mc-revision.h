/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "mc-enums.h"
#include "mc-field.h"

G_BEGIN_DECLS

#define MC_TYPE_REVISION (mc_revision_get_type ())
G_DECLARE_FINAL_TYPE (McRevision, mc_revision, MC, REVISION, GObject)

/* The content of a design: every element of DOMAIN.md.  Scalar fields are
 * GObject properties named after the McField table ("title", "ects", ...);
 * repeated items are GListStores of McOutcome, McAssessment, McPartner and
 * McStackTarget.  ::changed is emitted after any edit, including edits of an
 * item inside a list. */

McRevision   *mc_revision_new             (void);
McRevision   *mc_revision_copy            (McRevision *self);
gboolean      mc_revision_equal           (McRevision *a, McRevision *b);

/* Generic access by field id; the kind must match the field's kind. */
const char   *mc_revision_get_string      (McRevision *self, const char *field_id);
void          mc_revision_set_string      (McRevision *self, const char *field_id, const char *value);
int           mc_revision_get_int         (McRevision *self, const char *field_id);   /* INT, ENUM */
void          mc_revision_set_int         (McRevision *self, const char *field_id, int value);
double        mc_revision_get_double      (McRevision *self, const char *field_id);
void          mc_revision_set_double      (McRevision *self, const char *field_id, double value);
gboolean      mc_revision_get_boolean     (McRevision *self, const char *field_id);
void          mc_revision_set_boolean     (McRevision *self, const char *field_id, gboolean value);
guint         mc_revision_get_flags       (McRevision *self, const char *field_id);
void          mc_revision_set_flags       (McRevision *self, const char *field_id, guint value);
const char * const *mc_revision_get_strv  (McRevision *self, const char *field_id);
void          mc_revision_set_strv        (McRevision *self, const char *field_id, const char * const *value);
/* TRUE when a field holds nothing (empty string/list, zero number, UNSET enum). */
gboolean      mc_revision_field_is_empty  (McRevision *self, const char *field_id);

/* Lists of items: the stores belong to the revision (transfer none). */
GListStore   *mc_revision_get_list        (McRevision *self, const char *list_id);
GListStore   *mc_revision_get_outcomes    (McRevision *self);   /* McOutcome */
GListStore   *mc_revision_get_assessments (McRevision *self);   /* McAssessment */
GListStore   *mc_revision_get_partners    (McRevision *self);   /* McPartner */
GListStore   *mc_revision_get_stack_targets (McRevision *self); /* McStackTarget */
/* Moves an item within a list (reorder); FALSE if an index is out of range. */
gboolean      mc_revision_move_item       (McRevision *self, const char *list_id,
                                           guint from, guint to);

/* Convenience getters for the most used fields. */
const char   *mc_revision_get_title       (McRevision *self);
McCredentialType mc_revision_get_credential_type (McRevision *self);
double        mc_revision_get_ects        (McRevision *self);
int           mc_revision_get_hours       (McRevision *self);
int           mc_revision_get_eqf_level   (McRevision *self);

/* Checks the content against the hard limits of its fields (text lengths,
 * single-line fields, list sizes, number ranges): what passes can always
 * be stored, exported and read back.  The store checks before saving.
 * Quality (missing elements, duplicate outcome codes) is the validator's. */
gboolean      mc_revision_check           (McRevision *self, GError **error);

/* JSON (the "revision" object of the design file format, see
 * docs/design-format.md).  Parsing is strict: unknown members, wrong types,
 * unknown enum nicks and values outside the hard limits (mc_revision_check())
 * are refused with MC_REVISION_ERROR and a message that names the field. */
JsonNode     *mc_revision_to_json         (McRevision *self);
McRevision   *mc_revision_new_from_json   (JsonNode *node, GError **error);

#define MC_REVISION_ERROR (mc_revision_error_quark ())
typedef enum {
  MC_REVISION_ERROR_INVALID,
} McRevisionError;
GQuark mc_revision_error_quark (void);

G_END_DECLS
