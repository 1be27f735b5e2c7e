import BriefNames

/// Renders the source of an article: the outlet in both scripts, section, author, dateline.
public enum BylineRenderer {
    /// Head lines for a terminal: "Source: Hatha al-Youm (هذا اليوم) · Iraq News", "By: …", "Dateline: …".
    public static func text(_ byline: Byline) -> String {
        var out = ""
        if let title = byline.title { out += title + "\n" }
        if let outlet = outletText(byline) {
            out += "Source: " + ([outlet] + [byline.section].compactMap { $0 }).joined(separator: " · ") + "\n"
        } else if let section = byline.section {
            out += "Section: \(section)\n"
        }
        if let author = byline.author { out += "By: \(author)\n" }
        let dateline = [byline.place, byline.date].compactMap { $0 }
        if !dateline.isEmpty { out += "Dateline: " + dateline.joined(separator: ", ") + "\n" }
        return out
    }

    /// "Hatha al-Youm (هذا اليوم)": the registry's names in both scripts, or the name as written.
    static func outletText(_ byline: Byline) -> String? {
        if let outlet = byline.outlet { return "\(outlet.latin) (\(outlet.arabic))" }
        return byline.outletName
    }

    public static func json(_ byline: Byline) -> JSONValue {
        let outlet: JSONValue = byline.outlet.map { outlet in
            .object([("id", .string(outlet.id)), ("latin", .string(outlet.latin)), ("arabic", .string(outlet.arabic)),
                     ("country", .array(outlet.countries.map { .string($0) })), ("domain", .optional(outlet.domain.isEmpty ? nil : outlet.domain)),
                     ("kind", .string(outlet.kind))])
        } ?? .null
        return .object([
            ("outlet", outlet),
            ("outlet_as_written", .optional(byline.outletName)),
            ("section", .optional(byline.section)),
            ("author", .optional(byline.author)),
            ("place", .optional(byline.place)),
            ("date", .optional(byline.date)),
            ("title", .optional(byline.title)),
        ])
    }
}
