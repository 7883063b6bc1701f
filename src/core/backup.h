/* backup.h: a backup (what, how often, where the copies live) and its checks: 3-2-1, test age, target vs actual. */
#ifndef KF_BACKUP_H
#define KF_BACKUP_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "restore_test.h"
#include "system.h"
#include "../lib/i18n.h"
#include "../lib/kv.h"

struct arena;

#define BACKUP_TITLE_MAX 200
#define BACKUP_LINE_MAX 200
#define BACKUP_TEXT_MAX 10000
#define BACKUP_MAX_SYSTEMS 64
#define BACKUP_MAX_COPIES 10
#define BACKUP_FREQUENCY_MAX 8760 /* hours: at least once a year */
#define BACKUP_RETENTION_MAX 36500 /* days: a hundred years */
/* A last successful restore test older than this many months is a warning. */
#define BACKUP_TEST_MAX_AGE_MONTHS 12

/* The frequencies the form offers by name. */
#define BACKUP_HOURLY 1
#define BACKUP_DAILY 24
#define BACKUP_WEEKLY 168
#define BACKUP_MONTHLY 720

enum backup_copy_kind {
	BACKUP_COPY_ONSITE,
	BACKUP_COPY_OFFSITE,
	BACKUP_COPY_OFFLINE,
	BACKUP_COPY_CLOUD,
	BACKUP_COPY_KIND__MAX
};

struct backup_copy {
	enum backup_copy_kind kind;
	const char *media; /* "NAS im Serverraum", "USB-Platte im Tresor" */
};

/*
 * What the store knows beside the item, filled on every read (read-only):
 * the restore tests and the targets of the covered systems. Names are owned
 * by the arena.
 */
struct backup_facts {
	int ntests;
	char last_test_date[11]; /* "" = never tested */
	enum restore_result last_test_result;
	char last_success_date[11]; /* "" = no successful test */
	int last_success_minutes;   /* restore time of the last successful test, -1 = not measured */
	int64_t required_rto_hours; /* strictest required RTO of the covered systems, -1 = none asks */
	int64_t required_rpo_hours;
	int64_t rto_system_id; /* the system that sets it, 0 = none */
	int64_t rpo_system_id;
	const char *rto_system_name; /* "" when none */
	const char *rpo_system_name;
	char today[11]; /* the day the facts were read (UTC), for the test age */
};

/* Strings are owned by the arena the backup was filled from. */
struct backup {
	int64_t id;
	int64_t version;
	const char *title;
	int nsystems;
	int64_t system_ids[BACKUP_MAX_SYSTEMS];
	const char *method;
	int frequency_hours; /* 1..8760, required; 0 = not given yet */
	int ncopies;
	struct backup_copy copies[BACKUP_MAX_COPIES];
	int retention_days; /* -1 = not given */
	int encrypted;
	int64_t responsible_contact_id; /* 0 = nobody */
	const char *notes;
	int64_t created_at;
	int64_t updated_at;
	struct backup_facts facts; /* computed, read-only */
};

void backup_init(struct backup *b);

const char *backup_copy_kind_name(enum backup_copy_kind k);
const char *backup_copy_kind_label(enum backup_copy_kind k);
int backup_copy_kind_parse(const char *s, enum backup_copy_kind *k_r);
/* The English label id of a named frequency ("daily"), or NULL for other hours. */
const char *backup_frequency_label(int hours);

/*
 * Applies a JSON object to b. With partial (PATCH) only given keys change b;
 * otherwise b is reset first (PUT, POST). Computed keys are ignored.
 */
