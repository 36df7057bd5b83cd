/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "mc-publishing-service.h"

G_BEGIN_DECLS

struct _McPublishingService
{
  GObject        parent_instance;

  McPublication *publication;
  SoupServer    *server;
  GMainContext  *context;     /* where the server runs and answers */
  GThreadPool   *workers;     /* Request jobs */
  guint          request_timeout;
};

/* mc-publishing-service-requests.c */
void _mc_publishing_service_connect_handlers (McPublishingService *self);
/* A worker of the pool: builds the document of a request. */
void _mc_publishing_service_work             (gpointer             job,
                                              gpointer             user_data);
void _mc_publishing_service_free_workers     (GThreadPool         *workers);

G_END_DECLS
