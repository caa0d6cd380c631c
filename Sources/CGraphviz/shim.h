// The only place the Graphviz C headers enter the package.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
