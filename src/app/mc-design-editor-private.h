/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"
#include "mc-design-editor.h"
#include "mc-findings-panel.h"
#include "mc-workflow-bar.h"

G_BEGIN_DECLS

/* A field of the revision or of a repeated item, as the widget factory sees
 * it: both McField and McItemField reduce to this. */
typedef struct {
  const char  *id;
  McFieldKind  kind;
  const char  *label;       /* translated */
  GType        type;        /* enum or flags type; G_TYPE_INVALID otherwise */
  double       min;
  double       max;
  guint        max_length;
} McFieldSpec;

void       _mc_field_spec_from_field      (McFieldSpec *spec, const McField *field);
void       _mc_field_spec_from_item_field (McFieldSpec *spec, const McItemField *field);

/* Creates the row that edits @spec of @target (a McRevision or a McItem).
 * The row shows the target's current value and writes every change back;
 * @revision gives the context some widgets need (the outcome codes an
 * assessment component can cover).  *@focus is set to the widget that
 * should take the keyboard focus for this field; it carries the field's
 * label as its accessible label. */
GtkWidget *_mc_field_row_new              (const McFieldSpec *spec,
                                           GObject           *target,
                                           McRevision        *revision,
                                           GtkWidget        **focus);

void       _mc_widget_set_accessible_label (GtkWidget *widget, const char *label);

/* The human-readable value of an item field ("Exam", "40", "LO1"). */
char      *_mc_item_format_field          (McItem *item, const char *field_id);

struct _McDesignEditor
{
  AdwBin           parent_instance;

  /* template children */
  AdwHeaderBar    *header_bar;
  GtkButton       *back_button;
  AdwWindowTitle  *window_title;
  GtkMenuButton   *sections_button;
  GtkToggleButton *findings_button;
  GtkLabel        *save_status;
  GtkStack        *stack;
  AdwToastOverlay *toast_overlay;
  AdwFlap         *flap;
  AdwPreferencesPage *page;
  GtkStackSwitcher *side_switcher;
  GtkStack        *side_stack;
  McFindingsPanel *findings_panel;
  McWorkflowBar   *workflow_bar;

  /* services */
  McWorkflow      *workflow;
  McStore         *store;          /* the workflow's */
  McValidator     *validator;

  /* the design being edited */
  McDesign        *design;
  McRevision      *content;
  gulong           changed_handler;
  gulong           state_handler;
  char           **profiles;
  gboolean         dirty;
  gboolean         conflict;       /* stop autosaving: the stored copy changed */
  char            *read_only;      /* why the actor may not edit it, or NULL */
  char            *save_error;     /* last failure, shown as the status */
  guint            save_source;
  guint            validate_source;
  GPtrArray       *findings;

  /* the form: field id -> focus widget, list id -> GtkListBox,
   * section id -> group, widgets marked by findings */
  GPtrArray       *groups;
  GHashTable      *field_widgets;
  GHashTable      *list_boxes;
  GPtrArray       *marked;
  AdwComboRow     *unit_row;
  GListModel      *units;
  gboolean         building;

  /* reviews and comments: mc-design-editor-review.c */
  struct _McEditorReview *review;
};

/* mc-design-editor-form.c */
void       _mc_design_editor_build_form     (McDesignEditor *self);
void       _mc_design_editor_clear_form     (McDesignEditor *self);
void       _mc_design_editor_mark_findings  (McDesignEditor *self);
void       _mc_design_editor_scroll_to      (McDesignEditor *self, GtkWidget *widget);
GtkWidget *_mc_design_editor_find_widget    (McDesignEditor *self, const char *field,
                                             int item_index, const char *item_field);
/* mc-design-editor-lock.c */
void       _mc_design_editor_lock_form      (McDesignEditor *self, const char *reason);
char      *_mc_design_editor_read_only_reason (McDesignEditor *self);
/* mc-design-editor.c */
void       _mc_design_editor_content_changed (McDesignEditor *self);
/* mc-design-editor-review.c */
void       _mc_design_editor_review_class_init (GtkWidgetClass *widget_class);
void       _mc_design_editor_review_init    (McDesignEditor *self);
void       _mc_design_editor_review_dispose (McDesignEditor *self);
/* Shows the reviews and comments of self->design (after loading it). */
void       _mc_design_editor_review_load    (McDesignEditor *self);

G_END_DECLS