void backup_from_json(struct backup *b, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/*
 * Form fields by API name, plus: one "system" per covered system id;
 * "frequency" (hours of a named frequency, or "custom" for frequency_hours);
 * copy rows copy_kind_N / copy_media_N (an empty media leaves the row unused);
 * "encrypted" = "1".
 */
void backup_from_form(struct backup *b, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database; trims single-line text. */
void backup_validate(struct backup *b, struct arena *a, struct field_errors *fe);
/* A new JSON object with the computed checks (caller owns it), or NULL when out of memory. */
json_t *backup_to_json(const struct backup *b);

/* ---- facts: pure, filled by the store */

/* Resets the facts (no tests, no targets) for today. */
void backup_facts_reset(struct backup_facts *f, const char *today);
/* The strictest required RTO/RPO among the covered systems (systems may hold any of the organisation's). */
void backup_facts_from_systems(struct backup *b, const struct system *systems, size_t n);
/* The last test and the last successful test among tests of b (tests of other backups are skipped). */
void backup_facts_from_tests(struct backup *b, const struct restore_test *tests, size_t n);

/* ---- checks: pure */

/* The parts of 3-2-1 that are missing, as bits. */
enum backup_321_missing {
	B321_COPIES = 1,  /* fewer than 3 copies */
	B321_KINDS = 2,   /* fewer than 2 kinds of storage */
	B321_OFFSITE = 4, /* none off-site, offline or in the cloud */
};
/* 0 when the rule holds; *nkinds_r (may be NULL) gets the number of different kinds. */
unsigned backup_check_321(const struct backup *b, int *nkinds_r);

enum backup_test_state {
	BACKUP_TEST_OK,
	BACKUP_TEST_NEVER,         /* never tested */
	BACKUP_TEST_NO_SUCCESS,    /* tested, but never successfully */
	BACKUP_TEST_TOO_OLD,       /* the last successful test is older than max_months */
	BACKUP_TEST_STATE__MAX
};
/* On today (YYYY-MM-DD): exactly max_months ago still counts as recent. */
enum backup_test_state backup_test_state(const struct backup_facts *f, const char *today, int max_months);
const char *backup_test_state_name(enum backup_test_state s);

enum backup_target_state {
	BACKUP_TARGET_NONE,         /* no covered system asks for one */
	BACKUP_TARGET_OK,
	BACKUP_TARGET_GAP,
	BACKUP_TARGET_NOT_MEASURED, /* RTO only: no successful test with a restore time */
	BACKUP_TARGET_STATE__MAX
};
/* Restore time of the last successful test against the strictest required RTO (equal is in time). */
enum backup_target_state backup_rto_state(const struct backup *b);
/* Backup frequency against the strictest required RPO (a backup every RPO hours is enough). */
enum backup_target_state backup_rpo_state(const struct backup *b);
const char *backup_target_state_name(enum backup_target_state s);

enum backup_gap_kind {
	BACKUP_GAP_FEW_COPIES,
	BACKUP_GAP_ONE_KIND,
	BACKUP_GAP_NO_OFFSITE,
	BACKUP_GAP_NEVER_TESTED,
	BACKUP_GAP_NO_SUCCESSFUL_TEST,
	BACKUP_GAP_TEST_TOO_OLD,
	BACKUP_GAP_RESTORE_NOT_MEASURED,
	BACKUP_GAP_RESTORE_TOO_SLOW,
	BACKUP_GAP_TOO_RARE,
	BACKUP_GAP_KIND__MAX
};

struct backup_gap {
	enum backup_gap_kind kind;
	int64_t have;      /* copies, kinds, restore minutes, frequency hours; -1 when not applicable */
	int64_t need;      /* 3, 2, required RTO/RPO hours, max age months */
	int64_t system_id; /* the system whose target is missed, 0 = none */
	const char *system_name;
	const char *date;  /* the last successful test (too old), or "" */
};

#define BACKUP_GAPS_MAX BACKUP_GAP_KIND__MAX
/* The gaps of one backup on today, in a fixed order; returns how many were written to out (at most max). */
int backup_gaps(const struct backup *b, const char *today, struct backup_gap *out, int max);
/* "restore_too_slow" ... */
const char *backup_gap_code(enum backup_gap_kind k);
/* The gap as a plain sentence in lang (escape it where it is shown), in the arena; NULL when out of memory. */
const char *backup_gap_text(struct arena *a, enum kf_lang lang, const struct backup_gap *g);

/* "45 min", "6 h", "1 h 30 min" into the arena. */
const char *backup_minutes_text(struct arena *a, int64_t minutes);
/* tmpl with its first up to three "%s" replaced by a1..a3 (NULL ends), in the arena; NULL when out of memory. */
const char *backup_subst(struct arena *a, const char *tmpl, const char *a1, const char *a2, const char *a3);

#endif
