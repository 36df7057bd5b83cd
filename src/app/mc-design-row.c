/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-design-row.h"

struct _McDesignRow
{
  GtkWidget        parent_instance;

  McDesignSummary *summary;
  char            *state_class;

  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  GtkLabel        *state_label;
  GtkLabel        *ects_label;
};

G_DEFINE_FINAL_TYPE (McDesignRow, mc_design_row, GTK_TYPE_WIDGET)

static void
update (McDesignRow *self)
{
  McDesignSummary *summary = self->summary;
  const char *title = NULL;
  const char *unit = NULL;
  const char *type = NULL;
  const char *state_nick = NULL;
  McDesignState state;
  g_autofree char *subtitle = NULL;
  g_autofree char *ects = NULL;

  if (self->state_class != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), self->state_class);
      g_clear_pointer (&self->state_class, g_free);
    }

  if (summary == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      gtk_label_set_text (self->state_label, "");
      gtk_label_set_text (self->ects_label, "");
      return;
    }

  title = mc_design_summary_get_title (summary);
  if (title == NULL || title[0] == '\0')
    {
      gtk_label_set_text (self->title_label, _("Untitled Design"));
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "untitled");
    }
  else
    {
      gtk_label_set_text (self->title_label, title);
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "untitled");
    }

  unit = mc_design_summary_get_unit_name (summary);
  type = mc_enum_label (MC_TYPE_CREDENTIAL_TYPE, mc_design_summary_get_credential_type (summary));
  if (unit != NULL && unit[0] != '\0')
    /* Translators: unit name · credential type, in the design list */
    subtitle = g_strdup_printf (_("%s · %s"), unit, type);
  else
    subtitle = g_strdup (type);
  gtk_label_set_text (self->subtitle_label, subtitle);

  state = mc_design_summary_get_state (summary);
  gtk_label_set_text (self->state_label, mc_enum_label (MC_TYPE_DESIGN_STATE, state));
  state_nick = mc_enum_to_nick (MC_TYPE_DESIGN_STATE, state);
  if (state_nick != NULL)
    {
      self->state_class = g_strconcat ("state-", state_nick, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), self->state_class);
    }

  if (mc_design_summary_get_ects (summary) > 0)
    /* Translators: credits of a design in the list, e.g. "5 ECTS" */
    ects = g_strdup_printf (_("%g ECTS"), mc_design_summary_get_ects (summary));
  gtk_label_set_text (self->ects_label, ects != NULL ? ects : "");
  gtk_widget_set_visible (GTK_WIDGET (self->ects_label), ects != NULL);
}

McDesignSummary *
mc_design_row_get_summary (McDesignRow *self)
{
  g_return_val_if_fail (MC_IS_DESIGN_ROW (self), NULL);
  return self->summary;
}

void
mc_design_row_set_summary (McDesignRow     *self,
                           McDesignSummary *summary)
{
  g_return_if_fail (MC_IS_DESIGN_ROW (self));
  g_return_if_fail (summary == NULL || MC_IS_DESIGN_SUMMARY (summary));

  if (g_set_object (&self->summary, summary))
    update (self);
}

static void
mc_design_row_dispose (GObject *object)
{
  McDesignRow *self = MC_DESIGN_ROW (object);
  GtkWidget *child = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->summary);
  g_clear_pointer (&self->state_class, g_free);

  G_OBJECT_CLASS (mc_design_row_parent_class)->dispose (object);
}

static void
mc_design_row_class_init (McDesignRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_design_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "designrow");
}

static GtkLabel *
add_label (GtkWidget   *box,
           float        xalign,
           GtkAlign     halign,
           const char  *css_classes[])
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_set_halign (label, halign);
  gtk_widget_set_css_classes (label, css_classes);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

/* Built in code rather than from a template: the list view builds up to two
 * hundred of these whenever a search changes the rows, and GtkBuilder made
 * that the slowest part of filtering as you type. */
static void
mc_design_row_init (McDesignRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), status);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  self->title_label = add_label (text, 0, GTK_ALIGN_FILL, (const char *[]) { "title", NULL });
  self->subtitle_label = add_label (text, 0, GTK_ALIGN_FILL,
                                    (const char *[]) { "caption", "dim-label", NULL });
  /* One line, cut short: wrapping labels
   * need height-for-width layout, which doubled the cost of every frame
   * of a list of thousands of designs. */
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (self->subtitle_label, PANGO_ELLIPSIZE_END);
  self->state_label = add_label (status, 0.5, GTK_ALIGN_END,
                                 (const char *[]) { "state-pill", "caption", NULL });
  self->ects_label = add_label (status, 0.5, GTK_ALIGN_END,
                                (const char *[]) { "caption", "dim-label", "numeric", NULL });
}

McDesignRow *
mc_design_row_new (void)
{
  return g_object_new (MC_TYPE_DESIGN_ROW, NULL);
}
