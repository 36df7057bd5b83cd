/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-recognition-text.h"

char *
mc_recognition_text_target (McStore             *store,
                            const McRecognition *recognition)
{
  g_autoptr(McDesign) design = NULL;
  const char *title = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (recognition != NULL, NULL);

  if (recognition->programme != NULL)
    return g_strdup (recognition->programme);
  design = mc_store_load_design (store, recognition->design_id, NULL);
  title = design != NULL ? mc_revision_get_title (mc_design_get_content (design)) : NULL;
  if (title == NULL || *title == '\0')
    /* Only drafts are ever deleted, and no credit goes towards a draft. */
    return g_strdup (_("one of our micro-credentials"));
  /* Translators: the title of one of our micro-credentials */
  return g_strdup_printf (_("“%s”"), title);
}

char *
mc_recognition_text_credit (McStore             *store,
                            const McRecognition *recognition)
{
  g_autofree char *target = mc_recognition_text_target (store, recognition);

  /* Translators: "5 ECTS towards “Data Ethics” · Credit transfer" */
  return g_strdup_printf (_("%g ECTS towards %s · %s"), recognition->ects, target,
                          mc_enum_label (MC_TYPE_CREDIT_ROUTE, recognition->route));
}
