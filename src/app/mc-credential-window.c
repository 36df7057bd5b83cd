/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-credential-item.h"
#include "mc-credential-window-private.h"
#include "mc-date-format.h"
#include "mc-format.h"
#include "mc-issuing-context.h"
#include "mc-store-job.h"

G_DEFINE_FINAL_TYPE (McCredentialWindow, mc_credential_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_CREDENTIAL_ID,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_mc_credential_window_toast (McCredentialWindow *self,
                             const char         *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
_mc_credential_window_show_error (McCredentialWindow *self,
                                  const char         *heading,
                                  const char         *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_mc_credential_window_changed (McCredentialWindow *self)
{
  mc_credential_window_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
_mc_credential_window_open_other (McCredentialWindow *self,
                                  gint64              id)
{
  McCredentialWindow *other = mc_credential_window_new (self->workflow, id);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  gtk_window_set_transient_for (GTK_WINDOW (other), parent != NULL ? parent : GTK_WINDOW (self));
  /* The register follows changes made there too. */
  g_signal_connect_object (other, "changed", G_CALLBACK (_mc_credential_window_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (other));
}

/* Details */

/* "12 June 2026" from an XML Schema dateTime, or NULL. */
static char *
format_datetime (const char *iso)
{
  g_autoptr(GDateTime) time = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  return time != NULL ? mc_format_unix_date (g_date_time_to_unix (time), NULL) : NULL;
}

static char *
validity_text (const McIssuedCredential *credential)
{
  g_autofree char *from = format_datetime (credential->valid_from);
  g_autofree char *until = format_datetime (credential->valid_until);

  if (from == NULL)
    return g_strdup (_("Not issued yet"));
  if (until == NULL)
    /* Translators: %s is a date */
    return g_strdup_printf (_("From %s, with no end date"), from);
  /* Translators: from one date until another */
  return g_strdup_printf (_("From %s until %s"), from, until);
}

/* When the state last changed, "3 July 2026", or NULL. */
static char *
changed_on (const McIssuedCredential *credential)
{
  return credential->status_changed_at > 0
         ? mc_format_unix_date (credential->status_changed_at, NULL)
         : NULL;
}

static char *
state_text (const McIssuedCredential *credential)
{
  g_autofree char *on = changed_on (credential);
  g_autofree char *issued = credential->issued_at > 0 ? mc_format_unix_date (credential->issued_at, NULL) : NULL;
  const char *reason = credential->status_reason != NULL && credential->status_reason[0] != '\0'
                       ? credential->status_reason : NULL;
  const char *when = on != NULL ? on : "";

  switch (credential->state)
    {
    case MC_CREDENTIAL_STATE_PENDING:
      return g_strdup (_("Reserved, waiting to be signed by the batch that issues it"));
    case MC_CREDENTIAL_STATE_ACTIVE:
      /* Translators: %s is a date */
      return issued != NULL ? g_strdup_printf (_("Valid, issued on %s"), issued) : g_strdup (_("Valid"));
    case MC_CREDENTIAL_STATE_SUSPENDED:
      /* Translators: the date, then the reason given */
      return reason != NULL ? g_strdup_printf (_("Suspended on %s: %s"), when, reason)
                            : g_strdup_printf (_("Suspended on %s"), when);
    case MC_CREDENTIAL_STATE_REVOKED:
      /* Translators: the date, then the reason given */
      return reason != NULL ? g_strdup_printf (_("Revoked on %s: %s"), when, reason)
                            : g_strdup_printf (_("Revoked on %s"), when);
    case MC_CREDENTIAL_STATE_SUPERSEDED:
    default:
      /* Translators: the date, then the reason given */
      return reason != NULL ? g_strdup_printf (_("Replaced by a corrected credential on %s: %s"), when, reason)
                            : g_strdup_printf (_("Replaced by a corrected credential on %s"), when);
    }
}

static void
set_state_class (GtkWidget         *widget,
                 McCredentialState  state)
{
  for (guint i = 0; i < mc_enum_n_values (MC_TYPE_CREDENTIAL_STATE); i++)
    gtk_widget_remove_css_class (widget,
                                 mc_credential_state_css_class (mc_enum_nth_value (MC_TYPE_CREDENTIAL_STATE, i)));
  gtk_widget_add_css_class (widget, mc_credential_state_css_class (state));
}

/* Above the panes, for a credential that is not simply valid: what it
 * means, and the way back where there is one. */
static void
update_status_bar (McCredentialWindow *self)
{
  const McIssuedCredential *credential = self->credential;
  const char *icon = "dialog-warning-symbolic";
  const char *button = NULL;
  const char *action = NULL;
  g_autofree char *state = state_text (credential);

  g_free (self->status_text);
  switch (credential->state)
    {
    case MC_CREDENTIAL_STATE_ACTIVE:
      self->status_text = g_strdup ("");
      break;
    case MC_CREDENTIAL_STATE_SUSPENDED:
      /* Translators: %s says since when and why, e.g. "Suspended on 3 July 2026: inquiry" */
      self->status_text = g_strdup_printf (_("%s. It is not valid until it is reinstated."), state);
      button = _("_Reinstate");
      action = "credential.reinstate";
      break;
    case MC_CREDENTIAL_STATE_REVOKED:
      icon = "action-unavailable-symbolic";
      /* Translators: %s says when and why, e.g. "Revoked on 3 July 2026: misconduct" */
      self->status_text = g_strdup_printf (_("%s. Revocation is final."), state);
      break;
    case MC_CREDENTIAL_STATE_SUPERSEDED:
      icon = "view-refresh-symbolic";
      /* Translators: %s says when and why it was replaced */
      self->status_text = g_strdup_printf (_("%s. Only the replacement is valid."), state);
      button = _("_Open Replacement");
      action = "credential.open-replacement";
      break;
    case MC_CREDENTIAL_STATE_PENDING:
    default:
      icon = "content-loading-symbolic";
      self->status_text = g_strdup (state);
      break;
    }

  set_state_class (GTK_WIDGET (self->status_bar), credential->state);
  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_label_set_text (self->status_label, self->status_text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_button), button != NULL);
  if (button != NULL)
    {
      gtk_button_set_label (self->status_button, button);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_button), action);
    }
  gtk_revealer_set_reveal_child (self->status_revealer, self->status_text[0] != '\0');
}

static void
update_details (McCredentialWindow *self)
{
  const McIssuedCredential *credential = self->credential;
  g_autofree char *urn = mc_issued_credential_dup_urn (credential);
  g_autofree char *learner = NULL;
  g_autofree char *validity = validity_text (credential);
  g_autofree char *state = state_text (credential);
  g_autofree char *reprints = NULL;

  /* Translators: the learner's name, then their student ID */
  learner = g_strdup_printf (_("%s (student ID %s)"), credential->learner_name, credential->student_id);
  if (credential->reprints == 0)
    reprints = g_strdup (_("None since it was issued"));
  else
    {
      g_autofree char *n = mc_format_count (credential->reprints);

      /* Translators: how many times the certificate was printed again */
      reprints = g_strdup_printf (ngettext ("Printed %s time", "Printed %s times", credential->reprints), n);
    }

  gtk_window_set_title (GTK_WINDOW (self), credential->learner_name);
  adw_window_title_set_title (self->window_title, credential->learner_name);
  adw_window_title_set_subtitle (self->window_title, credential->title);
  adw_action_row_set_subtitle (self->learner_row, learner);
  adw_action_row_set_subtitle (self->title_row, credential->title);
  adw_action_row_set_subtitle (self->offering_row, credential->offering_code);
  adw_action_row_set_subtitle (self->validity_row, validity);
  adw_action_row_set_subtitle (self->state_row, state);
  gtk_label_set_text (self->state_pill, mc_enum_label (MC_TYPE_CREDENTIAL_STATE, credential->state));
  set_state_class (GTK_WIDGET (self->state_pill), credential->state);
  adw_action_row_set_subtitle (self->reprints_row, reprints);
  adw_action_row_set_subtitle (self->id_row, urn);
  gtk_widget_set_visible (GTK_WIDGET (self->supersedes_row), credential->supersedes_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->superseded_row), credential->superseded_by_id != 0);
  update_status_bar (self);
}

/* The certificate */

static void
update_page_label (McCredentialWindow *self)
{
  guint page = mc_certificate_preview_get_page (self->preview);
  guint n_pages = mc_certificate_preview_get_n_pages (self->preview);
  g_autofree char *text = NULL;

  if (n_pages == 0)
    text = g_strdup ("");
  else if (page == 0)
    /* Translators: under the preview, "Certificate · page 1 of 2" */
    text = g_strdup_printf (_("Certificate · page %u of %u"), page + 1, n_pages);
  else
    /* Translators: under the preview, "Supplement · page 2 of 2" */
    text = g_strdup_printf (_("Supplement · page %u of %u"), page + 1, n_pages);
  gtk_label_set_text (self->page_label, text);
  _mc_credential_window_update_actions (self);
}

static void
update_preview (McCredentialWindow *self)
{
  McStore *store = mc_workflow_get_store (self->workflow);
  g_autoptr(GError) error = NULL;
  g_autoptr(McIssuingContext) context = mc_issuing_context_new (store, &error);
  g_autoptr(McCertificateContent) content = NULL;

  if (context != NULL)
    content = mc_issuing_context_build_certificate (context, self->credential, &error);
  g_clear_pointer (&self->preview_error, g_free);
  mc_certificate_preview_set_content (self->preview, content);
  if (content == NULL)
    {
      self->preview_error = g_strdup (error->message);
      adw_status_page_set_description (self->no_preview_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "no-preview");
    }
  else
    gtk_stack_set_visible_child_name (self->preview_stack, "preview");
  update_page_label (self);
}

/* The history, read in a worker: the design's history may be long. */

static gpointer
events_job (McStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return mc_store_list_credential_events (store, data, error);
}

static GtkWidget *
event_row (const McEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *time = mc_format_time (event->time);
  g_autofree char *subtitle = NULL;
  const char *actor = event->actor_name != NULL ? event->actor_name : _("someone no longer known");

  if (event->comment != NULL && event->comment[0] != '\0')
    /* Translators: an event of a credential's history: when, by whom, and the reason given */
    subtitle = g_strdup_printf (_("%s, by %s\n“%s”"), time, actor, event->comment);
  else
    /* Translators: an event of a credential's history: when and by whom */
    subtitle = g_strdup_printf (_("%s, by %s"), time, actor);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_enum_label (MC_TYPE_ACTION, event->action));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
on_events_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_job_finish (result, &error);
  GtkWidget *child = NULL;

  if (events == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->events_cancellable);
  gtk_spinner_stop (self->history_spinner);
  if (events == NULL)
    {
      gtk_label_set_text (self->history_error, error->message);
      gtk_stack_set_visible_child_name (self->history_stack, "error");
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  /* Newest first, as in the history window. */
  for (guint i = events->len; i > 0; i--)
    gtk_list_box_append (self->history_list, event_row (g_ptr_array_index (events, i - 1)));
  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = g_steal_pointer (&events);
  gtk_stack_set_visible_child_name (self->history_stack, "events");
}

static void
load_events (McCredentialWindow *self)
{
  if (self->events_cancellable != NULL)
    g_cancellable_cancel (self->events_cancellable);
  g_clear_object (&self->events_cancellable);
  self->events_cancellable = g_cancellable_new ();
  if (self->events == NULL)
    {
      gtk_spinner_start (self->history_spinner);
      gtk_stack_set_visible_child_name (self->history_stack, "loading");
    }
  mc_store_job_run (mc_workflow_get_store (self->workflow), events_job, g_strdup (self->credential->uuid),
                    g_free, (GDestroyNotify) g_ptr_array_unref, self, self->events_cancellable,
                    on_events_read, NULL);
}

/* Loading */

void
mc_credential_window_reload (McCredentialWindow *self)
{
  McStore *store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McIssuedCredential) credential = NULL;

  g_return_if_fail (MC_IS_CREDENTIAL_WINDOW (self));

  store = mc_workflow_get_store (self->workflow);
  credential = mc_store_load_credential (store, self->credential_id, &error);
  if (credential == NULL)
    {
      g_clear_pointer (&self->credential, mc_issued_credential_free);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      _mc_credential_window_update_actions (self);
      return;
    }
  g_clear_pointer (&self->credential, mc_issued_credential_free);
  self->credential = g_steal_pointer (&credential);
  g_clear_object (&self->design);
  self->design = mc_store_load_design (store, self->credential->design_id, NULL);

  update_details (self);
  update_preview (self);
  _mc_credential_window_update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "credential");
  load_events (self);
}

