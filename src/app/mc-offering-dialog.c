/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-date-row.h"
#include "mc-offering-dialog.h"
#include "mc-problem-row.h"

struct _McOfferingDialog
{
  AdwWindow            parent_instance;

  McWorkflow          *workflow;
  McDesign            *design;
  GArray              *modes;        /* McParticipationMode, parallel to the drop-down */
  char                *error;

  /* Template widgets */
  GtkWidget           *create_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *offering_group;
  GtkEditable         *code_row;
  GtkEditable         *title_row;
  McDateRow           *starts_row;
  McDateRow           *ends_row;
  McProblemRow        *dates_problem;
  AdwComboRow         *mode_row;
  GtkEditable         *location_row;
};

G_DEFINE_FINAL_TYPE (McOfferingDialog, mc_offering_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_DESIGN,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (McOfferingDialog *self,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* What is wrong with the dates as typed, or NULL. */
static char *
check_dates (McOfferingDialog *self)
{
  const char *starts = mc_date_row_get_date (self->starts_row);
  const char *ends = mc_date_row_get_date (self->ends_row);
  McDateRow *rows[] = { self->starts_row, self->ends_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (rows[i]));

      if (*text != '\0' && !mc_date_row_get_valid (rows[i]))
        /* Translators: %s is what was typed in a date field */
        return g_strdup_printf (_("“%s” is not a date like 2026-09-14"), text);
    }
  if (starts != NULL && ends != NULL && g_strcmp0 (starts, ends) > 0)
    return g_strdup (_("The offering cannot end before it starts"));
  return NULL;
}

static void
update_ready (McOfferingDialog *self)
{
  g_autofree char *problem = check_dates (self);

  mc_problem_row_set_message (self->dates_problem, problem);
  gtk_widget_set_sensitive (self->create_button, mc_offering_dialog_get_ready (self));
}

gboolean
mc_offering_dialog_get_ready (McOfferingDialog *self)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (MC_IS_OFFERING_DIALOG (self), FALSE);

  code = g_strstrip (g_strdup (gtk_editable_get_text (self->code_row)));
  return *code != '\0' && mc_date_row_get_valid (self->starts_row) &&
         mc_date_row_get_valid (self->ends_row) &&
         mc_problem_row_get_message (self->dates_problem) == NULL;
}

const char *
mc_offering_dialog_get_problem (McOfferingDialog *self)
{
  g_return_val_if_fail (MC_IS_OFFERING_DIALOG (self), NULL);
  return mc_problem_row_get_message (self->dates_problem);
}

const char *
mc_offering_dialog_get_error (McOfferingDialog *self)
{
  g_return_val_if_fail (MC_IS_OFFERING_DIALOG (self), NULL);
  return self->error;
}

static char *
stripped_text (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text != '\0')
    return text;
  g_free (text);
  return NULL;
}

gboolean
mc_offering_dialog_create (McOfferingDialog *self)
{
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(GError) error = NULL;
  guint position = 0;

  g_return_val_if_fail (MC_IS_OFFERING_DIALOG (self), FALSE);

  if (!mc_offering_dialog_get_ready (self))
    return FALSE;

  position = adw_combo_row_get_selected (self->mode_row);
  offering = mc_offering_new ();
  offering->design_id = mc_design_get_id (self->design);
  offering->code = stripped_text (self->code_row);
  offering->title = stripped_text (self->title_row);
  offering->starts_on = g_strdup (mc_date_row_get_date (self->starts_row));
  offering->ends_on = g_strdup (mc_date_row_get_date (self->ends_row));
  offering->location = stripped_text (self->location_row);
  if (position < self->modes->len)
    offering->mode = g_array_index (self->modes, McParticipationMode, position);

  if (!mc_workflow_create_offering (self->workflow, offering, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[CREATED], 0, offering);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_create_clicked (McOfferingDialog *self)
{
  mc_offering_dialog_create (self);
}

void
mc_offering_dialog_fill (McOfferingDialog *self,
                         const char       *code,
                         const char       *starts_on,
                         const char       *ends_on,
                         const char       *location)
{
  g_return_if_fail (MC_IS_OFFERING_DIALOG (self));

  if (code != NULL)
    gtk_editable_set_text (self->code_row, code);
  if (starts_on != NULL)
    mc_date_row_set_date (self->starts_row, starts_on);
  if (ends_on != NULL)
    mc_date_row_set_date (self->ends_row, ends_on);
  if (location != NULL)
    gtk_editable_set_text (self->location_row, location);
}

void
mc_offering_dialog_set_mode (McOfferingDialog    *self,
                             McParticipationMode  mode)
{
  g_return_if_fail (MC_IS_OFFERING_DIALOG (self));

  for (guint i = 0; i < self->modes->len; i++)
    if (g_array_index (self->modes, McParticipationMode, i) == mode)
      adw_combo_row_set_selected (self->mode_row, i);
}

/* GObject */

static void
fill_modes (McOfferingDialog *self,
            McRevision       *revision)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < mc_enum_n_values (MC_TYPE_PARTICIPATION_MODE); i++)
    {
      McParticipationMode mode = mc_enum_nth_value (MC_TYPE_PARTICIPATION_MODE, i);

      if (mode == MC_PARTICIPATION_UNSET)
        continue;
      g_array_append_val (self->modes, mode);
      gtk_string_list_append (labels, mc_enum_label (MC_TYPE_PARTICIPATION_MODE, mode));
    }
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (labels));
  if (revision != NULL)
    mc_offering_dialog_set_mode (self, mc_revision_get_int (revision, "participation_mode"));
}

