/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-publishing-service.h"

G_BEGIN_DECLS

/* The settings schema id stays the same in .Devel builds (the application
 * id does not), and the key names are kept here, in one place. */
#define MC_SETTINGS_SCHEMA               "io.github.microcred.Microcred"
#define MC_SETTINGS_PROFILES             "profiles"
/* Read once, to move them into the database (see MC_SETTING_INSTITUTION_*) */
#define MC_SETTINGS_INSTITUTION_NAME     "institution-name"
#define MC_SETTINGS_INSTITUTION_COUNTRY  "institution-country"
#define MC_SETTINGS_WINDOW_WIDTH         "window-width"
#define MC_SETTINGS_WINDOW_HEIGHT        "window-height"
#define MC_SETTINGS_WINDOW_MAXIMIZED     "window-maximized"
#define MC_SETTINGS_LAST_DESIGN          "last-design"

#define MC_TYPE_APPLICATION (mc_application_get_type ())
G_DECLARE_FINAL_TYPE (McApplication, mc_application, MC, APPLICATION, AdwApplication)

McApplication *mc_application_new           (void);
/* The open database, or NULL when it could not be opened (transfer none). */
McStore       *mc_application_get_store     (McApplication *self);
McValidator   *mc_application_get_validator (McApplication *self);
GSettings     *mc_application_get_settings  (McApplication *self);
/* Reads the institution's name and country from the database again and
 * checks the open designs against them. */
void           mc_application_reload_institution (McApplication *self);

/* Publishing: the application runs the publishing service, whichever
 * window started it, until it is stopped or the application shuts down;
 * closing the administration window leaves it running.  The property
 * "publishing-service" (read-only) is the running service, or NULL, and
 * is notified when publishing starts or stops. */
/* Returns: (transfer none) (nullable): the running service */
McPublishingService *mc_application_get_publishing_service (McApplication *self);
/* Starts a service for @publication on @address (NULL: 127.0.0.1) and
 * @port (0: any free one), over HTTPS with @tls_certificate when given,
 * @key signing the status lists; the errors of
 * mc_publishing_service_start().  Fails with G_IO_ERROR_EXISTS while one
 * runs. */
gboolean       mc_application_start_publishing   (McApplication    *self,
                                                  McPublication    *publication,
                                                  const char       *address,
                                                  guint             port,
                                                  GTlsCertificate  *tls_certificate,
                                                  McSigningKey     *key,
                                                  GError          **error);
/* Stops the running service, if any. */
void           mc_application_stop_publishing    (McApplication    *self);

G_END_DECLS
