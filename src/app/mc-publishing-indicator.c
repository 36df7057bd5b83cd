/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-publishing-indicator.h"

struct _McPublishingIndicator
{
  AdwBin         parent_instance;

  McApplication *application;
  char          *text;          /* NULL while not publishing */

  GtkMenuButton *button;
  GtkLabel      *label;
};

G_DEFINE_FINAL_TYPE (McPublishingIndicator, mc_publishing_indicator, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (McPublishingIndicator *self)
{
  McPublishingService *service = NULL;
  g_autofree char *url = NULL;

  if (self->application != NULL)
    service = mc_application_get_publishing_service (self->application);
  if (service != NULL)
    url = mc_publishing_service_dup_url (service);
  g_clear_pointer (&self->text, g_free);
  if (url != NULL)
    /* Translators: %s is the web address the publishing service answers at */
    self->text = g_strdup_printf (_("Publishing at %s"), url);
  gtk_widget_set_visible (GTK_WIDGET (self), self->text != NULL);
  gtk_label_set_text (self->label, self->text != NULL ? self->text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), self->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text != NULL ? self->text : _("Publishing"), -1);
}

void
mc_publishing_indicator_set_application (McPublishingIndicator *self,
                                         McApplication         *application)
{
  g_return_if_fail (MC_IS_PUBLISHING_INDICATOR (self));
  g_return_if_fail (application == NULL || MC_IS_APPLICATION (application));

  if (self->application == application)
    return;
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  g_set_object (&self->application, application);
  if (application != NULL)
    g_signal_connect_object (application, "notify::publishing-service", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}

const char *
mc_publishing_indicator_get_text (McPublishingIndicator *self)
{
  g_return_val_if_fail (MC_IS_PUBLISHING_INDICATOR (self), NULL);
  return self->text;
}

/* The popover: what is published where, and the way to its settings. */
static GtkWidget *
build_popover (McPublishingIndicator *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *settings = gtk_button_new_with_mnemonic (_("Publishing _Settings…"));

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (self->label, 40);
  gtk_label_set_xalign (self->label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (settings), "win.show-publishing");
  gtk_widget_set_tooltip_text (settings, _("Open the Publishing page of the administration window"));
  gtk_box_append (GTK_BOX (box), settings);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  /* The action closes the popover before the window opens. */
  g_signal_connect_object (settings, "clicked", G_CALLBACK (gtk_popover_popdown), popover, G_CONNECT_SWAPPED);
  return popover;
}

static void
mc_publishing_indicator_dispose (GObject *object)
{
  McPublishingIndicator *self = MC_PUBLISHING_INDICATOR (object);

  g_clear_object (&self->application);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (mc_publishing_indicator_parent_class)->dispose (object);
}

static void
mc_publishing_indicator_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  McPublishingIndicator *self = MC_PUBLISHING_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_publishing_indicator_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  McPublishingIndicator *self = MC_PUBLISHING_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      mc_publishing_indicator_set_application (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_publishing_indicator_class_init (McPublishingIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_publishing_indicator_dispose;
  object_class->get_property = mc_publishing_indicator_get_property;
  object_class->set_property = mc_publishing_indicator_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, MC_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_publishing_indicator_init (McPublishingIndicator *self)
{
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "network-server-symbolic");
  gtk_menu_button_set_popover (self->button, build_popover (self));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
  update (self);
}

McPublishingIndicator *
mc_publishing_indicator_new (void)
{
  return g_object_new (MC_TYPE_PUBLISHING_INDICATOR, NULL);
}
