/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-new-passphrase-group.h"

struct _McNewPassphraseGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *first_row;
  GtkWidget           *second_row;
  GtkWidget           *hint_row;
  GtkLevelBar         *level_bar;
  gboolean             acceptable;
};

G_DEFINE_FINAL_TYPE (McNewPassphraseGroup, mc_new_passphrase_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ACCEPTABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Strength */

/* 0 (too short) to 4: one step each for 8, 12 and 16 characters, and one
 * for mixing at least three kinds of characters (lower case, upper case,
 * digits, others).  Only a hint: a few unrelated words are strong too. */
static guint
strength (const char *text)
{
  glong length = g_utf8_strlen (text, -1);
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;
  guint score = 0;

  if (length < MC_NEW_PASSPHRASE_MIN_LENGTH)
    return 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }
  score = 1 + (length >= 12) + (length >= 16);
  if (lower + upper + digit + other >= 3)
    score++;
  return MIN (score, 4);
}

static const char *
strength_text (guint score)
{
  static const char *texts[] = {
    N_("Too short: use at least 8 characters"),
    N_("Weak: longer is stronger"),
    N_("Fair"),
    N_("Good"),
    N_("Strong"),
  };

  return _(texts[MIN (score, G_N_ELEMENTS (texts) - 1)]);
}

static void
update (McNewPassphraseGroup *self)
{
  const char *first = gtk_editable_get_text (GTK_EDITABLE (self->first_row));
  const char *second = gtk_editable_get_text (GTK_EDITABLE (self->second_row));
  guint score = strength (first);
  gboolean match = g_str_equal (first, second);
  gboolean acceptable = score > 0 && match;
  const char *hint = NULL;

  if (*first == '\0')
    hint = _("At least 8 characters; a few unrelated words are easy to remember and hard to guess");
  else if (score > 0 && *second != '\0' && !match)
    hint = _("The two passphrases differ");
  else
    hint = strength_text (score);

  gtk_level_bar_set_value (self->level_bar, score);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hint_row), hint);
  if (score > 0 && *second != '\0' && !match)
    gtk_widget_add_css_class (self->second_row, "error");
  else
    gtk_widget_remove_css_class (self->second_row, "error");

  if (acceptable != self->acceptable)
    {
      self->acceptable = acceptable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTABLE]);
    }
}

/* Public */

void
mc_new_passphrase_group_set_passphrase (McNewPassphraseGroup *self,
                                        const char           *passphrase)
{
  g_return_if_fail (MC_IS_NEW_PASSPHRASE_GROUP (self));
  g_return_if_fail (passphrase != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->first_row), passphrase);
  gtk_editable_set_text (GTK_EDITABLE (self->second_row), passphrase);
}

const char *
mc_new_passphrase_group_get_passphrase (McNewPassphraseGroup *self)
{
  g_return_val_if_fail (MC_IS_NEW_PASSPHRASE_GROUP (self), NULL);
  return self->acceptable ? gtk_editable_get_text (GTK_EDITABLE (self->first_row)) : NULL;
}

gboolean
mc_new_passphrase_group_get_acceptable (McNewPassphraseGroup *self)
{
  g_return_val_if_fail (MC_IS_NEW_PASSPHRASE_GROUP (self), FALSE);
  return self->acceptable;
}

const char *
mc_new_passphrase_group_get_hint (McNewPassphraseGroup *self)
{
  g_return_val_if_fail (MC_IS_NEW_PASSPHRASE_GROUP (self), NULL);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->hint_row));
}

void
mc_new_passphrase_group_clear (McNewPassphraseGroup *self)
{
  g_return_if_fail (MC_IS_NEW_PASSPHRASE_GROUP (self));

  gtk_editable_set_text (GTK_EDITABLE (self->first_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->second_row), "");
}

/* GObject */

static GtkWidget *
password_row (McNewPassphraseGroup *self,
              const char           *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_object (row, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  return row;
}

static void
mc_new_passphrase_group_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  McNewPassphraseGroup *self = MC_NEW_PASSPHRASE_GROUP (object);

  switch (prop_id)
    {
    case PROP_ACCEPTABLE:
      g_value_set_boolean (value, self->acceptable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_new_passphrase_group_class_init (McNewPassphraseGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mc_new_passphrase_group_get_property;

  properties[PROP_ACCEPTABLE] =
    g_param_spec_boolean ("acceptable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_new_passphrase_group_init (McNewPassphraseGroup *self)
{
  GtkWidget *level_bar = gtk_level_bar_new_for_interval (0, 4);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Passphrase"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Asked each time credentials are signed. It cannot be recovered: keep it somewhere safe."));
  self->first_row = password_row (self, _("New passphrase"));
  self->second_row = password_row (self, _("New passphrase again"));

  self->hint_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->hint_row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self->hint_row), 0);
  gtk_widget_add_css_class (self->hint_row, "passphrase-hint");
  self->level_bar = GTK_LEVEL_BAR (level_bar);
  gtk_level_bar_set_mode (self->level_bar, GTK_LEVEL_BAR_MODE_DISCRETE);
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW, 1);
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 3);
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL, 4);
  gtk_widget_set_size_request (level_bar, 120, -1);
  gtk_widget_set_valign (level_bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (level_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Strength of the passphrase"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->hint_row), level_bar);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->hint_row);
  update (self);
}

GtkWidget *
mc_new_passphrase_group_new (void)
{
  return g_object_new (MC_TYPE_NEW_PASSPHRASE_GROUP, NULL);
}
