/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-workflow-bar.h"

G_BEGIN_DECLS

struct _McWorkflowBar
{
  AdwBin        parent_instance;

  /* template children */
  GtkLabel     *state_label;
  GtkLabel     *status_label;
  GtkLabel     *detail_label;
  GtkBox       *actions_box;
  GtkRevealer  *message_revealer;
  GtkLabel     *message_label;
  GtkButton    *message_button;

  McWorkflow   *workflow;
  McDesign     *design;
  gulong        state_handler;

  char         *status;
  char         *detail;
  GHashTable   *buttons;        /* McAction -> GtkButton (borrowed) */
  char         *message;
  gboolean      conflict;
  /* What the message's button does. */
  enum {
    MESSAGE_BUTTON_NONE,
    MESSAGE_BUTTON_RELOAD,
    MESSAGE_BUTTON_FINDINGS,
  }             message_action;
};

/* mc-workflow-bar.c */
/* Ends an action: refreshes and emits ::changed on success (with
 * @done_message for a toast), shows the refusal or the conflict otherwise.
 * Takes @error. */
gboolean _mc_workflow_bar_finish        (McWorkflowBar *self,
                                         McAction       action,
                                         gboolean       ok,
                                         GError        *error,
                                         const char    *done_message);
void     _mc_workflow_bar_show_message  (McWorkflowBar *self,
                                         const char    *message,
                                         int            button_action);
void     _mc_workflow_bar_show_conflict (McWorkflowBar *self);
/* Emits ::save-pending; FALSE if the edits could not be saved. */
gboolean _mc_workflow_bar_save_pending  (McWorkflowBar *self);

/* mc-workflow-bar-actions.c */
gboolean _mc_workflow_bar_run           (McWorkflowBar *self,
                                         McAction       action);
/* The label of @action's button and its tooltip when allowed. */
const char *_mc_workflow_action_label   (McAction action);
const char *_mc_workflow_action_tooltip (McAction action);
gboolean _mc_workflow_action_suggested  (McAction action);
/* The actions the bar offers, in the order it shows them. */
const McAction *_mc_workflow_bar_actions (guint *n_actions);

/* mc-workflow-bar-status.c */
/* What the design's state means and what happens next (newly allocated;
 * *@detail may be NULL). */
void     _mc_workflow_bar_describe      (McWorkflow *workflow,
                                         McDesign   *design,
                                         char      **status,
                                         char      **detail);

G_END_DECLS
