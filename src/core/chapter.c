/* chapter.c: the plan's chapters, the rule table of which changes mark which chapters, and the marks' reasons. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "chapter.h"
#include "../lib/banned.h"

static const struct chapter_info chapters[CHAPTER__MAX] = {
	[CHAPTER_RISKS] = { CHAPTER_RISKS, "risks", N_("Risks"), "risks", STEP_RISKS,
			    N_("The chapter \"Risks\" should be reviewed after recent changes.") },
	[CHAPTER_SYSTEMS] = { CHAPTER_SYSTEMS, "systems", N_("Processes and IT systems"), "systems", STEP_RISKS,
			      N_("The chapter \"Processes and IT systems\" should be reviewed after recent changes.") },
	[CHAPTER_TEAM] = { CHAPTER_TEAM, "team", N_("Team and roles"), "team", STEP_TEAM,
			   N_("The chapter \"Team and roles\" should be reviewed after recent changes.") },
	[CHAPTER_ALARM] = { CHAPTER_ALARM, "alarm", N_("Alarm chain"), "alarm", STEP_TEAM,
			    N_("The chapter \"Alarm chain\" should be reviewed after recent changes.") },
	[CHAPTER_BACKUPS] = { CHAPTER_BACKUPS, "backups", N_("Backups"), "backups", STEP_RECOVERY,
			      N_("The chapter \"Backups\" should be reviewed after recent changes.") },
	[CHAPTER_RUNBOOKS] = { CHAPTER_RUNBOOKS, "runbooks", N_("Runbooks and recovery order"), "runbooks", STEP_RECOVERY,
			       N_("The chapter \"Runbooks and recovery order\" should be reviewed after recent changes.") },
	[CHAPTER_WORKAROUNDS] = { CHAPTER_WORKAROUNDS, "workarounds", N_("Workarounds"), "workarounds", STEP_RECOVERY,
				  N_("The chapter \"Workarounds\" should be reviewed after recent changes.") },
	[CHAPTER_COMMUNICATION] = { CHAPTER_COMMUNICATION, "communication", N_("Communication templates"),
				    "documents/templates", STEP_DOCUMENT,
				    N_("The chapter \"Communication templates\" should be reviewed after recent changes.") },
	[CHAPTER_EXERCISES] = { CHAPTER_EXERCISES, "exercises", N_("Exercises"), "exercises", STEP_EXERCISE,
				N_("The chapter \"Exercises\" should be reviewed after recent changes.") },
};

const struct chapter_info *chapter_get(int ch)
{
	return ch >= 0 && ch < CHAPTER__MAX ? &chapters[ch] : NULL;
}

int chapter_by_key(const char *key)
{
	for (int i = 0; key && i < CHAPTER__MAX; i++)
		if (strcmp(chapters[i].key, key) == 0)
			return i;
	return -1;
}

/* Which change marks which chapter. A new rule is one row. */
static const struct chapter_rule rules[] = {
	/* an IT system: where it is described, backed up, restored, and worked around */
	{ CHANGE_SYSTEM, 0, CHAPTER_SYSTEMS },
	{ CHANGE_SYSTEM, 0, CHAPTER_BACKUPS },
	{ CHANGE_SYSTEM, 0, CHAPTER_RUNBOOKS },
	{ CHANGE_SYSTEM, CHANGE_F_WORKAROUND, CHAPTER_WORKAROUNDS },
	/* a provider: who is called, and which systems they look after */
	{ CHANGE_PROVIDER, 0, CHAPTER_TEAM },
	{ CHANGE_PROVIDER, 0, CHAPTER_ALARM },
	{ CHANGE_PROVIDER, 0, CHAPTER_SYSTEMS },
	/* a person of the company: the team, who is alarmed, who is named in the templates */
	{ CHANGE_PERSON, 0, CHAPTER_TEAM },
	{ CHANGE_PERSON, 0, CHAPTER_ALARM },
	{ CHANGE_PERSON, 0, CHAPTER_COMMUNICATION },
	/* a role: always the team; who holds it also the alarm chain and the templates */
	{ CHANGE_ROLE, 0, CHAPTER_TEAM },
	{ CHANGE_ROLE, CHANGE_F_PEOPLE, CHAPTER_ALARM },
	{ CHANGE_ROLE, CHANGE_F_PEOPLE, CHAPTER_COMMUNICATION },
};

const struct chapter_rule *chapter_rules(size_t *n_r)
{
	*n_r = sizeof(rules) / sizeof(rules[0]);
	return rules;
}

unsigned chapter_marks(enum change_kind kind, unsigned facts)
{
	unsigned marks = 0;

	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].kind == kind && (rules[i].need & facts) == rules[i].need)
			marks |= 1u << rules[i].chapter;
	return marks;
}

const char *review_mark_reason(const struct review_mark *m)
{
	static const struct {
		const char *type, *action, *msgid;
	} reasons[] = {
		{ "system", "create", N_("IT system \"%s\" added") },
		{ "system", "update", N_("IT system \"%s\" changed") },
		{ "system", "delete", N_("IT system \"%s\" deleted") },
		{ "contact", "create", N_("Contact \"%s\" added") },
		{ "contact", "update", N_("Contact \"%s\" changed") },
		{ "contact", "delete", N_("Contact \"%s\" deleted") },
		{ "role", "create", N_("Role \"%s\" added") },
		{ "role", "update", N_("Role \"%s\" changed") },
		{ "role", "delete", N_("Role \"%s\" deleted") },
	};

	for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (m->item_type && m->action && strcmp(reasons[i].type, m->item_type) == 0 &&
		    strcmp(reasons[i].action, m->action) == 0)
			return reasons[i].msgid;
	return N_("\"%s\" changed");
}

const char *review_mark_text(struct arena *a, enum kf_lang lang, const struct review_mark *m)
{
	const char *t = i18n_tr(lang, review_mark_reason(m));
	const char *at = strstr(t, "%s");

	if (!at)
		return arena_strdup(a, t);
	return arena_printf(a, "%.*s%s%s", (int)(at - t), t, m->item_name ? m->item_name : "", at + 2);
}
