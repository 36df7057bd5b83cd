/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-store-job.h"
#include "mc-workflow-job.h"

typedef struct {
  char              *account;
  char              *actor;      /* NULL when acting as oneself */
  char              *today;
  McWorkflowJobFunc  func;
  gpointer           data;
  GDestroyNotify     data_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job->account);
  g_free (job->actor);
  g_free (job->today);
  g_free (job);
}

void
mc_workflow_job_free_secret (char *secret)
{
  if (secret == NULL)
    return;
  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static gpointer
workflow_job (McStore       *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Job *job = data;
  g_autoptr(McWorkflow) workflow = NULL;

  workflow = mc_workflow_new (store, job->account, error);
  if (workflow == NULL || (job->actor != NULL && !mc_workflow_act_as (workflow, job->actor, error)))
    return NULL;
  mc_workflow_set_today (workflow, job->today);
  return job->func (workflow, job->data, error);
}

void
mc_workflow_job_run (McWorkflow          *workflow,
                     McWorkflowJobFunc    func,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GDestroyNotify       result_free,
                     gpointer             source_object,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  McPerson *account = NULL;
  McPerson *actor = NULL;
  Job *job = NULL;

  g_return_if_fail (MC_IS_WORKFLOW (workflow));
  g_return_if_fail (func != NULL);

  account = mc_workflow_get_account (workflow);
  actor = mc_workflow_get_actor (workflow);
  job = g_new0 (Job, 1);
  job->account = g_strdup (mc_person_get_username (account));
  if (mc_person_get_id (actor) != mc_person_get_id (account))
    job->actor = g_strdup (mc_person_get_username (actor));
  job->today = g_strdup (mc_workflow_get_today (workflow));
  job->func = func;
  job->data = data;
  job->data_free = data_free;

  mc_store_job_run (mc_workflow_get_store (workflow), workflow_job, job, (GDestroyNotify) job_free,
                    result_free, source_object, cancellable, callback, user_data);
}

gpointer
mc_workflow_job_finish (GAsyncResult  *result,
                        GError       **error)
{
  return mc_store_job_finish (result, error);
}
