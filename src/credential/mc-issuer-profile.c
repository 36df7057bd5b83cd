/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-credential-document.h"
#include "mc-issuer-profile.h"
#include "mc-ob3-json-private.h"

#define MAX_IMAGE_SIZE (512 * 1024)

struct _McIssuerProfile
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *url;
  char    *email;
  char    *country;
  char    *legal_identifier;
  char    *description;
  char    *image_uri;        /* data: URI or address */
  gboolean image_embedded;   /* image_uri is a data: URI */
};

G_DEFINE_FINAL_TYPE (McIssuerProfile, mc_issuer_profile, G_TYPE_OBJECT)

static void
mc_issuer_profile_finalize (GObject *object)
{
  McIssuerProfile *self = MC_ISSUER_PROFILE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->url);
  g_free (self->email);
  g_free (self->country);
  g_free (self->legal_identifier);
  g_free (self->description);
  g_free (self->image_uri);
  G_OBJECT_CLASS (mc_issuer_profile_parent_class)->finalize (object);
}

static void
mc_issuer_profile_class_init (McIssuerProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_issuer_profile_finalize;
}

static void
mc_issuer_profile_init (McIssuerProfile *self)
{
}

McIssuerProfile *
mc_issuer_profile_new (const char *id,
                       const char *name)
{
  McIssuerProfile *self;

  g_return_val_if_fail (id != NULL && strchr (id, ':') != NULL, NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  self = g_object_new (MC_TYPE_ISSUER_PROFILE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  return self;
}

const char *
mc_issuer_profile_get_id (McIssuerProfile *self)
{
  g_return_val_if_fail (MC_IS_ISSUER_PROFILE (self), NULL);
  return self->id;
}

const char *
mc_issuer_profile_get_name (McIssuerProfile *self)
{
  g_return_val_if_fail (MC_IS_ISSUER_PROFILE (self), NULL);
  return self->name;
}

/* Stores a copy, or NULL for NULL and "". */
static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

void
mc_issuer_profile_set_url (McIssuerProfile *self,
                           const char      *url)
{
  g_return_if_fail (MC_IS_ISSUER_PROFILE (self));
  replace (&self->url, url);
}

void
mc_issuer_profile_set_email (McIssuerProfile *self,
                             const char      *email)
{
  g_return_if_fail (MC_IS_ISSUER_PROFILE (self));
  replace (&self->email, email);
}

void
mc_issuer_profile_set_country (McIssuerProfile *self,
                               const char      *country_code)
{
  g_return_if_fail (MC_IS_ISSUER_PROFILE (self));
  g_return_if_fail (country_code == NULL || *country_code == '\0' ||
                    (strlen (country_code) == 2 &&
                     g_ascii_isalpha (country_code[0]) && g_ascii_isalpha (country_code[1])));

  g_free (self->country);
  self->country = country_code != NULL && *country_code != '\0' ? g_ascii_strup (country_code, -1) : NULL;
}

void
mc_issuer_profile_set_legal_identifier (McIssuerProfile *self,
                                        const char      *identifier)
{
  g_return_if_fail (MC_IS_ISSUER_PROFILE (self));
  replace (&self->legal_identifier, identifier);
}

void
mc_issuer_profile_set_description (McIssuerProfile *self,
                                   const char      *description)
{
  g_return_if_fail (MC_IS_ISSUER_PROFILE (self));
  replace (&self->description, description);
}

void
mc_issuer_profile_set_image_url (McIssuerProfile *self,
                                 const char      *url)
{
  g_return_if_fail (MC_IS_ISSUER_PROFILE (self));
  replace (&self->image_uri, url);
  self->image_embedded = FALSE;
}

static const char *
image_mime_type (const guint8 *data,
                 gsize         size)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };

  if (size >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  if (size >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    return "image/jpeg";
  return NULL;
}

gboolean
mc_issuer_profile_set_image (McIssuerProfile *self,
                             GBytes          *image,
                             GError         **error)
{
  const guint8 *data;
  gsize size;
  const char *mime_type;
  g_autofree char *base64 = NULL;

  g_return_val_if_fail (MC_IS_ISSUER_PROFILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (image == NULL)
    {
      mc_issuer_profile_set_image_url (self, NULL);
      return TRUE;
    }
  data = g_bytes_get_data (image, &size);
  if (size > MAX_IMAGE_SIZE)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_TOO_LARGE,
                   _("The logo is larger than %u KiB; please use a smaller image."),
                   MAX_IMAGE_SIZE / 1024);
      return FALSE;
    }
  mime_type = image_mime_type (data, size);
  if (mime_type == NULL)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED,
                   _("The logo is neither a PNG nor a JPEG image."));
      return FALSE;
    }
  base64 = g_base64_encode (data, size);
  g_free (self->image_uri);
  self->image_uri = g_strconcat ("data:", mime_type, ";base64,", base64, NULL);
  self->image_embedded = TRUE;
  return TRUE;
}

static void
add_image (JsonBuilder *builder,
           const char  *uri)
{
  json_builder_set_member_name (builder, "image");
  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "id", uri);
  _mc_ob3_json_add_string (builder, "type", "Image");
  json_builder_end_object (builder);
}

static void
add_legal_identifier (JsonBuilder *builder,
                      const char  *identifier)
{
  json_builder_set_member_name (builder, "otherIdentifier");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "type", "IdentifierEntry");
  _mc_ob3_json_add_string (builder, "identifier", identifier);
  /* The OB vocabulary has no "legal identifier"; "identifier" is its
   * generic entry for an identifier of the described entity. */
  _mc_ob3_json_add_string (builder, "identifierType", "identifier");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_address (JsonBuilder *builder,
             const char  *country)
{
  json_builder_set_member_name (builder, "address");
  json_builder_begin_object (builder);
  _mc_ob3_json_add_type (builder, "Address");
  _mc_ob3_json_add_string (builder, "addressCountryCode", country);
  json_builder_end_object (builder);
}

/**
 * mc_issuer_profile_to_json:
 * @self: a profile
 * @full: the standalone document rather than the embedded issuer
 *
 * Returns: (transfer full): the Profile as a JSON object
 */
JsonNode *
mc_issuer_profile_to_json (McIssuerProfile *self,
                           gboolean         full)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (MC_IS_ISSUER_PROFILE (self), NULL);

  json_builder_begin_object (builder);
  if (full)
    {
      json_builder_set_member_name (builder, "@context");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, MC_OB3_CONTEXT_VC);
      json_builder_add_string_value (builder, MC_OB3_CONTEXT_OB);
      json_builder_end_array (builder);
    }
  _mc_ob3_json_add_string (builder, "id", self->id);
  _mc_ob3_json_add_type (builder, "Profile");
  _mc_ob3_json_add_string (builder, "name", self->name);
  _mc_ob3_json_add_string (builder, "url", self->url);
  _mc_ob3_json_add_string (builder, "email", self->email);
  if (full)
    _mc_ob3_json_add_string (builder, "description", self->description);
  if (self->image_uri != NULL && (full || !self->image_embedded))
    add_image (builder, self->image_uri);
  if (self->country != NULL)
    add_address (builder, self->country);
  if (self->legal_identifier != NULL)
    add_legal_identifier (builder, self->legal_identifier);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
