/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-result-import.h"
#include "mc-workflow.h"

/* An import for one offering, and its rows as the workflow records them:
 * the command line, the window and the benchmark share this. */

/**
 * mc_result_import_set_offering:
 * @store: the institution's database
 * @offering: the offering the results belong to
 *
 * Returns: %TRUE, or %FALSE with @error set when the offering's revision
 *   or the saved mapping cannot be read
 */
gboolean
mc_result_import_set_offering (McResultImport  *self,
                               McStore         *store,
                               McOffering      *offering,
                               GError         **error)
{
  g_autoptr(McRevision) revision = NULL;
  g_autoptr(McGradingScale) scale = NULL;
  g_autofree char *mapping = NULL;

  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), FALSE);
  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (offering != NULL, FALSE);

  revision = mc_store_load_revision (store, offering->design_id, offering->revision_number, error);
  if (revision == NULL)
    return FALSE;
  mapping = mc_store_get_setting (store, MC_SETTING_RESULTS_CSV_MAPPING, NULL);
  if (mapping != NULL && *mapping != '\0' && !mc_result_import_set_mapping (self, mapping, error))
    return FALSE;
  scale = mc_grading_scale_new (revision);
  mc_result_import_set_grading (self, scale);
  mc_result_import_set_period (self, offering->starts_on, offering->ends_on);
  return TRUE;
}

static McResultInput *
input_from_row (const McImportRow *row)
{
  McResultInput *input = mc_result_input_new ();

  input->student_id = g_strdup (row->student_id);
  input->given_name = g_strdup (row->given_name);
  input->family_name = g_strdup (row->family_name);
  input->email = g_strdup (row->email);
  input->date_of_birth = g_strdup (row->date_of_birth);
  input->grade = g_strdup (row->grade);
  input->completed_on = g_strdup (row->completed_on);
  input->passed = row->passed;
  return input;
}

/**
 * mc_result_import_dup_inputs:
 *
 * Returns: (transfer full) (element-type McResultInput): one input per
 *   row of the file
 */
GPtrArray *
mc_result_import_dup_inputs (McResultImport *self)
{
  GPtrArray *inputs;
  guint n;

  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), NULL);
  g_return_val_if_fail (mc_result_import_is_ready (self), NULL);

  n = mc_result_import_get_n_rows (self);
  inputs = g_ptr_array_new_full (n, (GDestroyNotify) mc_result_input_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (inputs, input_from_row (mc_result_import_get_row (self, i)));
  return inputs;
}
