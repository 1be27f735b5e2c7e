#!/usr/bin/env python3
"""A small ISO Schematron evaluator (on Saxon-HE, via saxonche) and the NVDL section check that
validate-tbx.sh needs.

Usage:
  schematron.py sch FILE.xml SCHEMA.sch [SCHEMA.sch ...] [--phase ID] [--dump-xslt DIR]
      Evaluates each schema and prints one line per failed assert / fired report:
      FILE:LINE: [SCHEMA pattern] <node>: message  (assert TEST)
  schematron.py sections FILE.xml NS=SCHEMA.rng [NS=SCHEMA.rng ...] --host NS
      NVDL-style sections: every element whose namespace differs from its parent's starts a
      section. A section in a namespace given as NS=SCHEMA.rng is copied out as a standalone
      document and validated with `xmllint --relaxng SCHEMA.rng` (what an NVDL <validate> of that
      namespace does when its child sections are attached; TBX module elements hold text only).
      Any other section is rejected, except that the root must be in the --host namespace.
      Prints one line per failure: FILE:LINE: [SCHEMA] <element>: xmllint's message.
Exit status: 0 nothing found, 1 failures printed, 2 could not run.

How the Schematron is evaluated: every schema is compiled to one XSLT 3.0 stylesheet, the way
ISO Schematron's XSLT binding works. Each pattern is a mode that visits every node (document,
elements, attributes, text); each non-abstract rule is a template of that mode matching the rule
context, with priorities falling in document order so only the first matching rule of a pattern
fires on a node. sch:ns becomes namespace declarations; sch:let at schema and pattern level
becomes global variables (a pattern variable whose name another pattern also uses is evaluated
inside each rule instead, with the document root as context), and at rule level a local variable
in the rule's template. assert fails when its test is false, report fires when it is true;
messages get sch:value-of and sch:name filled in, and sch:diagnostics appended. Also supported:
sch:include, abstract rules with sch:extends rule="...", abstract patterns with is-a/param
(textual $param substitution), phases (defaultPhase or --phase).
"""
import collections
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import xml.parsers.expat
from xml.sax.saxutils import escape, quoteattr

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
INTERNAL = "urn:x-brief:schematron"
IDREF = re.compile(r"IDREFS? attribute \S+ references an unknown ID")


def sch(tag):
    return "{%s}%s" % (SCH, tag)


def die(message):
    print("schematron.py: " + message, file=sys.stderr)
    sys.exit(2)


# MARK: Loading a schema

def load_schema(path):
    """Parses a schema and replaces sch:include with what it points at."""
    root = ET.parse(path).getroot()
    if root.tag != sch("schema"):
        die("%s: not an ISO Schematron schema (root is %s)" % (path, root.tag))
    resolve_includes(root, os.path.dirname(os.path.abspath(path)))
    return root


def resolve_includes(element, base):
    for index, child in enumerate(list(element)):
        if child.tag == sch("include"):
            href = child.get("href", "")
            target = os.path.join(base, href.split("#")[0])
            included = ET.parse(target).getroot()
            resolve_includes(included, os.path.dirname(target))
            element.remove(child)
            element.insert(index, included)
        else:
            resolve_includes(child, base)


# MARK: Compiling to XSLT

