import BriefResources

/// A place of news datelines: a town, a province, a region or a country.
public struct Place: Sendable, Equatable {
    public let id: String
    public let arabic: String
    public let latin: String
    public let country: String
    public let kind: String
}

/// The places of `Lexicons/places.tsv`, found by any of their spellings in either script, folded
/// as the outlet registry folds names: the evidence that tells "دبي : متابعات" (a place) from
/// "المراسل – متابعات:" (an outlet) in a head line.
public struct PlaceGazetteer: Sendable {
    public static let path = "Lexicons/places.tsv"
    public let places: [Place]
    /// The first row listed keeps a shared name (Libya's Tripoli before Lebanon's).
    private let index: SpellingIndex

    public init(places: [(Place, variants: [String])]) {
        self.places = places.map(\.0)
        index = SpellingIndex(places.map { [$0.0.arabic, $0.0.latin] + $0.variants })
    }

    public static func load(from data: DataDirectory) throws(NamesError) -> PlaceGazetteer {
        let lines: [(number: Int, text: Substring)]
        do { lines = try data.numberedLines(path) } catch { throw NamesError(problem: error.description) }
        var places: [(Place, variants: [String])] = []
        var header = true
        for (number, line) in lines where !line.hasPrefix("#") && !line.isEmpty {
            let fields = line.fields(separatedBy: 0x09)
            if header { header = false; continue }
            guard fields.count == 6, !fields[0].isEmpty, !fields[1].isEmpty, !fields[2].isEmpty else {
                throw NamesError(problem: "\(path):\(number): expected 6 tab-separated fields: id, arabic, latin, variants, country, kind")
            }
            let variants = Substring(fields[3]).fields(separatedBy: 0x7C).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            places.append((Place(id: fields[0], arabic: fields[1], latin: fields[2], country: fields[4], kind: fields[5]), variants))
        }
        return PlaceGazetteer(places: places)
    }

    /// The place spelled `name`, however it is cased, hyphenated, accented or spaced.
    public func place(named name: String) -> Place? {
        index.position(of: name).map { places[$0] }
    }
}
