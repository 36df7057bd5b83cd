/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-design-slot.h"

struct _McDesignSlot
{
  GObject          parent_instance;
  McDesignSummary *summary;
};

G_DEFINE_FINAL_TYPE (McDesignSlot, mc_design_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mc_design_slot_finalize (GObject *object)
{
  McDesignSlot *self = MC_DESIGN_SLOT (object);

  g_clear_object (&self->summary);
  G_OBJECT_CLASS (mc_design_slot_parent_class)->finalize (object);
}

static void
mc_design_slot_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  McDesignSlot *self = MC_DESIGN_SLOT (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_design_slot_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  McDesignSlot *self = MC_DESIGN_SLOT (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      mc_design_slot_set_summary (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_design_slot_class_init (McDesignSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_design_slot_finalize;
  object_class->get_property = mc_design_slot_get_property;
  object_class->set_property = mc_design_slot_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, MC_TYPE_DESIGN_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_design_slot_init (McDesignSlot *self)
{
}

McDesignSlot *
mc_design_slot_new (McDesignSummary *summary)
{
  return g_object_new (MC_TYPE_DESIGN_SLOT, "summary", summary, NULL);
}

McDesignSummary *
mc_design_slot_get_summary (McDesignSlot *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_SLOT (self), NULL);
  return self->summary;
}

gboolean
mc_design_summary_shows_same (McDesignSummary *a,
                              McDesignSummary *b)
{
  return mc_design_summary_get_id (a) == mc_design_summary_get_id (b) &&
         mc_design_summary_get_modified (a) == mc_design_summary_get_modified (b) &&
         mc_design_summary_get_state (a) == mc_design_summary_get_state (b) &&
         mc_design_summary_get_credential_type (a) == mc_design_summary_get_credential_type (b) &&
         mc_design_summary_get_ects (a) == mc_design_summary_get_ects (b) &&
         g_strcmp0 (mc_design_summary_get_title (a), mc_design_summary_get_title (b)) == 0 &&
         g_strcmp0 (mc_design_summary_get_unit_name (a), mc_design_summary_get_unit_name (b)) == 0;
}

void
mc_design_slot_set_summary (McDesignSlot    *self,
                            McDesignSummary *summary)
{
  g_return_if_fail (MC_IS_DESIGN_SLOT (self));
  g_return_if_fail (summary == NULL || MC_IS_DESIGN_SUMMARY (summary));

  if (self->summary == summary)
    return;
  if (self->summary != NULL && summary != NULL &&
      mc_design_summary_shows_same (self->summary, summary))
    {
      /* Keep the newer object quietly: nothing on screen changes. */
      g_set_object (&self->summary, summary);
      return;
    }
  g_set_object (&self->summary, summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
