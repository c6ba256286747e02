#ifndef ENTENTE_CGRAPHVIZ_SHIM_H
#define ENTENTE_CGRAPHVIZ_SHIM_H
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#endif