static void
on_supersedes_activated (McCredentialWindow *self)
{
  if (self->credential != NULL && self->credential->supersedes_id != 0)
    _mc_credential_window_open_other (self, self->credential->supersedes_id);
}

static void
on_superseded_activated (McCredentialWindow *self)
{
  if (self->credential != NULL && self->credential->superseded_by_id != 0)
    _mc_credential_window_open_other (self, self->credential->superseded_by_id);
}

/* Accessors */

McIssuedCredential *
mc_credential_window_get_credential (McCredentialWindow *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_WINDOW (self), NULL);
  return self->credential;
}

McCertificatePreview *
mc_credential_window_get_preview (McCredentialWindow *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_WINDOW (self), NULL);
  return self->preview;
}

const char *
mc_credential_window_get_preview_error (McCredentialWindow *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_WINDOW (self), NULL);
  return self->preview_error;
}

GPtrArray *
mc_credential_window_get_events (McCredentialWindow *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_WINDOW (self), NULL);
  return self->events;
}

const char *
mc_credential_window_get_status_text (McCredentialWindow *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_WINDOW (self), NULL);
  return self->status_text != NULL ? self->status_text : "";
}

gboolean
mc_credential_window_get_busy (McCredentialWindow *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIAL_WINDOW (self), FALSE);
  return self->events_cancellable != NULL || self->export_cancellable != NULL || self->printing;
}

