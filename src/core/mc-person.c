/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-person.h"

struct _McPerson
{
  GObject  parent_instance;

  gint64   id;
  char    *username;
  char    *name;
  char    *email;
  gint64   unit_id;
};

G_DEFINE_FINAL_TYPE (McPerson, mc_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_NAME,
  PROP_EMAIL,
  PROP_UNIT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mc_person_finalize (GObject *object)
{
  McPerson *self = MC_PERSON (object);

  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (mc_person_parent_class)->finalize (object);
}

static void
mc_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  McPerson *self = MC_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  McPerson *self = MC_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_USERNAME:
      g_free (self->username);
      self->username = g_value_dup_string (value);
      break;
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case PROP_EMAIL:
      g_free (self->email);
      self->email = g_value_dup_string (value);
      break;
    case PROP_UNIT_ID:
      self->unit_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_person_class_init (McPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_person_finalize;
  object_class->get_property = mc_person_get_property;
  object_class->set_property = mc_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_person_init (McPerson *self)
{
}

/**
 * mc_person_new:
 * @id: the person's database id
 * @username: operating-system account name
 * @name: full name
 * @email: (nullable): e-mail address
 * @unit_id: id of the person's academic unit, or 0
 *
 * Creates a read-only description of a person.
 *
 * Returns: (transfer full): a new #McPerson
 */
McPerson *
mc_person_new (gint64      id,
               const char *username,
               const char *name,
               const char *email,
               gint64      unit_id)
{
  return g_object_new (MC_TYPE_PERSON,
                       "id", id,
                       "username", username ? username : "",
                       "name", name ? name : "",
                       "email", email ? email : "",
                       "unit-id", unit_id,
                       NULL);
}

/**
 * mc_person_get_id:
 * @self: a #McPerson
 *
 * Returns: the person's database id
 */
gint64
mc_person_get_id (McPerson *self)
{
  g_return_val_if_fail (MC_IS_PERSON (self), 0);

  return self->id;
}

/**
 * mc_person_get_username:
 * @self: a #McPerson
 *
 * Returns: (transfer none): the operating-system account name
 */
const char *
mc_person_get_username (McPerson *self)
{
  g_return_val_if_fail (MC_IS_PERSON (self), NULL);

  return self->username;
}

/**
 * mc_person_get_name:
 * @self: a #McPerson
 *
 * Returns: (transfer none): the person's full name
 */
const char *
mc_person_get_name (McPerson *self)
{
  g_return_val_if_fail (MC_IS_PERSON (self), NULL);

  return self->name;
}

/**
 * mc_person_get_email:
 * @self: a #McPerson
 *
 * Returns: (transfer none): the e-mail address, or "" if unknown
 */
const char *
mc_person_get_email (McPerson *self)
{
  g_return_val_if_fail (MC_IS_PERSON (self), NULL);

  return self->email;
}

/**
 * mc_person_get_unit_id:
 * @self: a #McPerson
 *
 * Returns: the id of the person's academic unit, or 0 if none
 */
gint64
mc_person_get_unit_id (McPerson *self)
{
  g_return_val_if_fail (MC_IS_PERSON (self), 0);

  return self->unit_id;
}
