/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for design exchange files: any bytes go through the
 * parser; whatever it accepts must import, export and parse back to the
 * same content, so the fuzzer hunts for round-trip breaks as well as for
 * crashes, leaks and undefined behaviour. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "mc-core.h"

/* Says which promise broke before stopping the fuzzer. */
#define BROKEN(what, error) \
  G_STMT_START { \
    g_printerr ("fuzz-design-file: %s: %s\n", what, (error) ? (error)->message : "no error"); \
    abort (); \
  } G_STMT_END

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static McStore *
shared_store (void)
{
  static McStore *store = NULL;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;

      mc_core_init ();
      store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  McStore *store = shared_store ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(McDesignFile) file = NULL;
  g_autoptr(McDesignFile) again = NULL;
  g_autoptr(McDesign) stored = NULL;
  g_autoptr(McDesign) replaced = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  file = mc_design_io_parse (bytes, &error);
  if (file == NULL)
    {
      /* Refusals must say why. */
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        BROKEN ("refused without a message", error);
      return 0;
    }

  /* Replacing a draft takes the file's content but keeps the stored
   * state: only the workflow changes a design's state. */
  replaced = mc_store_find_design_by_uuid (store, mc_design_get_uuid (file->design), NULL);
  id = mc_design_io_import (store, file, TRUE, &error);
  if (id == 0)
    {
      /* A parsed file may still be refused by the database (a unit code
       * reused with another meaning is fine); but never silently. */
      if (error == NULL)
        BROKEN ("import failed without a message", error);
      return 0;
    }

  stored = mc_store_load_design (store, id, &error);
  if (stored == NULL)
    BROKEN ("the imported design does not load", error);
  exported = mc_design_io_serialize (store, stored, &error);
  if (exported == NULL)
    BROKEN ("the imported design does not export", error);
  again = mc_design_io_parse (exported, &error);
  if (again == NULL)
    BROKEN ("the exported file is refused", error);
  if (!mc_revision_equal (mc_design_get_content (again->design), mc_design_get_content (file->design)) ||
      g_strcmp0 (mc_design_get_uuid (again->design), mc_design_get_uuid (file->design)) != 0 ||
      mc_design_get_state (again->design) != mc_design_get_state (replaced != NULL ? replaced : file->design))
    BROKEN ("the exported file differs from the imported one", error);
  return 0;
}
