/* log.c: timestamped log lines on stderr, one write per line so threads do not interleave. */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "log.h"
#include "banned.h"

static enum kf_log_level log_min = KF_LOG_INFO;

void kf_log_set_level(enum kf_log_level min)
{
	log_min = min;
}

void kf_log(enum kf_log_level lvl, const char *fmt, ...)
{
	static const char *const names[] = { "debug", "info", "warn", "error" };
	char line[1024];
	struct tm tm;
	time_t now;
	va_list ap;
	int n;

	if (lvl < log_min)
		return;
	now = time(NULL);
	gmtime_r(&now, &tm);
	n = (int)strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%SZ ", &tm);
	n += snprintf(line + n, sizeof(line) - (size_t)n, "%s: ", names[lvl]);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s\n", line);
}
