/* api_graph.c: GET /api/v1/orgs/{org}/systems/graph.svg: the dependency graph drawn by graphviz on the worker pool. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include "../core/bia.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "depgraph.h"
#include "../lib/banned.h"

/* graphviz keeps global state (parser, plugins): one render at a time, one context for the process */
static pthread_mutex_t gv_mu = PTHREAD_MUTEX_INITIALIZER;
static GVC_t *gv_ctx;

/*
 * Only the two plugins we need, linked in (meson.build): no plugin config
 * file to find at run time, and no pango/fontconfig text layout (graphviz
 * then estimates text widths itself, which is enough for these labels).
 */
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;
static lt_symlist_t gv_builtins[] = {
	{ "gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library },
	{ "gvplugin_core_LTX_library", &gvplugin_core_LTX_library },
	{ NULL, NULL },
};

static void node_label(struct strbuf *sb, const char *name, const char *line2, const char *line3)
{
	sb_adds(sb, " [label=\"");
	bia_dot_escape(sb, name);
	if (line2) {
		sb_adds(sb, "\\n");
		bia_dot_escape(sb, line2);
	}
	if (line3) {
		sb_adds(sb, "\\n");
		bia_dot_escape(sb, line3);
	}
	sb_adds(sb, "\"");
}

void depgraph_dot(struct strbuf *sb, enum kf_lang lang, const struct system *systems, size_t n,
		  const struct process *procs, size_t np)
{
	sb_adds(sb, "digraph dependencies {\n"
		    "graph [rankdir=TB, bgcolor=\"transparent\", nodesep=0.35, ranksep=0.55, fontname=\"sans-serif\"];\n"
		    "node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#5f6b7a\", "
		    "fontname=\"sans-serif\", fontsize=11, margin=\"0.22,0.08\"];\n"
		    "edge [color=\"#6b7280\", arrowsize=0.7];\n");
	if (n == 0 && np == 0) {
		sb_adds(sb, "empty");
		node_label(sb, _(lang, "No IT systems yet."), NULL, NULL);
		sb_adds(sb, ", style=\"rounded,dashed\"];\n");
	}
	for (size_t i = 0; i < np; i++) {
		sb_addf(sb, "p%lld", (long long)procs[i].id);
		node_label(sb, procs[i].name, _(lang, "Business process"), NULL);
		sb_adds(sb, ", shape=ellipse, fillcolor=\"#e8f0fb\", color=\"#2f5f9e\"];\n");
	}
	for (size_t i = 0; i < n; i++) {
		const struct system *s = &systems[i];

		sb_addf(sb, "s%lld", (long long)s->id);
		const char *type = _(lang, system_type_label(s->type));

		/* "Server" named "Server" needs no second line saying so */
		node_label(sb, s->name, strcmp(type, s->name) != 0 ? type : NULL,
			   s->spof ? _(lang, "Single point of failure") : NULL);
		if (s->spof)
			sb_adds(sb, ", fillcolor=\"#fdecea\", color=\"#b3261e\", penwidth=2");
		sb_adds(sb, "];\n");
	}
	for (size_t i = 0; i < np; i++)
		for (int k = 0; k < procs[i].nsystems; k++)
			sb_addf(sb, "p%lld -> s%lld;\n", (long long)procs[i].id, (long long)procs[i].system_ids[k]);
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < systems[i].ndeps; k++)
			sb_addf(sb, "s%lld -> s%lld;\n", (long long)systems[i].id, (long long)systems[i].depends_on_ids[k]);
	sb_adds(sb, "}\n");
}

int depgraph_render_svg(const char *dot, struct strbuf *out)
{
	unsigned int len = 0;
	char *data = NULL;
	Agraph_t *g;
	int rc = -1;

	pthread_mutex_lock(&gv_mu);
	if (!gv_ctx)
		gv_ctx = gvContextPlugins(gv_builtins, 0);
	g = gv_ctx ? agmemread(dot) : NULL;
	if (g && gvLayout(gv_ctx, g, "dot") == 0) {
		if (gvRenderData(gv_ctx, g, "svg", &data, &len) == 0 && data)
			rc = sb_add(out, data, len);
		gvFreeRenderData(data);
		gvFreeLayout(gv_ctx, g);
	}
	if (g)
		agclose(g);
	pthread_mutex_unlock(&gv_mu);
	return rc;
}

static void graph_work(struct req *r)
{
	sb_reset(&r->out);
	if (depgraph_render_svg(r->job, &r->out) < 0) {
		api_error(r, 500, "internal", N_("The graph could not be drawn. Please try again."));
		return;
	}
	r->status = 200;
	r->content_type = "image/svg+xml";
}

void api_system_graph(struct req *r)
{
	struct process *procs;
	struct system *systems;
	size_t n, np;
	struct strbuf dot;
	char *copy;

	if (store_system_list(r->db, r->arena, r->org.id, &systems, &n) != KF_OK ||
	    store_process_list(r->db, r->arena, r->org.id, &procs, &np) != KF_OK) {
		api_error(r, 500, "internal", N_("The database could not be read. Please try again."));
		return;
	}
	sb_init(&dot, 4 << 20);
	depgraph_dot(&dot, r->lang, systems, n, procs, np);
	copy = dot.failed ? NULL : arena_strdup(r->arena, dot.buf);
	sb_release(&dot);
	if (!copy) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	r->job = copy;
	req_defer(r, graph_work);
}
