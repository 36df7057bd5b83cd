/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): a database of 10,000 designs.  Prints the time to
 * open the window to a filled list, to filter as you type, to validate one
 * design under every profile, and the peak memory.  The window figures need
 * a display: run it under tests/run-with-display. */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "mc-window.h"

#define N_DESIGNS 10000

static const char *searches[] = {
  "d", "da", "dat", "data", "data s", "health", "carbon", "python", "safe",
  "mach", "machine learning", "procurement", "secure coding", "clinical",
  "business", "school of", "1234", "77", "zzz-nothing", "a",
};

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

typedef struct {
  McDesign **sources;
  guint      n_sources;
} Fill;

static gboolean
fill_designs (McStore *store, gpointer user_data, GError **error)
{
  Fill *fill = user_data;

  for (guint i = 0; i < N_DESIGNS; i++)
    {
      McDesign *source = fill->sources[i % fill->n_sources];
      g_autoptr(McDesign) copy = mc_design_new ();
      g_autoptr(McRevision) content = mc_revision_copy (mc_design_get_content (source));
      g_autofree char *title = NULL;

      title = g_strdup_printf ("%s %u", mc_revision_get_title (content), i);
      mc_revision_set_string (content, "title", title);
      mc_design_set_content (copy, content);
      mc_design_set_unit_id (copy, mc_design_get_unit_id (source));
      mc_design_set_owner_id (copy, mc_design_get_owner_id (source));
      mc_design_set_state (copy, mc_design_get_state (source));
      if (!mc_store_insert_design (store, copy, error))
        return FALSE;
    }
  return TRUE;
}

static McStore *
make_store (const char *path, McDesign **richest)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(GPtrArray) demo = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  guint best = 0;
  Fill fill;
  double t;

  store = mc_store_open (path, MC_STORE_OPEN_CREATE, &error);
  if (store == NULL || !mc_demo_populate (store, &error))
    g_error ("%s", error->message);

  demo = mc_store_query_designs (store, &query, &error);
  if (demo == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < demo->len; i++)
    {
      McDesign *design = mc_store_load_design (store, mc_design_summary_get_id (demo->pdata[i]), &error);
      guint n;

      if (design == NULL)
        g_error ("%s", error->message);
      g_ptr_array_add (sources, design);
      n = g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_outcomes (mc_design_get_content (design))));
      if (n > best)
        {
          best = n;
          *richest = design;
        }
    }
  g_object_ref (*richest);

  fill.sources = (McDesign **) sources->pdata;
  fill.n_sources = sources->len;
  t = now ();
  if (!mc_store_run_in_transaction (store, fill_designs, &fill, &error))
    g_error ("%s", error->message);
  g_print ("Database:   %u designs (%u inserted in one transaction in %.2f s)\n",
           mc_store_count_designs (store, NULL), N_DESIGNS, now () - t);

  return g_steal_pointer (&store);
}

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

static void
bench_window (McStore *store, McValidator *validator)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend ("io.github.microcred.Microcred", backend);
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(GError) error = NULL;
  McWindow *window = NULL;
  GtkSearchEntry *entry = NULL;
  GtkWidget *list = NULL;
  double t, total = 0, worst = 0, model_total = 0;
  guint rows;

  t = now ();
  workflow = mc_workflow_new (store, "bench", &error);
  g_assert_no_error (error);
  window = mc_window_new (NULL, workflow, validator, settings);
  rows = g_list_model_get_n_items (mc_window_get_designs (window));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_realized (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  painted = FALSE;
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_print ("Window:     %.3f s to a filled list of %u designs, first frame drawn (target < 0.3 s)\n",
           now () - t, rows);

  /* Time what a keystroke costs: query, model update and the next frame;
   * the entry's own delay is taken out. */
  entry = GTK_SEARCH_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (window), MC_TYPE_WINDOW,
                                                           "search_entry"));
  gtk_search_entry_set_search_delay (entry, G_MAXINT / 2);
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), MC_TYPE_WINDOW,
                                                    "design_list"));
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      double dt;

      gtk_editable_set_text (GTK_EDITABLE (entry), searches[i]);
      t = now ();
      mc_window_refresh (window);
      model_total += now () - t;
      /* The next frame, which draws the changed list (the list pane is
       * what a keystroke invalidates; the editor beside it is not). */
      painted = FALSE;
      gtk_widget_queue_draw (list);
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      dt = now () - t;
      total += dt;
      worst = MAX (worst, dt);
    }
  g_print ("Filter:     %.1f ms average, %.1f ms worst over %u searches, with a frame (target < 30 ms)\n"
           "            of which %.1f ms average to query and refill the list\n",
           total * 1000 / G_N_ELEMENTS (searches), worst * 1000, (guint) G_N_ELEMENTS (searches),
           model_total * 1000 / G_N_ELEMENTS (searches));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Without a display: the store's share of filtering. */
static void
bench_query (McStore *store)
{
  double t, total = 0, worst = 0;

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      McDesignQuery query = MC_DESIGN_QUERY_INIT;
      g_autoptr(GPtrArray) results = NULL;
      double dt;

      query.search = searches[i];
      t = now ();
      results = mc_store_query_designs (store, &query, NULL);
      dt = now () - t;
      total += dt;
      worst = MAX (worst, dt);
    }
  g_print ("Query:      %.1f ms average, %.1f ms worst over %u searches (store only)\n",
           total * 1000 / G_N_ELEMENTS (searches), worst * 1000, (guint) G_N_ELEMENTS (searches));
}

static void
bench_validation (McValidator *validator, McDesign *design)
{
  GListModel *profiles = mc_validator_get_profiles (validator);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint n_findings = 0;
  const guint rounds = 1000;
  double t;

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(McProfile) profile = g_list_model_get_item (profiles, i);
      g_strv_builder_add (builder, mc_profile_get_id (profile));
    }
  ids = g_strv_builder_end (builder);

  t = now ();
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GPtrArray) findings = mc_validator_validate (validator, mc_design_get_content (design),
                                                              (const char * const *) ids, &error);
      if (findings == NULL)
        g_error ("%s", error->message);
      n_findings = findings->len;
    }
  g_print ("Validation: %.3f ms per design under %u profiles (%u findings; average of %u; target < 5 ms)\n",
           (now () - t) * 1000 / rounds, g_strv_length (ids), n_findings, rounds);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McValidator) validator = NULL;
  g_autoptr(McDesign) richest = NULL;
  static const char *suffixes[] = { "", "-wal", "-shm" };
  gboolean have_display;
  struct rusage usage;

  mc_core_init ();
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  dir = g_dir_make_tmp ("mc-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.db", NULL);
  store = make_store (path, &richest);
  validator = mc_validator_new ();
  mc_validator_set_institution (validator, "Benchmark University", "IE");

  bench_query (store);
  if (have_display)
    bench_window (store, validator);
  else
    g_print ("Window:     skipped, no display (run under tests/run-with-display)\n");
  bench_validation (validator, richest);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("Memory:     %.1f MB peak resident\n", usage.ru_maxrss / 1024.0);

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);

  return 0;
}
