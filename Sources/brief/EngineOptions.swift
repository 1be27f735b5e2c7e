import ArgumentParser
import BriefTranslate

/// The translation engine's options, shared by the commands that translate.
struct EngineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Translation engine: apertium (local, the default), apy (Apertium's HTTP server) or libretranslate (a LibreTranslate server; needed for Arabic). Also BRIEF_ENGINE or 'engine =' in the config file.", valueName: "name"))
    var engine: String?

    @Option(name: .long, help: ArgumentHelp("Address of the apy or libretranslate server (default http://127.0.0.1:2737 for apy, http://127.0.0.1:5000 for libretranslate; http or https). Also BRIEF_SERVER or 'server ='.", valueName: "url"))
    var server: String?

    @Option(name: .customLong("api-key"), help: ArgumentHelp("LibreTranslate API key. Also BRIEF_API_KEY or 'api_key ='.", valueName: "key"))
    var apiKey: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for the engine, above 0 and at most 3600 (default 120). Also BRIEF_TIMEOUT or 'timeout ='.", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .long, help: ArgumentHelp("Config file with 'key = value' lines (engine, server, api_key, timeout); default BRIEF_CONFIG, else ~/.config/brief/config when it exists.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Translation cache file (SQLite; default translations.sqlite in $BRIEF_CACHE_DIR, $XDG_CACHE_HOME/brief or ~/.cache/brief). Segments found there are not sent to the engine again.", valueName: "file"))
    var cache: String?

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the translation cache.")
    var noCache = false

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 3600) {
            throw ValidationError("--timeout must be above 0 and at most 3600 seconds (got \(timeout))")
        }
    }

    /// The cache to use, or nil (asked not to, or it cannot be opened: then said once on
    /// standard error, and translation goes on without it).
    func openCache() -> TranslationCache? {
        guard !noCache, let path = cache ?? TranslationCache.defaultPath() else { return nil }
        do {
            let cache = try TranslationCache(path: path)
            if let aside = cache.movedAside { Diagnostics.warn("\(path): not a usable translation cache; moved to \(aside) and a new one made") }
            return cache
        } catch {
            Diagnostics.warn("translating without a cache: \(error.description)")
            return nil
        }
    }

    /// The settings these flags, the environment and the config file give.
    func settings() throws -> EngineSettings {
        do {
            return try EngineSettings.resolve(engine: engine, server: server, apiKey: apiKey, timeout: timeout, configFile: config)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
