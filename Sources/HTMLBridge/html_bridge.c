#include "html_bridge.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Only for the layout of libxml2's tree structs; no libxml2 symbol is linked.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

typedef htmlParserCtxtPtr (*create_context_fn)(const char *, int);
typedef int (*use_options_fn)(htmlParserCtxtPtr, int);
typedef int (*switch_encoding_fn)(xmlParserCtxtPtr, xmlCharEncoding);
typedef int (*parse_document_fn)(htmlParserCtxtPtr);
typedef void (*free_context_fn)(htmlParserCtxtPtr);
typedef void (*init_parser_fn)(void);
typedef xmlChar *(*strdup_fn)(const xmlChar *);

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static create_context_fn create_context;
static use_options_fn use_options;
static switch_encoding_fn switch_encoding;
static parse_document_fn parse_document;
static free_context_fn free_context;
static strdup_fn copy_string;
static char load_error[256];

static void load_libxml2(void) {
    void *handle = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!handle) handle = dlopen("libxml2.2.dylib", RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error, "cannot open libxml2 (install libxml2): %s", why ? why : "not found");
        return;
    }
    init_parser_fn init = (init_parser_fn)dlsym(handle, "xmlInitParser");
    create_context_fn create = (create_context_fn)dlsym(handle, "htmlCreateMemoryParserCtxt");
    use_options_fn options = (use_options_fn)dlsym(handle, "htmlCtxtUseOptions");
    switch_encoding_fn encoding = (switch_encoding_fn)dlsym(handle, "xmlSwitchEncoding");
    parse_document_fn parse = (parse_document_fn)dlsym(handle, "htmlParseDocument");
    free_context_fn free_fn = (free_context_fn)dlsym(handle, "htmlFreeParserCtxt");
    strdup_fn copy = (strdup_fn)dlsym(handle, "xmlStrdup");
    if (!init || !create || !options || !encoding || !parse || !free_fn || !copy) {
        snprintf(load_error, sizeof load_error, "libxml2 lacks its HTML parser functions");
        return;
    }
    init();
    use_options = options;
    switch_encoding = encoding;
    parse_document = parse;
    free_context = free_fn;
    copy_string = copy;
    create_context = create;
}

int32_t brief_html_load(char *message, int32_t capacity) {
    pthread_once(&load_once, load_libxml2);
    if (create_context) return 0;
    if (message && capacity > 0) snprintf(message, (size_t)capacity, "%s", load_error);
    return -1;
}

typedef struct {
    uint8_t *bytes;
    int64_t length, capacity;
    int failed;
} buffer;

static int reserve(buffer *b, int64_t more) {
    if (b->failed) return 0;
    if (b->length + more <= b->capacity) return 1;
    int64_t capacity = b->capacity ? b->capacity : 65536;
    while (capacity < b->length + more) {
        if (capacity > INT64_MAX / 2) { b->failed = 1; return 0; }
        capacity *= 2;
    }
    uint8_t *grown = realloc(b->bytes, (size_t)capacity);
    if (!grown) { b->failed = 1; return 0; }
    b->bytes = grown;
    b->capacity = capacity;
    return 1;
}

static void put_bytes(buffer *b, const void *data, int64_t length) {
    if (!reserve(b, length)) return;
    memcpy(b->bytes + b->length, data, (size_t)length);
    b->length += length;
}

static void put_u8(buffer *b, uint8_t value) { put_bytes(b, &value, 1); }
static void put_u16(buffer *b, uint16_t value) { put_bytes(b, &value, 2); }
static void put_u32(buffer *b, uint32_t value) { put_bytes(b, &value, 4); }

// Names longer than 65535 bytes are cut: no real tag or attribute name comes near.
static void put_name(buffer *b, const xmlChar *name) {
    size_t length = name ? strlen((const char *)name) : 0;
    if (length > 65535) length = 65535;
    put_u16(b, (uint16_t)length);
    put_bytes(b, name, (int64_t)length);
}


// The parse goes through libxml2's SAX interface straight into the buffer: no libxml2 tree is
// built and freed (that was most of the parse's time). The events of the HTML parser are those
// its tree builder gets (auto-closed elements end too), so the records are the tree's.
typedef struct {
    buffer out;
    int64_t depth, max_depth, elements;
    /// The depth of the script or style element whose text is being skipped, or 0.
    int64_t skipping;
    /// Where the length of the last text record is, when the last record written is text.
    int64_t open_text;
} sax_state;

static int equals_lower(const xmlChar *name, const char *lower) {
    return name && strcmp((const char *)name, lower) == 0;
}

