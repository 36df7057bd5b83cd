/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-credential-error.h"

G_DEFINE_QUARK (mc-credential-error-quark, mc_credential_error)
