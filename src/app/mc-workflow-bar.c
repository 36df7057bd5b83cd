/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workflow bar: the state in words, the actions as buttons, and the
 * message after a refusal or a conflict.  The actions themselves run in
 * mc-workflow-bar-actions.c, the words come from mc-workflow-bar-status.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-workflow-bar-private.h"

G_DEFINE_FINAL_TYPE (McWorkflowBar, mc_workflow_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_DESIGN,
  N_PROPS
};

enum {
  SIGNAL_SAVE_PENDING,
  SIGNAL_CHANGED,
  SIGNAL_SHOW_FINDINGS,
  SIGNAL_RELOAD,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Messages */

void
_mc_workflow_bar_show_message (McWorkflowBar *self,
                               const char    *message,
                               int            button_action)
{
  g_free (self->message);
  self->message = g_strdup (message);
  self->message_action = button_action;

  gtk_label_set_text (self->message_label, message ? message : "");
  switch (button_action)
    {
    case MESSAGE_BUTTON_RELOAD:
      gtk_button_set_label (self->message_button, _("_Reload"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->message_button),
                                   _("Show the design as it is stored now"));
      break;
    case MESSAGE_BUTTON_FINDINGS:
      gtk_button_set_label (self->message_button, _("Show _Findings"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->message_button),
                                   _("Open the panel that lists what to fix"));
      break;
    default:
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->message_button), button_action != MESSAGE_BUTTON_NONE);
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
clear_message (McWorkflowBar *self)
{
  _mc_workflow_bar_show_message (self, NULL, MESSAGE_BUTTON_NONE);
}

void
_mc_workflow_bar_show_conflict (McWorkflowBar *self)
{
  self->conflict = TRUE;
  _mc_workflow_bar_show_message (self,
                                 _("This design was changed meanwhile, in another window or by "
                                   "someone else. Nothing was changed here; reload it to see "
                                   "where it stands now."),
                                 MESSAGE_BUTTON_RELOAD);
  mc_workflow_bar_refresh (self);
}

static void
message_button_clicked_cb (McWorkflowBar *self)
{
  switch (self->message_action)
    {
    case MESSAGE_BUTTON_RELOAD:
      g_signal_emit (self, signals[SIGNAL_RELOAD], 0);
      break;
    case MESSAGE_BUTTON_FINDINGS:
      g_signal_emit (self, signals[SIGNAL_SHOW_FINDINGS], 0);
      break;
    default:
      break;
    }
}

static void
dismiss_clicked_cb (McWorkflowBar *self)
{
  clear_message (self);
}

gboolean
_mc_workflow_bar_save_pending (McWorkflowBar *self)
{
  gboolean failed = FALSE;

  g_signal_emit (self, signals[SIGNAL_SAVE_PENDING], 0, &failed);
  if (failed)
    _mc_workflow_bar_show_message (self,
                                   _("Your last edits could not be saved, so nothing was done. "
                                     "The save status in the header says why."),
                                   MESSAGE_BUTTON_NONE);
  return !failed;
}

gboolean
_mc_workflow_bar_finish (McWorkflowBar *self,
                         McAction       action,
                         gboolean       ok,
                         GError        *error,
                         const char    *done_message)
{
  g_autoptr(GError) owned = error;

  if (ok)
    {
      self->conflict = FALSE;
      clear_message (self);
      mc_workflow_bar_refresh (self);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0, done_message);
      return TRUE;
    }

  g_return_val_if_fail (owned != NULL, FALSE);

  if (g_error_matches (owned, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT))
    {
      _mc_workflow_bar_show_conflict (self);
    }
  else if ((action == MC_ACTION_SUBMIT || action == MC_ACTION_SUBMIT_MODIFICATION) &&
           g_error_matches (owned, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY))
    {
      /* Translators: %s is the workflow's reason, such as "The design has 3 errors" */
      g_autofree char *text = g_strdup_printf (_("Not submitted: %s"), owned->message);

      _mc_workflow_bar_show_message (self, text, MESSAGE_BUTTON_FINDINGS);
      mc_workflow_bar_refresh (self);
    }
  else
    {
      /* Translators: the action ("Submit"), then the workflow's reason for refusing it */
      g_autofree char *text = g_strdup_printf (_("%s was refused: %s"),
                                               _mc_workflow_action_label (action), owned->message);

      _mc_workflow_bar_show_message (self, text, MESSAGE_BUTTON_NONE);
      mc_workflow_bar_refresh (self);
    }
  return FALSE;
}

/* Buttons */

static void
action_clicked_cb (GtkButton     *button,
                   McWorkflowBar *self)
{
  McAction action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "mc-action"));

  _mc_workflow_bar_run (self, action);
}

static GtkWidget *
action_button_new (McWorkflowBar *self,
                   McAction       action)
{
  GtkWidget *button = gtk_button_new_with_label (_mc_workflow_action_label (action));

  g_object_set_data (G_OBJECT (button), "mc-action", GINT_TO_POINTER (action));
  g_signal_connect_object (button, "clicked", G_CALLBACK (action_clicked_cb), self, 0);
  return button;
}

