/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-credential-document.h"
#include "mc-credential-urls.h"
#include "mc-credential-verifier-private.h"
#include "mc-status-list.h"

/* The status check.  Our own credentials (signed with one of the
 * institution's keys, with a store set) are checked against the register,
 * which knows the reason and the date.  Otherwise the status lists given
 * are used: Open Badges 3.0 allows one credentialStatus, so a credential
 * names its revocation list, and the suspension list with the same
 * position lives at the sibling address ("…/status/suspension/<n>" beside
 * "…/status/revocation/<n>", see docs/credential-format.md). */

#define REVOCATION "revocation"
#define SUSPENSION "suspension"

void
_mc_status_list_source_free (McStatusListSource *source)
{
  g_free (source->purpose);
  _mc_signed_text_free (source->list);
  g_free (source);
}

static gboolean
is_purpose (const char *purpose)
{
  return g_strcmp0 (purpose, REVOCATION) == 0 || g_strcmp0 (purpose, SUSPENSION) == 0;
}

/* The purpose the list states, when the caller gave none. */
static const char *
stated_purpose (McSignedText  *list,
                GError       **error)
{
  JsonObject *subject = _mc_json_get_object (json_node_get_object (list->credential), "credentialSubject");
  const char *purpose = _mc_json_get_string (subject, "statusPurpose");

  if (is_purpose (purpose))
    return purpose;
  g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
                       _("It does not say whether it lists revoked or suspended credentials."));
  return NULL;
}

gboolean
mc_credential_verifier_set_status_list (McCredentialVerifier *self,
                                        const char           *purpose,
                                        const char           *text,
                                        GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(McSignedText) list = NULL;
  McStatusListSource *source;

  g_return_val_if_fail (MC_IS_CREDENTIAL_VERIFIER (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (purpose != NULL && !is_purpose (purpose))
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
                   _("“%s” is not a purpose of a status list (revocation or suspension)."), purpose);
      return FALSE;
    }
  bytes = g_bytes_new_static (text, strnlen (text, MC_CREDENTIAL_VERIFIER_MAX_SIZE + 1));
  trimmed = mc_credential_verifier_bytes_to_text (bytes, error);
  if (trimmed != NULL)
    list = _mc_signed_text_parse (trimmed, error);
  if (list != NULL && purpose == NULL)
    purpose = stated_purpose (list, error);
  if (list == NULL || purpose == NULL)
    {
      g_prefix_error (error, "%s", _("The status list cannot be read. "));
      return FALSE;
    }
  source = g_new0 (McStatusListSource, 1);
  source->purpose = g_strdup (purpose);
  source->list = g_steal_pointer (&list);
  g_ptr_array_add (self->status_lists, source);
  return TRUE;
}

gboolean
mc_credential_verifier_load_status_list_file (McCredentialVerifier *self,
                                              const char           *purpose,
                                              const char           *path,
                                              GError              **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (MC_IS_CREDENTIAL_VERIFIER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  bytes = _mc_credential_verifier_read_file (file, NULL, error);
  if (bytes == NULL)
    return FALSE;
  text = mc_credential_verifier_bytes_to_text (bytes, error);
  if (text == NULL)
    {
      g_prefix_error (error, "%s", _("The status list cannot be read. "));
      return FALSE;
    }
  return mc_credential_verifier_set_status_list (self, purpose, text, error);
}

/* The register */

static char *
format_unix_date (gint64 seconds)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (seconds);

  return _mc_verification_format_date (date);
}

/* @detail, with the reason the registrar gave when there is one. */
static void
fail_with_reason (McVerifying      *v,
                  McCredentialError code,
                  char             *detail,
                  char             *reason)
{
  const char *why = v->record->status_reason;
  g_autofree char *full = NULL;

  if (why != NULL && why[0] != '\0')
    /* Translators: what happened to the credential, then the reason the registrar gave */
    full = g_strdup_printf (_("%s Reason given: %s"), detail, why);
  _mc_verification_fail (v->result, MC_CHECK_STATUS, code, full != NULL ? full : detail, reason);
  g_free (detail);
  g_free (reason);
}

