/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-credential-document.h"

G_BEGIN_DECLS

/* A date ("2025-09-01", taken as midnight UTC) or a dateTime with a time
 * zone, written as a dateTime in UTC: "2025-09-01T00:00:00Z".  @what names
 * the value in the MC_OB3_ERROR_MALFORMED message ("the start of the
 * offering").  Returns: (transfer full) (nullable) */
char     *_mc_credential_document_format_datetime (const char  *text,
                                                   const char  *what,
                                                   GError     **error);
/* The same date as seconds since 1970 (a JWT NumericDate). */
gint64    _mc_credential_document_unix_time       (const char  *text);

G_END_DECLS
