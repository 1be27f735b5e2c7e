/// One change made by repair, with where it was made and why.
public struct RepairEdit: Sendable, Equatable {
    /// What was changed.
    public enum Kind: String, Sendable {
        case insertedSpace = "inserted space"
        case removedCharacter = "removed"
        case normalizedSpace = "normalized space"
    }

    public var kind: Kind
    /// Offset in Unicode scalars into the input text.
    public var offset: Int
    /// 1-based line and column (in characters) of the change in the input text.
    public var line: Int
    public var column: Int
    /// The input around the change, with "|" where a space was inserted.
    public var context: String
    public var reason: String
}

/// Repaired text and the edits that made it.
public struct RepairResult: Sendable, Equatable {
    public var text: String
    public var edits: [RepairEdit]

    public init(text: String, edits: [RepairEdit]) {
        self.text = text
        self.edits = edits
    }

    /// How many spaces were inserted between glued words or sentences.
    public var insertedSpaces: Int { edits.count { $0.kind == .insertedSpace } }
}
