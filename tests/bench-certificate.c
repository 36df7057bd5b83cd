/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): certificates written as PDF files, the way a
 * batch issues them — one renderer per thread, one content per learner
 * filled from the credential's revision.  Prints certificates per second
 * for 500 PDFs in one thread and in two, into new files and into memory,
 * with the processor time each certificate took: on a machine shared
 * with other work, that tells the cost when the rate tells the load.
 *
 * Usage: bench-certificate [--count N] [--dir DIR]
 *        bench-certificate --sample PATH [--name NAME] [--letter] [--revoked]
 * The second form writes one demo certificate, to look at. */
#include "config.h"

#include <locale.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "mc-core.h"
#include "mc-render.h"

typedef struct {
  McRevision *revision;
  GBytes     *logo;
  const char *dir;
  guint       first;
  guint       count;
  gboolean    to_memory;
} Batch;

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Processor time of all the threads so far, in seconds. */
static double
cpu_time (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static McRevision *
load_revision (void)
{
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "data", "demo",
                                            "demo-institution.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *design;
  McRevision *revision;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s", error->message);
  design = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "designs"),
    0);
  revision = mc_revision_new_from_json (json_object_get_member (design, "revision"), &error);
  if (revision == NULL)
    g_error ("%s", error->message);
  return revision;
}

static GBytes *
load_logo (void)
{
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "tests", "files", "logo-crest.png", NULL);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize size;

  if (!g_file_get_contents (path, &data, &size, &error))
    g_error ("%s", error->message);
  return g_bytes_new_take (data, size);
}

/* The certificate of learner @n. */
static McCertificateContent *
make_content (const Batch *batch,
              guint        n,
              const char  *name)
{
  McCertificateContent *content = mc_certificate_content_new ();
  g_autofree char *learner = g_strdup_printf ("G%08u", n);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("urn:uuid:", uuid, NULL);
  g_autofree char *url = g_strconcat ("https://verify.corribtu.example/c/", uuid, NULL);
  g_autofree char *full_name = name != NULL ? g_strdup (name)
                                            : g_strdup_printf ("Aoife Ní Bhriain %u", n);

  mc_certificate_content_set_institution_name (content, "Corrib Technological University");
  mc_certificate_content_set_country (content, "Ireland");
  mc_certificate_content_set_legal_identifier (content, "IRL CORRIB01");
  mc_certificate_content_set_logo (content, batch->logo);
  mc_certificate_content_set_signatory_name (content, "Ciarán Doyle");
  mc_certificate_content_set_signatory_title (content, "Registrar");
  mc_certificate_content_fill_from_revision (content, batch->revision);
  mc_certificate_content_set_learner_name (content, full_name);
  mc_certificate_content_set_learner_identifier (content, learner);
  mc_certificate_content_set_date_awarded_iso (content, "2026-06-12", NULL);
  mc_certificate_content_set_grade (content, n % 3 ? "Pass" : "Distinction (78 %)");
  mc_certificate_content_set_credential_id (content, id);
  mc_certificate_content_set_verification_url (content, url);
  return content;
}

static gpointer
run_batch (gpointer data)
{
  const Batch *batch = data;
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = batch->first; i < batch->first + batch->count; i++)
    {
      g_autoptr(McCertificateContent) content = make_content (batch, i, NULL);
      gboolean ok;

      if (batch->to_memory)
        {
          g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

          ok = mc_certificate_renderer_write_pdf_to_stream (renderer, content, MC_PAPER_A4, stream,
                                                            NULL, &error);
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("certificate-%05u.pdf", i);
          g_autofree char *path = g_build_filename (batch->dir, name, NULL);

          ok = mc_certificate_renderer_write_pdf (renderer, content, MC_PAPER_A4, path, &error);
        }
      if (!ok)
        g_error ("%s", error->message);
    }
  return NULL;
}

/* Writes @count certificates in @n_threads threads; returns certificates
 * per second, and sets @cpu to the processor time of each. */
static double
measure (McRevision *revision,
         GBytes     *logo,
         const char *dir,
         guint       count,
         guint       n_threads,
         gboolean    to_memory,
         double     *cpu)
{
  Batch batches[2];
  GThread *threads[2];
  double start = now ();
  double start_cpu = cpu_time ();

  g_assert (n_threads <= G_N_ELEMENTS (batches));
  for (guint t = 0; t < n_threads; t++)
    {
      batches[t] = (Batch) { revision, logo, dir, t * count / n_threads, count / n_threads,
                             to_memory };
      threads[t] = g_thread_new ("bench", run_batch, &batches[t]);
    }
  for (guint t = 0; t < n_threads; t++)
    g_thread_join (threads[t]);
  *cpu = (cpu_time () - start_cpu) / count;
  return count / (now () - start);
}

static void
remove_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
}

static void
write_sample (McRevision *revision,
              GBytes     *logo,
              const char *path,
              const char *name,
              gboolean    letter,
              gboolean    revoked)
{
  Batch batch = { revision, logo, NULL, 0, 1, FALSE };
  g_autoptr(McCertificateRenderer) renderer = mc_certificate_renderer_new ();
  g_autoptr(McCertificateContent) content = make_content (&batch, 412873, name);
  g_autoptr(GError) error = NULL;

  if (revoked)
    mc_certificate_content_set_watermark (content, MC_CERTIFICATE_WATERMARK_REVOKED);
  if (!mc_certificate_renderer_write_pdf (renderer, content,
                                          letter ? MC_PAPER_US_LETTER : MC_PAPER_A4, path, &error))
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(McRevision) revision = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *name = NULL;
  gboolean letter = FALSE;
  gboolean revoked = FALSE;
  int count = 500;
  double cpu;
  const GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Certificates per run", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where to write them", "DIR" },
    { "sample", 0, 0, G_OPTION_ARG_FILENAME, &sample, "Write one certificate and stop", "PATH" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "The learner of the sample", "NAME" },
    { "letter", 0, 0, G_OPTION_ARG_NONE, &letter, "US Letter rather than A4", NULL },
    { "revoked", 0, 0, G_OPTION_ARG_NONE, &revoked, "Mark the sample as revoked", NULL },
    { NULL }
  };
  struct {
    const char *label;
    guint       n_threads;
    gboolean    to_memory;
  } runs[] = {
    { "files,  1 thread ", 1, FALSE },
    { "files,  2 threads", 2, FALSE },
    { "memory, 1 thread ", 1, TRUE },
    { "memory, 2 threads", 2, TRUE },
  };

  setlocale (LC_ALL, "");
  options = g_option_context_new (NULL);
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    g_error ("%s", error->message);

  mc_core_init ();
  revision = load_revision ();
  logo = load_logo ();
  if (sample != NULL)
    {
      write_sample (revision, logo, sample, name, letter, revoked);
      return 0;
    }
  if (dir == NULL)
    dir = g_dir_make_tmp ("bench-certificate-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  /* A warm-up: fonts found, caches filled. */
  measure (revision, logo, dir, 10, 1, TRUE, &cpu);
  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      double rate = measure (revision, logo, dir, (guint) count, runs[r].n_threads,
                             runs[r].to_memory, &cpu);

      g_print ("%s: %4d certificates in %6.2f s: %6.1f per second; %5.2f ms of processor "
               "time each\n", runs[r].label, count, count / rate, rate, 1000.0 * cpu);
      remove_files (dir);
    }
  g_rmdir (dir);
  return 0;
}
