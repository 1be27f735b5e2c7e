import BriefPipeline

/// Renders why each sentence scored as it did: rank, score, the features, and whether it was chosen.
public enum ExplanationRenderer {
    public static func render(_ brief: ArticleBrief) -> String {
        let ranking = brief.summary.ranking
        let chosen = Set(brief.summary.sentences.map(\.index))
        var out = "method \(brief.summary.method)"
        if ranking.redundancy > 0 { out += ", redundancy weight \(format(ranking.redundancy))" }
        out += "\n"
        let allFeatures = ranking.features
        for (index, score) in ranking.scores.enumerated() {
            let mark = chosen.contains(index) ? "*" : " "
            let features = allFeatures[index].map { "\($0.name)=\(format($0.value))" }.joined(separator: " ")
            let text = brief.document.text(ofSentence: index).prefix(60).replacingNewlines()
            out += "\(mark) [\(index)] score \(format(score))  \(features)  \"\(text)…\"\n"
        }
        return out
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return String(scaled)
    }
}

extension Substring {
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
