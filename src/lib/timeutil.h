/* timeutil.h: wall-clock time as Unix seconds, ISO 8601 formatting and calendar dates. */
#ifndef KF_TIMEUTIL_H
#define KF_TIMEUTIL_H

#include <stdint.h>

int64_t kf_now(void);
/* Monotonic seconds, for throttling windows. */
int64_t kf_monotonic(void);
/* "2026-11-28T10:00:00Z" into out (at least 21 bytes). */
void kf_time_iso(int64_t t, char *out);
/* "2026-11-28" into out (at least 11 bytes). */
void kf_date_iso(int64_t t, char *out);
/* "2026-11-28" as "28.11.2026" into out (at least 11 bytes); anything else is copied (cut to 10 bytes). */
void kf_date_german(const char *iso, char *out);
/* Parses a strict YYYY-MM-DD calendar date; 0 on success, -1 otherwise. */
int kf_date_parse(const char *s, int *y, int *m, int *d);

#endif
