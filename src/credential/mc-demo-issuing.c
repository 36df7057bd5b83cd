/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-batch-issuer.h"
#include "mc-demo-issuing.h"
#include "mc-keyring.h"

/* The demo's issuing data, dated relative to today so that the offerings
 * are always in the past year. */

#define DEMO_REGISTRAR       "ciaran.doyle"
#define READY_DESIGN_UUID    "291c536b-4d6d-404e-91cf-078b9235c282"  /* Applied Data Analytics with Python */
#define ISSUED_DESIGN_UUID   "61339a09-6729-46d4-9d19-174ea1408775"  /* Clinical Trial Data Management */

static const struct {
  const char *key;
  const char *value;
} settings[] = {
  { MC_SETTING_VERIFICATION_URL, "https://credentials.corribtu.example" },
  { MC_SETTING_INSTITUTION_URL, "https://www.corribtu.example" },
  { MC_SETTING_INSTITUTION_LEGAL_ID, "IE 3334567RH" },
  { MC_SETTING_SIGNATORY_NAME, "Prof. Siobhán Ní Bhriain" },
  { MC_SETTING_SIGNATORY_TITLE, "Registrar" },
};

typedef struct {
  const char *student_id;
  const char *given_name;
  const char *family_name;
  const char *grade;
} DemoResult;

/* Graded 0–100 %, pass mark 40 %. */
static const DemoResult ready_results[] = {
  { "G00412587", "Aoife", "Ní Dhomhnaill", "78" },
  { "G00398114", "Bartosz", "Wiśniewski", "64" },
  { "G00405231", "Chidinma", "Okonkwo", "91" },
  { "G00401776", "Eleni", "Papadopoulou", "55" },
  { "G00409902", "Farah", "Haddad", "47" },
  { "G00396650", "Wei", "Zhang", "83" },
  { "G00411348", "Søren", "Kierkegaard-Holm", "69" },
  { "G00402219", "Márta", "Kovács", "72" },
  { "G00407785", "Oisín", "Mac Giolla Phádraig", "31" },   /* below the pass mark */
  { "G00403361", "Yuki", "Tanaka", "88" },
  { "G00408843", "José María", "García Núñez", "59" },
  { "G00400127", "Ngozi", "Adeyemi", "66" },
};

/* Graded A–F, pass at D. */
static const DemoResult issued_results[] = {
  { "G00387722", "Siobhán", "Ó Briain", "A" },
  { "G00385419", "Andrzej", "Kowalczyk", "B" },
  { "G00389066", "Layla", "Al-Mansouri", "C" },
  { "G00384150", "Ioana", "Popescu", "B" },
};

static gboolean
set_settings (McWorkflow  *admin,
              GError     **error)
{
  McStore *store = mc_workflow_get_store (admin);

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *current = mc_store_get_setting (store, settings[i].key, "");

      if (*current == '\0' && !mc_workflow_set_setting (admin, settings[i].key, settings[i].value, error))
        return FALSE;
    }
  return TRUE;
}

/* @today moved by @days, as YYYY-MM-DD. */
static char *
day_from (const char *today,
          int         days)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_parse (&date, today);
  if (!g_date_valid (&date))
    g_date_set_time_t (&date, time (NULL));
  if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  else
    g_date_add_days (&date, (guint) days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

/* An offering of the demo design @design_uuid that ran from @starts_ago
 * to @ends_ago days before today, with @results. */
static McOffering *
add_offering (McWorkflow       *registrar,
              const char       *design_uuid,
              const char       *code,
              int               starts_ago,
              int               ends_ago,
              const DemoResult *results,
              guint             n_results,
              const char       *fail_below,
              GError          **error)
{
  McStore *store = mc_workflow_get_store (registrar);
  const char *today = mc_workflow_get_today (registrar);
  g_autoptr(McDesign) design = mc_store_find_design_by_uuid (store, design_uuid, error);
  g_autoptr(McOffering) offering = mc_offering_new ();
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_result_input_free);

  if (design == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                     _("The demo design %s is missing; add the demo institution first"), design_uuid);
      return NULL;
    }
  offering->design_id = mc_design_get_id (design);
  offering->code = g_strdup (code);
  offering->starts_on = day_from (today, -starts_ago);
  offering->ends_on = day_from (today, -ends_ago);
  if (!mc_workflow_create_offering (registrar, offering, error))
    return NULL;
  for (guint i = 0; i < n_results; i++)
    {
      McResultInput *input = mc_result_input_new ();

      input->student_id = g_strdup (results[i].student_id);
      input->given_name = g_strdup (results[i].given_name);
      input->family_name = g_strdup (results[i].family_name);
      input->grade = g_strdup (results[i].grade);
      input->completed_on = g_strdup (offering->ends_on);
      input->passed = fail_below == NULL || g_ascii_strtod (results[i].grade, NULL) >= g_ascii_strtod (fail_below, NULL);
      g_ptr_array_add (inputs, input);
    }
  if (!mc_workflow_record_results (registrar, offering->id, inputs, NULL, error))
    return NULL;
  return g_steal_pointer (&offering);
}

