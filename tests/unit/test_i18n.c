/* test_i18n.c: unit tests of message lookup in the embedded catalogues and Accept-Language parsing. */
#include "kf_test.h"
#include "../../src/lib/i18n.h"

static int setup(void **state)
{
	(void)state;
	return i18n_init();
}

static int teardown(void **state)
{
	(void)state;
	i18n_release();
	return 0;
}

static void test_german_translation(void **state)
{
	(void)state;
	assert_string_equal(i18n_tr(KF_LANG_DE, "Sign in"), "Anmelden");
	assert_string_equal(_(KF_LANG_DE, "Sign in"), "Anmelden");
}

static void test_english_returns_msgid(void **state)
{
	const char *id = "Sign in";

	(void)state;
	assert_ptr_equal(i18n_tr(KF_LANG_EN, id), id);
}

static void test_unknown_msgid_returns_itself(void **state)
{
	const char *id = "No such message, surely";

	(void)state;
	assert_ptr_equal(i18n_tr(KF_LANG_DE, id), id);
	assert_string_equal(i18n_tr(KF_LANG_DE, ""), ""); /* not the .mo header */
	assert_ptr_equal(i18n_tr((enum kf_lang)7, id), id);
	assert_ptr_equal(i18n_tr((enum kf_lang)-1, id), id);
	/* case matters: "sign in" is another msgid */
	assert_string_equal(i18n_tr(KF_LANG_DE, "sign in"), "sign in");
}

static void test_init_twice_and_release(void **state)
{
	(void)state;
	assert_int_equal(i18n_init(), 0);
	assert_string_equal(i18n_tr(KF_LANG_DE, "Sign in"), "Anmelden");
	i18n_release();
	assert_string_equal(i18n_tr(KF_LANG_DE, "Sign in"), "Sign in");
	assert_int_equal(i18n_init(), 0);
	assert_string_equal(i18n_tr(KF_LANG_DE, "Sign in"), "Anmelden");
}

static void test_accept_language(void **state)
{
	(void)state;
	assert_int_equal(i18n_from_accept_language("en-US,en;q=0.9"), KF_LANG_EN);
	assert_int_equal(i18n_from_accept_language("de-DE"), KF_LANG_DE);
	assert_int_equal(i18n_from_accept_language(NULL), KF_LANG_DE);
	assert_int_equal(i18n_from_accept_language(""), KF_LANG_DE);
	assert_int_equal(i18n_from_accept_language("fr"), KF_LANG_DE);
	assert_int_equal(i18n_from_accept_language("*"), KF_LANG_DE);
	assert_int_equal(i18n_from_accept_language("EN-gb"), KF_LANG_EN);
	assert_int_equal(i18n_from_accept_language("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7"), KF_LANG_EN);
	assert_int_equal(i18n_from_accept_language("fr;q=0.9,de-AT"), KF_LANG_DE);
	assert_int_equal(i18n_from_accept_language("de-CH,en;q=0.5"), KF_LANG_DE);
	assert_int_equal(i18n_from_accept_language(" , ,en"), KF_LANG_EN);
	assert_int_equal(i18n_from_accept_language(",,,"), KF_LANG_DE);
	assert_int_equal(i18n_from_accept_language("e"), KF_LANG_DE);
	assert_int_equal(i18n_from_accept_language("d"), KF_LANG_DE);
}

static void test_codes(void **state)
{
	(void)state;
	assert_string_equal(i18n_code(KF_LANG_DE), "de");
	assert_string_equal(i18n_code(KF_LANG_EN), "en");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_german_translation),
		cmocka_unit_test(test_english_returns_msgid),
		cmocka_unit_test(test_unknown_msgid_returns_itself),
		cmocka_unit_test(test_init_twice_and_release),
		cmocka_unit_test(test_accept_language),
		cmocka_unit_test(test_codes),
	};

	return cmocka_run_group_tests_name("i18n", tests, setup, teardown);
}
