/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-design.h"

struct _McDesign
{
  GObject        parent_instance;

  gint64         id;
  char          *uuid;
  McDesignState  state;
  gint64         unit_id;
  gint64         owner_id;
  guint          revision_number;
  gint64         version;
  gint64         created;
  gint64         modified;
  McRevision    *content;
  guint          approved_revision;
  char          *approved_on;
  char          *review_due;
};

G_DEFINE_FINAL_TYPE (McDesign, mc_design, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_STATE,
  PROP_UNIT_ID,
  PROP_OWNER_ID,
  PROP_REVISION_NUMBER,
  PROP_VERSION,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_CONTENT,
  PROP_APPROVED_REVISION,
  PROP_APPROVED_ON,
  PROP_REVIEW_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mc_design_finalize (GObject *object)
{
  McDesign *self = MC_DESIGN (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_object (&self->content);
  g_clear_pointer (&self->approved_on, g_free);
  g_clear_pointer (&self->review_due, g_free);
  G_OBJECT_CLASS (mc_design_parent_class)->finalize (object);
}

static void
mc_design_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  McDesign *self = MC_DESIGN (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    case PROP_UNIT_ID: g_value_set_int64 (value, self->unit_id); break;
    case PROP_OWNER_ID: g_value_set_int64 (value, self->owner_id); break;
    case PROP_REVISION_NUMBER: g_value_set_uint (value, self->revision_number); break;
    case PROP_VERSION: g_value_set_int64 (value, self->version); break;
    case PROP_CREATED: g_value_set_int64 (value, self->created); break;
    case PROP_MODIFIED: g_value_set_int64 (value, self->modified); break;
    case PROP_CONTENT: g_value_set_object (value, self->content); break;
    case PROP_APPROVED_REVISION: g_value_set_uint (value, self->approved_revision); break;
    case PROP_APPROVED_ON: g_value_set_string (value, self->approved_on); break;
    case PROP_REVIEW_DUE: g_value_set_string (value, self->review_due); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_design_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  McDesign *self = MC_DESIGN (object);

  switch (prop_id)
    {
    case PROP_ID: mc_design_set_id (self, g_value_get_int64 (value)); break;
    case PROP_UUID: mc_design_set_uuid (self, g_value_get_string (value)); break;
    case PROP_STATE: mc_design_set_state (self, g_value_get_enum (value)); break;
    case PROP_UNIT_ID: mc_design_set_unit_id (self, g_value_get_int64 (value)); break;
    case PROP_OWNER_ID: mc_design_set_owner_id (self, g_value_get_int64 (value)); break;
    case PROP_REVISION_NUMBER: mc_design_set_revision_number (self, g_value_get_uint (value)); break;
    case PROP_VERSION: mc_design_set_version (self, g_value_get_int64 (value)); break;
    case PROP_CREATED: mc_design_set_created (self, g_value_get_int64 (value)); break;
    case PROP_MODIFIED: mc_design_set_modified (self, g_value_get_int64 (value)); break;
    case PROP_CONTENT: mc_design_set_content (self, g_value_get_object (value)); break;
    case PROP_APPROVED_REVISION: mc_design_set_approved_revision (self, g_value_get_uint (value)); break;
    case PROP_APPROVED_ON: mc_design_set_approved_on (self, g_value_get_string (value)); break;
    case PROP_REVIEW_DUE: mc_design_set_review_due (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_design_class_init (McDesignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mc_design_finalize;
  object_class->get_property = mc_design_get_property;
  object_class->set_property = mc_design_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, MC_TYPE_DESIGN_STATE,
                                              MC_DESIGN_STATE_DRAFT, flags);
  properties[PROP_UNIT_ID] = g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REVISION_NUMBER] = g_param_spec_uint ("revision-number", NULL, NULL,
                                                        1, G_MAXUINT, 1, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CONTENT] = g_param_spec_object ("content", NULL, NULL, MC_TYPE_REVISION, flags);
  properties[PROP_APPROVED_REVISION] = g_param_spec_uint ("approved-revision", NULL, NULL,
                                                          0, G_MAXUINT, 0, flags);
  properties[PROP_APPROVED_ON] = g_param_spec_string ("approved-on", NULL, NULL, NULL, flags);
  properties[PROP_REVIEW_DUE] = g_param_spec_string ("review-due", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_design_init (McDesign *self)
{
  self->uuid = g_uuid_string_random ();
  self->state = MC_DESIGN_STATE_DRAFT;
  self->revision_number = 1;
  self->content = mc_revision_new ();
}

/**
 * mc_design_new:
 *
 * Returns: (transfer full): a new, unsaved draft with a fresh uuid and empty content
 */
McDesign *
mc_design_new (void)
{
  return g_object_new (MC_TYPE_DESIGN, NULL);
}

#define DEFINE_SETTER(name, type, field, prop)                  \
  void                                                          \
  mc_design_set_##name (McDesign *self, type value)             \
  {                                                             \
    g_return_if_fail (MC_IS_DESIGN (self));                     \
    if (self->field == value)                                   \
      return;                                                   \
    self->field = value;                                        \
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
  }

#define DEFINE_GETTER(name, type, field, fallback)              \
  type                                                          \
  mc_design_get_##name (McDesign *self)                         \
  {                                                             \
    g_return_val_if_fail (MC_IS_DESIGN (self), fallback);       \
    return self->field;                                         \
  }

DEFINE_GETTER (id, gint64, id, 0)
DEFINE_SETTER (id, gint64, id, PROP_ID)
DEFINE_GETTER (state, McDesignState, state, MC_DESIGN_STATE_DRAFT)
DEFINE_SETTER (state, McDesignState, state, PROP_STATE)
DEFINE_GETTER (unit_id, gint64, unit_id, 0)
DEFINE_SETTER (unit_id, gint64, unit_id, PROP_UNIT_ID)
DEFINE_GETTER (owner_id, gint64, owner_id, 0)
DEFINE_SETTER (owner_id, gint64, owner_id, PROP_OWNER_ID)
DEFINE_GETTER (revision_number, guint, revision_number, 1)
DEFINE_SETTER (revision_number, guint, revision_number, PROP_REVISION_NUMBER)
DEFINE_GETTER (version, gint64, version, 0)
DEFINE_SETTER (version, gint64, version, PROP_VERSION)
DEFINE_GETTER (created, gint64, created, 0)
DEFINE_SETTER (created, gint64, created, PROP_CREATED)
DEFINE_GETTER (modified, gint64, modified, 0)
DEFINE_SETTER (modified, gint64, modified, PROP_MODIFIED)
DEFINE_GETTER (approved_revision, guint, approved_revision, 0)
DEFINE_SETTER (approved_revision, guint, approved_revision, PROP_APPROVED_REVISION)
DEFINE_GETTER (approved_on, const char *, approved_on, NULL)
DEFINE_GETTER (review_due, const char *, review_due, NULL)
DEFINE_GETTER (uuid, const char *, uuid, NULL)
DEFINE_GETTER (content, McRevision *, content, NULL)

void
mc_design_set_uuid (McDesign   *self,
                    const char *uuid)
{
  g_return_if_fail (MC_IS_DESIGN (self));
  g_return_if_fail (uuid != NULL && g_uuid_string_is_valid (uuid));

  if (g_strcmp0 (self->uuid, uuid) == 0)
    return;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

void
mc_design_set_content (McDesign   *self,
                       McRevision *content)
{
  g_return_if_fail (MC_IS_DESIGN (self));
  g_return_if_fail (MC_IS_REVISION (content));

  if (g_set_object (&self->content, content))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

static void
set_date (McDesign   *self,
          char      **field,
          const char *iso_date,
          guint       prop)
{
  if (iso_date != NULL && iso_date[0] == '\0')
    iso_date = NULL;
  if (g_strcmp0 (*field, iso_date) == 0)
    return;
  g_free (*field);
  *field = g_strdup (iso_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
mc_design_set_approved_on (McDesign   *self,
                           const char *iso_date)
{
  g_return_if_fail (MC_IS_DESIGN (self));
  set_date (self, &self->approved_on, iso_date, PROP_APPROVED_ON);
}

void
mc_design_set_review_due (McDesign   *self,
                          const char *iso_date)
{
  g_return_if_fail (MC_IS_DESIGN (self));
  set_date (self, &self->review_due, iso_date, PROP_REVIEW_DUE);
}
