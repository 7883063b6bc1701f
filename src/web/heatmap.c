/* heatmap.c: draws the risk matrix (likelihood across, impact up) as SVG through the escaping writer. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "heatmap.h"
#include "html.h"
#include "../lib/banned.h"

/* Geometry of the drawing, in SVG user units. */
#define CELL 64
#define LEFT 128 /* room for the impact labels */
#define TOP 8
#define BOTTOM 72 /* room for the likelihood labels (staggered, long German words) and the axis title */
#define WIDTH(n) (LEFT + (n) * CELL + 8)
#define HEIGHT(n) (TOP + (n) * CELL + BOTTOM)

void heatmap_count(struct heatmap *h, const struct risk *list, size_t n, enum risk_scale_kind scale)
{
	memset(h, 0, sizeof(*h));
	h->scale = scale;
	h->size = risk_scale_size(scale);
	for (size_t i = 0; i < n; i++) {
		const struct risk *k = &list[i];
		int score = risk_score(k);

		if (k->status == RISK_CLOSED) {
			h->closed++;
			continue;
		}
		if (!score)
			continue;
		if (k->likelihood > h->size || k->impact > h->size)
			continue; /* not reached: values follow the scale */
		h->cell[k->likelihood - 1][k->impact - 1]++;
		h->level[risk_scale_level(scale, score)]++;
		h->total++;
	}
}

void heatmap_summary(struct req *r, const struct heatmap *h)
{
	html_textf(&r->out, _(r->lang, "%d risks in the matrix: %d critical, %d high, %d medium, %d low."), h->total,
		   h->level[RISK_CRITICAL], h->level[RISK_HIGH], h->level[RISK_MEDIUM], h->level[RISK_LOW]);
	if (h->closed) {
		html_lit(&r->out, " ");
		html_textf(&r->out, _(r->lang, "%d closed risks are not shown."), h->closed);
	}
}

/* Our own fixed colours per level (light enough for dark text). */
static const char *level_fill(enum risk_level l)
{
	switch (l) {
	case RISK_CRITICAL: return "#e57373";
	case RISK_HIGH: return "#f5b971";
	case RISK_MEDIUM: return "#f7e08a";
	default: return "#bfe3c8";
	}
}

static void num_attr(struct strbuf *o, const char *name, int v)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%d", v);
	html_attr(o, name, buf);
}

static void cell(struct req *r, const struct heatmap *h, int l, int i, int count)
{
	struct strbuf *o = &r->out;
	enum risk_level lvl = risk_scale_level(h->scale, l * i);
	int x = LEFT + (l - 1) * CELL, y = TOP + (h->size - i) * CELL;
	char tip[256];

	snprintf(tip, sizeof(tip), "%s %d (%s), %s %d (%s): %d, %s", _(r->lang, "Likelihood"), l,
		 _(r->lang, risk_scale_likelihood_label(h->scale, l)), _(r->lang, "Impact"), i,
		 _(r->lang, risk_scale_impact_label(h->scale, i)), count,
		 _(r->lang, risk_level_label(lvl)));
	html_lit(o, "<g");
	html_attr(o, "class", count ? "cell filled" : "cell");
	num_attr(o, "data-likelihood", l);
	num_attr(o, "data-impact", i);
	num_attr(o, "data-count", count);
	html_lit(o, "><title>");
	html_text(o, tip);
	html_lit(o, "</title><rect");
	num_attr(o, "x", x);
	num_attr(o, "y", y);
	num_attr(o, "width", CELL);
	num_attr(o, "height", CELL);
	html_attr(o, "fill", level_fill(lvl));
	html_lit(o, " stroke=\"#ffffff\" stroke-width=\"2\"></rect>");
	if (count) {
		html_lit(o, "<text class=\"count\" text-anchor=\"middle\"");
		num_attr(o, "x", x + CELL / 2);
		num_attr(o, "y", y + CELL / 2 + 4);
		html_lit(o, ">");
		html_textf(o, "%d", count);
		html_lit(o, "</text>");
	}
	html_lit(o, "<text class=\"level\" text-anchor=\"middle\"");
	num_attr(o, "x", x + CELL / 2);
	num_attr(o, "y", y + CELL - 7);
	html_lit(o, ">");
	html_text(o, _(r->lang, risk_level_label(lvl)));
	html_lit(o, "</text></g>");
}

static void axes(struct req *r, const struct heatmap *h)
{
	struct strbuf *o = &r->out;
	const int n = h->size;
	char num[16];

	for (int v = 1; v <= n; v++) {
		snprintf(num, sizeof(num), "%d", v);
		/* impact labels left of each row, likelihood labels under each column */
		html_lit(o, "<text class=\"tick\" text-anchor=\"end\"");
		num_attr(o, "x", LEFT - 8);
		num_attr(o, "y", TOP + (n - v) * CELL + CELL / 2 + 4);
		html_lit(o, ">");
		html_text(o, num);
		html_lit(o, " ");
		html_text(o, _(r->lang, risk_scale_impact_label(h->scale, v)));
		html_lit(o, "</text><text class=\"tick\" text-anchor=\"middle\"");
		num_attr(o, "x", LEFT + (v - 1) * CELL + CELL / 2);
		num_attr(o, "y", TOP + n * CELL + 16);
		html_lit(o, ">");
		html_text(o, num);
		html_lit(o, "</text><text class=\"tick small\" text-anchor=\"middle\"");
		num_attr(o, "x", LEFT + (v - 1) * CELL + CELL / 2);
		num_attr(o, "y", TOP + n * CELL + (v % 2 ? 30 : 43));
		html_lit(o, ">");
		html_text(o, _(r->lang, risk_scale_likelihood_label(h->scale, v)));
		html_lit(o, "</text>");
	}
	html_lit(o, "<text class=\"axis\" text-anchor=\"middle\"");
	num_attr(o, "x", LEFT + n * CELL / 2);
	num_attr(o, "y", HEIGHT(n) - 6);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Likelihood"));
	html_lit(o, " →</text><text class=\"axis\" text-anchor=\"middle\"");
	num_attr(o, "x", 14);
	num_attr(o, "y", TOP + n * CELL / 2);
	html_lit(o, " transform=\"rotate(-90 14 ");
	html_textf(o, "%d", TOP + n * CELL / 2);
	html_lit(o, ")\">");
	html_text(o, _(r->lang, "Impact"));
	html_lit(o, " →</text>");
}

void heatmap_figure(struct req *r, const struct heatmap *h)
{
	struct strbuf *o = &r->out;
	char viewbox[32];

	snprintf(viewbox, sizeof(viewbox), "0 0 %d %d", WIDTH(h->size), HEIGHT(h->size));
	html_lit(o, "<figure class=\"heatmap\" id=\"risk-matrix\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
	html_attr(o, "viewBox", viewbox);
	html_attr(o, "aria-label", _(r->lang, "Risk matrix: likelihood across, impact upwards"));
	html_lit(o, "><title>");
	html_text(o, _(r->lang, "Risk matrix: likelihood across, impact upwards"));
	html_lit(o, "</title><desc>");
	heatmap_summary(r, h);
	html_lit(o, "</desc>");
	for (int i = h->size; i >= 1; i--)
		for (int l = 1; l <= h->size; l++)
			cell(r, h, l, i, h->cell[l - 1][i - 1]);
	axes(r, h);
	html_lit(o, "</svg><figcaption id=\"risk-matrix-summary\">");
	heatmap_summary(r, h);
	html_lit(o, "</figcaption></figure>");
}
