/* page_error.c: error pages in the site's layout. */
#include "../http/request.h"
#include "../lib/err.h"
#include "../lib/i18n.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

void web_error_page(struct req *r, int status, const char *msgid)
{
	const char *title;

	switch (status) {
	case 200: title = N_("Note"); break;
	case 403: title = N_("Not allowed"); break;
	case 404: title = N_("Not found"); break;
	case 413: title = N_("Too large"); break;
	default: title = status >= 500 ? N_("Something went wrong") : N_("Request not possible"); break;
	}
	r->status = status;
	sb_reset(&r->out);
	page_begin(r, title, STEP_NONE, NULL);
	html_lit(&r->out, "<p class=\"lead\">");
	html_text(&r->out, _(r->lang, msgid));
	html_lit(&r->out, "</p><p><a href=\"/\">");
	html_text(&r->out, _(r->lang, "Back to the start page"));
	html_lit(&r->out, "</a></p>");
	page_end(r);
}

void web_store_error(struct req *r, int err, const char *missing_msgid, int writing)
{
	if (err == KF_ENOTFOUND)
		web_error_page(r, 404, missing_msgid);
	else
		web_error_page(r, 500, writing ? N_("The database could not be written. Please try again.")
					       : N_("The database could not be read. Please try again."));
}
