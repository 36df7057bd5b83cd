/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* How the windows describe a recognition decision. */

/* What the credit goes towards: “Title” of our micro-credential, or the
 * programme's name (newly allocated). */
char *mc_recognition_text_target  (McStore             *store,
                                   const McRecognition *recognition);
/* "5 ECTS towards “Data Ethics” · Credit transfer" (newly allocated). */
char *mc_recognition_text_credit  (McStore             *store,
                                   const McRecognition *recognition);

G_END_DECLS
