/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-application.h"

G_BEGIN_DECLS

/* Says in the main window's header bar that the application publishes
 * (mc_application_get_publishing_service()), which goes on after the
 * administration window is closed: a button, shown only while
 * publishing, whose popover says "Publishing at <address>" and has
 * Publishing Settings… (the window action "win.show-publishing").
 * Property "application" (nullable: never shown). */

#define MC_TYPE_PUBLISHING_INDICATOR (mc_publishing_indicator_get_type ())
G_DECLARE_FINAL_TYPE (McPublishingIndicator, mc_publishing_indicator, MC, PUBLISHING_INDICATOR, AdwBin)

McPublishingIndicator *mc_publishing_indicator_new             (void);
void                   mc_publishing_indicator_set_application (McPublishingIndicator *self,
                                                                McApplication         *application);
/* What the popover says ("Publishing at …"), or NULL while hidden. */
const char            *mc_publishing_indicator_get_text        (McPublishingIndicator *self);

G_END_DECLS