static void
mc_offering_dialog_constructed (GObject *object)
{
  McOfferingDialog *self = MC_OFFERING_DIALOG (object);
  g_autoptr(McRevision) revision = NULL;
  g_autofree char *description = NULL;
  const char *title = NULL;

  G_OBJECT_CLASS (mc_offering_dialog_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));
  g_assert (MC_IS_DESIGN (self->design));

  /* What is offered is the approved revision, never a draft. */
  revision = mc_store_load_revision (mc_workflow_get_store (self->workflow), mc_design_get_id (self->design),
                                     mc_design_get_approved_revision (self->design), NULL);
  title = revision != NULL ? mc_revision_get_title (revision) : NULL;
  if (title != NULL && *title != '\0')
    {
      gtk_editable_set_text (self->title_row, title);
      /* Translators: %s is the title of a micro-credential */
      description = g_strdup_printf (_("A run of “%s”; its credentials are built from the approved version"), title);
      adw_preferences_group_set_description (self->offering_group, description);
    }
  fill_modes (self, revision);
  update_ready (self);
}

static void
mc_offering_dialog_dispose (GObject *object)
{
  McOfferingDialog *self = MC_OFFERING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_OFFERING_DIALOG);
  g_clear_object (&self->workflow);
  g_clear_object (&self->design);
  g_clear_pointer (&self->modes, g_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mc_offering_dialog_parent_class)->dispose (object);
}

static void
mc_offering_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  McOfferingDialog *self = MC_OFFERING_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_DESIGN:
      g_value_set_object (value, self->design);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_offering_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  McOfferingDialog *self = MC_OFFERING_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    case PROP_DESIGN:
      self->design = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_offering_dialog_class_init (McOfferingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_offering_dialog_constructed;
  object_class->dispose = mc_offering_dialog_dispose;
  object_class->get_property = mc_offering_dialog_get_property;
  object_class->set_property = mc_offering_dialog_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESIGN] =
    g_param_spec_object ("design", NULL, NULL, MC_TYPE_DESIGN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, MC_TYPE_OFFERING);

  g_type_ensure (MC_TYPE_DATE_ROW);
  g_type_ensure (MC_TYPE_PROBLEM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-offering-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McOfferingDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, McOfferingDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McOfferingDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McOfferingDialog, offering_group);
  gtk_widget_class_bind_template_child (widget_class, McOfferingDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, McOfferingDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, McOfferingDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, McOfferingDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, McOfferingDialog, dates_problem);
  gtk_widget_class_bind_template_child (widget_class, McOfferingDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, McOfferingDialog, location_row);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_bind_template_callback (widget_class, update_ready);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_offering_dialog_init (McOfferingDialog *self)
{
  self->modes = g_array_new (FALSE, FALSE, sizeof (McParticipationMode));
  gtk_widget_init_template (GTK_WIDGET (self));
}

McOfferingDialog *
mc_offering_dialog_new (McWorkflow *workflow,
                        McDesign   *design)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_DESIGN (design), NULL);

  return g_object_new (MC_TYPE_OFFERING_DIALOG, "workflow", workflow, "design", design, NULL);
}
