#ifndef ENTENTE_CGRAPHVIZ_SHIM_H
#define ENTENTE_CGRAPHVIZ_SHIM_H
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

/* Written to build against Debian 12's Graphviz 2.43 (the version tested) and newer ones. Rendering
 * goes through gvRender into a memory stream, whose signature has not changed, rather than
 * gvRenderData, whose length parameter did (unsigned int * before 2.47, size_t * after). */

/* cgraph's agtail, aghead and AGSEQ are macros, which Swift cannot call. */
static inline Agnode_t *entente_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *entente_aghead(Agedge_t *e) { return aghead(e); }
static inline unsigned long entente_agseq(void *obj) { return AGSEQ(obj); }

/* cgraph's lexer keeps state across agmemread calls: text buffered but not parsed (what follows
 * the graph, such as its final newline) would be read first by the next call, shifting its line
 * numbers or even parsing the old text. aglexbad (exported by libcgraph, declared only in its private
 * header) flushes that buffer; agsetfile(NULL) restarts the line count and names no file. */
extern void aglexbad(void) __attribute__((weak));
static inline void entente_agresetlexer(void) {
    /* Weak, so that a libcgraph without it (it is private API) still links; the flush is skipped. */
    if (aglexbad) aglexbad();
    agsetfile(NULL);
}

/* ND_coord is a macro over the layout record gvLayout attaches to each node (points, y upwards). */
static inline double entente_nd_x(Agnode_t *n) { return ND_coord(n).x; }
static inline double entente_nd_y(Agnode_t *n) { return ND_coord(n).y; }
#endif
