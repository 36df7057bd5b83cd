/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>
#include "mc-field.h"

G_BEGIN_DECLS

/* A repeated item of a revision.  Each subclass (McOutcome, McAssessment,
 * McPartner, McStackTarget) has the properties of its McItemField table;
 * this base class stores them and provides generic access, copying,
 * comparison and JSON.  ::notify is emitted on every change. */

#define MC_TYPE_ITEM (mc_item_get_type ())
G_DECLARE_DERIVABLE_TYPE (McItem, mc_item, MC, ITEM, GObject)

struct _McItemClass
{
  GObjectClass parent_class;
  const char  *list_id;    /* "outcomes", "assessments", "partners", "stack_targets" */
};

const char   *mc_item_get_list_id    (McItem *self);
const char   *mc_item_get_string     (McItem *self, const char *field_id);
void          mc_item_set_string     (McItem *self, const char *field_id, const char *value);
int           mc_item_get_int        (McItem *self, const char *field_id);  /* INT, ENUM */
void          mc_item_set_int        (McItem *self, const char *field_id, int value);
double        mc_item_get_double     (McItem *self, const char *field_id);
void          mc_item_set_double     (McItem *self, const char *field_id, double value);
gboolean      mc_item_get_boolean    (McItem *self, const char *field_id);
void          mc_item_set_boolean    (McItem *self, const char *field_id, gboolean value);
guint         mc_item_get_flags      (McItem *self, const char *field_id);
void          mc_item_set_flags      (McItem *self, const char *field_id, guint value);
const char * const *mc_item_get_strv (McItem *self, const char *field_id);
void          mc_item_set_strv       (McItem *self, const char *field_id, const char * const *value);

McItem       *mc_item_copy           (McItem *self);
gboolean      mc_item_equal          (McItem *a, McItem *b);
JsonNode     *mc_item_to_json        (McItem *self);
/* Creates an item of the list's type from JSON; strict like the revision. */
McItem       *mc_item_new_from_json  (const char *list_id, JsonNode *node, guint index, GError **error);
/* Checks the item against its fields' hard limits; messages name it as
 * "list_id[index].field". */
gboolean      mc_item_check          (McItem *self, guint index, GError **error);
/* New empty item for a list id. */
McItem       *mc_item_new_for_list   (const char *list_id);

/* Outcome: "code", "text", "domain" (McEqfDomain). */
#define MC_TYPE_OUTCOME (mc_outcome_get_type ())
G_DECLARE_FINAL_TYPE (McOutcome, mc_outcome, MC, OUTCOME, McItem)
McOutcome *mc_outcome_new (const char *code, const char *text);

/* Assessment component: "method" (McAssessmentMethod), "description",
 * "weight" (percent), "summative", "outcomes" (codes covered),
 * "supervision" (McSupervision). */
#define MC_TYPE_ASSESSMENT (mc_assessment_get_type ())
G_DECLARE_FINAL_TYPE (McAssessment, mc_assessment, MC, ASSESSMENT, McItem)
McAssessment *mc_assessment_new (void);

/* Partner: "name", "kind" (McPartnerKind), "roles" (McPartnerRole flags),
 * "contact", "agreement_ref", "agreement_expiry" (YYYY-MM-DD or empty). */
#define MC_TYPE_PARTNER (mc_partner_get_type ())
G_DECLARE_FINAL_TYPE (McPartner, mc_partner, MC, PARTNER, McItem)
McPartner *mc_partner_new (const char *name);

/* Stacking target: "name", "kind" (McStackTargetKind), "ects". */
#define MC_TYPE_STACK_TARGET (mc_stack_target_get_type ())
G_DECLARE_FINAL_TYPE (McStackTarget, mc_stack_target, MC, STACK_TARGET, McItem)
McStackTarget *mc_stack_target_new (const char *name);

G_END_DECLS
