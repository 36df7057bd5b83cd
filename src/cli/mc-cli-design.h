/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-cli-context.h"

G_BEGIN_DECLS

/* "mcred design …": list, show, import, export, validate. */
int mc_cli_design_run      (McCliContext *ctx, int argc, char **argv);
/* "mcred design import" and "export" (mc-cli-design-io.c). */
int mc_cli_design_import   (McCliContext *ctx, int argc, char **argv);
int mc_cli_design_export   (McCliContext *ctx, int argc, char **argv);
/* "mcred design validate" (mc-cli-validate.c). */
int mc_cli_design_validate (McCliContext *ctx, int argc, char **argv);
/* "mcred design submit", "withdraw", "activate" …: the command's name says
 * which move of the workflow (mc-cli-workflow.c). */
int mc_cli_design_transition     (McCliContext *ctx, int argc, char **argv);
int mc_cli_design_conditions     (McCliContext *ctx, int argc, char **argv);
int mc_cli_design_meet_condition (McCliContext *ctx, int argc, char **argv);

/* Reads and checks a design exchange file ("-": standard input); prints
 * the error itself. */
McDesignFile *mc_cli_read_design_file (const char *name);
/* Writes the exchange file of @design to standard output; prints the error
 * itself, about @ref (the ID or UUID it was given as).  Returns the exit
 * status. */
int           mc_cli_print_design_file (McStore    *store,
                                        McDesign   *design,
                                        const char *ref);

G_END_DECLS
