/* depgraph.h: the dependency graph of processes and IT systems as DOT, and its rendering to SVG by graphviz. */
#ifndef KF_DEPGRAPH_H
#define KF_DEPGRAPH_H

#include <stddef.h>

#include "../core/process.h"
#include "../core/system.h"
#include "../lib/i18n.h"
#include "../lib/strbuf.h"

/* The graph in DOT: processes (ellipses) -> systems they need -> systems those depend on; labels escaped. */
void depgraph_dot(struct strbuf *sb, enum kf_lang lang, const struct system *systems, size_t n,
		  const struct process *procs, size_t np);
/* Lays out dot and appends the SVG to out; one at a time (graphviz is not thread-safe). 0 or -1. Slow: worker pool only. */
int depgraph_render_svg(const char *dot, struct strbuf *out);

#endif
