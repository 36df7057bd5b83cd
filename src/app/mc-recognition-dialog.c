/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-problem-row.h"
#include "mc-recognition-dialog.h"
#include "mc-verified-recognition.h"
#include "mc-workflow-job.h"

struct _McRecognitionDialog
{
  AdwWindow        parent_instance;

  McWorkflow      *workflow;
  McVerification  *verification;
  char            *credential_text;
  GArray          *design_ids;      /* gint64, in the order of target_row */
  GCancellable    *cancellable;
  GtkWidget       *problem_row;

  /* Template widgets */
  AdwActionRow        *credential_row;
  AdwPreferencesGroup *credit_group;
  AdwComboRow         *target_row;
  AdwEntryRow         *programme_row;
  AdwActionRow        *ects_row;
  GtkSpinButton       *ects_spin;
  GtkAdjustment       *ects_adjustment;
  AdwComboRow         *route_row;
  AdwEntryRow         *note_row;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (McRecognitionDialog, mc_recognition_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_VERIFICATION,
  PROP_CREDENTIAL_TEXT,
  N_PROPS
};

enum {
  RECORDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Filling in */

static gboolean
towards_programme (McRecognitionDialog *self)
{
  return adw_combo_row_get_selected (self->target_row) >= self->design_ids->len;
}

static void
on_target_selected (McRecognitionDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->programme_row), towards_programme (self));
}

/* Our active micro-credentials the actor is registrar of, then "a
 * programme". */
static void
fill_targets (McRecognitionDialog *self)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) designs = NULL;

  query.state = MC_DESIGN_STATE_ACTIVE;
  designs = mc_store_query_designs (mc_workflow_get_store (self->workflow), &query, NULL);
  for (guint i = 0; designs != NULL && i < designs->len; i++)
    {
      McDesignSummary *design = g_ptr_array_index (designs, i);
      gint64 id = mc_design_summary_get_id (design);

      if (!mc_workflow_has_role (self->workflow, MC_ROLE_REGISTRAR, mc_design_summary_get_unit_id (design)))
        continue;
      g_array_append_val (self->design_ids, id);
      gtk_string_list_append (items, mc_design_summary_get_title (design));
    }
  gtk_string_list_append (items, _("A programme"));
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (items));
  g_signal_connect_object (self->target_row, "notify::selected", G_CALLBACK (on_target_selected),
                           self, G_CONNECT_SWAPPED);
  on_target_selected (self);
}

static void
fill_routes (McRecognitionDialog *self)
{
  g_autoptr(GEnumClass) routes = g_type_class_ref (MC_TYPE_CREDIT_ROUTE);
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);

  for (guint i = 0; i < routes->n_values; i++)
    gtk_string_list_append (items, mc_enum_label (MC_TYPE_CREDIT_ROUTE, routes->values[i].value));
  adw_combo_row_set_model (self->route_row, G_LIST_MODEL (items));
}

static void
fill_credential (McRecognitionDialog *self)
{
  McVerification *v = self->verification;
  const char *achievement = mc_verification_get_achievement_name (v);
  const char *issuer = mc_verification_get_issuer_name (v);
  g_autofree char *subtitle = NULL;
  g_autofree char *credits_text = NULL;
  double credits = 0;

  /* Translators: a learner's name and the institution that issued their credential */
  subtitle = g_strdup_printf (_("%s, from %s"), mc_verification_get_learner_name (v) != NULL ? mc_verification_get_learner_name (v) : "",
                              issuer != NULL ? issuer : mc_verification_get_issuer_id (v));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->credential_row), achievement != NULL ? achievement : "");
  adw_action_row_set_subtitle (self->credential_row, subtitle);

  if (mc_verification_get_credits (v, &credits) && credits > 0)
    {
      gtk_adjustment_set_upper (self->ects_adjustment, MIN (credits, MC_RECOGNITION_MAX_ECTS));
      gtk_adjustment_set_lower (self->ects_adjustment, MIN (0.5, credits));
      gtk_adjustment_set_value (self->ects_adjustment, MIN (credits, MC_RECOGNITION_MAX_ECTS));
      /* Translators: %g is a number of ECTS credits */
      credits_text = g_strdup_printf (_("The credential states %g ECTS: at most that"), credits);
    }
  else
    {
      gtk_adjustment_set_upper (self->ects_adjustment, MC_RECOGNITION_MAX_ECTS);
      credits_text = g_strdup (_("The credential states no credits"));
    }
  adw_action_row_set_subtitle (self->ects_row, credits_text);
}

