/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mc-core.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

/* The comments pinned to one field of a design (or to an item and its
 * fields), as threads: each comment
 * with its replies, a reply entry and Resolve while it is open, and a box
 * for a new comment (reviewers and the QA chair).  Comments of an earlier
 * revision say so.  Emits ::changed after a comment, reply or resolution
 * was stored; refusals are shown in the popover and change nothing. */

#define MC_TYPE_COMMENT_POPOVER (mc_comment_popover_get_type ())
G_DECLARE_FINAL_TYPE (McCommentPopover, mc_comment_popover, MC, COMMENT_POPOVER, GtkPopover)

/* @label names the field, "Learning outcomes, item 3: Text". */
GtkWidget *mc_comment_popover_new          (McWorkflow       *workflow,
                                            McDesign         *design,
                                            const char       *field_id,
                                            int               item_index,
                                            const char       *item_field,
                                            const char       *label);
/* New comments are made within the actor's review @review_id (0: none). */
void       mc_comment_popover_set_review_id (McCommentPopover *self,
                                             gint64            review_id);
/* Shows the threads of the popover's field among @comments (McComment). */
void       mc_comment_popover_set_comments (McCommentPopover *self,
                                            GPtrArray        *comments);
/* Adds a new comment (a reply when @parent_id is not 0) as the actor. */
gboolean   mc_comment_popover_add          (McCommentPopover *self,
                                            gint64            parent_id,
                                            const char       *text,
                                            GError          **error);
gboolean   mc_comment_popover_resolve      (McCommentPopover *self,
                                            gint64            comment_id,
                                            GError          **error);

/* Whether @comment is pinned to the given field (the same anchor). */
gboolean   mc_comment_popover_has_anchor   (const McComment  *comment,
                                            const char       *field_id,
                                            int               item_index,
                                            const char       *item_field);
/* Whether the popover of that anchor shows @comment's thread: the same
 * anchor, or, for an item as a whole (@item_index set, @item_field NULL),
 * any of the item's fields as well. */
gboolean   mc_comment_popover_concerns     (const McComment  *comment,
                                            const char       *field_id,
                                            int               item_index,
                                            const char       *item_field);
/* The name of an anchor for people: "Title", "Learning outcomes, item 3",
 * "Learning outcomes, item 3: Text"; "The design as a whole" for none. */
char      *mc_comment_popover_anchor_label (const char       *field_id,
                                            int               item_index,
                                            const char       *item_field);

G_END_DECLS
