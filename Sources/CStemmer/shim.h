// Snowball's C API (Debian's libstemmer-dev, which ships no pkg-config file: the module map links
// the library by name). Its types are plain C, so Swift may see them.
#include <libstemmer.h>
