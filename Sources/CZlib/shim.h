// zlib (zlib1g-dev): gzip-compressed pages (.html.gz) and HTTP answers.
#include <zlib.h>
