/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-credential-window.h"

G_BEGIN_DECLS

struct _McCredentialWindow
{
  AdwWindow             parent_instance;

  McWorkflow           *workflow;
  gint64                credential_id;
  McIssuedCredential   *credential;
  McDesign             *design;            /* for what the actor may do */
  GPtrArray            *events;            /* McEvent, oldest first */
  char                 *preview_error;
  char                 *status_text;
  GCancellable         *events_cancellable;
  GCancellable         *export_cancellable;
  gboolean              printing;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *print_button;
  GtkRevealer          *status_revealer;
  GtkBox               *status_bar;
  GtkImage             *status_icon;
  GtkLabel             *status_label;
  GtkButton            *status_button;
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  GtkStack             *preview_stack;
  McCertificatePreview *preview;
  AdwStatusPage        *no_preview_page;
  GtkLabel             *page_label;
  AdwActionRow         *learner_row;
  AdwActionRow         *title_row;
  AdwActionRow         *offering_row;
  AdwActionRow         *validity_row;
  AdwActionRow         *state_row;
  GtkLabel             *state_pill;
  AdwActionRow         *reprints_row;
  AdwActionRow         *id_row;
  AdwActionRow         *supersedes_row;
  AdwActionRow         *superseded_row;
  GtkStack             *history_stack;
  GtkSpinner           *history_spinner;
  GtkListBox           *history_list;
  GtkLabel             *history_error;
};

/* mc-credential-window.c */
void _mc_credential_window_toast         (McCredentialWindow *self,
                                          const char         *text);
void _mc_credential_window_show_error    (McCredentialWindow *self,
                                          const char         *heading,
                                          const char         *message);
/* Reloads, then tells the register. */
void _mc_credential_window_changed       (McCredentialWindow *self);
void _mc_credential_window_open_other    (McCredentialWindow *self,
                                          gint64              id);

/* mc-credential-window-actions.c */
void _mc_credential_window_class_add_actions (GtkWidgetClass     *widget_class);
void _mc_credential_window_update_actions    (McCredentialWindow *self);

G_END_DECLS
