/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-unit.h"

struct _McUnit
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name;
};

G_DEFINE_FINAL_TYPE (McUnit, mc_unit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mc_unit_finalize (GObject *object)
{
  McUnit *self = MC_UNIT (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (mc_unit_parent_class)->finalize (object);
}

static void
mc_unit_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  McUnit *self = MC_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_unit_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  McUnit *self = MC_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_CODE:
      g_free (self->code);
      self->code = g_value_dup_string (value);
      break;
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_unit_class_init (McUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_unit_finalize;
  object_class->get_property = mc_unit_get_property;
  object_class->set_property = mc_unit_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_unit_init (McUnit *self)
{
}

/**
 * mc_unit_new:
 * @id: the unit's database id
 * @code: short code of the unit ("CS")
 * @name: name of the unit ("School of Computing")
 *
 * Creates a read-only description of an academic unit.
 *
 * Returns: (transfer full): a new #McUnit
 */
McUnit *
mc_unit_new (gint64      id,
             const char *code,
             const char *name)
{
  return g_object_new (MC_TYPE_UNIT,
                       "id", id,
                       "code", code ? code : "",
                       "name", name ? name : "",
                       NULL);
}

/**
 * mc_unit_get_id:
 * @self: a #McUnit
 *
 * Returns: the unit's database id
 */
gint64
mc_unit_get_id (McUnit *self)
{
  g_return_val_if_fail (MC_IS_UNIT (self), 0);

  return self->id;
}

/**
 * mc_unit_get_code:
 * @self: a #McUnit
 *
 * Returns: (transfer none): the unit's short code
 */
const char *
mc_unit_get_code (McUnit *self)
{
  g_return_val_if_fail (MC_IS_UNIT (self), NULL);

  return self->code;
}

/**
 * mc_unit_get_name:
 * @self: a #McUnit
 *
 * Returns: (transfer none): the unit's name
 */
const char *
mc_unit_get_name (McUnit *self)
{
  g_return_val_if_fail (MC_IS_UNIT (self), NULL);

  return self->name;
}