/* Issues the earlier offering and revokes one of its credentials. */
static gboolean
issue_earlier (McWorkflow   *registrar,
               McSigningKey *key,
               McOffering   *offering,
               GError      **error)
{
  McStore *store = mc_workflow_get_store (registrar);
  g_autoptr(McBatchIssuer) issuer =
    mc_batch_issuer_new (mc_store_get_path (store),
                         mc_person_get_username (mc_workflow_get_account (registrar)), DEMO_REGISTRAR);
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(GPtrArray) results = NULL;

  mc_batch_issuer_set_signing_key (issuer, key);
  if ((batch = mc_batch_issuer_run (issuer, offering->id, NULL, error)) == NULL ||
      (results = mc_store_list_results (store, offering->id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    {
      McResult *result = g_ptr_array_index (results, i);

      if (g_str_equal (result->learner->student_id, issued_results[2].student_id))
        return mc_workflow_set_credential_state (registrar, result->credential_id, MC_CREDENTIAL_STATE_REVOKED,
                                                 _("Issued in error: the learner had withdrawn before the "
                                                   "final assessment"),
                                                 error);
    }
  return TRUE;
}

/* The demo key, new, or NULL (without an error) for a database in memory. */
static McSigningKey *
demo_key (McWorkflow  *admin,
          GError     **error)
{
  g_autoptr(McKeyring) keyring = mc_keyring_new (admin);
  g_autoptr(McKeyRecord) record = NULL;

  if (mc_keyring_get_directory (keyring) == NULL)
    return NULL;
  record = mc_keyring_generate (keyring, MC_KEY_ALGORITHM_RS256, MC_DEMO_KEY_PASSPHRASE, TRUE, error);
  if (record == NULL)
    return NULL;
  return mc_keyring_unlock (keyring, record->kid, MC_DEMO_KEY_PASSPHRASE, error);
}

gboolean
mc_demo_issuing_populate (McWorkflow  *admin,
                          GError     **error)
{
  McStore *store;
  g_autoptr(McWorkflow) registrar = NULL;
  g_autoptr(McOffering) ready = NULL;
  g_autoptr(McOffering) earlier = NULL;
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *ready_code = NULL;
  g_autofree char *earlier_code = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (admin), FALSE);

  store = mc_workflow_get_store (admin);
  if (!mc_workflow_has_role (admin, MC_ROLE_ADMINISTRATOR, 0))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                   _("Only an administrator can set up issuing in the demo institution"));
      return FALSE;
    }
  registrar = mc_workflow_new (store, mc_person_get_username (mc_workflow_get_account (admin)), error);
  if (registrar == NULL || !mc_workflow_act_as (registrar, DEMO_REGISTRAR, error) ||
      !set_settings (admin, error))
    return FALSE;
  key = demo_key (admin, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Coded by the month they started, like "2026-03". */
  ready_code = day_from (mc_workflow_get_today (admin), -150);
  earlier_code = day_from (mc_workflow_get_today (admin), -320);
  ready_code[7] = earlier_code[7] = '\0';
  if ((ready = add_offering (registrar, READY_DESIGN_UUID, ready_code, 150, 30, ready_results,
                             G_N_ELEMENTS (ready_results), "40", error)) == NULL ||
      (earlier = add_offering (registrar, ISSUED_DESIGN_UUID, earlier_code, 320, 200, issued_results,
                               G_N_ELEMENTS (issued_results), NULL, error)) == NULL)
    return FALSE;
  return key == NULL || issue_earlier (registrar, key, earlier, error);
}