class Compiler:
    def __init__(self, schema, phase=None):
        self.schema = schema
        self.phase = phase
        self.checks = []  # index -> dict(kind, pattern, context, test, id, role)
        self.diagnostics = {d.get("id"): d for d in schema.iter(sch("diagnostic"))}
        self.abstract_rules = {r.get("id"): r for r in schema.iter(sch("rule")) if r.get("abstract") == "true"}
        self.abstract_patterns = {p.get("id"): p for p in schema.iter(sch("pattern")) if p.get("abstract") == "true"}

    def patterns(self):
        patterns = [p for p in self.schema.findall(sch("pattern")) if p.get("abstract") != "true"]
        phase_id = self.phase or self.schema.get("defaultPhase")
        phase_lets = []
        if phase_id and phase_id != "#ALL":
            phase = next((p for p in self.schema.findall(sch("phase")) if p.get("id") == phase_id), None)
            if phase is None:
                die("no phase %r" % phase_id)
            active = {a.get("pattern") for a in phase.findall(sch("active"))}
            patterns = [p for p in patterns if p.get("id") in active]
            phase_lets = phase.findall(sch("let"))
        return patterns, phase_lets

    def instantiate(self, pattern):
        """An is-a pattern: the abstract pattern's rules with $params replaced."""
        if not pattern.get("is-a"):
            return pattern
        abstract = self.abstract_patterns.get(pattern.get("is-a"))
        if abstract is None:
            die("pattern %s: no abstract pattern %r" % (pattern.get("id"), pattern.get("is-a")))
        params = {p.get("name"): p.get("value", "") for p in pattern.findall(sch("param"))}
        names = sorted(params, key=len, reverse=True)

        def substitute(text):
            if text is None:
                return None
            for name in names:
                text = re.sub(r"\$" + re.escape(name) + r"(?![\w.-])", lambda _: params[name], text)
            return text

        copy = ET.fromstring(ET.tostring(abstract))
        for element in copy.iter():
            for attribute in ("context", "test", "select", "path", "value"):
                if element.get(attribute) is not None:
                    element.set(attribute, substitute(element.get(attribute)))
        copy.set("id", pattern.get("id") or abstract.get("id") or "")
        copy.attrib.pop("abstract", None)
        return copy

    def rule_body(self, rule, seen=()):
        """The lets, asserts and reports of a rule, with sch:extends expanded in place."""
        body = []
        for child in rule:
            if child.tag == sch("extends"):
                target = child.get("rule")
                if target is None:
                    die("sch:extends href= is not supported")
                if target in seen or target not in self.abstract_rules:
                    die("sch:extends: no abstract rule %r (or a cycle)" % target)
                body += self.rule_body(self.abstract_rules[target], seen + (target,))
            elif child.tag in (sch("let"), sch("assert"), sch("report")):
                body.append(child)
        return body

    def variable(self, let, indent):
        name = let.get("name")
        as_ = ' as=%s' % quoteattr(let.get("as")) if let.get("as") else ""
        if let.get("value") is not None:
            return '%s<xsl:variable name=%s%s select=%s/>\n' % (indent, quoteattr(name), as_, quoteattr(let.get("value")))
        content = (escape(let.text or "") + "".join(ET.tostring(c, encoding="unicode") for c in let))
        return '%s<xsl:variable name=%s%s>%s</xsl:variable>\n' % (indent, quoteattr(name), as_, content)

    def message(self, element):
        """XSLT instructions writing the text of an assert, report or diagnostic."""
        out = []
        if element.text:
            out.append("<xsl:text>%s</xsl:text>" % escape(element.text))
        for child in element:
            if child.tag == sch("value-of"):
                out.append("<xsl:value-of select=%s/>" % quoteattr(child.get("select", ".")))
            elif child.tag == sch("name"):
                out.append("<xsl:value-of select=%s/>" % quoteattr("name(%s)" % child.get("path", ".")))
            else:  # emph, dir, span, foreign markup: keep the text
                out.append(self.message(child))
            if child.tail:
                out.append("<xsl:text>%s</xsl:text>" % escape(child.tail))
        return "".join(out)

    def compile(self):
        namespaces = {"xsl": XSL, "xs": "http://www.w3.org/2001/XMLSchema", "schx": INTERNAL}
        for ns in self.schema.findall(sch("ns")):
            namespaces[ns.get("prefix")] = ns.get("uri")
        patterns, phase_lets = self.patterns()
        patterns = [self.instantiate(p) for p in patterns]

        x = ['<?xml version="1.0" encoding="UTF-8"?>\n<xsl:stylesheet version="3.0"']
        for prefix, uri in namespaces.items():
            x.append("\n    xmlns:%s=%s" % (prefix, quoteattr(uri)))
        x.append(' exclude-result-prefixes="#all">\n')
        x.append('  <xsl:output method="xml" indent="no"/>\n')
        for let in self.schema.findall(sch("let")) + phase_lets:
            x.append(self.variable(let, "  "))

        # Pattern variables are global unless two patterns share a name.
        counts = collections.Counter(l.get("name") for p in patterns for l in p.findall(sch("let")))
        local_lets = {}
        for index, pattern in enumerate(patterns):
            local_lets[index] = []
            for let in pattern.findall(sch("let")):
                if counts[let.get("name")] > 1:
                    local_lets[index].append(let)
                else:
                    x.append(self.variable(let, "  "))

        x.append('  <xsl:template match="/">\n    <schx:report>\n')
        for index, _ in enumerate(patterns):
            x.append('      <xsl:apply-templates select="." mode="p%d"/>\n' % index)
        x.append('    </schx:report>\n  </xsl:template>\n')

        for index, pattern in enumerate(patterns):
            mode = "p%d" % index
            x.append('\n  <!-- pattern %s -->\n' % escape(pattern.get("id") or str(index)).replace("--", "- -"))
            x.append('  <xsl:template match="document-node()|element()" mode="%s" priority="-100">'
                     '<xsl:apply-templates select="@*, node()" mode="#current"/></xsl:template>\n' % mode)
            x.append('  <xsl:template match="@*|text()|comment()|processing-instruction()" mode="%s" priority="-100"/>\n' % mode)
            rules = [r for r in pattern.findall(sch("rule")) if r.get("abstract") != "true"]
            for number, rule in enumerate(rules):
                context = rule.get("context")
                if not context:
                    die("pattern %s: a rule without context" % pattern.get("id"))
                x.append('  <xsl:template match=%s mode="%s" priority="%d">\n' % (quoteattr(context), mode, len(rules) - number))
                for let in local_lets[index]:
                    name, value = let.get("name"), let.get("value")
                    if value is None:
                        die("pattern variable %s must have a value= to be used in more than one pattern" % name)
                    x.append('    <xsl:variable name=%s select=%s/>\n' % (quoteattr(name), quoteattr("root(.) ! (%s)" % value)))
                for item in self.rule_body(rule):
                    if item.tag == sch("let"):
                        x.append(self.variable(item, "    "))
                        continue
                    kind = "assert" if item.tag == sch("assert") else "report"
                    test = item.get("test")
                    if test is None:
                        die("pattern %s: %s without test" % (pattern.get("id"), kind))
                    check = len(self.checks)
                    self.checks.append({"kind": kind, "pattern": pattern.get("id") or "#%d" % index,
                                        "context": context, "test": " ".join(test.split()),
                                        "id": item.get("id"), "role": item.get("role")})
                    condition = "not((%s))" % test if kind == "assert" else "(%s)" % test
                    x.append('    <xsl:if test=%s>\n' % quoteattr(condition))
                    x.append('      <schx:f c="%d" path="{path()}" name="{if (. instance of attribute()) then \'@\' else \'\'}{name()}">' % check)
                    x.append(self.message(item))
                    for ref in (item.get("diagnostics") or "").split():
                        if ref in self.diagnostics:
                            x.append("<xsl:text> </xsl:text>" + self.message(self.diagnostics[ref]))
                    x.append('</schx:f>\n    </xsl:if>\n')
                x.append('    <xsl:apply-templates select="@*, node()" mode="#current"/>\n  </xsl:template>\n')
        x.append("</xsl:stylesheet>\n")
        return "".join(x)


