#include "html_bridge.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Only for the layout of libxml2's tree structs; no libxml2 symbol is linked.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

typedef htmlDocPtr (*read_memory_fn)(const char *, int, const char *, const char *, int);
typedef void (*free_doc_fn)(xmlDocPtr);
typedef void (*init_parser_fn)(void);

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static read_memory_fn read_memory;
static free_doc_fn free_doc;
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
    read_memory_fn read = (read_memory_fn)dlsym(handle, "htmlReadMemory");
    free_doc_fn free_fn = (free_doc_fn)dlsym(handle, "xmlFreeDoc");
    if (!init || !read || !free_fn) {
        snprintf(load_error, sizeof load_error, "libxml2 lacks its HTML parser functions");
        return;
    }
    init();
    read_memory = read;
    free_doc = free_fn;
}

int32_t brief_html_load(char *message, int32_t capacity) {
    pthread_once(&load_once, load_libxml2);
    if (read_memory) return 0;
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

static void put_text(buffer *b, const xmlChar *text) {
    size_t length = text ? strlen((const char *)text) : 0;
    if (length > UINT32_MAX) length = UINT32_MAX;
    put_u8(b, 'T');
    put_u32(b, (uint32_t)length);
    put_bytes(b, text, (int64_t)length);
}

static void put_element(buffer *b, xmlNodePtr node) {
    put_u8(b, 'E');
    put_name(b, node->name);
    uint16_t count = 0;
    for (xmlAttrPtr attribute = node->properties; attribute && count < 65535; attribute = attribute->next) count++;
    put_u16(b, count);
    uint16_t written = 0;
    for (xmlAttrPtr attribute = node->properties; attribute && written < count; attribute = attribute->next, written++) {
        put_name(b, attribute->name);
        // An attribute's value is its text children (one, for parsed HTML).
        int64_t length = 0;
        for (xmlNodePtr child = attribute->children; child; child = child->next)
            if (child->content) length += (int64_t)strlen((const char *)child->content);
        if (length > UINT32_MAX) length = 0;
        put_u32(b, (uint32_t)length);
        if (length > 0)
            for (xmlNodePtr child = attribute->children; child; child = child->next)
                if (child->content) put_bytes(b, child->content, (int64_t)strlen((const char *)child->content));
    }
}

int32_t brief_html_parse(const char *utf8, int32_t length, brief_html_tree *tree) {
    memset(tree, 0, sizeof *tree);
    if (brief_html_load(NULL, 0) != 0 || length < 0) return -1;
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED;
    htmlDocPtr document = read_memory(utf8, length, NULL, "UTF-8", options);
    if (!document) return -1;
    buffer b = {0};
    reserve(&b, (int64_t)length / 2 + 1024);
    int64_t depth = 0, elements = 0;
    // Pre-order walk with parent pointers: no recursion, whatever the nesting.
    xmlNodePtr node = document->children;
    while (node && !b.failed) {
        int descend = 0;
        switch (node->type) {
        case XML_ELEMENT_NODE:
            put_element(&b, node);
            elements++;
            descend = 1;
            break;
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            put_text(&b, node->content);
            break;
        default:
            break;
        }
        if (descend && node->children) {
            node = node->children;
            depth++;
            if (depth > tree->depth) tree->depth = depth;
            continue;
        }
        if (descend) put_u8(&b, 'C');
        while (node && !node->next) {
            node = node->parent;
            if (!node || node->type == XML_HTML_DOCUMENT_NODE || node->type == XML_DOCUMENT_NODE) { node = NULL; break; }
            put_u8(&b, 'C');
            depth--;
        }
        if (node) node = node->next;
    }
    free_doc(document);
    if (b.failed) {
        free(b.bytes);
        return -1;
    }
    tree->bytes = b.bytes;
    tree->length = b.length;
    tree->elements = elements;
    return 0;
}

void brief_html_free(brief_html_tree *tree) {
    free(tree->bytes);
    memset(tree, 0, sizeof *tree);
}
