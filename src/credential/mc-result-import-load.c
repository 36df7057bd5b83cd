/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-result-import-private.h"

/* Loading a file: read in full but never more than the limit, decoded,
 * parsed, then checked.  A file that fails to load leaves nothing behind. */

/**
 * mc_result_import_load_bytes:
 * @self: an import
 * @data: the content of a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: a #MC_RESULT_IMPORT_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Reads and checks @data, replacing any file loaded before; the choices
 * made with mc_result_import_set_column() are forgotten.  Fails only when
 * nothing can be shown: a file that is too large, empty, not text, or in
 * an encoding that cannot be read.  Everything else is a problem of the
 * file or of a row.
 *
 * Returns: %TRUE if the file was read
 */
gboolean
mc_result_import_load_bytes (McResultImport  *self,
                             GBytes          *data,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _mc_result_import_clear_file (self);
  g_array_set_size (self->overrides, 0);
  text = _mc_result_import_decode (data, &length, &self->encoding, self->read_problems, error);
  if (text == NULL || !_mc_result_import_parse (self, text, length, cancellable, error))
    {
      _mc_result_import_clear_file (self);
      return FALSE;
    }
  self->loaded = TRUE;
  _mc_result_import_recheck (self);
  return TRUE;
}

static GBytes *
read_bounded (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > MC_RESULT_IMPORT_MAX_BYTES)
    {
      _mc_result_import_refuse_size ((guint64) g_file_info_get_size (info), error);
      return NULL;
    }
  /* One byte more than allowed, so that a file that grew (or a pipe) is
   * still caught by the size check of the decoder. */
  bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), MC_RESULT_IMPORT_MAX_BYTES + 1,
                                     cancellable, error);
  return g_steal_pointer (&bytes);
}

/**
 * mc_result_import_load_file:
 * @self: an import
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: a #MC_RESULT_IMPORT_ERROR, a #G_IO_ERROR
 *
 * As mc_result_import_load_bytes(); a file larger than 20 MiB is refused
 * before it is read.
 *
 * Returns: %TRUE if the file was read
 */
gboolean
mc_result_import_load_file (McResultImport  *self,
                            GFile           *file,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MC_IS_RESULT_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = read_bounded (file, cancellable, error);
  if (bytes == NULL)
    {
      _mc_result_import_clear_file (self);
      return FALSE;
    }
  return mc_result_import_load_bytes (self, bytes, cancellable, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (mc_result_import_load_file (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * mc_result_import_load_file_async:
 *
 * mc_result_import_load_file() in a worker thread.  Nothing may use @self
 * until @callback runs.
 */
void
mc_result_import_load_file_async (McResultImport      *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MC_IS_RESULT_IMPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_result_import_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

gboolean
mc_result_import_load_file_finish (McResultImport  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mc_result_import_load_file_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