static void
check_state (McVerifying *v)
{
  g_autofree char *date = format_unix_date (v->record->status_changed_at);

  switch (v->record->state)
    {
    case MC_CREDENTIAL_STATE_ACTIVE:
      _mc_verification_pass (v->result, MC_CHECK_STATUS,
                             _("Neither revoked nor suspended, according to this institution's register."));
      break;
    case MC_CREDENTIAL_STATE_SUSPENDED:
      /* Translators: a date */
      fail_with_reason (v, MC_CREDENTIAL_ERROR_SUSPENDED, g_strdup_printf (_("Suspended on %s."), date),
                        g_strdup_printf (_("this credential was suspended on %s"), date));
      break;
    case MC_CREDENTIAL_STATE_REVOKED:
      fail_with_reason (v, MC_CREDENTIAL_ERROR_REVOKED, g_strdup_printf (_("Revoked on %s."), date),
                        g_strdup_printf (_("this credential was revoked on %s"), date));
      break;
    case MC_CREDENTIAL_STATE_SUPERSEDED:
      fail_with_reason (v, MC_CREDENTIAL_ERROR_REVOKED,
                        g_strdup_printf (_("Replaced by a corrected credential on %s."), date),
                        g_strdup_printf (_("this credential was replaced by a corrected one on %s"), date));
      break;
    case MC_CREDENTIAL_STATE_PENDING:
    default:
      _mc_verification_fail (v->result, MC_CHECK_STATUS, MC_CREDENTIAL_ERROR_FAILED,
                             _("The register holds this credential as not yet issued."),
                             _("it has not been issued yet"));
      break;
    }
}

