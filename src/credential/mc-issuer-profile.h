/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The institution as an Open Badges 3.0 Profile: embedded as the issuer of
 * every credential, and published on its own at its id. */

#define MC_TYPE_ISSUER_PROFILE (mc_issuer_profile_get_type ())
G_DECLARE_FINAL_TYPE (McIssuerProfile, mc_issuer_profile, MC, ISSUER_PROFILE, GObject)

/* @id is a URI: an https address ("<verification address>/issuer") or a
 * did:web identifier. */
McIssuerProfile *mc_issuer_profile_new                  (const char      *id,
                                                         const char      *name);
const char      *mc_issuer_profile_get_id               (McIssuerProfile *self);
const char      *mc_issuer_profile_get_name             (McIssuerProfile *self);

/* Each setter takes NULL or "" to clear. */
void             mc_issuer_profile_set_url              (McIssuerProfile *self,
                                                         const char      *url);
void             mc_issuer_profile_set_email            (McIssuerProfile *self,
                                                         const char      *email);
/* ISO 3166-1 alpha-2 ("NL", "gr"); written in capitals. */
void             mc_issuer_profile_set_country          (McIssuerProfile *self,
                                                         const char      *country_code);
/* The institution's registration number (chamber of commerce, PIC, ...). */
void             mc_issuer_profile_set_legal_identifier (McIssuerProfile *self,
                                                         const char      *identifier);
void             mc_issuer_profile_set_description      (McIssuerProfile *self,
                                                         const char      *description);
/* The logo as a PNG or JPEG file, published as a data: URI in the full
 * profile.  Refuses other formats with MC_OB3_ERROR_MALFORMED and images
 * over 512 KiB with MC_OB3_ERROR_TOO_LARGE.  NULL clears. */
gboolean         mc_issuer_profile_set_image            (McIssuerProfile *self,
                                                         GBytes          *image,
                                                         GError         **error);
/* The logo as an address; embedded in credentials too. */
void             mc_issuer_profile_set_image_url        (McIssuerProfile *self,
                                                         const char      *url);

/* @full TRUE: the standalone Profile document with its @context, to be
 * published at the id.  FALSE: the issuer object embedded in a credential
 * (without @context, and without a data: logo, which would make every
 * credential tens of kilobytes larger).
 * Returns: (transfer full): a JSON object node */
JsonNode        *mc_issuer_profile_to_json              (McIssuerProfile *self,
                                                         gboolean         full);

G_END_DECLS
