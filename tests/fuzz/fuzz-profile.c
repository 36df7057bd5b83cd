/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for policy profiles, which administrators may edit: any
 * bytes go through the profile parser; whatever it accepts must validate
 * every demo design without crashing, and each finding it reports must
 * name a real field and carry a message. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "mc-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define BROKEN(what, detail) \
  G_STMT_START { \
    g_printerr ("fuzz-profile: %s: %s\n", what, detail); \
    abort (); \
  } G_STMT_END

/* The demo designs' content, loaded once. */
static GPtrArray *
demo_contents (void)
{
  static GPtrArray *contents = NULL;

  if (contents == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McStore) store = NULL;
      g_autoptr(GPtrArray) all = NULL;
      McDesignQuery query = MC_DESIGN_QUERY_INIT;

      mc_core_init ();
      store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);
      g_assert_true (mc_demo_populate (store, &error));
      all = mc_store_query_designs (store, &query, &error);
      g_assert_no_error (error);

      contents = g_ptr_array_new_with_free_func (g_object_unref);
      /* An empty design too: every "required" rule fires on it. */
      g_ptr_array_add (contents, mc_revision_new ());
      for (guint i = 0; i < all->len; i++)
        {
          g_autoptr(McDesign) design =
            mc_store_load_design (store, mc_design_summary_get_id (g_ptr_array_index (all, i)), &error);

          g_assert_no_error (error);
          g_ptr_array_add (contents, g_object_ref (mc_design_get_content (design)));
        }
    }
  return contents;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GPtrArray *contents = demo_contents ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(McProfile) profile = NULL;
  g_autoptr(McValidator) validator = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[2] = { NULL, NULL };

  profile = mc_profile_new_from_bytes (bytes, &error);
  if (profile == NULL)
    {
      if (error == NULL || error->message[0] == '\0')
        BROKEN ("refused without a message", "");
      return 0;
    }

  validator = mc_validator_new ();
  mc_validator_set_institution (validator, "Fuzz University", "IE");
  mc_validator_set_today (validator, "2026-01-15");
  mc_validator_add_profile (validator, profile);
  ids[0] = mc_profile_get_id (profile);

  for (guint i = 0; i < contents->len; i++)
    {
      g_autoptr(GPtrArray) findings = mc_validator_validate (validator, g_ptr_array_index (contents, i),
                                                            ids, &error);

      if (findings == NULL)
        BROKEN ("an accepted profile does not validate", error->message);
      for (guint f = 0; f < findings->len; f++)
        {
          McFinding *finding = g_ptr_array_index (findings, f);

          if (mc_field_lookup (mc_finding_get_field (finding)) == NULL)
            BROKEN ("a finding names no field", mc_finding_get_rule_id (finding));
          if (mc_finding_get_message (finding)[0] == '\0')
            BROKEN ("a finding has no message", mc_finding_get_rule_id (finding));
        }
    }
  return 0;
}
