/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-credential-item.h"
#include "mc-date-format.h"

struct _McCredentialItem
{
  GObject              parent_instance;

  McCredentialSummary *summary;     /* NULL while not loaded */
  char                *issued_text;
};

G_DEFINE_FINAL_TYPE (McCredentialItem, mc_credential_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_LEARNER_NAME,
  PROP_STUDENT_ID,
  PROP_TITLE,
  PROP_ISSUED_AT,
  PROP_ISSUED_TEXT,
  PROP_STATE,
  PROP_STATE_LABEL,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
mc_credential_state_css_class (McCredentialState state)
{
  switch (state)
    {
    case MC_CREDENTIAL_STATE_PENDING:
      return "credential-pending";
    case MC_CREDENTIAL_STATE_ACTIVE:
      return "credential-active";
    case MC_CREDENTIAL_STATE_SUSPENDED:
      return "credential-suspended";
    case MC_CREDENTIAL_STATE_REVOKED:
      return "credential-revoked";
    case MC_CREDENTIAL_STATE_SUPERSEDED:
    default:
      return "credential-superseded";
    }
}

static gboolean
strings_differ (const char *a,
                const char *b)
{
  return g_strcmp0 (a, b) != 0;
}

/* Which properties differ between two rows (either may be NULL). */
static void
notify_changes (McCredentialItem          *self,
                const McCredentialSummary *old,
                const McCredentialSummary *new)
{
  static const McCredentialSummary empty = { 0, NULL, NULL, NULL, NULL, 0, MC_CREDENTIAL_STATE_PENDING };
  const McCredentialSummary *a = old != NULL ? old : &empty;
  const McCredentialSummary *b = new != NULL ? new : &empty;
  GObject *object = G_OBJECT (self);

  if (a->id != b->id)
    g_object_notify_by_pspec (object, properties[PROP_ID]);
  if (strings_differ (a->uuid, b->uuid))
    g_object_notify_by_pspec (object, properties[PROP_UUID]);
  if (strings_differ (a->learner_name, b->learner_name))
    g_object_notify_by_pspec (object, properties[PROP_LEARNER_NAME]);
  if (strings_differ (a->student_id, b->student_id))
    g_object_notify_by_pspec (object, properties[PROP_STUDENT_ID]);
  if (strings_differ (a->title, b->title))
    g_object_notify_by_pspec (object, properties[PROP_TITLE]);
  if (a->issued_at != b->issued_at)
    {
      g_object_notify_by_pspec (object, properties[PROP_ISSUED_AT]);
      g_object_notify_by_pspec (object, properties[PROP_ISSUED_TEXT]);
    }
  if (a->state != b->state || (old == NULL) != (new == NULL))
    {
      g_object_notify_by_pspec (object, properties[PROP_STATE]);
      g_object_notify_by_pspec (object, properties[PROP_STATE_LABEL]);
    }
  if ((old == NULL) != (new == NULL))
    g_object_notify_by_pspec (object, properties[PROP_LOADED]);
}

void
mc_credential_item_set_summary (McCredentialItem          *self,
                                const McCredentialSummary *summary)
{
  McCredentialSummary *old = NULL;

  g_return_if_fail (MC_IS_CREDENTIAL_ITEM (self));

  old = g_steal_pointer (&self->summary);
  self->summary = summary != NULL ? mc_credential_summary_copy (summary) : NULL;
  g_clear_pointer (&self->issued_text, g_free);
  if (self->summary != NULL && self->summary->issued_at > 0)
    self->issued_text = mc_format_unix_date (self->summary->issued_at, NULL);

  g_object_freeze_notify (G_OBJECT (self));
  notify_changes (self, old, self->summary);
  g_object_thaw_notify (G_OBJECT (self));
  mc_credential_summary_free (old);
}

const McCredentialSummary *
mc_credential_item_get_summary (McCredentialItem *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_ITEM (self), NULL);
  return self->summary;
}

gboolean
mc_credential_item_get_loaded (McCredentialItem *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_ITEM (self), FALSE);
  return self->summary != NULL;
}

gint64
mc_credential_item_get_id (McCredentialItem *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_ITEM (self), 0);
  return self->summary != NULL ? self->summary->id : 0;
}

McCredentialState
mc_credential_item_get_state (McCredentialItem *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_ITEM (self), MC_CREDENTIAL_STATE_PENDING);
  return self->summary != NULL ? self->summary->state : MC_CREDENTIAL_STATE_PENDING;
}

static void
mc_credential_item_finalize (GObject *object)
{
  McCredentialItem *self = MC_CREDENTIAL_ITEM (object);

  g_clear_pointer (&self->summary, mc_credential_summary_free);
  g_clear_pointer (&self->issued_text, g_free);

  G_OBJECT_CLASS (mc_credential_item_parent_class)->finalize (object);
}

static void
mc_credential_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  McCredentialItem *self = MC_CREDENTIAL_ITEM (object);
  const McCredentialSummary *row = self->summary;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, row != NULL ? row->id : 0);
      break;
    case PROP_UUID:
      g_value_set_string (value, row != NULL ? row->uuid : NULL);
      break;
    case PROP_LEARNER_NAME:
      g_value_set_string (value, row != NULL ? row->learner_name : NULL);
      break;
    case PROP_STUDENT_ID:
      g_value_set_string (value, row != NULL ? row->student_id : NULL);
      break;
    case PROP_TITLE:
      g_value_set_string (value, row != NULL ? row->title : NULL);
      break;
    case PROP_ISSUED_AT:
      g_value_set_int64 (value, row != NULL ? row->issued_at : 0);
      break;
    case PROP_ISSUED_TEXT:
      g_value_set_string (value, self->issued_text);
      break;
    case PROP_STATE:
      g_value_set_enum (value, mc_credential_item_get_state (self));
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, row != NULL ? mc_enum_label (MC_TYPE_CREDENTIAL_STATE, row->state) : NULL);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, row != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_credential_item_class_init (McCredentialItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mc_credential_item_finalize;
  object_class->get_property = mc_credential_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_LEARNER_NAME] = g_param_spec_string ("learner-name", NULL, NULL, NULL, flags);
  properties[PROP_STUDENT_ID] = g_param_spec_string ("student-id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ISSUED_AT] = g_param_spec_int64 ("issued-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ISSUED_TEXT] = g_param_spec_string ("issued-text", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, MC_TYPE_CREDENTIAL_STATE,
                                              MC_CREDENTIAL_STATE_PENDING, flags);
  properties[PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_credential_item_init (McCredentialItem *self)
{
}

McCredentialItem *
mc_credential_item_new (void)
{
  return g_object_new (MC_TYPE_CREDENTIAL_ITEM, NULL);
}

McCredentialItem *
mc_credential_item_new_for_summary (const McCredentialSummary *summary)
{
  McCredentialItem *self = mc_credential_item_new ();

  g_return_val_if_fail (summary != NULL, self);

  self->summary = mc_credential_summary_copy (summary);
  if (summary->issued_at > 0)
    self->issued_text = mc_format_unix_date (summary->issued_at, NULL);
  return self;
}
