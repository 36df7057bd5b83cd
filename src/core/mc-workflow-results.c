/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-workflow-private.h"

/* Results of an offering, as the student-records system exports them:
 * learners are created or updated by their student id, and each
 * learner's result in the offering is inserted or corrected, all in one
 * transaction and one event.  A result a credential was issued for is
 * not changed behind it: the credential is re-issued first. */

static char *
stripped (const char *text)
{
  return text != NULL ? g_strstrip (g_strdup (text)) : g_strdup ("");
}

/* A copy of @input with its fields trimmed, or NULL with a message
 * naming the input (@position counts from 1) if it is not usable. */
static McResultInput *
normalize_input (const McResultInput  *input,
                 guint                 position,
                 GHashTable           *seen,
                 GError              **error)
{
  g_autoptr(McResultInput) clean = mc_result_input_new ();
  const char *problem = NULL;

  clean->student_id = stripped (input->student_id);
  clean->given_name = stripped (input->given_name);
  clean->family_name = stripped (input->family_name);
  clean->email = stripped (input->email);
  clean->date_of_birth = stripped (input->date_of_birth);
  clean->grade = stripped (input->grade);
  clean->completed_on = stripped (input->completed_on);
  clean->passed = input->passed;

  if (*clean->student_id == '\0' || !_mc_workflow_is_line (clean->student_id, 100))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("Result %u has no student id, or one longer than 100 characters"), position);
      return NULL;
    }
  if (*clean->given_name == '\0' && *clean->family_name == '\0')
    problem = _("the learner has no name");
  else if (!_mc_workflow_is_line (clean->given_name, 200) || !_mc_workflow_is_line (clean->family_name, 200))
    problem = _("a name is longer than 200 characters or not one line");
  else if (*clean->email != '\0' &&
           (!_mc_workflow_is_line (clean->email, 254) || strchr (clean->email, '@') == NULL ||
            strchr (clean->email, ' ') != NULL))
    problem = _("the email address is not valid");
  else if (*clean->date_of_birth != '\0' && !_mc_workflow_is_date (clean->date_of_birth))
    problem = _("the date of birth is not a date like 2001-04-23");
  else if (*clean->grade == '\0' || !_mc_workflow_is_line (clean->grade, 100))
    problem = _("there is no grade, or it is longer than 100 characters");
  else if (!_mc_workflow_is_date (clean->completed_on))
    problem = _("the completion date is not a date like 2026-06-12");
  else if (g_hash_table_contains (seen, clean->student_id))
    problem = _("the student id appears more than once");
  if (problem != NULL)
    {
      /* Translators: "Result 12 (student S1234567): the learner has no name" */
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID, _("Result %u (student %s): %s"),
                   position, clean->student_id, problem);
      return NULL;
    }
  if (*clean->date_of_birth == '\0')
    g_clear_pointer (&clean->date_of_birth, g_free);
  g_hash_table_add (seen, clean->student_id);
  return g_steal_pointer (&clean);
}

typedef struct {
  gint64     offering_id;
  GPtrArray *inputs;     /* normalized McResultInput */
  guint      n_written;
} RecordData;

/* Refuses to change the result behind a credential issued for it; a
 * pending one (re-issued, not signed yet) takes the correction, unless
 * the learner no longer passed. */
static gboolean
check_credential (McWorkflow     *self,
                  McResult       *existing,
                  McResultInput  *input,
                  GError        **error)
{
  g_autoptr(McIssuedCredential) credential = NULL;
  g_autofree char *holder = NULL;

  if (existing->credential_id == 0)
    return TRUE;
  credential = mc_store_load_credential (self->store, existing->credential_id, error);
  if (credential == NULL)
    return FALSE;
  if (credential->state == MC_CREDENTIAL_STATE_PENDING && input->passed)
    return TRUE;
  holder = _mc_workflow_holder (credential);
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
               credential->state == MC_CREDENTIAL_STATE_PENDING
               ? _("%s has a credential being issued for this offering; it cannot be marked as failed now")
               : _("%s already has a credential for this offering; re-issue it to correct the result"),
               holder);
  return FALSE;
}

