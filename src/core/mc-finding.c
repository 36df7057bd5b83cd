/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-finding.h"

struct _McFinding
{
  GObject     parent_instance;

  char       *rule_id;
  char       *profile_id;
  McSeverity  severity;
  char       *field;
  int         item_index;
  char       *item_field;
  char       *message;
};

G_DEFINE_FINAL_TYPE (McFinding, mc_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE_ID,
  PROP_PROFILE_ID,
  PROP_SEVERITY,
  PROP_FIELD,
  PROP_ITEM_INDEX,
  PROP_ITEM_FIELD,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mc_finding_finalize (GObject *object)
{
  McFinding *self = MC_FINDING (object);

  g_free (self->rule_id);
  g_free (self->profile_id);
  g_free (self->field);
  g_free (self->item_field);
  g_free (self->message);
  G_OBJECT_CLASS (mc_finding_parent_class)->finalize (object);
}

static void
mc_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  McFinding *self = MC_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE_ID: g_value_set_string (value, self->rule_id); break;
    case PROP_PROFILE_ID: g_value_set_string (value, self->profile_id); break;
    case PROP_SEVERITY: g_value_set_enum (value, self->severity); break;
    case PROP_FIELD: g_value_set_string (value, self->field); break;
    case PROP_ITEM_INDEX: g_value_set_int (value, self->item_index); break;
    case PROP_ITEM_FIELD: g_value_set_string (value, self->item_field); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_finding_class_init (McFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mc_finding_finalize;
  object_class->get_property = mc_finding_get_property;

  properties[PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, NULL, flags);
  properties[PROP_PROFILE_ID] = g_param_spec_string ("profile-id", NULL, NULL, NULL, flags);
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, MC_TYPE_SEVERITY,
                                                 MC_SEVERITY_INFO, flags);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties[PROP_ITEM_INDEX] = g_param_spec_int ("item-index", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_ITEM_FIELD] = g_param_spec_string ("item-field", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_finding_init (McFinding *self)
{
  self->item_index = -1;
}

/**
 * mc_finding_new:
 *
 * Returns: (transfer full): a finding
 */
McFinding *
mc_finding_new (const char *rule_id,
                const char *profile_id,
                McSeverity  severity,
                const char *field,
                int         item_index,
                const char *item_field,
                const char *message)
{
  McFinding *self;

  g_return_val_if_fail (rule_id != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (MC_TYPE_FINDING, NULL);
  self->rule_id = g_strdup (rule_id);
  self->profile_id = g_strdup (profile_id);
  self->severity = severity;
  self->field = g_strdup (field);
  self->item_index = item_index;
  self->item_field = g_strdup (item_field);
  self->message = g_strdup (message);
  return self;
}

const char *mc_finding_get_rule_id    (McFinding *self) { g_return_val_if_fail (MC_IS_FINDING (self), NULL); return self->rule_id; }
const char *mc_finding_get_profile_id (McFinding *self) { g_return_val_if_fail (MC_IS_FINDING (self), NULL); return self->profile_id; }
McSeverity  mc_finding_get_severity   (McFinding *self) { g_return_val_if_fail (MC_IS_FINDING (self), MC_SEVERITY_INFO); return self->severity; }
const char *mc_finding_get_field      (McFinding *self) { g_return_val_if_fail (MC_IS_FINDING (self), NULL); return self->field; }
int         mc_finding_get_item_index (McFinding *self) { g_return_val_if_fail (MC_IS_FINDING (self), -1); return self->item_index; }
const char *mc_finding_get_item_field (McFinding *self) { g_return_val_if_fail (MC_IS_FINDING (self), NULL); return self->item_field; }
const char *mc_finding_get_message    (McFinding *self) { g_return_val_if_fail (MC_IS_FINDING (self), NULL); return self->message; }
