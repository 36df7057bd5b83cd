/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-certificate-content.h"

G_BEGIN_DECLS

/* Adds the supplement's sections described by @revision. */
void _mc_certificate_content_add_revision_sections (McCertificateContent *self,
                                                    McRevision           *revision);

G_END_DECLS
