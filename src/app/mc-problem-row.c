/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-problem-row.h"

struct _McProblemRow
{
  AdwActionRow  parent_instance;

  char         *message;
};

G_DEFINE_FINAL_TYPE (McProblemRow, mc_problem_row, ADW_TYPE_ACTION_ROW)

void
mc_problem_row_set_message (McProblemRow *self,
                            const char   *message)
{
  g_return_if_fail (MC_IS_PROBLEM_ROW (self));

  g_free (self->message);
  self->message = g_strdup (message);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self), message != NULL);
}

const char *
mc_problem_row_get_message (McProblemRow *self)
{
  g_return_val_if_fail (MC_IS_PROBLEM_ROW (self), NULL);
  return self->message;
}

static void
mc_problem_row_finalize (GObject *object)
{
  McProblemRow *self = MC_PROBLEM_ROW (object);

  g_free (self->message);

  G_OBJECT_CLASS (mc_problem_row_parent_class)->finalize (object);
}

static void
mc_problem_row_class_init (McProblemRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_problem_row_finalize;
}

static void
mc_problem_row_init (McProblemRow *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);
  gtk_widget_add_css_class (GTK_WIDGET (self), "problem-row");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
mc_problem_row_new (void)
{
  return g_object_new (MC_TYPE_PROBLEM_ROW, NULL);
}
