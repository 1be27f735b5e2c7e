import BriefRepair

/// Renders the edits of a repair as one line each: where, what, and why.
public enum RepairExplanation {
    public static func render(_ result: RepairResult) -> String {
        guard !result.edits.isEmpty else { return "no changes\n" }
        var out = ""
        for edit in result.edits {
            let context = edit.context.isEmpty ? "" : " \"\(edit.context)\""
            out += "\(edit.line):\(edit.column): \(edit.kind.rawValue)\(context): \(edit.reason)\n"
        }
        let inserted = result.insertedSpaces
        out += "\(result.edits.count) changes, \(inserted) spaces inserted\n"
        return out
    }

    /// The edits as JSON objects (line, column, kind, context, reason), for JSON Lines output.
    public static func json(_ edits: [RepairEdit]) -> JSONValue {
        .array(edits.map { edit in
            .object([("line", .int(edit.line)), ("column", .int(edit.column)),
                     ("kind", .string(edit.kind.rawValue)), ("context", .string(edit.context)), ("reason", .string(edit.reason))])
        })
    }
}
