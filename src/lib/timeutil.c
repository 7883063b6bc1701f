/* timeutil.c: wall-clock time, ISO 8601 formatting and calendar-date parsing. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "timeutil.h"
#include "banned.h"

int64_t kf_now(void)
{
	return (int64_t)time(NULL);
}

int64_t kf_monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

void kf_time_iso(int64_t t, char *out)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void kf_date_iso(int64_t t, char *out)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int kf_date_parse(const char *s, int *y, int *m, int *d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int i, yy, mm, dd, max;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	mm = (s[5] - '0') * 10 + (s[6] - '0');
	dd = (s[8] - '0') * 10 + (s[9] - '0');
	if (yy < 1900 || mm < 1 || mm > 12)
		return -1;
	max = mdays[mm - 1] + (mm == 2 && is_leap(yy));
	if (dd < 1 || dd > max)
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

void kf_date_german(const char *iso, char *out)
{
	int y, m, d;

	if (kf_date_parse(iso, &y, &m, &d) == 0)
		snprintf(out, 11, "%02d.%02d.%04d", d, m, y);
	else
		snprintf(out, 11, "%s", iso);
}
