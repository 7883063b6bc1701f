/* test_hyphenate.c: unit tests of the German hyphenation points the PDF layouts break long words at. */
#include <stdlib.h>
#include <string.h>

#include "kf_test.h"
#include "../../src/export/hyphenate.h"

/* hyphenate_soft(in) with every soft hyphen shown as "-" (in itself when nothing changed). */
static char *shown(const char *in)
{
	char *h = hyphenate_soft(in), *out, *o;

	if (!h)
		return strdup(in);
	out = malloc(strlen(h) + 1);
	assert_non_null(out);
	o = out;
	for (const char *s = h; *s; s++) {
		if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xad) {
			*o++ = '-';
			s++;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	free(h);
	return out;
}

static void expect(const char *in, const char *want)
{
	char *got = shown(in);

	assert_string_equal(got, want);
	free(got);
}

/* The words that used to break as "Stromversorgu-ng" in a narrow table column. */
static void test_compounds_break_between_syllables(void **state)
{
	(void)state;
	expect("Stromversorgung", "Strom-ver-sor-gung");
	expect("Internetanschluss (Glasfaser)", "In-ter-net-an-schluss (Glas-fa-ser)");
	expect("Zeiterfassung", "Zeit-er-fas-sung"); /* the compound level keeps "Zei-terfassung" away */
	expect("Verzeichnisdienst", "Ver-zeich-nis-dienst");
}

static void test_umlauts_and_capitals(void **state)
{
	(void)state;
	expect("Geschäftsführung", "Ge-schäfts-füh-rung");
	expect("ÜBERSCHWEMMUNG", "ÜBER-SCHWEM-MUNG");
}

/* Short words, the last two letters, addresses and letters the patterns do not know stay whole. */
static void test_what_stays_whole(void **state)
{
	(void)state;
	expect("USV und Haus", "USV und Haus");
	expect("Straße", "Straße");
	expect("https://plan.example.de/o/1/ notfall@muster-metallbau.example.com",
	       "https://plan.example.de/o/1/ notfall@muster-metallbau.example.com");
	expect("Łódźer Stadtwerke", "Łódźer Stadt-werke");
	expect("", "");
}

/* Punctuation, dashes and numbers around words are kept byte for byte. */
static void test_text_around_words_is_kept(void **state)
{
	(void)state;
	expect("„Netzwerkausfall“ – 24 h, 2.000 €/Tag", "„Netz-werkaus-fall“ – 24 h, 2.000 €/Tag");
	expect("Zeile eins\nZeile zwei\tTabulator", "Zeile eins\nZeile zwei\tTa-bu-la-tor");
}

static int teardown(void **state)
{
	(void)state;
	hyphenate_release();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compounds_break_between_syllables),
		cmocka_unit_test(test_umlauts_and_capitals),
		cmocka_unit_test(test_what_stays_whole),
		cmocka_unit_test(test_text_around_words_is_kept),
	};

	return cmocka_run_group_tests_name("hyphenate", tests, NULL, teardown);
}
