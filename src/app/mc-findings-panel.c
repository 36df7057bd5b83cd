/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-findings-panel.h"

struct _McFindingsPanel
{
  AdwBin      parent_instance;

  GtkLabel   *errors_label;
  GtkLabel   *warnings_label;
  GtkLabel   *notes_label;
  GtkStack   *stack;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (McFindingsPanel, mc_findings_panel, ADW_TYPE_BIN)

enum {
  SIGNAL_FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated_cb (McFindingsPanel *self, GtkListBoxRow *row)
{
  McFinding *finding = g_object_get_data (G_OBJECT (row), "mc-finding");

  if (finding)
    g_signal_emit (self, signals[SIGNAL_FINDING_ACTIVATED], 0, finding);
}

static GtkWidget *
finding_row_new (McFinding *finding, McValidator *validator)
{
  static const struct { const char *icon; const char *style; } looks[] = {
    [MC_SEVERITY_INFO] = { "dialog-information-symbolic", "dim-label" },
    [MC_SEVERITY_WARNING] = { "dialog-warning-symbolic", "warning" },
    [MC_SEVERITY_ERROR] = { "dialog-error-symbolic", "error" },
  };
  McSeverity severity = mc_finding_get_severity (finding);
  const char *profile_id = mc_finding_get_profile_id (finding);
  McProfile *profile = validator && profile_id ? mc_validator_find_profile (validator, profile_id) : NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon, *message, *origin;

  if ((guint) severity >= G_N_ELEMENTS (looks))
    severity = MC_SEVERITY_INFO;
  icon = gtk_image_new_from_icon_name (looks[severity].icon);
  gtk_widget_add_css_class (icon, looks[severity].style);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);

  message = gtk_label_new (mc_finding_get_message (finding));
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 40);

  origin = gtk_label_new (profile ? mc_profile_get_name (profile) : profile_id);
  gtk_label_set_xalign (GTK_LABEL (origin), 0);
  gtk_label_set_wrap (GTK_LABEL (origin), TRUE);
  gtk_widget_add_css_class (origin, "caption");
  gtk_widget_add_css_class (origin, "dim-label");

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), message);
  gtk_box_append (GTK_BOX (texts), origin);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Go to the field"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mc_finding_get_message (finding),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  mc_enum_label (MC_TYPE_SEVERITY, mc_finding_get_severity (finding)),
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "mc-finding", g_object_ref (finding), g_object_unref);
  return row;
}

void
mc_findings_panel_set_findings (McFindingsPanel *self,
                                GPtrArray       *findings,
                                McValidator     *validator)
{
  guint errors = 0, warnings = 0, notes = 0;
  GtkWidget *child;
  g_autofree char *errors_text = NULL;
  g_autofree char *warnings_text = NULL;
  g_autofree char *notes_text = NULL;

  g_return_if_fail (MC_IS_FINDINGS_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; findings && i < findings->len; i++)
    {
      McFinding *finding = g_ptr_array_index (findings, i);

      switch (mc_finding_get_severity (finding))
        {
        case MC_SEVERITY_ERROR:
          errors++;
          break;
        case MC_SEVERITY_WARNING:
          warnings++;
          break;
        case MC_SEVERITY_INFO:
        default:
          notes++;
          break;
        }
      gtk_list_box_append (self->list_box, finding_row_new (finding, validator));
    }

  errors_text = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
  warnings_text = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
  notes_text = g_strdup_printf (ngettext ("%u note", "%u notes", notes), notes);
  gtk_label_set_label (self->errors_label, errors_text);
  gtk_label_set_label (self->warnings_label, warnings_text);
  gtk_label_set_label (self->notes_label, notes_text);
  gtk_stack_set_visible_child_name (self->stack,
                                    findings && findings->len > 0 ? "list" : "empty");
}

static void
mc_findings_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MC_TYPE_FINDINGS_PANEL);

  G_OBJECT_CLASS (mc_findings_panel_parent_class)->dispose (object);
}

static void
mc_findings_panel_class_init (McFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_findings_panel_dispose;

  signals[SIGNAL_FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, MC_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mc-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, McFindingsPanel, errors_label);
  gtk_widget_class_bind_template_child (widget_class, McFindingsPanel, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, McFindingsPanel, notes_label);
  gtk_widget_class_bind_template_child (widget_class, McFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, McFindingsPanel, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mc_findings_panel_init (McFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mc_findings_panel_set_findings (self, NULL, NULL);
}

GtkWidget *
mc_findings_panel_new (void)
{
  return g_object_new (MC_TYPE_FINDINGS_PANEL, NULL);
}
