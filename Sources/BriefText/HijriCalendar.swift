import ICUBridge

/// Hijri (Islamic lunar) dates converted to the Gregorian calendar with ICU's calendars.
public enum HijriCalendar {
    /// Which reckoning of the Hijri calendar to use.
    public enum Variant: String, Sendable, CaseIterable {
        /// Saudi Arabia's official Umm al-Qura calendar, the one Gulf and Saudi outlets print
        /// (ICU knows its month lengths for 1300–1600 AH and falls back to civil outside them).
        case ummAlQura = "islamic-umalqura"
        /// The tabular (arithmetic) calendar; can differ from Umm al-Qura by a day.
        case civil = "islamic-civil"
    }

    /// A day of the Gregorian calendar.
    public struct GregorianDay: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    /// The Gregorian day of a Hijri date (month 1 = Muharram), or nil when that day does not
    /// exist (a 30th in a 29-day month, month 13). Fails only when ICU itself does.
    public static func gregorian(year: Int, month: Int, day: Int, variant: Variant = .ummAlQura) throws(TextError) -> GregorianDay? {
        // Out-of-range fields never reach ICU, whose strict mode is the check for the rest.
        guard (1...12).contains(month), (1...30).contains(day), (1...9999).contains(year) else { return nil }
        var result: [Int32] = [0, 0, 0]
        var status: Int32 = 0
        let found = result.withUnsafeMutableBufferPointer {
            brief_calendar_to_gregorian(variant.rawValue, Int32(year), Int32(month), Int32(day), $0.baseAddress, &status)
        }
        try ICUStatus.check(status, "Hijri date conversion")
        guard found == 1 else { return nil }
        return GregorianDay(year: Int(result[0]), month: Int(result[1]), day: Int(result[2]))
    }
}
