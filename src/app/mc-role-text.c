/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-role-text.h"

static const char *
unit_name (GListModel *units,
           gint64      unit_id)
{
  for (guint i = 0; units != NULL && i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(McUnit) unit = g_list_model_get_item (units, i);

      if (mc_unit_get_id (unit) == unit_id)
        return mc_unit_get_name (unit);
    }
  return NULL;
}

char *
mc_role_text_for_grant (const McRoleGrant *grant,
                        GListModel        *units)
{
  const char *role = mc_enum_label (MC_TYPE_ROLE, grant->role);
  const char *unit = NULL;

  if (grant->unit_id == 0)
    return g_strdup (role);

  unit = unit_name (units, grant->unit_id);
  /* Translators: a role held for one academic unit, "Reviewer (School of Computing)" */
  return g_strdup_printf (_("%s (%s)"), role, unit != NULL ? unit : _("unknown unit"));
}

char *
mc_role_text_for_person (GPtrArray  *grants,
                         gint64      person_id,
                         GListModel *units)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; grants != NULL && i < grants->len; i++)
    {
      const McRoleGrant *grant = g_ptr_array_index (grants, i);

      if (grant->person_id == person_id)
        g_ptr_array_add (parts, mc_role_text_for_grant (grant, units));
    }
  if (parts->len == 0)
    return g_strdup (_("No roles"));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates a person's roles */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}
