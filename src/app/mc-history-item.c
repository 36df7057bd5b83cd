/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-history-item.h"

struct _McHistoryItem
{
  GObject   parent_instance;

  McEvent  *event;
  char     *design_title;
  gboolean  broken;
};

G_DEFINE_FINAL_TYPE (McHistoryItem, mc_history_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BROKEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const McEvent *
mc_history_item_get_event (McHistoryItem *self)
{
  g_return_val_if_fail (MC_IS_HISTORY_ITEM (self), NULL);
  return self->event;
}

const char *
mc_history_item_get_design_title (McHistoryItem *self)
{
  g_return_val_if_fail (MC_IS_HISTORY_ITEM (self), NULL);
  return self->design_title;
}

gboolean
mc_history_item_get_broken (McHistoryItem *self)
{
  g_return_val_if_fail (MC_IS_HISTORY_ITEM (self), FALSE);
  return self->broken;
}

void
mc_history_item_set_broken (McHistoryItem *self,
                            gboolean       broken)
{
  g_return_if_fail (MC_IS_HISTORY_ITEM (self));

  broken = !!broken;
  if (self->broken == broken)
    return;
  self->broken = broken;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BROKEN]);
}

static void
mc_history_item_finalize (GObject *object)
{
  McHistoryItem *self = MC_HISTORY_ITEM (object);

  g_clear_pointer (&self->event, mc_event_free);
  g_clear_pointer (&self->design_title, g_free);

  G_OBJECT_CLASS (mc_history_item_parent_class)->finalize (object);
}

static void
mc_history_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  McHistoryItem *self = MC_HISTORY_ITEM (object);

  switch (prop_id)
    {
    case PROP_BROKEN:
      g_value_set_boolean (value, self->broken);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_history_item_class_init (McHistoryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_history_item_finalize;
  object_class->get_property = mc_history_item_get_property;

  properties[PROP_BROKEN] =
    g_param_spec_boolean ("broken", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_history_item_init (McHistoryItem *self)
{
}

McHistoryItem *
mc_history_item_new (McEvent    *event,
                     const char *design_title)
{
  McHistoryItem *self = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  self = g_object_new (MC_TYPE_HISTORY_ITEM, NULL);
  self->event = event;
  self->design_title = g_strdup (design_title);
  return self;
}
