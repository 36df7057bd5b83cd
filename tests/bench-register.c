/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): the register of issued credentials at the size
 * of a large institution — 100,000 credentials in ten offerings, issued
 * through the workflow as the batch issuer does (with signed forms of a
 * realistic size), some of them revoked or suspended.  Prints the time to
 * count them, to read the first page, a page of a search, a page at
 * offset 90,000, and to build a status list.  Usage: bench-register
 * [DATABASE]; the database is built once and reused when it exists. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "mc-core.h"

#define N_OFFERINGS 10
#define N_PER_OFFERING 10000
#define PAGE 100
#define SIGN_PAGE 500
#define RUNS 20

static const char * const given_names[] = {
  "Aoife", "Bartosz", "Chidi", "Dana", "Eleni", "Farah", "Gráinne", "Hiroshi", "Íde", "Jakub",
  "Katarzyna", "Liam", "Mei", "Niamh", "Oluwaseun", "Pádraig", "Quentin", "Róisín", "Siobhán", "Tomás",
};
static const char * const family_names[] = {
  "Byrne", "Nowak", "Okafor", "Levi", "Papadopoulou", "Haddad", "Ó Súilleabháin", "Tanaka", "Walsh",
  "Kowalczyk", "Murphy", "Chen", "Ní Bhriain", "Adeyemi", "Dubois", "Kelly", "Zieliński", "Wang",
  "Mac Giolla Phádraig", "O'Brien", "Fitzgerald", "Müller", "García", "Rossi", "Kennedy",
};

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static McWorkflow *
workflow_for (McStore    *store,
              const char *username)
{
  g_autoptr(GError) error = NULL;
  McWorkflow *workflow = mc_workflow_new (store, username, &error);

  g_assert_no_error (error);
  return workflow;
}

/* A stand-in for a signed credential of about the size of a real one. */
static char *
fake_jwt (McIssuedCredential *credential,
          const char         *filler)
{
  return g_strdup_printf ("eyJhbGciOiJSUzI1NiIsImtpZCI6ImJlbmNoIiwidHlwIjoiSldUIn0.%s%s.c2ln",
                          credential->uuid, filler);
}

static void
sign_batch (McStore      *store,
            McWorkflow   *registrar,
            McIssueBatch *batch,
            const char   *filler)
{
  g_autoptr(GError) error = NULL;

  for (;;)
    {
      g_autoptr(GPtrArray) pending = mc_store_list_pending_credentials (store, batch->id, SIGN_PAGE, &error);

      g_assert_no_error (error);
      if (pending->len == 0)
        break;
      for (guint i = 0; i < pending->len; i++)
        {
          McIssuedCredential *credential = g_ptr_array_index (pending, i);

          credential->jwt = fake_jwt (credential, filler);
        }
      if (!mc_workflow_complete_credentials (registrar, pending, &error))
        g_error ("%s", error->message);
    }
  g_assert_true (mc_workflow_finish_batch (registrar, batch, MC_BATCH_STATE_DONE, &error));
}

