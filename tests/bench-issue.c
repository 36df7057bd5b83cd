/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): issuing a large cohort.  Builds a throw-away
 * institution with an active design and an offering, imports a CSV of
 * --learners rows through McResultImport and the workflow, then issues
 * them all (RS256 VC-JWT and a two-page A4 PDF each) with --jobs
 * workers, and prints credentials per second, the time of each stage
 * and the peak memory.  --key chooses the signing key: "rsa3072" (what
 * Microcred generates), "rsa2048" (what many certificate authorities
 * hand out, imported from a PKCS #12 file that openssl makes) or
 * "ed25519" (EdDSA).  `tools/dev bench issue` runs the usual set. */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "mc-batch-issuer.h"
#include "mc-keyring.h"
#include "mc-result-import.h"
#include "workflow-fixture.h"

#define PASSPHRASE "bench passphrase"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static glong
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* Processor time of the whole process, user and system, in seconds. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static GFile *
write_csv (const char *dir,
           guint       n)
{
  static const char * const given[] = { "Aoife", "Bartosz", "Chidi", "Ελένη", "فرح", "伟", "Søren" };
  static const char * const family[] = { "Byrne", "Wójcik", "Okafor", "Παπαδοπούλου", "حداد", "王", "Ødegård" };
  g_autoptr(GString) csv = g_string_new ("Student ID,Given name,Family name,Grade,Completion date\n");
  g_autofree char *path = g_build_filename (dir, "results.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "S%06u,%s,%s,%.1f,2026-05-29\n", i + 1, given[i % G_N_ELEMENTS (given)],
                            family[(i / 7) % G_N_ELEMENTS (family)], 6.0 + (i % 40) / 10.0);
  g_file_set_contents (path, csv->str, (gssize) csv->len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
import_results (McTestInstitution *inst,
                McOffering        *offering,
                guint              n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McResultImport) import = mc_result_import_new ();
  g_autoptr(GFile) file = write_csv (inst->dir, n);
  g_autoptr(GPtrArray) inputs = NULL;
  guint written = 0;
  double start = now ();

  g_assert_true (mc_result_import_set_offering (import, inst->store, offering, &error));
  g_assert_true (mc_result_import_load_file (import, file, NULL, &error));
  g_assert_no_error (error);
  if (!mc_result_import_is_ready (import))
    g_error ("The generated CSV has %u errors", mc_result_import_count_problems (import, MC_IMPORT_SEVERITY_ERROR));
  inputs = mc_result_import_dup_inputs (import);
  g_assert_true (mc_workflow_record_results (mc_test_workflow (inst, MC_TEST_REGISTRAR), offering->id, inputs,
                                             &written, &error));
  g_assert_no_error (error);
  printf ("imported %u results from CSV in %.2f s\n", n, now () - start);
}

/* A PKCS #12 file with an RSA key of @bits and its certificate, made by
 * openssl as a certificate authority would hand it out. */
static GBytes *
make_rsa_pkcs12 (const char *dir,
                 const char *bits)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_build_filename (dir, "bench-key.pem", NULL);
  g_autofree char *crt = g_build_filename (dir, "bench-crt.pem", NULL);
  g_autofree char *p12 = g_build_filename (dir, "bench.p12", NULL);
  g_autofree char *newkey = g_strconcat ("rsa:", bits, NULL);
  g_autofree char *pass = g_strconcat ("pass:", PASSPHRASE, NULL);
  const char *req[] = { "openssl", "req", "-x509", "-newkey", newkey, "-nodes", "-keyout", key,
                        "-out", crt, "-subj", "/CN=Bench University", "-days", "30", NULL };
  const char *export[] = { "openssl", "pkcs12", "-export", "-inkey", key, "-in", crt,
                           "-out", p12, "-passout", pass, NULL };
  const char * const *steps[] = { req, export };
  char *contents = NULL;
  gsize length = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) steps[i], NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("openssl %s: %s", steps[i][1], error->message);
    }
  if (!g_file_get_contents (p12, &contents, &length, &error))
    g_error ("%s", error->message);
  g_unlink (key);
  return g_bytes_new_take (contents, length);
}

