/* kf_test.h: includes and small shared helpers for the cmocka unit tests. */
#ifndef KF_TEST_H
#define KF_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/lib/strbuf.h"

/* The invariants struct strbuf promises (see strbuf.h). */
static inline void assert_sane_strbuf(const struct strbuf *sb)
{
	assert_non_null(sb->buf);
	assert_true(sb->max > 0);
	assert_true(sb->len <= sb->max);
	if (sb->alloc == 0) {
		assert_int_equal(sb->len, 0);
		assert_int_equal(sb->buf[0], '\0');
	} else {
		assert_true(sb->len < sb->alloc);
		assert_int_equal(sb->buf[sb->len], '\0');
	}
	assert_int_equal(strlen(sb->buf) <= sb->len, 1);
}

/* The message id of a field error, which must exist. */
#define assert_field_error(fe, field) assert_non_null(fe_get((fe), (field)))
#define assert_field_error_is(fe, field, msg) assert_string_equal(fe_get((fe), (field)) ? fe_get((fe), (field)) : "(none)", (msg))

#endif