static void
clear_buttons (McWorkflowBar *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->buttons);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box))) != NULL)
    gtk_box_remove (self->actions_box, child);
}

/* Meeting a condition applies only to an approval that has some. */
static gboolean
has_conditions (McWorkflowBar *self)
{
  g_autoptr(GPtrArray) decisions = NULL;
  McDecision *last;

  decisions = mc_store_list_decisions (mc_workflow_get_store (self->workflow),
                                       mc_design_get_id (self->design), NULL);
  if (decisions == NULL || decisions->len == 0)
    return FALSE;
  last = g_ptr_array_index (decisions, decisions->len - 1);
  return last->conditions != NULL && last->conditions->len > 0;
}

static void
offerings_clicked_cb (GtkButton     *button,
                      McWorkflowBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.offerings", NULL);
}

/* An issuable design's offerings, for its registrars: a window of its own
 * (win.offerings), not a step of the workflow. */
static void
add_offerings_button (McWorkflowBar *self)
{
  g_autoptr(GError) error = NULL;
  gboolean allowed = mc_workflow_check (self->workflow, self->design, MC_ACTION_CREATE_OFFERING, &error);
  GtkWidget *button = NULL;

  if (!allowed && g_error_matches (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE))
    return;
  button = gtk_button_new_with_mnemonic (_("_Offerings"));
  gtk_widget_set_sensitive (button, allowed);
  gtk_widget_set_tooltip_text (button, allowed ? _("Runs of this micro-credential, their results, and issuing")
                                               : error->message);
  g_signal_connect_object (button, "clicked", G_CALLBACK (offerings_clicked_cb), self, 0);
  gtk_box_append (self->actions_box, button);
  g_hash_table_insert (self->buttons, GINT_TO_POINTER (MC_ACTION_CREATE_OFFERING), button);
}

static void
update_buttons (McWorkflowBar *self)
{
  const McAction *actions;
  guint n_actions = 0;
  gboolean suggested = FALSE;

  clear_buttons (self);
  if (self->workflow == NULL || self->design == NULL)
    return;

  actions = _mc_workflow_bar_actions (&n_actions);
  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean allowed = mc_workflow_check (self->workflow, self->design, actions[i], &error);
      GtkWidget *button;

      /* Actions of other states are not offered at all; the ones this
       * person may not take (yet) are shown, with the reason. */
      if (!allowed && g_error_matches (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE))
        continue;
      if (actions[i] == MC_ACTION_MEET_CONDITION && !has_conditions (self))
        continue;

      button = action_button_new (self, actions[i]);
      gtk_widget_set_sensitive (button, allowed && !self->conflict);
      if (self->conflict)
        gtk_widget_set_tooltip_text (button, _("Reload the design first: it was changed meanwhile"));
      else
        gtk_widget_set_tooltip_text (button, allowed ? _mc_workflow_action_tooltip (actions[i])
                                                     : error->message);
      if (allowed && !suggested && _mc_workflow_action_suggested (actions[i]))
        {
          gtk_widget_add_css_class (button, "suggested-action");
          suggested = TRUE;
        }

      gtk_box_append (self->actions_box, button);
      g_hash_table_insert (self->buttons, GINT_TO_POINTER (actions[i]), button);
    }
  add_offerings_button (self);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_box),
                          g_hash_table_size (self->buttons) > 0);
}

static void
update_state_label (McWorkflowBar *self)
{
  GtkWidget *label = GTK_WIDGET (self->state_label);
  McDesignState state = mc_design_get_state (self->design);
  g_autofree char *state_class = NULL;
  const char *classes[] = { "state-pill", "caption", NULL, NULL };

  state_class = g_strconcat ("state-", mc_enum_to_nick (MC_TYPE_DESIGN_STATE, state), NULL);
  classes[2] = state_class;
  gtk_widget_set_css_classes (label, classes);
  gtk_label_set_text (self->state_label, mc_enum_label (MC_TYPE_DESIGN_STATE, state));
}

void
mc_workflow_bar_refresh (McWorkflowBar *self)
{
  g_return_if_fail (MC_IS_WORKFLOW_BAR (self));

  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->detail, g_free);

  if (self->workflow == NULL || self->design == NULL || mc_design_get_id (self->design) == 0)
    {
      clear_buttons (self);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  _mc_workflow_bar_describe (self->workflow, self->design, &self->status, &self->detail);
  update_state_label (self);
  gtk_label_set_text (self->status_label, self->status);
  gtk_label_set_text (self->detail_label, self->detail ? self->detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), self->detail != NULL);
  update_buttons (self);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/* Public API */

GtkWidget *
mc_workflow_bar_new (void)
{
  return g_object_new (MC_TYPE_WORKFLOW_BAR, NULL);
}

McWorkflow *
mc_workflow_bar_get_workflow (McWorkflowBar *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW_BAR (self), NULL);
  return self->workflow;
}