static gboolean
record_one (McWorkflow     *self,
            RecordData     *data,
            McResultInput  *input,
            GError        **error)
{
  g_autoptr(McLearner) learner = mc_learner_new ();
  g_autoptr(McResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean learner_changed = FALSE;

  learner->student_id = g_strdup (input->student_id);
  learner->given_name = g_strdup (input->given_name);
  learner->family_name = g_strdup (input->family_name);
  learner->email = g_strdup (input->email);
  learner->date_of_birth = g_strdup (input->date_of_birth);
  if (!_mc_store_save_learner (self->store, learner, &learner_changed, error))
    return FALSE;

  result = _mc_store_find_result (self->store, data->offering_id, learner->id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (result != NULL && g_str_equal (result->grade, input->grade) &&
      g_str_equal (result->completed_on, input->completed_on) && result->passed == input->passed)
    {
      data->n_written += learner_changed ? 1 : 0;
      return TRUE;
    }
  if (result != NULL && !check_credential (self, result, input, error))
    return FALSE;
  if (result == NULL)
    {
      result = mc_result_new ();
      result->offering_id = data->offering_id;
      result->learner_id = learner->id;
    }
  g_free (result->grade);
  result->grade = g_strdup (input->grade);
  g_free (result->completed_on);
  result->completed_on = g_strdup (input->completed_on);
  result->passed = input->passed;
  data->n_written++;
  return _mc_store_save_result (self->store, result, error);
}

static gboolean
record_results_cb (McWorkflow  *self,
                   gpointer     user_data,
                   GError     **error)
{
  RecordData *data = user_data;
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(JsonBuilder) details = json_builder_new ();

  if (!_mc_workflow_load_offering (self, data->offering_id, MC_ACTION_RECORD_RESULTS, &offering,
                                   &design, error))
    return FALSE;
  for (guint i = 0; i < data->inputs->len; i++)
    if (!record_one (self, data, g_ptr_array_index (data->inputs, i), error))
      return FALSE;
  /* Nothing changed, nothing to record. */
  if (data->n_written == 0)
    return TRUE;

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "offering");
  json_builder_add_string_value (details, offering->code);
  json_builder_set_member_name (details, "results");
  json_builder_add_int_value (details, data->n_written);
  json_builder_set_member_name (details, "rows");
  json_builder_add_int_value (details, data->inputs->len);
  return _mc_workflow_record (self, _mc_workflow_event (self, MC_ACTION_RECORD_RESULTS, design),
                              details, error);
}

/**
 * mc_workflow_record_results:
 * @offering_id: the offering
 * @inputs: (element-type McResultInput): one result per learner
 * @n_written: (out) (optional): how many learners' records or results
 *   were written; unchanged ones are not counted
 *
 * Returns: %TRUE if every result was recorded; %FALSE, with nothing
 *   written, otherwise
 */
gboolean
mc_workflow_record_results (McWorkflow  *self,
                            gint64       offering_id,
                            GPtrArray   *inputs,
                            guint       *n_written,
                            GError     **error)
{
  g_autoptr(GPtrArray) clean = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  RecordData data = { offering_id, NULL, 0 };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (inputs != NULL, FALSE);

  if (inputs->len == 0)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID, _("There are no results to record"));
      return FALSE;
    }
  clean = g_ptr_array_new_full (inputs->len, (GDestroyNotify) mc_result_input_free);
  for (guint i = 0; i < inputs->len; i++)
    {
      McResultInput *input = normalize_input (g_ptr_array_index (inputs, i), i + 1, seen, error);

      if (input == NULL)
        return FALSE;
      g_ptr_array_add (clean, input);
    }
  data.inputs = clean;
  if (!_mc_workflow_run (self, record_results_cb, &data, error))
    return FALSE;
  if (n_written != NULL)
    *n_written = data.n_written;
  return TRUE;
}
