/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Secrets for automation (a key's passphrase, a PKCS #12 password) come
 * from a file or an inherited file descriptor, never from the command
 * line, where every user of the machine can read them in the process
 * list.  One trailing newline is stripped; the copies are wiped when
 * freed. */

#define MC_CLI_SECRET_MAX_BYTES 4096

typedef struct {
  char *file;   /* --passphrase-file */
  int   fd;     /* --passphrase-fd, -1 when not given */
} McCliPassphrase;

#define MC_CLI_PASSPHRASE_INIT { NULL, -1 }

/* The two options, for a GOptionEntry table. */
#define MC_CLI_PASSPHRASE_ENTRIES(p) \
  { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &(p)->file, \
    N_("Read the key’s passphrase from FILE"), N_("FILE") }, \
  { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &(p)->fd, \
    N_("Read the key’s passphrase from file descriptor N"), N_("N") }

/* A secret: wiped and freed by mc_cli_secret_free(). */
typedef char McCliSecret;

void         mc_cli_secret_free          (McCliSecret *secret);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McCliSecret, mc_cli_secret_free)

/* Refuses "--passphrase", "--passphrase=…", "--password" and the like
 * among @argv with a message saying where secrets come from; call before
 * parsing.  Returns FALSE when one was found (the message is printed). */
gboolean     mc_cli_passphrase_check_argv (int          argc,
                                           char       **argv);
gboolean     mc_cli_passphrase_given     (const McCliPassphrase *options);
/* Reads the passphrase the options name (exactly one of them must be
 * given).  Prints the problem and returns NULL on failure. */
McCliSecret *mc_cli_passphrase_read      (const McCliPassphrase *options);
/* Reads a secret from the file @path ("-" is not allowed: standard input
 * may be a terminal); prints the problem and returns NULL on failure. */
McCliSecret *mc_cli_secret_read_file     (const char *path);
void         mc_cli_passphrase_clear     (McCliPassphrase *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (McCliPassphrase, mc_cli_passphrase_clear)

G_END_DECLS
