/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The credential layer: keys, signatures and signed credentials, with
 * GnuTLS for the cryptography. */

#include "mc-base-encoding.h"
#include "mc-credential-error.h"
#include "mc-credential-urls.h"
#include "mc-data-integrity.h"
#include "mc-jcs.h"
#include "mc-jws.h"
#include "mc-public-key.h"
#include "mc-signing-key.h"
#include "mc-strict-json.h"
