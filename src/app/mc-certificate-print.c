/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-certificate-print.h"
#include "mc-issuing-context.h"
#include "mc-store-job.h"

/* Credentials paginated per turn of the main loop. */
#define PAGINATE_CHUNK 16

typedef struct {
  guint index;        /* in self->ids */
  guint first_page;
  guint n_pages;
} Printed;

struct _McCertificatePrint
{
  GObject                parent_instance;

  McWorkflow            *workflow;
  GArray                *ids;          /* gint64 */
  GArray                *printed;      /* Printed, in page order */
  char                  *export_filename;

  GTask                 *task;
  GtkPrintOperation     *operation;
  McIssuingContext      *context;
  McCertificateRenderer *renderer;
  McCertificateContent  *content;      /* of the credential drawn last */
  guint                  content_index;
  guint                  paginated;    /* credentials paginated so far */
  guint                  n_pages;
  GError                *error;        /* why printing stopped */
  gboolean               waiting;      /* for ::done, after an asynchronous run */
};

G_DEFINE_FINAL_TYPE (McCertificatePrint, mc_certificate_print, G_TYPE_OBJECT)

McPaperSize
mc_certificate_print_get_default_paper (void)
{
  return g_str_has_prefix (gtk_paper_size_get_default (), "na_") ? MC_PAPER_US_LETTER : MC_PAPER_A4;
}

/* Contents */

/* The certificate of credential @index, or NULL when it is not active
 * (nothing to print, no error) or cannot be read (@error set). */
static McCertificateContent *
build_content (McCertificatePrint  *self,
               guint                index,
               GError             **error)
{
  McStore *store = mc_workflow_get_store (self->workflow);
  g_autoptr(McIssuedCredential) credential = NULL;

  credential = mc_store_load_credential (store, g_array_index (self->ids, gint64, index), error);
  if (credential == NULL || credential->state != MC_CREDENTIAL_STATE_ACTIVE)
    return NULL;
  return mc_issuing_context_build_certificate (self->context, credential, error);
}

static void
stop (McCertificatePrint *self,
      GError             *error)
{
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
  gtk_print_operation_cancel (self->operation);
}

/* GtkPrintOperation */

static gboolean
on_paginate (GtkPrintOperation  *operation,
             GtkPrintContext    *context,
             McCertificatePrint *self)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint end = MIN (self->paginated + PAGINATE_CHUNK, self->ids->len);

  for (; self->paginated < end; self->paginated++)
    {
      GError *error = NULL;
      g_autoptr(McCertificateContent) content = build_content (self, self->paginated, &error);
      Printed printed = { self->paginated, self->n_pages, 0 };

      if (error != NULL)
        {
          stop (self, error);
          return TRUE;
        }
      if (content == NULL)
        continue;
      printed.n_pages = mc_certificate_renderer_get_n_pages (self->renderer, content, width, height);
      self->n_pages += printed.n_pages;
      g_array_append_val (self->printed, printed);
    }
  if (self->paginated < self->ids->len)
    return FALSE;

  if (self->n_pages == 0)
    {
      stop (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                       _("There is nothing to print: only active credentials have "
                                         "certificates to print")));
      return TRUE;
    }
  gtk_print_operation_set_n_pages (operation, (int) self->n_pages);
  return TRUE;
}

static int
compare_page (gconstpointer a,
              gconstpointer b)
{
  guint page = *(const guint *) a;
  const Printed *printed = b;

  if (page < printed->first_page)
    return -1;
  return page >= printed->first_page + printed->n_pages ? 1 : 0;
}

static void
on_draw_page (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page_nr,
              McCertificatePrint *self)
{
  guint page = (guint) page_nr;
  const Printed *printed = bsearch (&page, self->printed->data, self->printed->len, sizeof (Printed),
                                    compare_page);
  GError *error = NULL;

  g_assert (printed != NULL);
  if (self->content == NULL || self->content_index != printed->index)
    {
      g_clear_object (&self->content);
      self->content = build_content (self, printed->index, &error);
      self->content_index = printed->index;
      if (self->content == NULL)
        {
          /* Changed since the pages were counted: revoked meanwhile. */
          stop (self, error != NULL ? error
                                    : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                           _("A credential was suspended or revoked while "
                                                             "its certificate was being printed")));
          return;
        }
    }
  mc_certificate_renderer_draw_page (self->renderer, self->content, page - printed->first_page,
                                     gtk_print_context_get_cairo_context (context),
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));
}

/* Reprints, counted in a worker */

typedef struct {
  char   *username;
  char   *act_as;
  GArray *ids;
} ReprintRequest;

static void
reprint_request_free (ReprintRequest *request)
{
  g_free (request->username);
  g_free (request->act_as);
  g_array_unref (request->ids);
  g_free (request);
}

static gpointer
reprint_job (McStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ReprintRequest *request = data;
  g_autoptr(McWorkflow) workflow = mc_workflow_new (store, request->username, error);

  if (workflow == NULL || (request->act_as != NULL && !mc_workflow_act_as (workflow, request->act_as, error)))
    return NULL;
  for (guint i = 0; i < request->ids->len; i++)
    if (!mc_workflow_record_reprint (workflow, g_array_index (request->ids, gint64, i), error))
      return NULL;
  return g_strdup ("");
}

static void
on_reprints_recorded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = mc_store_job_finish (result, &error);

  if (done == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             /* Translators: %s says why */
                             _("The certificates were printed, but not every reprint could be "
                               "counted in the history: %s"), error->message);
  else
    g_task_return_boolean (task, TRUE);
}