static void
build (McStore    *store,
       const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McWorkflow) admin = NULL;
  g_autoptr(McWorkflow) registrar = NULL;
  g_autoptr(McKeyRecord) key = mc_key_record_new ();
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *filler = NULL;
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  gint64 design_id;
  double t = now ();

  g_assert_true (mc_demo_populate (store, &error));
  /* The demo has no administrator: the first account becomes one. */
  admin = workflow_for (store, "bench-admin");
  registrar = workflow_for (store, "ciaran.doyle");

  key->kid = g_strdup ("bench-2026");
  key->kind = MC_KEY_KIND_ED25519;
  key->public_jwk = g_strdup ("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");
  key->private_path = g_build_filename (folder, "bench-2026.p8", NULL);
  g_assert_true (g_file_set_contents (key->private_path, "stand-in", -1, &error));
  g_assert_true (mc_workflow_add_key (admin, key, &error));

  query.state = MC_DESIGN_STATE_ACTIVE;
  active = mc_store_query_designs (store, &query, &error);
  g_assert_cmpuint (active->len, >, 0);
  design_id = mc_design_summary_get_id (g_ptr_array_index (active, 0));

  /* A signed Open Badges credential is 3 to 5 KB. */
  filler = g_strnfill (3000, 'x');
  g_printerr ("Issuing %d credentials in %d offerings...\n", N_OFFERINGS * N_PER_OFFERING, N_OFFERINGS);
  for (guint o = 0; o < N_OFFERINGS; o++)
    {
      g_autoptr(McOffering) offering = mc_offering_new ();
      g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_result_input_free);
      g_autoptr(McIssueBatch) batch = NULL;
      double t_record, t_reserve, t_complete;

      offering->design_id = design_id;
      offering->code = g_strdup_printf ("%u-RUN-%u", 2020 + o / 2, o % 2 + 1);
      offering->starts_on = g_strdup_printf ("%u-%02u-01", 2020 + o / 2, o % 2 ? 9 : 2);
      offering->ends_on = g_strdup_printf ("%u-%02u-20", 2020 + o / 2, o % 2 ? 12 : 6);
      if (!mc_workflow_create_offering (registrar, offering, &error))
        g_error ("%s", error->message);
      for (guint i = 0; i < N_PER_OFFERING; i++)
        {
          McResultInput *input = mc_result_input_new ();

          input->student_id = g_strdup_printf ("S%07u", o * N_PER_OFFERING + i + 1);
          input->given_name = g_strdup (given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))]);
          input->family_name = g_strdup (family_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (family_names))]);
          input->grade = g_strdup ("B");
          input->completed_on = g_strdup (offering->ends_on);
          input->passed = TRUE;
          g_ptr_array_add (inputs, input);
        }
      t_record = now ();
      g_assert_true (mc_workflow_record_results (registrar, offering->id, inputs, NULL, &error));
      t_reserve = now ();
      batch = mc_workflow_start_batch (registrar, offering->id, key->kid, NULL, FALSE, &error);
      g_assert_no_error (error);
      t_complete = now ();
      sign_batch (store, registrar, batch, filler);
      g_printerr ("  %u credentials: results recorded in %.2f s, reserved in %.2f s, stored as signed in %.2f s\n",
                  (o + 1) * N_PER_OFFERING, t_reserve - t_record, t_complete - t_reserve, now () - t_complete);
    }

  /* A few hundred revoked and suspended, scattered. */
  for (gint64 id = 7; id <= N_OFFERINGS * N_PER_OFFERING; id += 331)
    g_assert_true (mc_workflow_set_credential_state (registrar, id,
                                                     id % 2 ? MC_CREDENTIAL_STATE_REVOKED
                                                            : MC_CREDENTIAL_STATE_SUSPENDED,
                                                     "Benchmark", &error));
  g_printerr ("Built in %.1f s\n", now () - t);
}

/* Runs @func RUNS times (after one warm-up run) and prints its mean and
 * worst time. */
typedef void (*BenchFunc) (McStore *store, gpointer data);

static void
measure (const char *what,
         McStore    *store,
         BenchFunc   func,
         gpointer    data)
{
  double total = 0, worst = 0;

  func (store, data);
  for (guint i = 0; i < RUNS; i++)
    {
      double t = now ();

      func (store, data);
      t = now () - t;
      total += t;
      worst = MAX (worst, t);
    }
  g_print ("%-52s mean %7.2f ms   worst %7.2f ms\n", what, 1000 * total / RUNS, 1000 * worst);
}

typedef struct {
  McCredentialQuery query;
  guint             offset;
  guint             expect_rows;   /* G_MAXUINT: any */
} Page;

static void
count_cb (McStore  *store,
          gpointer  data)
{
  Page *page = data;
  g_autoptr(GError) error = NULL;
  guint n = mc_store_count_credentials (store, &page->query, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 0);
}

