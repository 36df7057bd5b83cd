/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-import-problem.h"

G_DEFINE_ENUM_TYPE (McImportSeverity, mc_import_severity,
  G_DEFINE_ENUM_VALUE (MC_IMPORT_SEVERITY_ERROR, "error"),
  G_DEFINE_ENUM_VALUE (MC_IMPORT_SEVERITY_WARNING, "warning"))

G_DEFINE_BOXED_TYPE (McImportProblem, mc_import_problem, mc_import_problem_copy, mc_import_problem_free)

McImportProblem *
mc_import_problem_new (McImportSeverity  severity,
                       guint             line,
                       int               column,
                       const char       *message)
{
  McImportProblem *self = g_new0 (McImportProblem, 1);

  g_return_val_if_fail (message != NULL, NULL);

  self->severity = severity;
  self->line = line;
  self->column = column;
  self->message = g_strdup (message);
  return self;
}

McImportProblem *
mc_import_problem_copy (const McImportProblem *self)
{
  return mc_import_problem_new (self->severity, self->line, self->column, self->message);
}

void
mc_import_problem_free (McImportProblem *self)
{
  if (self == NULL)
    return;
  g_free (self->message);
  g_free (self);
}
