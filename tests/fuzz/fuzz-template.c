/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for review templates, which administrators write and
 * exchange: any bytes go through the template parser; whatever it accepts
 * must pass mc_template_check() and survive a round trip through
 * mc_template_to_json() unchanged, byte for byte. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "mc-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define BROKEN(what, detail) \
  G_STMT_START { \
    g_printerr ("fuzz-template: %s: %s\n", what, detail); \
    abort (); \
  } G_STMT_END

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(McTemplate) template = NULL;
  g_autoptr(McTemplate) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  mc_core_init ();
  template = mc_template_new_from_json ((const char *) data, (gssize) size, &error);
  if (template == NULL)
    {
      if (error == NULL || error->message[0] == '\0')
        BROKEN ("refused without a message", "");
      return 0;
    }

  if (!mc_template_check (template, &error))
    BROKEN ("an accepted template fails the check", error->message);
  json = mc_template_to_json (template);
  again = mc_template_new_from_json (json, -1, &error);
  if (again == NULL)
    BROKEN ("a written template cannot be read back", error->message);
  if (!mc_template_equal_content (template, again))
    BROKEN ("a template changes on a round trip", json);
  json_again = mc_template_to_json (again);
  if (g_strcmp0 (json, json_again) != 0)
    BROKEN ("a template is written differently the second time", json);
  return 0;
}
