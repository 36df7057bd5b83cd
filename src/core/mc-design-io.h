/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "mc-design.h"
#include "mc-store.h"

G_BEGIN_DECLS

/* The design exchange file (docs/design-format.md): a versioned JSON
 * document with one design, its unit (by code and name) and its revision
 * content.  Import is strict and bounded: files over MC_DESIGN_IO_MAX_BYTES,
 * invalid UTF-8, JSON nested deeper than MC_DESIGN_IO_MAX_DEPTH, an unknown
 * format or version, missing or mistyped fields are all refused with a
 * message naming the problem; nothing is written to the store then. */

#define MC_DESIGN_IO_FORMAT      "io.github.microcred.design"
#define MC_DESIGN_IO_VERSION     1
#define MC_DESIGN_IO_MAX_BYTES   (4 * 1024 * 1024)
#define MC_DESIGN_IO_MAX_DEPTH   32

#define MC_DESIGN_IO_ERROR (mc_design_io_error_quark ())
typedef enum {
  MC_DESIGN_IO_ERROR_TOO_LARGE,
  MC_DESIGN_IO_ERROR_ENCODING,
  MC_DESIGN_IO_ERROR_SYNTAX,
  MC_DESIGN_IO_ERROR_FORMAT,     /* not a design file, or unknown version */
  MC_DESIGN_IO_ERROR_INVALID,    /* a field is missing or wrong */
} McDesignIoError;
GQuark mc_design_io_error_quark (void);

/* A parsed design file, not yet in any database. */
typedef struct {
  McDesign *design;      /* id 0; uuid, state and content from the file */
  char     *unit_code;
  char     *unit_name;
  char     *owner_username;   /* NULL when the file names no owner */
  char     *owner_name;       /* NULL when the file gives only the user name */
  char     *owner_email;
} McDesignFile;

void          mc_design_file_free     (McDesignFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McDesignFile, mc_design_file_free)

McDesignFile *mc_design_io_parse      (GBytes *bytes, GError **error);
McDesignFile *mc_design_io_read_file  (GFile *file, GCancellable *cancellable, GError **error);
/* Serialises a stored design (its unit looked up in @store) as a file. */
GBytes       *mc_design_io_serialize  (McStore *store, McDesign *design, GError **error);
gboolean      mc_design_io_write_file (McStore *store, McDesign *design, GFile *file,
                                       GCancellable *cancellable, GError **error);
/* Imports a parsed file in one transaction: finds or creates the unit by
 * code, finds the owner by user name or adds them to the people of the
 * database (in the design's unit), inserts the design.  A design whose uuid is already in the database
 * is refused unless @replace, when the stored one is updated in place.
 * Returns the stored design's id, or 0 with @error set. */
gint64        mc_design_io_import     (McStore *store, McDesignFile *file, gboolean replace,
                                       GError **error);

G_END_DECLS
