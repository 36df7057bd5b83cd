/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-enums.h"
#include "mc-field.h"
#include "mc-item.h"
#include "mc-revision.h"
#include "mc-field-change.h"
#include "mc-revision-diff.h"
#include "mc-design.h"
#include "mc-design-summary.h"
#include "mc-unit.h"
#include "mc-person.h"
#include "mc-store.h"
#include "mc-task.h"
#include "mc-workflow.h"
#include "mc-design-io.h"
#include "mc-finding.h"
#include "mc-profile.h"
#include "mc-validator.h"
#include "mc-criterion.h"
#include "mc-template.h"
#include "mc-demo.h"
#include "mc-yearly-report.h"
#include "mc-offering.h"
#include "mc-learner.h"
#include "mc-result.h"
#include "mc-key-record.h"
#include "mc-issue-batch.h"
#include "mc-issued-credential.h"
#include "mc-credential-summary.h"

/* Call once before using the core: sets up gettext for the library. */
void mc_core_init (void);