static int contains_ld_json(const xmlChar *value) {
    if (!value) return 0;
    for (const xmlChar *p = value; *p; p++) {
        const char *want = "ld+json";
        size_t i = 0;
        while (want[i] && p[i] && (p[i] | 0x20) == want[i]) i++;
        if (!want[i]) return 1;
    }
    return 0;
}

static void on_start(void *context, const xmlChar *name, const xmlChar **attributes) {
    sax_state *state = (sax_state *)((htmlParserCtxtPtr)context)->_private;
    buffer *b = &state->out;
    state->open_text = -1;
    state->depth++;
    state->elements++;
    if (state->depth > state->max_depth) state->max_depth = state->depth;
    put_u8(b, 'E');
    put_name(b, name);
    uint16_t count = 0;
    if (attributes)
        for (const xmlChar **a = attributes; a[0] && count < 65535; a += 2) count++;
    put_u16(b, count);
    int ld_json = 0;
    for (uint16_t i = 0; i < count; i++) {
        const xmlChar *attribute = attributes[2 * i], *value = attributes[2 * i + 1];
        put_name(b, attribute);
        size_t length = value ? strlen((const char *)value) : 0;
        if (length > UINT32_MAX) length = 0;
        put_u32(b, (uint32_t)length);
        if (length > 0) put_bytes(b, value, (int64_t)length);
        if (equals_lower(attribute, "type") && contains_ld_json(value)) ld_json = 1;
    }
    // Scripts and styles are code, never text: only JSON-LD (metadata) keeps its text.
    if (!state->skipping && ((equals_lower(name, "script") && !ld_json) || equals_lower(name, "style")))
        state->skipping = state->depth;
}

static void on_end(void *context, const xmlChar *name) {
    (void)name;
    sax_state *state = (sax_state *)((htmlParserCtxtPtr)context)->_private;
    state->open_text = -1;
    if (state->depth <= 0) return;
    if (state->skipping == state->depth) state->skipping = 0;
    state->depth--;
    put_u8(&state->out, 'C');
}

static void on_text(void *context, const xmlChar *text, int length) {
    sax_state *state = (sax_state *)((htmlParserCtxtPtr)context)->_private;
    buffer *b = &state->out;
    if (state->skipping || length <= 0 || b->failed) return;
    // Text comes in pieces: one record per run of text, as the tree has one text node.
    if (state->open_text >= 0) {
        uint32_t previous;
        memcpy(&previous, b->bytes + state->open_text, 4);
        if ((uint64_t)previous + (uint64_t)length <= UINT32_MAX) {
            previous += (uint32_t)length;
            put_bytes(b, text, length);
            if (!b->failed) memcpy(b->bytes + state->open_text, &previous, 4);
            return;
        }
    }
    put_u8(b, 'T');
    state->open_text = b->length;
    put_u32(b, (uint32_t)length);
    put_bytes(b, text, length);
}

int32_t brief_html_parse(const char *utf8, int32_t length, brief_html_tree *tree) {
    memset(tree, 0, sizeof *tree);
    if (brief_html_load(NULL, 0) != 0 || length < 0) return -1;
    htmlParserCtxtPtr context = create_context(utf8, length);
    if (!context) return -1;
    sax_state state = {0};
    state.open_text = -1;
    reserve(&state.out, (int64_t)length / 2 + 1024);
    htmlSAXHandlerPtr handler = context->sax;
    memset(handler, 0, sizeof *handler);
    handler->startElement = on_start;
    handler->endElement = on_end;
    handler->characters = on_text;
    handler->cdataBlock = on_text;
    handler->ignorableWhitespace = on_text;
    context->_private = &state;
    use_options(context, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
    switch_encoding(context, XML_CHAR_ENCODING_UTF8);
    // The text is UTF-8 whatever the page declares (brief decoded it): with the input's encoding
    // named, the parser does not switch to a <meta charset> it meets (as htmlReadMemory does).
    if (context->input && !context->input->encoding) context->input->encoding = copy_string((const xmlChar *)"UTF-8");
    parse_document(context);
    free_context(context);
    // Elements the parser left open at the end are closed, as the tree has them.
    while (state.depth > 0 && !state.out.failed) {
        put_u8(&state.out, 'C');
        state.depth--;
    }
    if (state.out.failed) {
        free(state.out.bytes);
        return -1;
    }
    tree->bytes = state.out.bytes;
    tree->length = state.out.length;
    tree->elements = state.elements;
    tree->depth = state.max_depth;
    return 0;
}

void brief_html_free(brief_html_tree *tree) {
    free(tree->bytes);
    memset(tree, 0, sizeof *tree);
}
