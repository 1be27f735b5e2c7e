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
}