/* Recording, in a worker on a workflow of its own */

static gpointer
recognise_job (McWorkflow  *workflow,
               gpointer     data,
               GError     **error)
{
  McRecognition *recognition = data;

  if (!mc_workflow_recognise (workflow, recognition, error))
    return NULL;
  return mc_recognition_copy (recognition);
}

static void
set_busy (McRecognitionDialog *self,
          gboolean             busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recognition.record", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->credit_group), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  McRecognitionDialog *self = MC_RECOGNITION_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(McRecognition) recognition = mc_workflow_job_finish (result, &error);

  if (recognition == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (recognition == NULL)
    {
      mc_problem_row_set_message (MC_PROBLEM_ROW (self->problem_row), error->message);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0, recognition);
  gtk_window_close (GTK_WINDOW (self));
}

void
mc_recognition_dialog_record (McRecognitionDialog *self)
{
  McRecognition *recognition = NULL;
  guint selected;

  g_return_if_fail (MC_IS_RECOGNITION_DIALOG (self));

  if (self->cancellable != NULL)
    return;
  recognition = mc_verified_recognition_new (self->verification, self->credential_text);
  selected = adw_combo_row_get_selected (self->target_row);
  if (towards_programme (self))
    recognition->programme = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->programme_row)));
  else
    recognition->design_id = g_array_index (self->design_ids, gint64, selected);
  gtk_spin_button_update (self->ects_spin);
  recognition->ects = gtk_spin_button_get_value (self->ects_spin);
  recognition->route = adw_combo_row_get_selected (self->route_row);
  recognition->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  mc_problem_row_set_message (MC_PROBLEM_ROW (self->problem_row), NULL);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  mc_workflow_job_run (self->workflow, recognise_job, recognition, (GDestroyNotify) mc_recognition_free,
                       (GDestroyNotify) mc_recognition_free, self, self->cancellable, on_recorded, NULL);
}

static void
recognition_record (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  mc_recognition_dialog_record (MC_RECOGNITION_DIALOG (widget));
}

/* Public */

guint
mc_recognition_dialog_get_n_designs (McRecognitionDialog *self)
{
  g_return_val_if_fail (MC_IS_RECOGNITION_DIALOG (self), 0);
  return self->design_ids->len;
}

gboolean
mc_recognition_dialog_choose_design (McRecognitionDialog *self,
                                     gint64               design_id)
{
  g_return_val_if_fail (MC_IS_RECOGNITION_DIALOG (self), FALSE);

  for (guint i = 0; i < self->design_ids->len; i++)
    if (g_array_index (self->design_ids, gint64, i) == design_id)
      {
        adw_combo_row_set_selected (self->target_row, i);
        return TRUE;
      }
  return FALSE;
}

void
mc_recognition_dialog_choose_programme (McRecognitionDialog *self,
                                        const char          *programme)
{
  g_return_if_fail (MC_IS_RECOGNITION_DIALOG (self));
  g_return_if_fail (programme != NULL);

  adw_combo_row_set_selected (self->target_row, self->design_ids->len);
  gtk_editable_set_text (GTK_EDITABLE (self->programme_row), programme);
}

void
mc_recognition_dialog_set_ects (McRecognitionDialog *self,
                                double               ects)
{
  g_return_if_fail (MC_IS_RECOGNITION_DIALOG (self));
  gtk_spin_button_set_value (self->ects_spin, ects);
}

double
mc_recognition_dialog_get_ects (McRecognitionDialog *self)
{
  g_return_val_if_fail (MC_IS_RECOGNITION_DIALOG (self), 0);
  return gtk_spin_button_get_value (self->ects_spin);
}

double
mc_recognition_dialog_get_max_ects (McRecognitionDialog *self)
{
  g_return_val_if_fail (MC_IS_RECOGNITION_DIALOG (self), 0);
  return gtk_adjustment_get_upper (self->ects_adjustment);
}

void
mc_recognition_dialog_set_route (McRecognitionDialog *self,
                                 McCreditRoute        route)
{
  g_return_if_fail (MC_IS_RECOGNITION_DIALOG (self));
  adw_combo_row_set_selected (self->route_row, route);
}