# MARK: Locating nodes

def line_numbers(path, wanted):
    """Line of each element whose fn:path() (Q{uri}local[n] steps) is in wanted."""
    found, stack = {}, []
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")

    def start(name, _attrs):
        uri, _, local = name.rpartition(" ")
        key = "Q{%s}%s" % (uri, local)
        if stack:
            parent_path, counts = stack[-1]
        else:
            parent_path, counts = "", collections.Counter()
            stack.append(("", counts))
        counts[key] += 1
        own = "%s/%s[%d]" % (parent_path, key, counts[key])
        if own in wanted:
            found[own] = parser.CurrentLineNumber
        stack.append((own, collections.Counter()))

    def end(_name):
        stack.pop()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    with open(path, "rb") as f:
        parser.ParseFile(f)
    return found


def element_path(node_path):
    """The element part of a path() result (attributes and text nodes belong to their element)."""
    return re.sub(r"/(@(Q\{[^}]*\})?[^/]*|text\(\)\[\d+\]|comment\(\)\[\d+\]"
                  r"|processing-instruction\([^)]*\)\[\d+\]|namespace::[^/]*)$", "", node_path)


# MARK: Commands

def run_sch(xml_path, schemas, phase=None, dump=None):
    try:
        from saxonche import PySaxonProcessor
    except ImportError:
        die("saxonche is not installed (pip install saxonche)")
    failures = []
    with PySaxonProcessor(license=False) as processor:
        try:
            document = processor.parse_xml(xml_file_name=os.path.abspath(xml_path))
        except Exception as error:  # noqa: BLE001 - Saxon reports parse errors this way
            die("%s: cannot parse: %s" % (xml_path, error))
        for schema_path in schemas:
            compiler = Compiler(load_schema(schema_path), phase)
            stylesheet = compiler.compile()
            if dump:
                os.makedirs(dump, exist_ok=True)
                with open(os.path.join(dump, os.path.basename(schema_path) + ".xsl"), "w", encoding="utf-8") as f:
                    f.write(stylesheet)
            xslt = processor.new_xslt30_processor()
            try:
                executable = xslt.compile_stylesheet(stylesheet_text=stylesheet)
                executable.set_global_context_item(xdm_item=document)
                result = executable.apply_templates_returning_string(xdm_value=document)
            except Exception as error:  # noqa: BLE001
                die("%s: %s (run with --dump-xslt DIR to see the generated XSLT)" % (schema_path, error))
            if result is None:
                die("%s: Saxon returned no result" % schema_path)
            for fired in ET.fromstring(result).iter("{%s}f" % INTERNAL):
                failures.append((os.path.basename(schema_path), compiler.checks[int(fired.get("c"))],
                                 fired.get("path"), fired.get("name"), " ".join("".join(fired.itertext()).split())))
    lines = line_numbers(xml_path, {element_path(f[2]) for f in failures}) if failures else {}
    for schema_name, check, node_path, name, text in failures:
        line = lines.get(element_path(node_path), 0)
        where = (name if name.startswith("@") else "<%s>" % name) if name else node_path
        label = "%s %s" % (schema_name, check["pattern"]) + (" %s" % check["id"] if check["id"] else "")
        role = " (%s)" % check["role"] if check["role"] else ""
        detail = "%s %s" % (check["kind"], check["test"])
        message = text or "%s: %s" % ("assertion failed" if check["kind"] == "assert" else "report", check["test"])
        print("%s:%d: [%s] %s%s: %s  (%s)" % (xml_path, line, label, where, role, message, detail))
    return 1 if failures else 0


