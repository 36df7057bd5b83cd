/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-store.h"

G_BEGIN_DECLS

/* Fills an empty database with the demo institution (data/demo/): three
 * academic units, a handful of people and about ten designs in realistic
 * states of completeness.  One transaction; refused if the database already
 * holds designs. */
gboolean mc_demo_populate (McStore *store, GError **error);

/* The demo institution's name and two-letter country code (newly
 * allocated), so the application can preset its preferences. */
gboolean mc_demo_get_institution (char **name, char **country, GError **error);

G_END_DECLS
