/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-store-job.h"

typedef struct {
  char           *path;
  McStoreJobFunc  func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job->path);
  g_free (job);
}

static gboolean
is_memory (const char *path)
{
  return path == NULL || path[0] == '\0' || g_str_equal (path, ":memory:") ||
         g_str_has_prefix (path, "file::memory:");
}

static void
return_result (GTask    *task,
               Job      *job,
               gpointer  result,
               GError   *error)
{
  if (result == NULL)
    g_task_return_error (task, error);
  else if (g_task_return_error_if_cancelled (task))
    job->result_free (result);
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(McStore) store = NULL;
  GError *error = NULL;
  gpointer result = NULL;

  store = mc_store_open (job->path, MC_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    result = job->func (store, job->data, cancellable, &error);
  return_result (task, job, result, error);
}

void
mc_store_job_run (McStore             *store,
                  McStoreJobFunc       func,
                  gpointer             data,
                  GDestroyNotify       data_free,
                  GDestroyNotify       result_free,
                  gpointer             source_object,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job = NULL;

  g_return_if_fail (MC_IS_STORE (store));
  g_return_if_fail (func != NULL);
  g_return_if_fail (result_free != NULL);

  job = g_new0 (Job, 1);
  job->path = g_strdup (mc_store_get_path (store));
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_store_job_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);

  if (is_memory (job->path))
    {
      GError *error = NULL;
      gpointer result = func (store, data, cancellable, &error);

      /* GTask calls back from an idle, never from inside this call. */
      return_result (task, job, result, error);
      return;
    }

  g_task_run_in_thread (task, job_thread);
}

gpointer
mc_store_job_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mc_store_job_run, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