class Sections:
    """Copies each NVDL section in a validated namespace out as a standalone document."""

    def __init__(self, host, validated):
        self.host, self.validated = host, validated
        self.docs = collections.OrderedDict()  # (uri, xml) -> [(line, qname)]
        self.rejected = []  # (line, qname, uri, why)
        self.stack = []  # (uri, open section buffers, the buffer this element started or None)

    @staticmethod
    def split(name):
        parts = name.split(" ")
        if len(parts) == 1:
            return "", parts[0], parts[0]
        uri, local = parts[0], parts[1]
        qname = "%s:%s" % (parts[2], local) if len(parts) == 3 else local
        return uri, local, qname

    def start(self, name, attrs):
        uri, local, qname = self.split(name)
        line = self.parser.CurrentLineNumber
        parent_uri, buffers, _ = self.stack[-1] if self.stack else (None, (), None)
        own = None
        if parent_uri is None and uri != self.host:
            self.rejected.append((line, qname, uri, "the root element must be in %s" % self.host))
        elif parent_uri is not None and uri != parent_uri:
            if uri in self.validated:  # a new section, also attached to the sections around it
                own = [[], line, qname]
                buffers = buffers + (own,)
            else:  # rejected: reported, and not attached to the section around it
                buffers = ()
                self.rejected.append((line, qname, uri, "no element of this namespace is allowed here"))
        if buffers:
            tag = [local]
            if uri != parent_uri:
                tag.append('xmlns=%s' % quoteattr(uri))
            prefixes = {}
            for attribute, value in attrs.items():
                a_uri, a_local, _ = self.split(attribute)
                if not a_uri:
                    tag.append("%s=%s" % (a_local, quoteattr(value)))
                elif a_uri == "http://www.w3.org/XML/1998/namespace":
                    tag.append("xml:%s=%s" % (a_local, quoteattr(value)))
                else:
                    prefix = prefixes.setdefault(a_uri, "a%d" % len(prefixes))
                    tag.append("%s:%s=%s" % (prefix, a_local, quoteattr(value)))
            tag += ["xmlns:%s=%s" % (p, quoteattr(u)) for u, p in prefixes.items()]
            for buffer in buffers:
                buffer[0].append("<%s>" % " ".join(tag))
        self.stack.append((uri, buffers, own))

    def end(self, name):
        uri, buffers, own = self.stack.pop()
        for buffer in buffers:
            buffer[0].append("</%s>" % self.split(name)[1])
        if own is not None:
            self.docs.setdefault((uri, "".join(own[0])), []).append((own[1], own[2]))

    def text(self, data):
        if self.stack:
            for buffer in self.stack[-1][1]:
                buffer[0].append(escape(data))

    def parse(self, path):
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        self.parser.namespace_prefixes = True
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text
        with open(path, "rb") as f:
            try:
                self.parser.ParseFile(f)
            except xml.parsers.expat.ExpatError as error:
                die("%s: not well-formed: %s" % (path, error))


