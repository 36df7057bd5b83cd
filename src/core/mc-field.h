/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* The fields of a design revision, described once.  The table drives the
 * GObject properties of McRevision, the JSON format, the hard limits applied
 * on import, the field references of validation findings and the labels the
 * window shows. */

typedef enum {
  MC_FIELD_STRING,   /* one line of text */
  MC_FIELD_TEXT,     /* several paragraphs */
  MC_FIELD_INT,
  MC_FIELD_DOUBLE,
  MC_FIELD_BOOLEAN,
  MC_FIELD_ENUM,     /* stored as the enum's nick in files */
  MC_FIELD_FLAGS,    /* stored as a list of nicks in files */
  MC_FIELD_STRV,     /* list of short strings (e.g. language codes) */
  MC_FIELD_LIST,     /* repeated items: outcomes, assessments, partners, stack targets */
} McFieldKind;

typedef struct {
  const char  *id;          /* property name, JSON member and finding field */
  McFieldKind  kind;
  McSection    section;
  const char  *label;       /* untranslated; use mc_field_get_label() */
  GType      (*get_type) (void);  /* enum/flags type, or item type for lists */
  double       min;         /* hard limits for numbers (absurd values are refused) */
  double       max;
  guint        max_length;  /* characters for strings; items for lists */
  double       default_value;
} McField;

/* Field of a repeated item (an outcome's "text", a partner's "agreement_expiry"). */
typedef struct {
  const char  *id;
  McFieldKind  kind;
  const char  *label;
  GType      (*get_type) (void);
  double       min;
  double       max;
  guint        max_length;
} McItemField;

const McField     *mc_field_get_all      (guint *n_fields);
const McField     *mc_field_lookup       (const char *id);
const char        *mc_field_get_label    (const McField *field);     /* translated */
const char        *mc_section_get_label  (McSection section);        /* translated */
const char        *mc_section_get_id     (McSection section);        /* "overview", ... */

/* The fields of each repeated item type, by list field id ("outcomes", ...). */
const McItemField *mc_item_fields_get_all (const char *list_id, guint *n_fields);
const McItemField *mc_item_field_lookup   (const char *list_id, const char *id);
const char        *mc_item_field_get_label (const McItemField *field); /* translated */

G_END_DECLS
