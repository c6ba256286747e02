#ifndef ENTENTE_CFONTCONFIG_SHIM_H
#define ENTENTE_CFONTCONFIG_SHIM_H
/* fontconfig, which Graphviz's cairo renderer (png, pdf) finds its fonts through: EntenteGraphviz
 * asks it which characters of a diagram no installed font covers. Its include and link flags come
 * from pkg-config's `fontconfig`. */
#include <fontconfig/fontconfig.h>
#endif