def run_sections(xml_path, host, rngs):
    sections = Sections(host, rngs)
    sections.parse(xml_path)
    out = []
    for line, qname, uri, why in sections.rejected:
        out.append((line, "%s:%d: [NVDL] <%s> (namespace %s) rejected: %s" % (xml_path, line, qname, uri or "none", why)))
    with tempfile.TemporaryDirectory(prefix="nvdl-sections-") as tmp:
        by_uri = collections.defaultdict(list)
        for index, ((uri, text), places) in enumerate(sections.docs.items()):
            doc = os.path.join(tmp, "s%06d.xml" % index)
            with open(doc, "w", encoding="utf-8") as f:
                f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n")
            by_uri[uri].append((doc, text, places))
        for uri, docs in by_uri.items():
            rng = rngs[uri]
            errors = collections.defaultdict(list)
            failed = set()
            for start in range(0, len(docs), 500):
                batch = [d[0] for d in docs[start:start + 500]]
                try:
                    run = subprocess.run(["xmllint", "--noout", "--relaxng", rng] + batch,
                                         capture_output=True, text=True)
                except FileNotFoundError:
                    die("xmllint is not installed")
                if run.returncode not in (0, 3):
                    die("xmllint --relaxng %s failed (%d): %s" % (rng, run.returncode, run.stderr.strip()[:500]))
                for message in run.stderr.splitlines():
                    match = re.match(r"(.*?\.xml):\d+: (.*)", message)
                    if match:
                        errors[match.group(1)].append(re.sub(r"Relax-NG validity error : ", "", match.group(2)).strip())
                    elif message.endswith(" fails to validate"):
                        failed.add(message[: -len(" fails to validate")])
            for doc, text, places in docs:
                # A standalone copy has none of the file's IDs, so libxml2's ID/IDREF check would
                # flag every internal reference; whether targets exist is TBX-Basic_DCT.sch's job.
                messages = [m for m in errors.get(doc, []) if not IDREF.search(m)]
                if not messages and (doc not in failed or doc in errors):
                    continue
                reason = "; ".join(dict.fromkeys(messages or ["fails to validate"]))
                content = re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", text)).strip()
                if len(content) > 60:
                    content = content[:57] + "..."
                for line, qname in places:
                    out.append((line, "%s:%d: [%s] <%s>%s</%s>: %s" % (xml_path, line, os.path.basename(rng), qname,
                                                                      content, qname, reason)))
    for _, message in sorted(out, key=lambda item: item[0]):
        print(message)
    return 1 if out else 0


def main(argv):
    if len(argv) < 3 or argv[0] not in ("sch", "sections"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    command, args = argv[0], list(argv[1:])

    def option(name):
        if name in args:
            at = args.index(name)
            if at + 1 >= len(args):
                die("%s needs a value" % name)
            value = args[at + 1]
            del args[at:at + 2]
            return value
        return None

    if command == "sch":
        phase, dump = option("--phase"), option("--dump-xslt")
        return run_sch(args[0], args[1:], phase, dump)
    host = option("--host")
    if host is None:
        die("sections needs --host NAMESPACE")
    rngs = {}
    for pair in args[1:]:
        uri, _, rng = pair.rpartition("=")
        if not uri:
            die("expected NAMESPACE=SCHEMA.rng, got %r" % pair)
        rngs[uri] = rng
    return run_sections(args[0], host, rngs)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception:  # noqa: BLE001 - a crash must not look like "problems found" (exit 1)
        import traceback
        traceback.print_exc()
        sys.exit(2)
