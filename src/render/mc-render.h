/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The render layer: documents laid out with pango onto cairo. */

#include "mc-certificate-content.h"
#include "mc-certificate-pdf.h"
#include "mc-certificate-renderer.h"
#include "mc-paper-size.h"
#include "mc-qr-code.h"
#include "mc-yearly-report-layout.h"
#include "mc-yearly-report-pdf.h"
