/// Reads glossaries as DeepL takes them: one language pair per file, one entry per line, source
/// term first. TSV has two columns; CSV has two, or four with the language codes
/// (`"S-400","إس-400","en","ar"`). The pair comes from the CSV's code columns, a header line of
/// codes (`en<TAB>ar`), the file name (`…_en_ar.tsv`), or the caller, in that order; else en → ar.
enum DelimitedReader {
    static func read(_ text: String, separator: Character, file: String, languages: (String, String)?) -> ([Concept], [GlossaryError]) {
        let text = unixLineEnds(text)
        var concepts: [Concept] = []
        var problems: [GlossaryError] = []
        var pair = languages ?? languagesFromName(file) ?? ("en", "ar")
        var seen: [String: Int] = [:]
        // Rows are handled as they are read: a list of every row first would cost more memory
        // than the glossary itself on large files.
        func handle(_ index: Int, _ rawRow: [String]) {
            let number = index + 1
            let row = rawRow.map { GlossaryReader.trim($0, newlines: true) }
            if row.allSatisfy(\.isEmpty) { return }
            func bad(_ problem: String) { problems.append(GlossaryError(file: file, line: number, problem: problem)) }
            if index == 0, row.count == 2, isLanguageCode(row[0]), isLanguageCode(row[1]) {
                pair = (row[0].lowercased(), row[1].lowercased())
                return
            }
            guard row.count == 2 || (separator == "," && row.count == 4) else {
                bad("expected 2 columns\(separator == "," ? " (or 4 with the language codes)" : ""), found \(row.count)")
                return
            }
            if row.count == 4 {
                guard isLanguageCode(row[2]), isLanguageCode(row[3]) else {
                    bad("columns 3 and 4 must be language codes, found \"\(row[2])\", \"\(row[3])\"")
                    return
                }
                pair = (row[2].lowercased(), row[3].lowercased())
            }
            // One pair, two languages: "en,en" would make one dictionary key of two terms.
            guard pair.0 != pair.1 else {
                bad("source and target language are both \"\(pair.0)\"")
                return
            }
            guard !row[0].isEmpty, !row[1].isEmpty else {
                bad("empty \(row[0].isEmpty ? "source" : "target") term")
                return
            }
            let key = row[0].lowercased()
            if let first = seen[key] {
                bad("duplicate source term \"\(row[0])\" (first on line \(first))")
                return
            }
            seen[key] = number
            concepts.append(Concept(id: "user-" + slug(row[0]) + "-\(number)", category: "general", type: .term,
                                    terms: [pair.0: [row[0]], pair.1: [row[1]]], definition: "",
                                    sources: [pair.0: "user", pair.1: "user"], origin: "\(file):\(number)"))
        }
        if separator == "," {
            csvRows(text, handle)
        } else {
            var index = 0
            var start = text.startIndex
            while start < text.endIndex {
                let end = text.utf8[start...].firstIndex(of: 0x0A) ?? text.endIndex
                handle(index, text[start..<end].split(separator: "\t", omittingEmptySubsequences: false).map { String($0) })
                index += 1
                start = end == text.endIndex ? end : text.utf8.index(after: end)
            }
        }
        return (concepts, problems)
    }

    /// CR LF (Windows) and lone CR (old Mac) line ends as LF: every spreadsheet saves one of the three.
    static func unixLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousCR = true
                continue
            }
            if scalar == "\n", previousCR { previousCR = false; continue }
            previousCR = false
            out.append(scalar)
        }
        return String(out)
    }

    static func isLanguageCode(_ text: String) -> Bool {
        (2...3).contains(text.count) && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    /// "glossary_en_ar.tsv" → ("en", "ar").
    static func languagesFromName(_ path: String) -> (String, String)? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        let parts = stem.split(whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init)
        guard parts.count >= 2 else { return nil }
        let a = parts[parts.count - 2], b = parts[parts.count - 1]
        guard a.count == 2, b.count == 2, Glossary.languages.contains(a.lowercased()), Glossary.languages.contains(b.lowercased()) else { return nil }
        return (a.lowercased(), b.lowercased())
    }

    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { out.unicodeScalars.append(scalar) }
            else if !out.hasSuffix("-"), !out.isEmpty { out += "-" }
            if out.count >= 40 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "term" : out
    }

    /// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        csvRows(text) { rows.append($1) }
        return rows
    }

    /// As `csvRows`, each row given to `handle` with its index as it is read.
    static func csvRows(_ text: String, _ handle: (Int, [String]) -> Void) {
        var index = 0
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field += "\"" } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",": row.append(field); field = ""
            case "\n":
                row.append(field)
                handle(index, row)
                index += 1
                row = []
                field = ""
            case "\r": continue
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); handle(index, row) }
    }
}
