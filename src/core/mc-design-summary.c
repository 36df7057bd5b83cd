/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-design-summary.h"

struct _McDesignSummary
{
  GObject           parent_instance;

  gint64            id;
  char             *uuid;
  char             *title;
  gint64            unit_id;
  char             *unit_name;
  McCredentialType  credential_type;
  McDesignState     state;
  double            ects;
  int               eqf_level;
  gint64            modified;
};

G_DEFINE_FINAL_TYPE (McDesignSummary, mc_design_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_UNIT_ID,
  PROP_UNIT_NAME,
  PROP_CREDENTIAL_TYPE,
  PROP_STATE,
  PROP_ECTS,
  PROP_EQF_LEVEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mc_design_summary_finalize (GObject *object)
{
  McDesignSummary *self = MC_DESIGN_SUMMARY (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->unit_name, g_free);

  G_OBJECT_CLASS (mc_design_summary_parent_class)->finalize (object);
}

static void
mc_design_summary_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  McDesignSummary *self = MC_DESIGN_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    case PROP_UNIT_NAME:
      g_value_set_string (value, self->unit_name);
      break;
    case PROP_CREDENTIAL_TYPE:
      g_value_set_enum (value, self->credential_type);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ECTS:
      g_value_set_double (value, self->ects);
      break;
    case PROP_EQF_LEVEL:
      g_value_set_int (value, self->eqf_level);
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_design_summary_class_init (McDesignSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  /* Read-only and set by mc_design_summary_new() alone: construct
   * properties would make GObject set every default first, which costs
   * more than the rest of a row when the store builds ten thousand. */
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mc_design_summary_finalize;
  object_class->get_property = mc_design_summary_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, "", flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UNIT_NAME] =
    g_param_spec_string ("unit-name", NULL, NULL, "", flags);
  properties[PROP_CREDENTIAL_TYPE] =
    g_param_spec_enum ("credential-type", NULL, NULL,
                       MC_TYPE_CREDENTIAL_TYPE, MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       MC_TYPE_DESIGN_STATE, MC_DESIGN_STATE_DRAFT, flags);
  properties[PROP_ECTS] =
    g_param_spec_double ("ects", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_EQF_LEVEL] =
    g_param_spec_int ("eqf-level", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_MODIFIED] =
    g_param_spec_int64 ("modified", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_design_summary_init (McDesignSummary *self)
{
}

/**
 * mc_design_summary_new:
 * @id: the design's database id
 * @uuid: the design's stable identifier
 * @title: the title of its current revision
 * @unit_id: id of the awarding unit
 * @unit_name: name of the awarding unit
 * @credential_type: the type of credential
 * @state: the design's state
 * @ects: ECTS credits
 * @eqf_level: EQF level, or 0 if not set
 * @modified: time of the last change (Unix seconds, UTC)
 *
 * Creates a summary row of the design list.
 *
 * Returns: (transfer full): a new #McDesignSummary
 */
McDesignSummary *
mc_design_summary_new (gint64            id,
                       const char       *uuid,
                       const char       *title,
                       gint64            unit_id,
                       const char       *unit_name,
                       McCredentialType  credential_type,
                       McDesignState     state,
                       double            ects,
                       int               eqf_level,
                       gint64            modified)
{
  McDesignSummary *self = g_object_new (MC_TYPE_DESIGN_SUMMARY, NULL);

  self->id = id;
  self->uuid = g_strdup (uuid ? uuid : "");
  self->title = g_strdup (title ? title : "");
  self->unit_id = unit_id;
  self->unit_name = g_strdup (unit_name ? unit_name : "");
  self->credential_type = credential_type;
  self->state = state;
  self->ects = ects;
  self->eqf_level = eqf_level;
  self->modified = modified;

  return self;
}

/**
 * mc_design_summary_get_id:
 * @self: a #McDesignSummary
 *
 * Returns: the design's database id
 */
gint64
mc_design_summary_get_id (McDesignSummary *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_SUMMARY (self), 0);

  return self->id;
}

/**
 * mc_design_summary_get_uuid:
 * @self: a #McDesignSummary
 *
 * Returns: (transfer none): the design's stable identifier
 */
const char *
mc_design_summary_get_uuid (McDesignSummary *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_SUMMARY (self), NULL);

  return self->uuid;
}

/**
 * mc_design_summary_get_title:
 * @self: a #McDesignSummary
 *
 * Returns: (transfer none): the title
 */
const char *
mc_design_summary_get_title (McDesignSummary *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_SUMMARY (self), NULL);

  return self->title;
}

/**
 * mc_design_summary_get_unit_id:
 * @self: a #McDesignSummary
 *
 * Returns: the id of the awarding unit
 */
gint64
mc_design_summary_get_unit_id (McDesignSummary *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_SUMMARY (self), 0);

  return self->unit_id;
}

/**
 * mc_design_summary_get_unit_name:
 * @self: a #McDesignSummary
 *
 * Returns: (transfer none): the name of the awarding unit
 */
const char *
mc_design_summary_get_unit_name (McDesignSummary *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_SUMMARY (self), NULL);

  return self->unit_name;
}

/**
 * mc_design_summary_get_credential_type:
 * @self: a #McDesignSummary
 *
 * Returns: the type of credential
 */
McCredentialType
mc_design_summary_get_credential_type (McDesignSummary *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_SUMMARY (self), MC_CREDENTIAL_TYPE_SKILL_CREDENTIAL);

  return self->credential_type;
}

/**
 * mc_design_summary_get_state:
 * @self: a #McDesignSummary
 *
 * Returns: the design's state
 */
McDesignState
mc_design_summary_get_state (McDesignSummary *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_SUMMARY (self), MC_DESIGN_STATE_DRAFT);

  return self->state;
}

/**
 * mc_design_summary_get_ects:
 * @self: a #McDesignSummary
 *
 * Returns: the ECTS credits
 */
double
mc_design_summary_get_ects (McDesignSummary *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_SUMMARY (self), 0.0);

  return self->ects;
}

/**
 * mc_design_summary_get_eqf_level:
 * @self: a #McDesignSummary
 *
 * Returns: the EQF level, or 0 if not set
 */
int
mc_design_summary_get_eqf_level (McDesignSummary *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_SUMMARY (self), 0);

  return self->eqf_level;
}

/**
 * mc_design_summary_get_modified:
 * @self: a #McDesignSummary
 *
 * Returns: the time of the last change (Unix seconds, UTC)
 */
gint64
mc_design_summary_get_modified (McDesignSummary *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_SUMMARY (self), 0);

  return self->modified;
}
