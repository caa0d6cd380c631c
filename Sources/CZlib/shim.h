// The only place the zlib C header enters the package (DiploGraph's Decompression).
#include <zlib.h>

/// inflateInit2 is a macro, which Swift cannot call: this is it as a function.
static inline int diplograph_inflate_init2(z_stream *stream, int window_bits) {
  return inflateInit2(stream, window_bits);
}