void
mc_recognition_dialog_set_note (McRecognitionDialog *self,
                                const char          *note)
{
  g_return_if_fail (MC_IS_RECOGNITION_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}

gboolean
mc_recognition_dialog_get_busy (McRecognitionDialog *self)
{
  g_return_val_if_fail (MC_IS_RECOGNITION_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
mc_recognition_dialog_get_problem (McRecognitionDialog *self)
{
  g_return_val_if_fail (MC_IS_RECOGNITION_DIALOG (self), NULL);
  return mc_problem_row_get_message (MC_PROBLEM_ROW (self->problem_row));
}

/* GObject */

static void
mc_recognition_dialog_constructed (GObject *object)
{
  McRecognitionDialog *self = MC_RECOGNITION_DIALOG (object);

  G_OBJECT_CLASS (mc_recognition_dialog_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));
  g_assert (MC_IS_VERIFICATION (self->verification));
  g_assert (self->credential_text != NULL);

  self->problem_row = mc_problem_row_new ();
  adw_preferences_group_add (self->credit_group, self->problem_row);
  fill_credential (self);
  fill_targets (self);
  fill_routes (self);
}

static void
mc_recognition_dialog_dispose (GObject *object)
{
  McRecognitionDialog *self = MC_RECOGNITION_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_RECOGNITION_DIALOG);

  G_OBJECT_CLASS (mc_recognition_dialog_parent_class)->dispose (object);
}

static void
mc_recognition_dialog_finalize (GObject *object)
{
  McRecognitionDialog *self = MC_RECOGNITION_DIALOG (object);

  g_clear_object (&self->workflow);
  g_clear_object (&self->verification);
  g_clear_pointer (&self->credential_text, g_free);
  g_clear_pointer (&self->design_ids, g_array_unref);

  G_OBJECT_CLASS (mc_recognition_dialog_parent_class)->finalize (object);
}

static void
mc_recognition_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  McRecognitionDialog *self = MC_RECOGNITION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_VERIFICATION:
      g_value_set_object (value, self->verification);
      break;
    case PROP_CREDENTIAL_TEXT:
      g_value_set_string (value, self->credential_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_recognition_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  McRecognitionDialog *self = MC_RECOGNITION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    case PROP_VERIFICATION:
      self->verification = g_value_dup_object (value);
      break;
    case PROP_CREDENTIAL_TEXT:
      self->credential_text = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_recognition_dialog_class_init (McRecognitionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_recognition_dialog_constructed;
  object_class->dispose = mc_recognition_dialog_dispose;
  object_class->finalize = mc_recognition_dialog_finalize;
  object_class->get_property = mc_recognition_dialog_get_property;
  object_class->set_property = mc_recognition_dialog_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERIFICATION] =
    g_param_spec_object ("verification", NULL, NULL, MC_TYPE_VERIFICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREDENTIAL_TEXT] =
    g_param_spec_string ("credential-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, MC_TYPE_RECOGNITION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-recognition-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McRecognitionDialog, credential_row);
  gtk_widget_class_bind_template_child (widget_class, McRecognitionDialog, credit_group);
  gtk_widget_class_bind_template_child (widget_class, McRecognitionDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, McRecognitionDialog, programme_row);
  gtk_widget_class_bind_template_child (widget_class, McRecognitionDialog, ects_row);
  gtk_widget_class_bind_template_child (widget_class, McRecognitionDialog, ects_spin);
  gtk_widget_class_bind_template_child (widget_class, McRecognitionDialog, ects_adjustment);
  gtk_widget_class_bind_template_child (widget_class, McRecognitionDialog, route_row);
  gtk_widget_class_bind_template_child (widget_class, McRecognitionDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, McRecognitionDialog, spinner);

  gtk_widget_class_install_action (widget_class, "recognition.record", NULL, recognition_record);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_recognition_dialog_init (McRecognitionDialog *self)
{
  self->design_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

McRecognitionDialog *
mc_recognition_dialog_new (McWorkflow     *workflow,
                           McVerification *verification,
                           const char     *credential_text)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_VERIFICATION (verification), NULL);
  g_return_val_if_fail (credential_text != NULL, NULL);

  return g_object_new (MC_TYPE_RECOGNITION_DIALOG,
                       "workflow", workflow,
                       "verification", verification,
                       "credential-text", credential_text,
                       NULL);
}
