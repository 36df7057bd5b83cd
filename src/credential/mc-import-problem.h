/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Errors stop an import (mc_result_import_is_ready() is FALSE until they are
 * fixed); warnings are shown and the import may go ahead. */
typedef enum {
  MC_IMPORT_SEVERITY_ERROR,
  MC_IMPORT_SEVERITY_WARNING,
} McImportSeverity;

#define MC_TYPE_IMPORT_SEVERITY (mc_import_severity_get_type ())
GType mc_import_severity_get_type (void) G_GNUC_CONST;

/* One problem found in a results file: about a cell (@column >= 0), a whole
 * row (@column = -1, @line > 0) or the file (@line = 0 when no line is
 * concerned).  @message is translated, ready to show, and names the value
 * concerned; mc_result_import_describe_problem() adds the line and column. */
typedef struct {
  McImportSeverity  severity;
  guint             line;      /* 1-based line of the file, or 0 */
  int               column;    /* 0-based column, or -1 */
  char             *message;
} McImportProblem;

#define MC_TYPE_IMPORT_PROBLEM (mc_import_problem_get_type ())
GType            mc_import_problem_get_type (void) G_GNUC_CONST;
McImportProblem *mc_import_problem_new      (McImportSeverity severity, guint line,
                                             int column, const char *message);
McImportProblem *mc_import_problem_copy     (const McImportProblem *self);
void             mc_import_problem_free     (McImportProblem *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McImportProblem, mc_import_problem_free)

G_END_DECLS
