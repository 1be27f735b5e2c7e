import Foundation
import Testing

/// The defects a hostile-input probe found (issue 12): each reproduced here on the built binary.
@Suite struct HostileInputTests {
    static let seed = BriefBinary.repositoryRoot + "/Examples/al-mada-air-defense.txt"
    static var hasApertium: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/apertium") }

    func jsonl(_ lines: [String]) throws -> String {
        try BriefBinary.temporaryFile("records.jsonl", Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    // 1. A record's language never reaches a path.
    @Test func languageOfARecordIsCheckedBeforeUse() throws {
        let path = try jsonl([
            #"{"id":1,"text":"The minister spoke. The talks went on.","lang":"../../../../etc/passwd\u0000"}"#,
            #"{"id":2,"text":"The minister spoke. The talks went on.","lang":"../../../../etc/hostname"}"#,
            #"{"id":3,"text":"The minister spoke. The talks went on.","lang":"xx"}"#,
            #"{"id":4,"text":"The minister spoke. The talks went on.","lang":"en-GB"}"#,
        ])
        for command in [["summarize"], ["repair"]] {
            let result = try BriefBinary.run(command + ["--jsonl", path])
            #expect(result.status == 3)
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 4)
            #expect(lines[0].contains("is not a language code") && lines[1].contains("is not a language code"))
            #expect(lines[2].contains("unknown language 'xx'"))
            #expect(!lines[3].contains("error"))
            #expect(!result.stdout.contains("root:") && !result.stderr.contains("root:"))
        }
        let eval = try jsonl([#"{"id":"a","text":"The minister spoke. The talks went on.","summaries":["The minister spoke."],"lang":"../../../../etc/passwd\u0000"}"#])
        let scored = try BriefBinary.run(["eval", "--data", eval])
        #expect(scored.status == 1)
        #expect(scored.stderr.contains("is not a language code") && !scored.stderr.contains("root:"))
        for bad in ["", "../", "xx", "e\u{1}n"] {
            let result = try BriefBinary.run(["summarize", Self.seed, "--to", bad])
            #expect(result.status == 64, "--to '\(bad)'")
        }
    }

    // 2. A cache that cannot be opened is one warning; a corrupt one is moved aside.
    @Test func unusableTranslationCaches() throws {
        guard Self.hasApertium else { return print("skipped: apertium is not installed") }
        let folder = (try BriefBinary.temporaryFile("x", Data()) as NSString).deletingLastPathComponent
        let random = folder + "/random.sqlite"
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }).write(to: URL(fileURLWithPath: random))
        let directory = folder + "/directory.sqlite"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fifo = folder + "/fifo.sqlite"
        #expect(mkfifo(fifo, 0o600) == 0)
        let loop = folder + "/loop.sqlite"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let article = try BriefBinary.temporaryFile("a.txt", Data("The minister said the talks went on.\n".utf8))
        for cache in [random, directory, fifo, loop] {
            let result = try BriefBinary.run(["translate", article, "--to", "es", "--cache", cache], timeout: 60)
            #expect(result.status == 0, "\(cache): \(result.stderr)")
            #expect(result.stdout.contains("ministro"))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        let moved = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("random.sqlite.corrupt-") }
        #expect(moved.count == 1)
        // The new cache works: a second run answers from it.
        let again = try BriefBinary.run(["translate", article, "--to", "es", "--cache", random])
        #expect(again.status == 0 && again.stdout.contains("ministro"))
    }

    // 3. Numeric options have ranges: usage errors, never a trap.
    @Test func hugeNumbersAreUsageErrors() throws {
        for arguments in [["summarize", Self.seed, "--sentences", "1152921504606846976"],
                          ["summarize", Self.seed, "--words", "9223372036854775807"],
                          ["summarize", Self.seed, "--sentences", "0"],
                          ["summarize", Self.seed, "--ratio", "nan"],
                          ["translate", Self.seed, "--to", "es", "--timeout", "-1"],
                          ["eval", "--data", Self.seed, "--sentences", "9223372036854775807"],
                          ["eval", "--data", Self.seed, "--limit", "0"]] {
            let result = try BriefBinary.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
        let many = try BriefBinary.run(["summarize", Self.seed, "--sentences", "100000"])
        #expect(many.status == 0)
    }

    // 4. Name matching is bounded.
    @Test func longNamesAreRefused() throws {
        let long = String(repeating: "محمد", count: 2500)
        let result = try BriefBinary.run(["translit", "match", long, String(repeating: "Mohammed", count: 1250)])
        #expect(result.status == 64)
        #expect(result.stderr.contains("over the 256-character limit"))
        let path = try jsonl([#"{"id":1,"a":"\#(long)","b":"Mohammed"}"#, #"{"id":2,"a":"محمد","b":"Mohammed"}"#])
        let records = try BriefBinary.run(["translit", "match", "--jsonl", path])
        #expect(records.status == 3)
        #expect(records.stdout.contains(#"{"id":2,"match":true}"#))
    }

    // 5, 6. Long letter runs and many brackets cost linear time: these finished in minutes, or never.
    @Test func pathologicalTextFinishes() throws {
        let run = try BriefBinary.temporaryFile("run.txt", Data((String(repeating: "a", count: 1 << 20) + "\n").utf8))
        let repaired = try BriefBinary.run(["repair", run], timeout: 120)
        #expect(repaired.status == 0 && repaired.stdout.utf8.count == (1 << 20) + 1)
        let camel = try BriefBinary.temporaryFile("camel.txt", Data((String(repeating: "Ab", count: 1 << 18) + "\n").utf8))
        #expect(try BriefBinary.run(["repair", camel], timeout: 120).status == 0)
        let brackets = "The " + (0..<10_000).map { "word\($0) (W\($0))" }.joined(separator: " ") + ".\n"
        let many = try BriefBinary.temporaryFile("brackets.txt", Data(brackets.utf8))
        #expect(try BriefBinary.run(["glossary", "extract", many], timeout: 120).status == 0)
    }

    // 8. Long runs of flags (regional indicators) cost linear time in translation.
    @Test func flagsTranslate() throws {
        guard Self.hasApertium else { return print("skipped: apertium is not installed") }
        let text = "The minister waved " + String(repeating: "🇮🇶", count: 20_000) + " at the talks.\n"
        let path = try BriefBinary.temporaryFile("flags.txt", Data(text.utf8))
        let result = try BriefBinary.run(["translate", path, "--to", "es", "--no-cache", "--timeout", "60"], timeout: 120)
        #expect(result.status == 0)
        #expect(result.stdout.contains(String(repeating: "🇮🇶", count: 100)))
    }

    // 9. JSON Lines lines are bounded; read errors are errors.
    @Test func overlongLinesAndReadErrors() throws {
        let path = try jsonl([String(repeating: "a", count: 3 << 20), #"{"id":"ok","text":"Fine text here."}"#])
        let result = try BriefBinary.run(["repair", "--jsonl", path, "--max-size", "1M"])
        #expect(result.status == 3)
        #expect(result.stdout.contains("longer than the 1048576-byte limit"))
        #expect(result.stdout.contains(#"{"id":"ok","text":"Fine text here."}"#))
        let unreadable = try BriefBinary.run(["repair", "--jsonl", "/proc/self/mem"])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("/proc/self/mem: cannot read"))
    }

    // 10. Write errors: a full disk is an error; a closed pipe ends the run as SIGPIPE does.
    @Test func writeErrorsAreNotSuccess() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return print("skipped: no /dev/full") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BriefBinary.executable)
        process.arguments = ["summarize", Self.seed]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("cannot write to standard output"))
        // A reader that goes away at once.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "'\(BriefBinary.executable)' repair '\(Self.seed)' | head -c 1 > /dev/null; echo \"${PIPESTATUS:-}\""]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
    }

    // 11. Files are written whole, through symlinks to what they name, or not at all.
    @Test func outputFilesAreAtomic() throws {
        let folder = (try BriefBinary.temporaryFile("x", Data()) as NSString).deletingLastPathComponent
        let target = folder + "/real.tsv"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        let link = folder + "/link.tsv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let result = try BriefBinary.run(["glossary", "export", "--format", "tsv", "--langs", "en,es", "-o", link])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("S-400"))
        let missing = try BriefBinary.run(["glossary", "export", "--format", "tsv", "--langs", "en,es", "-o", folder + "/no/such/folder/out.tsv"])
        #expect(missing.status == 1 && missing.stderr.contains("cannot write"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.contains(".tmp-") })
    }

    // 13. translit - reads standard input as every command does.
    @Test func translitReadsStandardInputWithChecks() throws {
        let binary = Data([0x7F, 0x45, 0x4C, 0x46] + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let result = try BriefBinary.run(["translit", "-"], input: binary)
        #expect(result.status == 1 && result.stderr.contains("binary"))
        let big = try BriefBinary.run(["translit", "-", "--max-size", "1K"], input: Data(String(repeating: "هذا اليوم\n", count: 500).utf8))
        #expect(big.status == 1 && big.stderr.contains("limit"))
        let fine = try BriefBinary.run(["translit", "-"], input: Data("هذا اليوم\n".utf8))
        #expect(fine.status == 0 && fine.stdout == "Hatha al-Youm\n")
    }

    // 14. Nothing scored is an error, and the message names the line once.
    @Test func evalWithoutAUsableRecordFails() throws {
        let path = try jsonl([#"{"id":4,"text":"   ","summaries":["x"]}"#, #"{"nothing":1}"#])
        let result = try BriefBinary.run(["eval", "--data", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("line 1 (id 4): empty input"))
        #expect(result.stderr.contains("no record could be scored"))
    }

    // 15. JSON Lines messages say what is wrong; ids come back as written.
    @Test func recordMessagesAndIds() throws {
        let path = try jsonl([
            #"{"id":12345678901234567890,"text":"Hello there."}"#,
            #"{"id":1.50,"text":"Hello there."}"#,
            #"{"id":[1],"text":"Hello there."}"#,
            "{\"id\":7,\"text\":\"a\u{1}b\"}",
        ])
        let result = try BriefBinary.run(["repair", "--jsonl", path])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == #"{"id":12345678901234567890,"text":"Hello there."}"#)
        #expect(lines[1] == #"{"id":1.50,"text":"Hello there."}"#)
        #expect(lines[2].contains("'id' must be a string or a number"))
        #expect(lines[3].hasPrefix(#"{"id":7,"#) && lines[3].contains("raw control character 0x01"))
    }

    // 16. File names that start with a dash.
    @Test func dashFileNames() throws {
        let folder = (try BriefBinary.temporaryFile("x", Data()) as NSString).deletingLastPathComponent
        let name = "-hot.txt"
        try Data(contentsOf: URL(fileURLWithPath: Self.seed)).write(to: URL(fileURLWithPath: folder + "/" + name))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BriefBinary.executable)
        process.arguments = ["summarize", "--", name]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && text.contains("Source: Al-Mada"))
        let help = try BriefBinary.run(["--help"])
        #expect(help.stdout.contains("put -- before them"))
    }

    // 17. DeepL glossaries saved with CR LF or CR line ends.
    @Test func glossaryLineEnds() throws {
        for end in ["\r\n", "\r", "\n"] {
            let tsv = try BriefBinary.temporaryFile("mine_en_es.tsv", Data(["S-400\tS-400", "air defense\tdefensa aérea", "drone\tdron"].joined(separator: end).utf8))
            let result = try BriefBinary.run(["glossary", "validate", tsv])
            #expect(result.status == 0, "\(end.debugDescription): \(result.stdout) \(result.stderr)")
            #expect(result.stdout.contains("3 concepts"), "\(end.debugDescription): \(result.stdout)")
        }
    }

    // 18. libxml2's own messages never reach stderr: brief's one line carries its reason.
    @Test func libxml2MessagesGoThroughBrief() throws {
        for (name, xml) in [("encoding.tbx", #"<?xml version="1.0" encoding="latin-9x"?><tbx/>"#),
                            ("tags.tbx", "<?xml version=\"1.0\"?>\n<tbx><text><body><conceptEntry id=\"c\">\n</body></text></tbx>\n"),
                            ("charref.tbx", "<?xml version=\"1.0\"?>\n<tbx a=\"&#x1;\"/>\n")] {
            let path = try BriefBinary.temporaryFile(name, Data(xml.utf8))
            let result = try BriefBinary.run(["glossary", "validate", path])
            #expect(result.status == 1, "\(name)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("brief: \(path)") && lines[0].contains("not well-formed XML ("), "\(name): \(result.stderr)")
        }
    }

    // 19. Text output never carries terminal controls or bidi overrides from the input; JSON escapes them.
    @Test func noTerminalControlsInTextOutput() throws {
        let text = "The minister said \u{1B}]0;owned\u{7}the talks \u{202E}went\u{202C} on. Turkey bought the S-400 system from Russia in 2019.\n"
        let path = try BriefBinary.temporaryFile("controls.txt", Data(text.utf8))
        let result = try BriefBinary.run(["repair", path])
        #expect(result.status == 0)
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(result.stdout.contains("owned"))
        let json = try BriefBinary.run(["summarize", path, "--format", "json"])
        #expect(json.stdout.contains("\\u001b") || json.stdout.contains("\\u202e") || !json.stdout.contains("owned"))
        #expect(!json.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }

    // 21. An unsure guess of the language never refuses a pair the user did not ask for.
    @Test func unsureLanguageIsSaidNotFailed() throws {
        guard Self.hasApertium else { return print("skipped: apertium is not installed") }
        let path = try BriefBinary.temporaryFile("short.txt", Data("S-400 PAC-3 MSE y F-35: $2.5bn, 2019 (CAATSA).\n".utf8))
        let result = try BriefBinary.run(["translate", path, "--to", "es", "--no-cache"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2,5 mil millones"))
        #expect(result.stderr.contains("too few words to tell the language; taken as en"))
    }

    // Stray bytes in ASCII text are read by a guess, and the guess is said.
    @Test func strayBytesAreReported() throws {
        var bytes = Array(String(repeating: "The minister said on Sunday that talks on the air defense system would go on. ", count: 40).utf8)
        for index in stride(from: 100, to: bytes.count, by: 700) { bytes[index] = 0xFF }
        let path = try BriefBinary.temporaryFile("stray.txt", Data(bytes))
        let result = try BriefBinary.run(["summarize", path, "--no-glossary"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("0xFF at byte offset 100"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    // Inputs the fuzzers found a crash with (Tests/Fixtures/fuzz): each read by the command that
    // reads its kind, which must answer with a result or one error line, never a trap.
    @Test func fuzzFindingsStayFixed() throws {
        let folder = BriefBinary.repositoryRoot + "/Tests/Fixtures/fuzz"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasSuffix(".md") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let path = folder + "/" + name
            let arguments: [String]
            switch (name as NSString).pathExtension {
            case "csv", "tsv", "tbx": arguments = ["glossary", "validate", path]
            case "jsonl": arguments = ["summarize", "--jsonl", path]
            default: arguments = ["summarize", path]
            }
            let result = try BriefBinary.run(arguments)
            #expect([0, 1, 3].contains(result.status), "\(name): exit \(result.status) \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("crashed"), "\(name)")
        }
        let same = try BriefBinary.run(["glossary", "validate", folder + "/csv-same-languages.csv"])
        #expect(same.stdout.contains("source and target language are both \"en\"") || same.stderr.contains("source and target language are both \"en\""))
    }

    // Smaller ones: a config file with a BOM; glossary extract of one unreadable file.
    @Test func configBOMAndExitCodes() throws {
        let config = try BriefBinary.temporaryFile("config", Data("\u{FEFF}engine = apertium\ntimeout = 30\n".utf8))
        let list = try BriefBinary.run(["summarize", Self.seed, "--to", "es", "--config", config, "--no-glossary"])
        #expect(!list.stderr.contains("unknown setting"))
        let missing = try BriefBinary.run(["glossary", "extract", "/no/such/file.txt"])
        #expect(missing.status == 1)
    }
}
