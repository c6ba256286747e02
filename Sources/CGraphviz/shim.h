#ifndef ENTENTE_CGRAPHVIZ_SHIM_H
#define ENTENTE_CGRAPHVIZ_SHIM_H
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

/* cgraph's agtail, aghead and AGSEQ are macros, which Swift cannot call. */
static inline Agnode_t *entente_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *entente_aghead(Agedge_t *e) { return aghead(e); }
static inline unsigned long entente_agseq(void *obj) { return AGSEQ(obj); }

/* cgraph counts lines across agmemread calls; agsetfile(NULL) restarts the count (and names no file). */
static inline void entente_agresetline(void) { agsetfile(NULL); }
#endif
