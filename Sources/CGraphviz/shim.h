#ifndef ENTENTE_CGRAPHVIZ_SHIM_H
#define ENTENTE_CGRAPHVIZ_SHIM_H
/* Include and link flags come from pkg-config's `libgvc` (whose -I names the graphviz directory
 * itself, as on Debian, Homebrew and MacPorts). */
#include <cgraph.h>
#include <gvc.h>
#include <gvplugin.h>

/* Written to build against Debian 12's Graphviz 2.43 (the version tested) and newer ones. Rendering
 * goes through gvRender into a memory stream, whose signature has not changed, rather than
 * gvRenderData, whose length parameter did (unsigned int * before 2.47, size_t * after). */

/* cgraph's agtail, aghead and AGSEQ are macros, which Swift cannot call. */
static inline Agnode_t *entente_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *entente_aghead(Agedge_t *e) { return aghead(e); }
static inline unsigned long entente_agseq(void *obj) { return AGSEQ(obj); }

/* cgraph's object kinds are macros before Graphviz 11 and an enum since, which Swift imports with
 * different integer types: here they are ints either way. */
static const int ENTENTE_AGRAPH = AGRAPH;
static const int ENTENTE_AGNODE = AGNODE;
static const int ENTENTE_AGEDGE = AGEDGE;

/* gvPluginList lost its unused fourth parameter in Graphviz 9.0.0, the release that also removed
 * cgraph's FIRSTNREF macro: that macro tells the two signatures apart (Tests/graphviz-headers.sh
 * compiles this against a current release). */
static inline char **entente_gvpluginlist(GVC_t *gvc, const char *kind, int *count) {
#ifdef FIRSTNREF
    return gvPluginList(gvc, kind, count, NULL);
#else
    return gvPluginList(gvc, kind, count);
#endif
}

/* ND_coord is a macro over the layout record gvLayout attaches to each node (points, y upwards). */
static inline double entente_nd_x(Agnode_t *n) { return ND_coord(n).x; }
static inline double entente_nd_y(Agnode_t *n) { return ND_coord(n).y; }
/* Moving nodes after layout (EntenteGraphviz sets isolated nodes apart, in rows under the drawing):
 * a node's extent and a new centre, the extent of an edge's drawing (its curves' control points and
 * its labels), and the graph's bounding box and label, which the renderers read. Points, y upwards. */
typedef struct { double llx, lly, urx, ury; } entente_box;
static inline entente_box entente_nd_box(Agnode_t *n) {
    pointf c = ND_coord(n);
    entente_box b = { c.x - ND_lw(n), c.y - ND_ht(n) / 2, c.x + ND_rw(n), c.y + ND_ht(n) / 2 };
    return b;
}
static inline void entente_nd_move(Agnode_t *n, double x, double y) { ND_coord(n).x = x; ND_coord(n).y = y; }
static inline void entente_box_add(entente_box *b, double x, double y) {
    if (x < b->llx) b->llx = x;
    if (y < b->lly) b->lly = y;
    if (x > b->urx) b->urx = x;
    if (y > b->ury) b->ury = y;
}
static inline void entente_box_add_label(entente_box *b, textlabel_t *l) {
    if (!l || !l->set) return;
    entente_box_add(b, l->pos.x - l->dimen.x / 2, l->pos.y - l->dimen.y / 2);
    entente_box_add(b, l->pos.x + l->dimen.x / 2, l->pos.y + l->dimen.y / 2);
}
/* Adds an edge's drawing to a box; returns 0 when the edge has none. */
static inline int entente_ed_extend(Agedge_t *e, entente_box *b) {
    splines *spl = ED_spl(e);
    if (!spl) return 0;
    for (int i = 0; i < spl->size; i++) {
        bezier bz = spl->list[i];
        for (int j = 0; j < bz.size; j++) entente_box_add(b, bz.list[j].x, bz.list[j].y);
        if (bz.sflag) entente_box_add(b, bz.sp.x, bz.sp.y);
        if (bz.eflag) entente_box_add(b, bz.ep.x, bz.ep.y);
    }
    entente_box_add_label(b, ED_label(e));
    entente_box_add_label(b, ED_xlabel(e));
    entente_box_add_label(b, ED_head_label(e));
    entente_box_add_label(b, ED_tail_label(e));
    return 1;
}
/* The graph label's size (0 when it has none) and centre. */
static inline double entente_gd_label_width(Agraph_t *g) { return GD_label(g) ? GD_label(g)->dimen.x : 0; }
static inline double entente_gd_label_height(Agraph_t *g) { return GD_label(g) ? GD_label(g)->dimen.y : 0; }
static inline void entente_gd_label_move(Agraph_t *g, double x, double y) {
    if (GD_label(g)) { GD_label(g)->pos.x = x; GD_label(g)->pos.y = y; GD_label(g)->set = 1; }
}
static inline entente_box entente_gd_bb(Agraph_t *g) {
    entente_box b = { GD_bb(g).LL.x, GD_bb(g).LL.y, GD_bb(g).UR.x, GD_bb(g).UR.y };
    return b;
}
static inline void entente_gd_set_bb(Agraph_t *g, entente_box b) {
    GD_bb(g).LL.x = b.llx; GD_bb(g).LL.y = b.lly; GD_bb(g).UR.x = b.urx; GD_bb(g).UR.y = b.ury;
}
#endif
