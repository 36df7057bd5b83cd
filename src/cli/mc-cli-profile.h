/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-cli-context.h"

G_BEGIN_DECLS

/* "mcred profile …": list. */
int mc_cli_profile_run (McCliContext *ctx, int argc, char **argv);

G_END_DECLS
