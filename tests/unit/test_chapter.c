/* test_chapter.c: unit tests of the plan's chapters and the rule table of which changes mark which chapters. */
#include "kf_test.h"
#include "../../src/core/chapter.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/i18n.h"

#define BIT(ch) (1u << (ch))

static void test_chapters(void **state)
{
	(void)state;
	for (int ch = 0; ch < CHAPTER__MAX; ch++) {
		const struct chapter_info *info = chapter_get(ch);

		assert_non_null(info);
		assert_int_equal(info->chapter, ch);
		assert_int_equal(chapter_by_key(info->key), ch);
		assert_true(info->label && *info->label);
		assert_true(info->path && *info->path && info->path[0] != '/');
		assert_true(info->step >= STEP_RISKS && info->step < STEP__MAX);
		assert_non_null(info->gap_msgid);
		assert_null(strstr(info->gap_msgid, "%"));
		for (int other = 0; other < ch; other++)
			assert_string_not_equal(chapter_get(other)->key, info->key);
	}
	assert_null(chapter_get(-1));
	assert_null(chapter_get(CHAPTER__MAX));
	assert_int_equal(chapter_by_key("nonsense"), -1);
	assert_int_equal(chapter_by_key(""), -1);
	assert_int_equal(chapter_by_key(NULL), -1);
	/* the pages the chapters are reviewed on */
	assert_string_equal(chapter_get(CHAPTER_SYSTEMS)->path, "systems");
	assert_string_equal(chapter_get(CHAPTER_COMMUNICATION)->path, "documents/templates");
	assert_int_equal(chapter_get(CHAPTER_ALARM)->step, STEP_TEAM);
}

static void test_system_rules(void **state)
{
	unsigned base = BIT(CHAPTER_SYSTEMS) | BIT(CHAPTER_BACKUPS) | BIT(CHAPTER_RUNBOOKS);

	(void)state;
	assert_int_equal(chapter_marks(CHANGE_SYSTEM, 0), base);
	/* workarounds only when a workaround's process needs the system */
	assert_int_equal(chapter_marks(CHANGE_SYSTEM, CHANGE_F_WORKAROUND), base | BIT(CHAPTER_WORKAROUNDS));
	/* a fact that is no rule's need changes nothing */
	assert_int_equal(chapter_marks(CHANGE_SYSTEM, CHANGE_F_PEOPLE), base);
}

static void test_people_rules(void **state)
{
	(void)state;
	assert_int_equal(chapter_marks(CHANGE_PROVIDER, 0), BIT(CHAPTER_TEAM) | BIT(CHAPTER_ALARM) | BIT(CHAPTER_SYSTEMS));
	assert_int_equal(chapter_marks(CHANGE_PERSON, 0),
			 BIT(CHAPTER_TEAM) | BIT(CHAPTER_ALARM) | BIT(CHAPTER_COMMUNICATION));
	/* a role: the team always; the alarm chain and the templates when who holds it changed */
	assert_int_equal(chapter_marks(CHANGE_ROLE, 0), BIT(CHAPTER_TEAM));
	assert_int_equal(chapter_marks(CHANGE_ROLE, CHANGE_F_PEOPLE),
			 BIT(CHAPTER_TEAM) | BIT(CHAPTER_ALARM) | BIT(CHAPTER_COMMUNICATION));
	/* nothing marks risks or exercises (yet) */
	for (int k = 0; k < CHANGE__MAX; k++) {
		unsigned all = chapter_marks((enum change_kind)k, CHANGE_F_WORKAROUND | CHANGE_F_PEOPLE);

		assert_int_equal(all & (BIT(CHAPTER_RISKS) | BIT(CHAPTER_EXERCISES)), 0);
		assert_true(all != 0);
	}
}

static void test_rule_table(void **state)
{
	size_t n;
	const struct chapter_rule *rules = chapter_rules(&n);

	(void)state;
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		assert_true(rules[i].kind < CHANGE__MAX);
		assert_true(rules[i].chapter < CHAPTER__MAX);
		/* no row twice */
		for (size_t j = 0; j < i; j++)
			assert_false(rules[j].kind == rules[i].kind && rules[j].chapter == rules[i].chapter &&
				     rules[j].need == rules[i].need);
	}
}

static void test_reasons(void **state)
{
	struct review_mark m = { .id = 1, .chapter = CHAPTER_SYSTEMS, .item_type = "system", .item_id = 4,
				 .item_name = "ERP", .action = "update" };
	struct arena *a = arena_new();

	(void)state;
	assert_non_null(a);
	assert_string_equal(review_mark_reason(&m), "IT system \"%s\" changed");
	assert_string_equal(review_mark_text(a, KF_LANG_EN, &m), "IT system \"ERP\" changed");
	m.item_type = "contact";
	m.action = "delete";
	assert_string_equal(review_mark_text(a, KF_LANG_EN, &m), "Contact \"ERP\" deleted");
	m.item_type = "role";
	m.action = "create";
	assert_string_equal(review_mark_text(a, KF_LANG_EN, &m), "Role \"ERP\" added");
	/* unknown types read as a plain change */
	m.item_type = "thing";
	assert_string_equal(review_mark_text(a, KF_LANG_EN, &m), "\"ERP\" changed");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chapters),
		cmocka_unit_test(test_system_rules),
		cmocka_unit_test(test_people_rules),
		cmocka_unit_test(test_rule_table),
		cmocka_unit_test(test_reasons),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
