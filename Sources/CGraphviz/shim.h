// The only place the Graphviz C headers enter the package.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

#ifdef __linux__
#include <sys/prctl.h>
/// Asks the kernel to send `signal` to the calling process when the thread that started it
/// ends (PR_SET_PDEATHSIG): the layout child dies with its parent. prctl is variadic, which
/// Swift cannot call.
static inline int diplograph_die_with_parent(int signal) {
  return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}
#endif
