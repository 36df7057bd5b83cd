/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-date-format.h"
#include "mc-date-row.h"

struct _McDateRow
{
  AdwEntryRow  parent_instance;

  GtkPopover  *popover;
  GtkCalendar *calendar;
  gboolean     valid;
  gboolean     syncing;
};

G_DEFINE_FINAL_TYPE (McDateRow, mc_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_changed (McDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  GDate date;
  gboolean valid = mc_parse_iso_date (text, &date);

  /* An empty row is not wrong yet, only incomplete. */
  if (valid || *text == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
on_popover_shown (McDateRow *self)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (!mc_parse_iso_date (gtk_editable_get_text (GTK_EDITABLE (self)), &date))
    return;
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->syncing = FALSE;
}

static void
on_day_selected (McDateRow *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (self->syncing)
    return;
  dt = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self), iso);
  gtk_popover_popdown (self->popover);
}

const char *
mc_date_row_get_date (McDateRow *self)
{
  g_return_val_if_fail (MC_IS_DATE_ROW (self), NULL);
  return self->valid ? gtk_editable_get_text (GTK_EDITABLE (self)) : NULL;
}

void
mc_date_row_set_date (McDateRow  *self,
                      const char *iso_date)
{
  g_return_if_fail (MC_IS_DATE_ROW (self));
  gtk_editable_set_text (GTK_EDITABLE (self), iso_date != NULL ? iso_date : "");
}

gboolean
mc_date_row_get_valid (McDateRow *self)
{
  g_return_val_if_fail (MC_IS_DATE_ROW (self), FALSE);
  return self->valid;
}

/* The calendar button is named after the row, for screen readers. */
static void
on_title_changed (McDateRow *self,
                  GParamSpec *pspec,
                  GtkWidget  *button)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: a button's name for screen readers, %s is a date field, "Starts on" */
  g_autofree char *name = g_strdup_printf (_("Choose a date: %s"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
mc_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  McDateRow *self = MC_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_date_row_class_init (McDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mc_date_row_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_date_row_init (McDateRow *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *popover = gtk_popover_new ();

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose the Date"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), button);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_DIGITS);

  self->popover = GTK_POPOVER (popover);
  self->calendar = GTK_CALENDAR (calendar);
  g_signal_connect_object (self, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_shown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_day_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::title", G_CALLBACK (on_title_changed), button, 0);
  on_title_changed (self, NULL, button);
}

GtkWidget *
mc_date_row_new (void)
{
  return g_object_new (MC_TYPE_DATE_ROW, NULL);
}
