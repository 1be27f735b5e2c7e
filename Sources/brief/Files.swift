import BriefResources

/// Writes prediction lines to a file as they come; the file appears, whole, on `finish`.
final class PredictionWriter {
    private let file: AtomicFile

    init(path: String) throws(WriteError) {
        file = try AtomicFile(path: path)
    }

    func write(_ line: String) throws(WriteError) {
        try file.write(line + "\n")
    }

    func finish() throws(WriteError) {
        try file.commit()
    }
}