static gboolean
check_register (McVerifying  *v,
                GError      **error)
{
  const char *id = _mc_json_get_string (v->credential, "id");
  g_autoptr(GError) local_error = NULL;

  if (v->record == NULL && id != NULL)
    {
      v->record = mc_store_find_credential (v->verifier->store, id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (v->record == NULL)
    {
      _mc_verification_fail (v->result, MC_CHECK_STATUS, MC_CREDENTIAL_ERROR_FAILED,
                             _("It was signed with this institution's key, but its register has no "
                               "record of this credential."),
                             _("this institution has no record of issuing it"));
      return TRUE;
    }
  check_state (v);
  return TRUE;
}

/* Status lists */

/* One list the credential's status is in. */
typedef struct {
  const char *purpose;
  char       *url;
  guint       index;
} Need;

static void
need_clear (Need *need)
{
  g_free (need->url);
}

static const char *
list_label (const char *purpose)
{
  return g_str_equal (purpose, REVOCATION) ? _("revocation list") : _("suspension list");
}

/* The lists the credential's status entry points at (revocation first),
 * or an empty array when it has none we can check. */
static GArray *
find_needs (JsonObject *credential)
{
  JsonObject *entry = _mc_json_get_object (credential, "credentialStatus");
  GArray *needs = g_array_new (FALSE, TRUE, sizeof (Need));
  const char *purpose = _mc_json_get_string (entry, "statusPurpose");
  const char *url = _mc_json_get_string (entry, "statusListCredential");
  const char *index = _mc_json_get_string (entry, "statusListIndex");
  guint64 value;
  Need need = { 0 };

  g_array_set_clear_func (needs, (GDestroyNotify) need_clear);
  if (g_strcmp0 (_mc_json_get_string (entry, "type"), "BitstringStatusListEntry") != 0 || url == NULL ||
      index == NULL || !g_ascii_string_to_unsigned (index, 10, 0, G_MAXUINT, &value, NULL) ||
      (g_strcmp0 (purpose, REVOCATION) != 0 && g_strcmp0 (purpose, SUSPENSION) != 0))
    return needs;

  need.purpose = g_str_equal (purpose, REVOCATION) ? REVOCATION : SUSPENSION;
  need.url = g_strdup (url);
  need.index = (guint) value;
  g_array_append_val (needs, need);
  if (g_str_equal (need.purpose, REVOCATION) && (need.url = mc_credential_urls_sibling_suspension (url)) != NULL)
    {
      need.purpose = SUSPENSION;
      g_array_append_val (needs, need);
    }
  return needs;
}

static McStatusListSource *
find_source (McCredentialVerifier *self,
             const Need           *need)
{
  for (guint i = 0; i < self->status_lists->len; i++)
    {
      McStatusListSource *source = g_ptr_array_index (self->status_lists, i);
      JsonObject *list = json_node_get_object (source->list->credential);

      if (g_str_equal (source->purpose, need->purpose) &&
          g_strcmp0 (_mc_json_get_string (list, "id"), need->url) == 0)
        return source;
    }
  return NULL;
}

static gboolean
refuse_list (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED, message);
  return FALSE;
}

/* What the list says about itself: its kind, purpose, issuer and dates. */
static gboolean
check_list_document (McVerifying  *v,
                     const Need   *need,
                     JsonObject   *list,
                     GError      **error)
{
  JsonObject *subject = _mc_json_get_object (list, "credentialSubject");
  JsonNode *types = json_object_get_member (list, "type");
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  gboolean typed = FALSE;

  for (guint i = 0; types != NULL && JSON_NODE_HOLDS_ARRAY (types) && i < json_array_get_length (json_node_get_array (types)); i++)
    typed |= g_strcmp0 (json_array_get_string_element (json_node_get_array (types), i),
                        "BitstringStatusListCredential") == 0;
  if (!typed || g_strcmp0 (_mc_json_get_string (subject, "type"), "BitstringStatusList") != 0)
    return refuse_list (error, _("it is not a Bitstring Status List credential."));
  if (g_strcmp0 (_mc_json_get_string (subject, "statusPurpose"), need->purpose) != 0)
    return refuse_list (error, _("it is a list of another purpose."));
  if (g_strcmp0 (_mc_credential_get_issuer_id (list), _mc_credential_get_issuer_id (v->credential)) != 0)
    return refuse_list (error, _("it was published by another issuer than the credential's."));
  if (!mc_credential_document_parse_datetime (_mc_json_get_string (list, "validFrom"), &from) ||
      g_date_time_compare (v->now, from) < 0)
    return refuse_list (error, _("it has no valid date of publication, or one in the future."));
  if (json_object_has_member (list, "validUntil") &&
      (!mc_credential_document_parse_datetime (_mc_json_get_string (list, "validUntil"), &until) ||
       g_date_time_compare (v->now, until) >= 0))
    return refuse_list (error, _("it is out of date; fetch the current one from the issuer."));
  return TRUE;
}

/* Whether the list marks the credential: @marked.  FALSE, with a reason
 * in @error, when the list cannot be used; FALSE with an error outside
 * MC_CREDENTIAL_ERROR when the database cannot be read. */
static gboolean
read_list (McVerifying         *v,
           const Need          *need,
           McStatusListSource  *source,
           gboolean            *marked,
           GError             **error)
{
  JsonObject *list = json_node_get_object (source->list->credential);
  g_autoptr(McFoundKey) key = NULL;
  g_autoptr(GBytes) bits = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *encoded;
  gboolean unknown_key;

  key = _mc_credential_verifier_check_signature (v->verifier, source->list, &unknown_key, &local_error);
  if (key == NULL && local_error->domain != MC_CREDENTIAL_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (key == NULL)
    return refuse_list (error, unknown_key ? _("it is signed with a key this institution does not know.")
                                           : _("its signature does not match."));
  if (!check_list_document (v, need, list, error))
    return FALSE;
  encoded = _mc_json_get_string (_mc_json_get_object (list, "credentialSubject"), "encodedList");
  bits = encoded != NULL ? mc_status_list_decode (encoded, &local_error) : NULL;
  if (bits == NULL || !mc_status_list_get_bit (bits, need->index, marked, &local_error))
    return refuse_list (error, local_error != NULL ? local_error->message : _("it holds no list."));
  return TRUE;
}

static void
fail_marked (McVerifying *v,
             const Need  *need,
             JsonObject  *list)
{
  g_autoptr(GDateTime) published = NULL;
  g_autofree char *date = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *reason = NULL;
  gboolean revoked = g_str_equal (need->purpose, REVOCATION);

  mc_credential_document_parse_datetime (_mc_json_get_string (list, "validFrom"), &published);
  date = _mc_verification_format_date (published);
  /* Translators: the date the issuer published its list */
  detail = g_strdup_printf (revoked ? _("Revoked: the issuer's revocation list of %s marks it.")
                                    : _("Suspended: the issuer's suspension list of %s marks it."), date);
  reason = g_strdup_printf (revoked ? _("this credential was revoked (the issuer's list of %s says so)")
                                    : _("this credential is suspended (the issuer's list of %s says so)"), date);
  _mc_verification_fail (v->result, MC_CHECK_STATUS,
                         revoked ? MC_CREDENTIAL_ERROR_REVOKED : MC_CREDENTIAL_ERROR_SUSPENDED, detail, reason);
}

static void
skip_status (McVerifying *v,
             const char  *detail)
{
  _mc_verification_skip (v->result, MC_CHECK_STATUS, detail, _("its status could not be checked"));
}

/* Checks every list of @needs; the first that marks the credential
 * decides (the check fails).  @unusable: why a list could not be used.
 * FALSE only when the database cannot be read. */
static gboolean
check_needs (McVerifying  *v,
             GArray       *needs,
             char        **unusable,
             GError      **error)
{
  for (guint i = 0; i < needs->len; i++)
    {
      const Need *need = &g_array_index (needs, Need, i);
      McStatusListSource *source = find_source (v->verifier, need);
      g_autoptr(GError) local_error = NULL;
      gboolean marked = FALSE;

      if (source == NULL)
        {
          if (*unusable == NULL)
            /* Translators: "revocation list" or "suspension list", then its address */
            *unusable = g_strdup_printf (_("Not checked: the %s %s was not given."), list_label (need->purpose),
                                         need->url);
          continue;
        }
      if (!read_list (v, need, source, &marked, &local_error))
        {
          if (local_error->domain != MC_CREDENTIAL_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (*unusable == NULL)
            /* Translators: "revocation list" or "suspension list", then why it cannot be used */
            *unusable = g_strdup_printf (_("Not checked: the %s given cannot be used: %s"),
                                         list_label (need->purpose), local_error->message);
          continue;
        }
      if (marked)
        {
          fail_marked (v, need, json_node_get_object (source->list->credential));
          return TRUE;
        }
    }
  return TRUE;
}

static gboolean
check_lists (McVerifying  *v,
             GError      **error)
{
  g_autoptr(GArray) needs = find_needs (v->credential);
  g_autofree char *unusable = NULL;
  g_autofree char *detail = NULL;

  if (needs->len == 0)
    {
      if (json_object_has_member (v->credential, "credentialStatus"))
        skip_status (v, _("Not checked: the credential's status entry is not a Bitstring Status List entry."));
      else
        _mc_verification_pass (v->result, MC_CHECK_STATUS,
                               _("The credential has no status entry: its issuer cannot revoke or suspend it."));
      return TRUE;
    }
  if (v->verifier->status_lists->len == 0)
    {
      /* Translators: the address of the issuer's revocation list */
      detail = g_strdup_printf (_("Not checked: no status list was given. The issuer publishes it at %s."),
                                g_array_index (needs, Need, 0).url);
      skip_status (v, detail);
      return TRUE;
    }
  if (!check_needs (v, needs, &unusable, error))
    return FALSE;
  if (_mc_verification_get_outcome (v->result, MC_CHECK_STATUS) == MC_CHECK_OUTCOME_FAILED)
    return TRUE;
  if (unusable != NULL)
    skip_status (v, unusable);
  else
    _mc_verification_pass (v->result, MC_CHECK_STATUS,
                           _("Neither revoked nor suspended, according to the issuer's status lists."));
  return TRUE;
}

gboolean
_mc_verifying_check_status (McVerifying  *v,
                            GError      **error)
{
  if (v->verifier->store != NULL && v->key != NULL && v->key->record != NULL)
    return check_register (v, error);
  return check_lists (v, error);
}