static void
page_cb (McStore  *store,
         gpointer  data)
{
  Page *page = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = mc_store_query_credentials (store, &page->query, page->offset, PAGE, &error);

  g_assert_no_error (error);
  if (page->expect_rows != G_MAXUINT)
    g_assert_cmpuint (rows->len, ==, page->expect_rows);
}

static void
status_cb (McStore  *store,
           gpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bits = mc_store_get_status_bits (store, 0, "revocation", &error);

  g_assert_no_error (error);
  g_assert_nonnull (bits);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GPtrArray) newest = NULL;
  gboolean existed;
  Page all = { MC_CREDENTIAL_QUERY_INIT, 0, PAGE };
  Page deep = { MC_CREDENTIAL_QUERY_INIT, 90000, PAGE };
  Page name = { MC_CREDENTIAL_QUERY_INIT, 0, PAGE };
  Page name_deep = { MC_CREDENTIAL_QUERY_INIT, 100, G_MAXUINT };
  Page uuid = { MC_CREDENTIAL_QUERY_INIT, 0, 1 };
  Page uuid_part = { MC_CREDENTIAL_QUERY_INIT, 0, G_MAXUINT };
  Page two_letters = { MC_CREDENTIAL_QUERY_INIT, 0, PAGE };
  Page revoked = { MC_CREDENTIAL_QUERY_INIT, 0, G_MAXUINT };
  Page offering = { MC_CREDENTIAL_QUERY_INIT, 5000, PAGE };
  g_autofree char *uuid_text = NULL;
  g_autofree char *uuid_start = NULL;

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      dir = g_build_filename (g_get_tmp_dir (), "mc-bench-register", NULL);
      g_mkdir_with_parents (dir, 0700);
      path = g_build_filename (dir, "register.db", NULL);
    }
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  store = mc_store_open (path, MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (!existed)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      build (store, folder);
    }
  g_print ("Register of %u credentials in %s\n", mc_store_count_credentials (store, NULL, NULL), path);

  newest = mc_store_query_credentials (store, NULL, 50000, 1, &error);
  g_assert_no_error (error);
  uuid_text = g_strdup (((McCredentialSummary *) g_ptr_array_index (newest, 0))->uuid);
  name.query.search = "murphy";
  name_deep.query.search = "róisín o'brien";
  uuid.query.search = uuid_text;
  uuid_start = g_strndup (uuid_text, 8);
  uuid_part.query.search = uuid_start;
  two_letters.query.search = "mu";
  revoked.query.state = MC_CREDENTIAL_STATE_REVOKED;
  offering.query.offering_id = 3;

  measure ("count, no filter", store, count_cb, &all);
  measure ("first page (100), no filter", store, page_cb, &all);
  measure ("page at offset 90,000", store, page_cb, &deep);
  measure ("count, search \"murphy\"", store, count_cb, &name);
  measure ("first page, search \"murphy\"", store, page_cb, &name);
  measure ("page at offset 100, search \"roisin o'brien\"", store, page_cb, &name_deep);
  measure ("count, search a uuid (one match)", store, count_cb, &uuid);
  measure ("first page, search a uuid (one match)", store, page_cb, &uuid);
  measure ("count, search 8 characters of a uuid", store, count_cb, &uuid_part);
  measure ("first page, search 8 characters of a uuid", store, page_cb, &uuid_part);
  measure ("count, search \"mu\" (too short for trigrams)", store, count_cb, &two_letters);
  measure ("first page, search \"mu\"", store, page_cb, &two_letters);
  measure ("count, revoked", store, count_cb, &revoked);
  measure ("first page, revoked", store, page_cb, &revoked);
  measure ("page at offset 5,000 of one offering", store, page_cb, &offering);
  measure ("revocation status list (131,072 bits)", store, status_cb, NULL);
  return 0;
}
