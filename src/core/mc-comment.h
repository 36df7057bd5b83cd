/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A comment pinned to a field of a revision ("Learning outcome 3 is not
 * assessable as written"), or to the design as a whole when @field_id is
 * NULL.  Replies have @parent_id set to the comment they answer and share
 * its anchor.  The anchor uses the same ids as findings: a field of the
 * field table, the index of a repeated item (-1 for none) and the item's
 * sub-field (NULL for the whole item). */
typedef struct {
  gint64    id;
  gint64    design_id;
  guint     revision_number;
  gint64    review_id;        /* 0 when not made within a review */
  gint64    parent_id;        /* 0 for a thread's first comment */
  gint64    author_id;
  char     *author_name;      /* filled when loaded */
  char     *field_id;
  int       item_index;
  char     *item_field;
  char     *text;
  gint64    created;          /* Unix seconds, UTC */
  gboolean  resolved;
  gint64    resolved_by;
  gint64    resolved_at;
} McComment;

#define MC_TYPE_COMMENT (mc_comment_get_type ())
GType      mc_comment_get_type (void) G_GNUC_CONST;
McComment *mc_comment_new      (const char *field_id, int item_index,
                                const char *item_field, const char *text);
McComment *mc_comment_copy     (const McComment *self);
void       mc_comment_free     (McComment *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McComment, mc_comment_free)

G_END_DECLS