/* GObject */

static void
mc_credential_window_constructed (GObject *object)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (object);

  G_OBJECT_CLASS (mc_credential_window_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));
  g_signal_connect_object (self->preview, "notify::page", G_CALLBACK (update_page_label),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::n-pages", G_CALLBACK (update_page_label),
                           self, G_CONNECT_SWAPPED);
  mc_credential_window_reload (self);
}

static void
mc_credential_window_dispose (GObject *object)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (object);

  if (self->events_cancellable != NULL)
    g_cancellable_cancel (self->events_cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->events_cancellable);
  g_clear_object (&self->export_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_CREDENTIAL_WINDOW);

  G_OBJECT_CLASS (mc_credential_window_parent_class)->dispose (object);
}

static void
mc_credential_window_finalize (GObject *object)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (object);

  g_clear_object (&self->workflow);
  g_clear_object (&self->design);
  g_clear_pointer (&self->credential, mc_issued_credential_free);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->preview_error, g_free);
  g_clear_pointer (&self->status_text, g_free);

  G_OBJECT_CLASS (mc_credential_window_parent_class)->finalize (object);
}

static void
mc_credential_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_CREDENTIAL_ID:
      g_value_set_int64 (value, self->credential_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_credential_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  McCredentialWindow *self = MC_CREDENTIAL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    case PROP_CREDENTIAL_ID:
      self->credential_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_credential_window_class_init (McCredentialWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_credential_window_constructed;
  object_class->dispose = mc_credential_window_dispose;
  object_class->finalize = mc_credential_window_finalize;
  object_class->get_property = mc_credential_window_get_property;
  object_class->set_property = mc_credential_window_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREDENTIAL_ID] =
    g_param_spec_int64 ("credential-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-credential-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, status_bar);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, status_button);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, no_preview_page);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, learner_row);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, offering_row);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, validity_row);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, state_row);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, state_pill);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, reprints_row);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, id_row);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, supersedes_row);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, superseded_row);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, history_stack);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, history_spinner);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, history_list);
  gtk_widget_class_bind_template_child (widget_class, McCredentialWindow, history_error);
  gtk_widget_class_bind_template_callback (widget_class, on_supersedes_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_superseded_activated);

  _mc_credential_window_class_add_actions (widget_class);
}

static void
mc_credential_window_init (McCredentialWindow *self)
{
  g_type_ensure (MC_TYPE_CERTIFICATE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}

McCredentialWindow *
mc_credential_window_new (McWorkflow *workflow,
                          gint64      credential_id)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_CREDENTIAL_WINDOW,
                       "workflow", workflow,
                       "credential-id", credential_id,
                       NULL);
}
