/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-field-schema-private.h"
#include "mc-revision-diff.h"

G_BEGIN_DECLS

/* Compares field @spec of two revisions or two items (objects whose
 * properties are named after their fields).  When they differ and
 * @old_text is not NULL, the values are rendered into @old_text and
 * @new_text (NULL for an empty value). */
gboolean _mc_revision_diff_field (GObject            *old_object,
                                  GObject            *new_object,
                                  const McFieldSpec  *spec,
                                  char              **old_text,
                                  char              **new_text);
/* The value of field @spec of @object as people read it; NULL if empty. */
char    *_mc_revision_diff_render (GObject            *object,
                                   const McFieldSpec  *spec);

/* The items of one list field in two revisions, and how they pair up:
 * old_to_new[i] is the position in the new revision of old item i, -1 when
 * it has none, and new_to_old the reverse.  Filled in by
 * _mc_revision_diff_match() after the rules of mc-revision-diff.h. */
typedef struct {
  const char          *key_field;   /* match by this field when usable; NULL: by position */
  gboolean             casefold;    /* compare keys with case folded */
  const McFieldSchema *schema;      /* the fields of the items */
  GPtrArray           *old_items;   /* McItem */
  GPtrArray           *new_items;
  int                 *old_to_new;
  int                 *new_to_old;
} McItemMatch;

void     _mc_revision_diff_match (McItemMatch        *match);

/* Appends the changes of list field @list_id to @changes. */
void     _mc_revision_diff_list  (GPtrArray          *changes,
                                  McRevision         *old_rev,
                                  McRevision         *new_rev,
                                  const char         *list_id);

G_END_DECLS
