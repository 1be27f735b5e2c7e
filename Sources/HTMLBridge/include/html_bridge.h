// libxml2's HTML parser, opened at run time, its SAX events written into one flat byte buffer.
//
// libxml2 is not linked: commands that read text never load it (see TBXReader for the same
// choice). No recursion here, so documents nested 100,000 deep cost no stack.
#ifndef BRIEF_HTML_BRIDGE_H
#define BRIEF_HTML_BRIDGE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 0 when libxml2 could be opened (once per process), else -1 with a message in `message`.
int32_t brief_html_load(char *message, int32_t capacity);

/// The result of a parse: `bytes` holds the tree in document order as records (native byte
/// order):
///   'E' u16 name length, name, u16 attribute count, then per attribute
///       u16 name length, name, u32 value length, value       an element opens
///   'T' u32 length, UTF-8 text                                  a text or CDATA node
///   'C'                                                         the last open element closes
/// Comments, processing instructions, and the text of styles and of scripts other than JSON-LD
/// are left out. Element and attribute names are as libxml2 gives them (lowercase for HTML).
typedef struct brief_html_tree {
    uint8_t *bytes;
    int64_t length;
    /// Elements in the tree.
    int64_t elements;
    /// The deepest nesting seen.
    int64_t depth;
} brief_html_tree;

/// Parses UTF-8 HTML. Returns 0 and fills `tree` (free it with brief_html_free), or -1 when no
/// document came out (libxml2 not loaded, no memory, nothing parsable).
int32_t brief_html_parse(const char *utf8, int32_t length, brief_html_tree *tree);

void brief_html_free(brief_html_tree *tree);

#ifdef __cplusplus
}
#endif

#endif
