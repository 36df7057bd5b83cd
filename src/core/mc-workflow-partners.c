/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-workflow-private.h"

/* Trusted partner issuers: administrators only.  The history names the
 * issuer and who listed or removed it; the list itself holds only the
 * partners of now. */

#define MAX_NAME 200
#define MAX_ISSUER_ID 2000

/* An issuer id as credentials write it: an absolute http(s) address or a
 * did:web, on one line, without spaces. */
static gboolean
check_issuer_id (const char  *issuer_id,
                 GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  gboolean web = FALSE;

  if (issuer_id != NULL && _mc_workflow_is_line (issuer_id, MAX_ISSUER_ID) && strchr (issuer_id, ' ') == NULL)
    {
      if (g_str_has_prefix (issuer_id, "did:web:") && issuer_id[strlen ("did:web:")] != '\0')
        return TRUE;
      uri = g_uri_parse (issuer_id, G_URI_FLAGS_NONE, NULL);
      web = uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
            (g_str_equal (g_uri_get_scheme (uri), "https") || g_str_equal (g_uri_get_scheme (uri), "http"));
    }
  if (!web)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                 _("“%s” is not an issuer’s id: give the address its credentials name as issuer "
                   "(https://…) or its did:web"), issuer_id != NULL ? issuer_id : "");
  return web;
}

static gboolean
check_partner (McPartnerIssuer  *partner,
               GError    **error)
{
  g_autofree char *name = g_strstrip (g_strdup (partner->name != NULL ? partner->name : ""));

  if (!check_issuer_id (partner->issuer_id, error))
    return FALSE;
  if (*name == '\0' || !_mc_workflow_is_line (name, MAX_NAME))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("Give the partner’s name, on one line of up to %d characters"), MAX_NAME);
      return FALSE;
    }
  return _mc_workflow_check_reason (partner->note, FALSE, NULL, error);
}

static gboolean
add_partner_cb (McWorkflow  *self,
                gpointer     user_data,
                GError     **error)
{
  McPartnerIssuer *partner = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McPartnerIssuer) existing = mc_store_find_partner (self->store, partner->issuer_id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("%s is already a partner, as “%s”"), partner->issuer_id, existing->name);
      return FALSE;
    }
  return _mc_store_insert_partner (self->store, partner, error) &&
         _mc_workflow_record_admin (self, MC_ACTION_ADD_PARTNER, partner->issuer_id, partner->name, error);
}

/**
 * mc_workflow_add_partner:
 * @issuer_id: the issuer's id as its credentials write it
 * @name: the institution's name
 * @note: (nullable): why, or under which agreement
 *
 * Lists a trusted partner issuer, recording who added it and when.
 *
 * Returns: the partner's id, or 0 with @error set
 */
gint64
mc_workflow_add_partner (McWorkflow  *self,
                         const char  *issuer_id,
                         const char  *name,
                         const char  *note,
                         GError     **error)
{
  g_autoptr(McPartnerIssuer) partner = mc_partner_issuer_new ();

  g_return_val_if_fail (MC_IS_WORKFLOW (self), 0);

  partner->issuer_id = g_strdup (issuer_id);
  partner->name = g_strstrip (g_strdup (name != NULL ? name : ""));
  partner->note = g_strstrip (g_strdup (note != NULL ? note : ""));
  partner->added_at = g_get_real_time () / G_USEC_PER_SEC;
  partner->added_by = _mc_workflow_actor_id (self);
  if (!_mc_workflow_require_role (self, MC_ROLE_ADMINISTRATOR, 0, error) ||
      !check_partner (partner, error) ||
      !_mc_workflow_run (self, add_partner_cb, partner, error))
    return 0;
  return partner->id;
}

static gboolean
remove_partner_cb (McWorkflow  *self,
                   gpointer     user_data,
                   GError     **error)
{
  const char *issuer_id = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McPartnerIssuer) partner = mc_store_find_partner (self->store, issuer_id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (partner == NULL)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("%s is not one of the partners"), issuer_id);
      return FALSE;
    }
  return _mc_store_delete_partner (self->store, partner->id, error) &&
         _mc_workflow_record_admin (self, MC_ACTION_REMOVE_PARTNER, partner->issuer_id, partner->name, error);
}

/**
 * mc_workflow_remove_partner:
 * @issuer_id: a partner's issuer id
 *
 * Removes a trusted partner issuer; the history keeps that it was one.
 *
 * Returns: %TRUE when it was removed
 */
gboolean
mc_workflow_remove_partner (McWorkflow  *self,
                            const char  *issuer_id,
                            GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (issuer_id != NULL, FALSE);

  return _mc_workflow_require_role (self, MC_ROLE_ADMINISTRATOR, 0, error) &&
         _mc_workflow_run (self, remove_partner_cb, (gpointer) issuer_id, error);
}
