/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-design-editor-private.h"

G_BEGIN_DECLS

/* The editor's review side (mc-design-editor-review.c), for its tests. */
typedef struct _McEditorReview
{
  GtkWidget    *review_panel;     /* McReviewPanel: made once there is a workflow */
  GtkWidget    *comments_panel;
  GtkStackPage *comments_page;
  GtkStackPage *review_page;

  GtkWidget    *comments_button;
  GtkWidget    *review_button;
  GtkWidget    *compare_button;

  /* At the top of the form. */
  GtkWidget    *banner;
  AdwActionRow *annual_row;
  GtkWidget    *annual_button;
  AdwActionRow *changes_row;

  GPtrArray    *comments;         /* McComment shown */
  GPtrArray    *buttons;          /* the comment buttons on field rows */
  GPtrArray    *marked;           /* rows marked as changed */
  gboolean      may_comment;      /* may start a thread */
  char         *no_comment;       /* why not, where a reviewer would look */
  guint         refresh_source;
  gboolean      syncing;          /* the code, not the user, sets the side toggles */
} McEditorReview;

G_END_DECLS
