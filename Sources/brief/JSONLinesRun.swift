import ArgumentParser
import BriefInput
import BriefOutput
import BriefPipeline

/// Runs a command over JSON Lines records: one result line per record, an error line for a record
/// that fails (the others go on), and exit status 3 when any failed.
enum JSONLinesRun {
    static func run(_ path: String, textField: String = "text",
                    _ body: (ArticleRecord) throws(ArticleError) -> JSONValue) throws {
        let reader: JSONLinesReader
        do {
            reader = try JSONLinesReader(path: path)
        } catch {
            Diagnostics.fail(error.description)
        }
        let renderer = JSONRenderer(pretty: false)
        var failures = 0
        while let (number, bytes) = reader.nextLine() {
            do {
                let record = try JSONLines.record(from: bytes, line: number, textField: textField)
                do {
                    Output.write(try body(record).serialized() + "\n")
                } catch {
                    failures += 1
                    Diagnostics.warn("\(path): line \(number) (id \(record.id)): \(error.problem)")
                    Output.write(renderer.renderError(id: record.id, "line \(number): \(error.problem)") + "\n")
                }
            } catch {
                failures += 1
                Diagnostics.warn("\(path): \(error.description)")
                Output.write(renderer.renderError(id: JSONLines.id(of: bytes), error.description) + "\n")
            }
        }
        if failures > 0 {
            Diagnostics.warn("\(path): \(failures) of \(reader.lineNumber) lines failed")
            throw ExitCode(3)
        }
    }
}