static void
record_reprints (McCertificatePrint *self,
                 GTask              *task)
{
  ReprintRequest *request = g_new0 (ReprintRequest, 1);
  McPerson *account = mc_workflow_get_account (self->workflow);
  McPerson *actor = mc_workflow_get_actor (self->workflow);

  request->username = g_strdup (mc_person_get_username (account));
  if (mc_person_get_id (actor) != mc_person_get_id (account))
    request->act_as = g_strdup (mc_person_get_username (actor));
  request->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->printed->len);
  for (guint i = 0; i < self->printed->len; i++)
    g_array_append_val (request->ids,
                        g_array_index (self->ids, gint64, g_array_index (self->printed, Printed, i).index));

  mc_store_job_run (mc_workflow_get_store (self->workflow), reprint_job, request,
                    (GDestroyNotify) reprint_request_free, g_free, NULL,
                    g_task_get_cancellable (task), on_reprints_recorded, task);
}

/* The end of a run, however it ended. */
static void
finish (McCertificatePrint       *self,
        GtkPrintOperationResult   result,
        GError                   *run_error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autoptr(GtkPrintOperation) operation = g_steal_pointer (&self->operation);

  g_signal_handlers_disconnect_by_data (operation, self);
  g_clear_object (&self->content);
  g_clear_object (&self->context);
  self->waiting = FALSE;

  if (self->error != NULL)
    g_task_return_error (task, g_steal_pointer (&self->error));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (run_error == NULL)
        gtk_print_operation_get_error (operation, &run_error);
      if (run_error == NULL)
        run_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("The printer refused the job"));
      g_task_return_error (task, g_steal_pointer (&run_error));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Printing was cancelled"));
  else
    {
      record_reprints (self, g_steal_pointer (&task));
      return;
    }
  g_clear_error (&run_error);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         McCertificatePrint      *self)
{
  if (self->waiting)
    finish (self, result, NULL);
}

static GtkPageSetup *
default_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (mc_certificate_print_get_default_paper () == MC_PAPER_US_LETTER
                                                      ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static GtkPrintOperation *
make_operation (McCertificatePrint *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = default_page_setup ();

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The certificate has its own margins: it is drawn on the whole sheet. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, self->ids->len == 1 ? _("Certificate") : _("Certificates"));
  g_signal_connect (operation, "paginate", G_CALLBACK (on_paginate), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), self);
  return operation;
}

void
mc_certificate_print_run_async (McCertificatePrint  *self,
                                GtkWindow           *parent,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  const char *export_filename = NULL;
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  GtkPrintOperationResult result;
  GError *error = NULL;

  g_return_if_fail (MC_IS_CERTIFICATE_PRINT (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, mc_certificate_print_run_async);
  g_array_set_size (self->printed, 0);
  self->paginated = 0;
  self->n_pages = 0;

  self->context = mc_issuing_context_new (mc_workflow_get_store (self->workflow), &error);
  if (self->context == NULL)
    {
      g_task_return_error (g_steal_pointer (&self->task), error);
      return;
    }

  self->operation = make_operation (self);
  export_filename = self->export_filename != NULL ? self->export_filename : g_getenv ("MC_DEBUG_PRINT_TO_PDF");
  if (export_filename != NULL && export_filename[0] != '\0')
    {
      gtk_print_operation_set_export_filename (self->operation, export_filename);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }

  result = gtk_print_operation_run (self->operation, action, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    self->waiting = TRUE;
  else
    finish (self, result, error);
}

gboolean
mc_certificate_print_run_finish (McCertificatePrint  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_PRINT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Public */

void
mc_certificate_print_add_credential (McCertificatePrint *self,
                                     gint64              credential_id)
{
  g_return_if_fail (MC_IS_CERTIFICATE_PRINT (self));
  g_return_if_fail (self->task == NULL);

  g_array_append_val (self->ids, credential_id);
}

guint
mc_certificate_print_get_n_credentials (McCertificatePrint *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_PRINT (self), 0);
  return self->ids->len;
}

void
mc_certificate_print_set_export_filename (McCertificatePrint *self,
                                          const char         *path)
{
  g_return_if_fail (MC_IS_CERTIFICATE_PRINT (self));

  g_free (self->export_filename);
  self->export_filename = g_strdup (path);
}

guint
mc_certificate_print_get_n_printed (McCertificatePrint *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_PRINT (self), 0);
  return self->printed->len;
}

guint
mc_certificate_print_get_n_pages (McCertificatePrint *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_PRINT (self), 0);
  return self->n_pages;
}

/* GObject */

static void
mc_certificate_print_finalize (GObject *object)
{
  McCertificatePrint *self = MC_CERTIFICATE_PRINT (object);

  g_assert (self->task == NULL);
  g_clear_object (&self->workflow);
  g_clear_object (&self->renderer);
  g_clear_object (&self->content);
  g_clear_object (&self->context);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->printed, g_array_unref);
  g_clear_pointer (&self->export_filename, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (mc_certificate_print_parent_class)->finalize (object);
}

static void
mc_certificate_print_class_init (McCertificatePrintClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_certificate_print_finalize;
}

static void
mc_certificate_print_init (McCertificatePrint *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->printed = g_array_new (FALSE, FALSE, sizeof (Printed));
  self->renderer = mc_certificate_renderer_new ();
}

McCertificatePrint *
mc_certificate_print_new (McWorkflow *workflow)
{
  McCertificatePrint *self = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  self = g_object_new (MC_TYPE_CERTIFICATE_PRINT, NULL);
  self->workflow = g_object_ref (workflow);
  return self;
}
