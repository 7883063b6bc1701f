/* fielderr.c: collecting field errors during validation. */
#include <stdio.h>
#include <string.h>

#include "fielderr.h"
#include "../lib/banned.h"

void fe_add(struct field_errors *fe, const char *field, const char *msg)
{
	if (fe->n >= FIELD_ERRORS_MAX || fe_get(fe, field))
		return;
	snprintf(fe->e[fe->n].field, sizeof(fe->e[fe->n].field), "%s", field);
	fe->e[fe->n].msg = msg;
	fe->e[fe->n].arg = NULL;
	fe->n++;
}

void fe_add_arg(struct field_errors *fe, const char *field, const char *msg, const char *arg)
{
	if (fe->n >= FIELD_ERRORS_MAX || fe_get(fe, field))
		return;
	fe_add(fe, field, msg);
	fe->e[fe->n - 1].arg = arg;
}

const char *fe_get(const struct field_errors *fe, const char *field)
{
	int i;

	if (!fe)
		return NULL;
	for (i = 0; i < fe->n; i++)
		if (strcmp(fe->e[i].field, field) == 0)
			return fe->e[i].msg;
	return NULL;
}

const char *fe_get_arg(const struct field_errors *fe, const char *field)
{
	if (!fe)
		return NULL;
	for (int i = 0; i < fe->n; i++)
		if (strcmp(fe->e[i].field, field) == 0)
			return fe->e[i].arg;
	return NULL;
}
