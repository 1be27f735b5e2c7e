// Intentionally includes no ICU header: Swift must never see ICU's C types (they clash with
// the copy inside Foundation). This module only carries the link flags; ICUBridge does the work.
#ifndef BRIEF_CICU_SHIM_H
#define BRIEF_CICU_SHIM_H
#endif