void
mc_workflow_bar_set_workflow (McWorkflowBar *self,
                              McWorkflow    *workflow)
{
  g_return_if_fail (MC_IS_WORKFLOW_BAR (self));
  g_return_if_fail (workflow == NULL || MC_IS_WORKFLOW (workflow));

  if (!g_set_object (&self->workflow, workflow))
    return;
  mc_workflow_bar_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKFLOW]);
}

McDesign *
mc_workflow_bar_get_design (McWorkflowBar *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW_BAR (self), NULL);
  return self->design;
}

static void
design_state_cb (McWorkflowBar *self)
{
  mc_workflow_bar_refresh (self);
}

void
mc_workflow_bar_set_design (McWorkflowBar *self,
                            McDesign      *design)
{
  g_return_if_fail (MC_IS_WORKFLOW_BAR (self));
  g_return_if_fail (design == NULL || MC_IS_DESIGN (design));

  if (self->design != design)
    {
      if (self->design != NULL)
        g_clear_signal_handler (&self->state_handler, self->design);
      g_set_object (&self->design, design);
      if (design != NULL)
        self->state_handler = g_signal_connect_object (design, "notify::state",
                                                       G_CALLBACK (design_state_cb), self,
                                                       G_CONNECT_SWAPPED);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESIGN]);
    }
  /* A design shown (again) starts without the last one's message. */
  self->conflict = FALSE;
  clear_message (self);
  mc_workflow_bar_refresh (self);
}

const char *
mc_workflow_bar_get_status (McWorkflowBar *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW_BAR (self), NULL);
  return self->status;
}

const char *
mc_workflow_bar_get_detail (McWorkflowBar *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW_BAR (self), NULL);
  return self->detail;
}

GtkWidget *
mc_workflow_bar_get_button (McWorkflowBar *self,
                            McAction       action)
{
  g_return_val_if_fail (MC_IS_WORKFLOW_BAR (self), NULL);
  return g_hash_table_lookup (self->buttons, GINT_TO_POINTER (action));
}

const char *
mc_workflow_bar_get_message (McWorkflowBar *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW_BAR (self), NULL);
  return self->message;
}

gboolean
mc_workflow_bar_get_conflict (McWorkflowBar *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW_BAR (self), FALSE);
  return self->conflict;
}

gboolean
mc_workflow_bar_activate (McWorkflowBar *self,
                          McAction       action)
{
  g_return_val_if_fail (MC_IS_WORKFLOW_BAR (self), FALSE);
  return _mc_workflow_bar_run (self, action);
}

/* GObject */

static void
mc_workflow_bar_dispose (GObject *object)
{
  McWorkflowBar *self = MC_WORKFLOW_BAR (object);

  if (self->design != NULL)
    g_clear_signal_handler (&self->state_handler, self->design);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_WORKFLOW_BAR);
  g_clear_object (&self->design);
  g_clear_object (&self->workflow);

  G_OBJECT_CLASS (mc_workflow_bar_parent_class)->dispose (object);
}

static void
mc_workflow_bar_finalize (GObject *object)
{
  McWorkflowBar *self = MC_WORKFLOW_BAR (object);

  g_clear_pointer (&self->buttons, g_hash_table_unref);
  g_free (self->status);
  g_free (self->detail);
  g_free (self->message);

  G_OBJECT_CLASS (mc_workflow_bar_parent_class)->finalize (object);
}

static void
mc_workflow_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  McWorkflowBar *self = MC_WORKFLOW_BAR (object);

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
mc_workflow_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  McWorkflowBar *self = MC_WORKFLOW_BAR (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      mc_workflow_bar_set_workflow (self, g_value_get_object (value));
      break;
    case PROP_DESIGN:
      mc_workflow_bar_set_design (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_workflow_bar_class_init (McWorkflowBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_workflow_bar_dispose;
  object_class->finalize = mc_workflow_bar_finalize;
  object_class->get_property = mc_workflow_bar_get_property;
  object_class->set_property = mc_workflow_bar_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESIGN] =
    g_param_spec_object ("design", NULL, NULL, MC_TYPE_DESIGN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVE_PENDING] =
    g_signal_new ("save-pending", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 0);
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_SHOW_FINDINGS] =
    g_signal_new ("show-findings", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_RELOAD] =
    g_signal_new ("reload", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-workflow-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, McWorkflowBar, state_label);
  gtk_widget_class_bind_template_child (widget_class, McWorkflowBar, status_label);
  gtk_widget_class_bind_template_child (widget_class, McWorkflowBar, detail_label);
  gtk_widget_class_bind_template_child (widget_class, McWorkflowBar, actions_box);
  gtk_widget_class_bind_template_child (widget_class, McWorkflowBar, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, McWorkflowBar, message_label);
  gtk_widget_class_bind_template_child (widget_class, McWorkflowBar, message_button);
  gtk_widget_class_bind_template_callback (widget_class, message_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_clicked_cb);
}

static void
mc_workflow_bar_init (McWorkflowBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buttons = g_hash_table_new (g_direct_hash, g_direct_equal);
}
