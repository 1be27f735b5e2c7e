/* The two HTML parsers Debian offers, side by side on the same pages: libxml2's HTML parser
 * (what brief uses) and gumbo (an HTML5 tree builder). Prints MB/s and how much the trees agree
 * (elements and text bytes outside scripts and styles). Built and run by html-parsers.sh. */
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <zlib.h>

typedef struct { long elements, text; } counts;

static double cpu_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int skipped(const char *name) { return !strcasecmp(name, "script") || !strcasecmp(name, "style"); }

/* Iterative walks: pages can nest deeply. */
static counts walk_gumbo(GumboNode *root) {
    counts c = {0, 0};
    GumboNode **stack = malloc(sizeof(GumboNode *) * 1000000);
    long top = 0;
    stack[top++] = root;
    while (top > 0) {
        GumboNode *node = stack[--top];
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
            c.text += strlen(node->v.text.text);
        } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE || node->type == GUMBO_NODE_DOCUMENT) {
            GumboVector *children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
            if (node->type != GUMBO_NODE_DOCUMENT) {
                c.elements++;
                if (skipped(gumbo_normalized_tagname(node->v.element.tag))) continue;
            }
            for (unsigned i = 0; i < children->length && top < 999999; i++) stack[top++] = children->data[i];
        }
    }
    free(stack);
    return c;
}

static counts walk_libxml2(xmlNodePtr node) {
    counts c = {0, 0};
    while (node) {
        int descend = 0;
        if (node->type == XML_ELEMENT_NODE) {
            c.elements++;
            descend = !skipped((const char *)node->name);
        } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            c.text += node->content ? strlen((const char *)node->content) : 0;
        }
        if (descend && node->children) { node = node->children; continue; }
        while (node && !node->next) {
            node = node->parent;
            if (!node || node->type == XML_HTML_DOCUMENT_NODE) { node = NULL; break; }
        }
        if (node) node = node->next;
    }
    return c;
}

static unsigned char *read_gzip(const char *path, long *length) {
    gzFile file = gzopen(path, "rb");
    if (!file) return NULL;
    long capacity = 1 << 20, used = 0;
    unsigned char *bytes = malloc(capacity);
    int got;
    while ((got = gzread(file, bytes + used, (unsigned)(capacity - used))) > 0) {
        used += got;
        if (used == capacity) bytes = realloc(bytes, capacity *= 2);
    }
    gzclose(file);
    *length = used;
    return bytes;
}

int main(int argc, char **argv) {
    double gumbo_time = 0, xml_time = 0;
    long bytes = 0, same_elements = 0, pages = 0;
    counts gumbo_total = {0, 0}, xml_total = {0, 0};
    for (int i = 1; i < argc; i++) {
        long length;
        unsigned char *page = read_gzip(argv[i], &length);
        if (!page) continue;
        pages++;
        bytes += length;
        double started = cpu_seconds();
        GumboOutput *output = gumbo_parse_with_options(&kGumboDefaultOptions, (const char *)page, length);
        counts g = walk_gumbo(output->document);
        gumbo_destroy_output(&kGumboDefaultOptions, output);
        gumbo_time += cpu_seconds() - started;
        started = cpu_seconds();
        htmlDocPtr document = htmlReadMemory((const char *)page, (int)length, NULL, "UTF-8",
                                             HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
        counts x = walk_libxml2(document ? document->children : NULL);
        if (document) xmlFreeDoc(document);
        xml_time += cpu_seconds() - started;
        gumbo_total.elements += g.elements; gumbo_total.text += g.text;
        xml_total.elements += x.elements; xml_total.text += x.text;
        /* gumbo adds the implied html/head/body; a difference of up to 3 is the same tree. */
        if (labs(g.elements - x.elements) <= 3) same_elements++;
        free(page);
    }
    printf("pages %ld, %.1f MB of HTML\n", pages, bytes / 1e6);
    printf("libxml2 %s: %.3f s CPU, %.1f MB/s, %ld elements, %ld text bytes\n", LIBXML_DOTTED_VERSION, xml_time, bytes / xml_time / 1e6, xml_total.elements, xml_total.text);
    printf("gumbo:          %.3f s CPU, %.1f MB/s, %ld elements, %ld text bytes\n", gumbo_time, bytes / gumbo_time / 1e6, gumbo_total.elements, gumbo_total.text);
    printf("pages whose element counts agree (within the 3 implied elements): %ld of %ld; libxml2 %.1fx as fast\n",
           same_elements, pages, gumbo_time / xml_time);
    return 0;
}
