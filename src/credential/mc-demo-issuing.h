/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-workflow.h"

G_BEGIN_DECLS

/* Issuing in the demo institution, after mc_demo_populate(): the
 * institution's verification address, legal identifier and signatory; an
 * RSA signing key (with a self-signed certificate) whose passphrase is
 * MC_DEMO_KEY_PASSPHRASE; an offering of an active design whose twelve
 * results (one failed) are ready to issue; and an earlier offering
 * already issued, one of its credentials revoked, so that the register is
 * not empty.  Everything is recorded as the administrator @admin sets it
 * up and as the demo's registrar issues.  A database in memory cannot
 * keep keys: it gets the settings and the offering ready to issue only.
 * Settings already made are kept. */

#define MC_DEMO_KEY_PASSPHRASE "microcred-demo"

gboolean mc_demo_issuing_populate (McWorkflow  *admin,
                                   GError     **error);

G_END_DECLS
