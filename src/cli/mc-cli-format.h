/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-core.h"

G_BEGIN_DECLS

/* Prints @rows (GStrv each, @n_columns long) under @headers in aligned
 * columns; bit i of @right_aligned right-aligns column i. */
void  mc_cli_print_table      (guint               n_columns,
                               const char * const *headers,
                               GPtrArray          *rows,
                               guint               right_aligned);

/* A field of a revision or of a repeated item as text for people, or NULL
 * when it holds nothing. */
char *mc_cli_format_field     (GObject       *object,
                               const char    *id,
                               McFieldKind    kind,
                               GType        (*get_type) (void));

/* "Label: value" indented by @indent; "—" for a NULL value; the lines of a
 * long text are indented under the value. */
void  mc_cli_print_labelled   (guint       indent,
                               const char *label,
                               const char *value);

/* Every section of @content with its field labels, driven by the McField
 * table. */
void  mc_cli_print_revision   (McRevision *content);

char *mc_cli_format_ects      (double ects);
/* "2024-05-01 14:03" in local time, for people. */
char *mc_cli_format_time      (gint64 unix_utc);
/* "2024-05-01T12:03:00Z", for files. */
char *mc_cli_format_iso8601   (gint64 unix_utc);
/* "2024-05-01T14:03:00+02:00": local time with its offset, for the
 * history. */
char *mc_cli_format_local_iso8601 (gint64 unix_utc);

/* "Learning outcomes 2, Text": where a finding or a comment points, for
 * people; "" for the design as a whole.  @item_index counts from 0, -1 for
 * none. */
char *mc_cli_format_place     (const char *field_id,
                               int         item_index,
                               const char *item_field_id);

G_END_DECLS
