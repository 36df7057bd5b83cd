/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-application.h"
#include "mc-preferences-window.h"

struct _McPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  McValidator          *validator;
  GPtrArray            *switches;     /* GtkSwitch, one per profile */
  gboolean              syncing;

  AdwPreferencesGroup  *profiles_group;
};

G_DEFINE_FINAL_TYPE (McPreferencesWindow, mc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_VALIDATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_switches (McPreferencesWindow *self)
{
  g_auto(GStrv) enabled = g_settings_get_strv (self->settings, MC_SETTINGS_PROFILES);
  GListModel *profiles = mc_validator_get_profiles (self->validator);

  self->syncing = TRUE;
  for (guint i = 0; i < self->switches->len; i++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (profiles, i);

      gtk_switch_set_active (g_ptr_array_index (self->switches, i),
                             g_strv_contains ((const char * const *) enabled,
                                              mc_profile_get_id (profile)));
    }
  self->syncing = FALSE;
}

static void
on_switch_toggled (McPreferencesWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) enabled = NULL;
  GListModel *profiles = mc_validator_get_profiles (self->validator);

  if (self->syncing)
    return;

  /* Written in the validator's order, so the list stays stable. */
  for (guint i = 0; i < self->switches->len; i++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (profiles, i);

      if (gtk_switch_get_active (g_ptr_array_index (self->switches, i)))
        g_strv_builder_add (builder, mc_profile_get_id (profile));
    }
  enabled = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, MC_SETTINGS_PROFILES, (const char * const *) enabled);
}

static void
add_profile_rows (McPreferencesWindow *self)
{
  GListModel *profiles = mc_validator_get_profiles (self->validator);

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (profiles, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_profile_get_name (profile));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mc_profile_get_description (profile));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      /* The row names the switch after its title (activatable widget). */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->profiles_group, row);

      g_ptr_array_add (self->switches, toggle);
      g_signal_connect_object (toggle, "notify::active",
                               G_CALLBACK (on_switch_toggled), self, G_CONNECT_SWAPPED);
    }
}

static void
mc_preferences_window_constructed (GObject *object)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (mc_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));
  g_assert (MC_IS_VALIDATOR (self->validator));

  add_profile_rows (self);
  sync_switches (self);
  g_signal_connect_object (self->settings, "changed::" MC_SETTINGS_PROFILES,
                           G_CALLBACK (sync_switches), self, G_CONNECT_SWAPPED);
}

static void
mc_preferences_window_dispose (GObject *object)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->switches, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->validator);

  G_OBJECT_CLASS (mc_preferences_window_parent_class)->dispose (object);
}

static void
mc_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_VALIDATOR:
      g_value_set_object (value, self->validator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_VALIDATOR:
      self->validator = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_preferences_window_class_init (McPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_preferences_window_constructed;
  object_class->dispose = mc_preferences_window_dispose;
  object_class->get_property = mc_preferences_window_get_property;
  object_class->set_property = mc_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALIDATOR] =
    g_param_spec_object ("validator", NULL, NULL, MC_TYPE_VALIDATOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, profiles_group);
}

static void
mc_preferences_window_init (McPreferencesWindow *self)
{
  self->switches = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

McPreferencesWindow *
mc_preferences_window_new (GSettings   *settings,
                           McValidator *validator)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (MC_IS_VALIDATOR (validator), NULL);

  return g_object_new (MC_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "validator", validator,
                       NULL);
}
