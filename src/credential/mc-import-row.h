/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-import-problem.h"

G_BEGIN_DECLS

/* One learner's row of a results file: where it is, its cells as read, the
 * values taken from them (what a result is recorded from) and its problems.
 * The values are NULL when their column is missing or the cell is empty or
 * wrong; names and the student ID are trimmed, with inner white space
 * collapsed. */
typedef struct {
  guint       line;            /* 1-based line of the file where the row starts */
  char      **cells;           /* as read, one per cell of the row */
  guint       n_cells;
  char       *student_id;
  char       *given_name;
  char       *family_name;
  char       *email;
  char       *date_of_birth;   /* YYYY-MM-DD */
  char       *grade;           /* in the grading scale's spelling */
  char       *completed_on;    /* YYYY-MM-DD */
  gboolean    passed;          /* FALSE: recorded, but no credential is issued */
  GPtrArray  *problems;        /* McImportProblem, in column order */
} McImportRow;

#define MC_TYPE_IMPORT_ROW (mc_import_row_get_type ())
GType        mc_import_row_get_type     (void) G_GNUC_CONST;
McImportRow *mc_import_row_new          (guint line, char **cells);
McImportRow *mc_import_row_copy         (const McImportRow *self);
void         mc_import_row_free         (McImportRow *self);
guint        mc_import_row_count_problems (const McImportRow *self, McImportSeverity severity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McImportRow, mc_import_row_free)

G_END_DECLS
