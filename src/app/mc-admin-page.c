/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-admin-page.h"
#include "mc-admin-private.h"

typedef struct
{
  McWorkflow *workflow;
  gboolean    editable;
} McAdminPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (McAdminPage, mc_admin_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_WORKFLOW,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

McWorkflow *
mc_admin_page_get_workflow (McAdminPage *self)
{
  McAdminPagePrivate *priv = mc_admin_page_get_instance_private (self);

  g_return_val_if_fail (MC_IS_ADMIN_PAGE (self), NULL);
  return priv->workflow;
}

gboolean
mc_admin_page_get_editable (McAdminPage *self)
{
  McAdminPagePrivate *priv = mc_admin_page_get_instance_private (self);

  g_return_val_if_fail (MC_IS_ADMIN_PAGE (self), FALSE);
  return priv->editable;
}

void
mc_admin_page_set_note (McAdminPage         *self,
                        AdwPreferencesGroup *note_group)
{
  McAdminPagePrivate *priv = mc_admin_page_get_instance_private (self);

  g_return_if_fail (MC_IS_ADMIN_PAGE (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (note_group));

  if (!priv->editable)
    {
      McPerson *actor = mc_workflow_get_actor (priv->workflow);
      g_autofree char *note = _mc_admin_read_only_text (actor != NULL ? mc_person_get_name (actor) : "");

      adw_preferences_group_set_description (note_group, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (note_group), !priv->editable);
}

void
mc_admin_page_emit_changed (McAdminPage *self)
{
  g_return_if_fail (MC_IS_ADMIN_PAGE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
mc_admin_page_constructed (GObject *object)
{
  McAdminPage *self = MC_ADMIN_PAGE (object);
  McAdminPagePrivate *priv = mc_admin_page_get_instance_private (self);

  G_OBJECT_CLASS (mc_admin_page_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (priv->workflow));
  priv->editable = mc_workflow_has_role (priv->workflow, MC_ROLE_ADMINISTRATOR, 0);
}

static void
mc_admin_page_dispose (GObject *object)
{
  McAdminPage *self = MC_ADMIN_PAGE (object);
  McAdminPagePrivate *priv = mc_admin_page_get_instance_private (self);

  g_clear_object (&priv->workflow);

  G_OBJECT_CLASS (mc_admin_page_parent_class)->dispose (object);
}

static void
mc_admin_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  McAdminPage *self = MC_ADMIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, mc_admin_page_get_workflow (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_admin_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  McAdminPage *self = MC_ADMIN_PAGE (object);
  McAdminPagePrivate *priv = mc_admin_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      priv->workflow = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_admin_page_class_init (McAdminPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mc_admin_page_constructed;
  object_class->dispose = mc_admin_page_dispose;
  object_class->get_property = mc_admin_page_get_property;
  object_class->set_property = mc_admin_page_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_admin_page_init (McAdminPage *self)
{
}