static McSigningKey *
make_key (McTestInstitution *inst,
          const char        *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McKeyring) keyring = mc_keyring_new (mc_test_workflow (inst, MC_TEST_ADMIN));
  g_autoptr(McKeyRecord) record = NULL;
  McSigningKey *key;

  if (g_str_equal (kind, "rsa3072"))
    record = mc_keyring_generate (keyring, MC_KEY_ALGORITHM_RS256, PASSPHRASE, FALSE, &error);
  else if (g_str_equal (kind, "ed25519"))
    record = mc_keyring_generate (keyring, MC_KEY_ALGORITHM_EDDSA, PASSPHRASE, FALSE, &error);
  else if (g_str_equal (kind, "rsa2048"))
    {
      g_autoptr(GBytes) p12 = make_rsa_pkcs12 (inst->dir, "2048");

      record = mc_keyring_import_pkcs12 (keyring, p12, PASSPHRASE, PASSPHRASE, &error);
    }
  else
    g_error ("--key must be rsa3072, rsa2048 or ed25519, not “%s”", kind);
  g_assert_no_error (error);
  key = mc_keyring_unlock (keyring, record->kid, PASSPHRASE, &error);
  g_assert_no_error (error);
  return key;
}

static void
report (McBatchIssuer *issuer,
        const char    *kind,
        guint          jobs,
        glong          rss_before,
        double         cpu)
{
  McBatchIssuerStats stats;
  double seconds;

  mc_batch_issuer_get_stats (issuer, &stats);
  seconds = stats.total_ms / 1000.0;
  printf ("issued %u credentials with --jobs %u and an %s key in %.2f s: %.1f credentials/s\n",
          stats.count, jobs, kind, seconds, stats.count / seconds);
  printf ("  per credential (summed over workers): sign %.2f ms, render %.2f ms, write %.2f ms\n",
          stats.sign_ms / stats.count, stats.render_ms / stats.count, stats.write_ms / stats.count);
  printf ("  database (coordinator): %.2f s in all, %.2f ms per credential\n",
          stats.database_ms / 1000.0, stats.database_ms / stats.count);
  printf ("  10,000 credentials at this rate: %.1f s\n", 10000 / (stats.count / seconds));
  /* What the machine's load does not change: the work per credential. */
  printf ("  processor time: %.2f ms per credential (at most %.0f credentials/s per idle core)\n",
          cpu * 1000 / stats.count, stats.count / cpu);
  printf ("  peak RSS: %.1f MiB (%.1f MiB before issuing)\n", peak_rss_kib () / 1024.0, rss_before / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) options = g_option_context_new ("— issue a large cohort");
  int learners = 10000;
  int jobs = 2;
  g_autofree char *kind = NULL;
  GOptionEntry entries[] = {
    { "learners", 'n', 0, G_OPTION_ARG_INT, &learners, "Learners to issue (10,000)", "N" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Worker threads (2)", "N" },
    { "key", 'k', 0, G_OPTION_ARG_STRING, &kind, "Signing key: rsa3072 (default), rsa2048 or ed25519", "KIND" },
    { NULL }
  };
  g_autoptr(McTestInstitution) inst = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(McBatchIssuer) issuer = NULL;
  g_autoptr(McIssueBatch) batch = NULL;
  g_autofree char *export_dir = NULL;
  glong rss_before;
  double cpu;

  g_setenv ("G_TEST_SRCDIR", MC_TESTS_SRCDIR, FALSE);
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    g_error ("%s", error->message);
  g_test_init (&argc, &argv, NULL);

  inst = mc_test_institution_new ();
  g_assert_true (mc_workflow_set_setting (mc_test_workflow (inst, MC_TEST_ADMIN), MC_SETTING_VERIFICATION_URL,
                                          "https://credentials.hanze.example", &error));
  design = mc_test_create_design (inst);
  mc_test_make_active (inst, design);
  offering = mc_test_create_offering (inst, design, "BENCH");
  import_results (inst, offering, (guint) learners);
  if (kind == NULL)
    kind = g_strdup ("rsa3072");
  key = make_key (inst, kind);

  export_dir = g_build_filename (inst->dir, "export", NULL);
  issuer = mc_batch_issuer_new (inst->path, mc_test_username (MC_TEST_REGISTRAR), NULL);
  mc_batch_issuer_set_jobs (issuer, (guint) jobs);
  mc_batch_issuer_set_signing_key (issuer, key);
  mc_batch_issuer_set_export_dir (issuer, export_dir);
  rss_before = peak_rss_kib ();
  cpu = cpu_seconds ();
  batch = mc_batch_issuer_run (issuer, offering->id, NULL, &error);
  g_assert_no_error (error);
  report (issuer, kind, (guint) jobs, rss_before, cpu_seconds () - cpu);

  /* The folder holds a few hundred megabytes; the institution's folder
   * goes with the fixture. */
  {
    g_autoptr(GDir) dir = g_dir_open (export_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (export_dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (export_dir);
  }
  return 0;
}
