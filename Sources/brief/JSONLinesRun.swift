import ArgumentParser
import BriefInput
import BriefOutput
import BriefPipeline

/// The next line of `reader`; a read error ends the run with exit status 1 (never taken for the
/// end of the input).
func nextLine(_ reader: JSONLinesReader) throws -> JSONLinesReader.Line? {
    do {
        return try reader.nextLine()
    } catch {
        Diagnostics.fail(error.description)
    }
}

/// Runs a command over JSON Lines records: one result line per record, an error line for a record
/// that fails (the others go on), and exit status 3 when any failed.
enum JSONLinesRun {
    /// Records with an id and a text (`textField`, optional title and lang).
    static func run(_ path: String, textField: String = "text", maxLineBytes: Int = 32 << 20,
                    _ body: (ArticleRecord) throws(ArticleError) -> JSONValue) throws {
        try run(path, maxLineBytes: maxLineBytes, parse: { bytes, line throws(RecordError) in
            let record = try JSONLines.record(from: bytes, line: line, textField: textField)
            return (record.id, record)
        }, body)
    }

    /// Page records: `id` and one of `text`, `html` or `path`, optional `url`.
    static func runPages(_ path: String, maxLineBytes: Int = 32 << 20, _ body: (PageRecord) throws(ArticleError) -> JSONValue) throws {
        try run(path, maxLineBytes: maxLineBytes, parse: { bytes, line throws(RecordError) in
            let record = try JSONLines.pageRecord(from: bytes, line: line)
            return (record.id, record)
        }, body)
    }

    /// Records whose string fields `fields` are all needed.
    static func runFields(_ path: String, fields: [String], maxLineBytes: Int = 32 << 20,
                          _ body: (RecordID, [String]) throws(ArticleError) -> JSONValue) throws {
        try run(path, maxLineBytes: maxLineBytes, parse: { bytes, line throws(RecordError) in
            let (id, values) = try JSONLines.strings(from: bytes, line: line, names: fields)
            return (id, (id, values))
        }) { (record: (RecordID, [String])) throws(ArticleError) in try body(record.0, record.1) }
    }

    private static func run<Record>(_ path: String, maxLineBytes: Int, parse: ([UInt8], Int) throws(RecordError) -> (RecordID, Record),
                                    _ body: (Record) throws(ArticleError) -> JSONValue) throws {
        let reader: JSONLinesReader
        do {
            reader = try JSONLinesReader(path: path, maxLineBytes: maxLineBytes)
        } catch {
            Diagnostics.fail(error.description)
        }
        let renderer = JSONRenderer(pretty: false)
        var failures = 0
        while let (number, line) = try nextLine(reader) {
            do {
                let bytes = try line.get()
                do {
                    let (id, record) = try parse(bytes, number)
                    do {
                        Output.write(try body(record).serialized() + "\n")
                    } catch {
                        failures += 1
                        Diagnostics.warn("\(path): line \(number) (id \(id)): \(error.problem)")
                        Output.write(renderer.renderError(id: id, "line \(number): \(error.problem)") + "\n")
                    }
                } catch {
                    failures += 1
                    Diagnostics.warn("\(path): \(error.description)")
                    Output.write(renderer.renderError(id: JSONLines.id(of: bytes), error.description) + "\n")
                }
            } catch {
                failures += 1
                Diagnostics.warn("\(path): \(error.description)")
                Output.write(renderer.renderError(id: .missing, error.description) + "\n")
            }
        }
        if failures > 0 {
            Diagnostics.warn("\(path): \(failures) of \(reader.lineNumber) lines failed")
            throw ExitCode(3)
        }
    }
}
