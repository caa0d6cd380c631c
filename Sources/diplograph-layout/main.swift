// diplograph-layout: the helper program in which DiploRender runs a layout that may run long,
// so that it can be stopped at a time limit and a crash of Graphviz stays in it (see
// `LayoutIsolation`). It serves one request on standard input and answers on standard output;
// it is not meant to be run by hand. A program that renders finds it beside itself when its
// target depends on this product.

import DiploRender

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

exit(LayoutIsolation.serveChild())
