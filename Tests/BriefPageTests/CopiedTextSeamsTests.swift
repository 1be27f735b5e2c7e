import BriefResources
import Foundation
import Testing
@testable import BriefPage

private let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

/// Blocks of a page glued into one line by a copy, and the promotions, ads and foreign headlines
/// around an article (texts written for these tests, in the shapes news sites print).
@Suite struct CopiedTextSeamsTests {
    @Test func clockStampsGluedToATranscriptLineAreDropped() {
        let text = "00:00أيضا سوريا في سباق مع الزمن\n00:06مهلة العشرة أيام التي منحتها دمشق\n15:00Arab Coalition spokesman said"
        let (split, dropped) = CopiedTextSeams.splitting(text)
        #expect(split == "أيضا سوريا في سباق مع الزمن\nمهلة العشرة أيام التي منحتها دمشق\nArab Coalition spokesman said")
        #expect(dropped == 3)
    }

    @Test func timesWrittenAsProseStay() {
        for line in ["10:30am the minister arrived", "10:30 the minister arrived", "09:00GMT markets opened", "12:45h le ministre", "1:2 draw"] {
            #expect(CopiedTextSeams.splitting(line).text == line, "\(line)")
        }
    }

    @Test func anAgencyEndMarkGoesOnItsOwnLine() {
        let lead = "أجرى وزير الخارجية اتصالاً هاتفياً بنظيره الأمريكي وتناول الاتصال العلاقات الثنائية."
        #expect(CopiedTextSeams.splitting(lead + " // انتهى //19:52ت م 0132").text == lead + "\n// انتهى //19:52ت م 0132")
        #expect(CopiedTextSeams.splitting(lead + " (انتهى)").text == lead + "\n(انتهى)")
        // The verb in a sentence is not a mark.
        let prose = "وبعد ساعتين من النقاش انتهى الاجتماع دون اتفاق."
        #expect(CopiedTextSeams.splitting(prose).text == prose)
        #expect(CopiedTextSeams.splitting("قال المتحدث إن الاجتماع انتهى.").text == "قال المتحدث إن الاجتماع انتهى.")
    }

    @Test func aRunOfLinksAfterTheLastSentenceGoesOnItsOwnLine() {
        let lead = "La région du Kurdistan est habituellement épargnée par les violences."
        let links = "Notre site : http://www.example.com/fr/ Rejoignez-nous sur Facebook : https://www.facebook.com/example Suivez-nous sur Twitter : https://twitter.com/example"
        #expect(CopiedTextSeams.splitting(lead + " " + links).text == lead + "\n" + links)
        // One address quoted in a sentence is prose.
        let quoted = "The ministry published the full list on its website, https://www.example.gov/list, on Monday."
        #expect(CopiedTextSeams.splitting(quoted).text == quoted)
    }

    @Test func longHostileLinesStayLinear() {
        let many = String(repeating: "انتهى ", count: 50_000) + String(repeating: "http://a ", count: 50_000)
        #expect(CopiedTextSeams.splitting(many).text.utf8.count >= many.utf8.count)
    }
}

/// What the cleaner makes of promotions, ad slots and a headline of another story.
@Suite struct CopiedTextPromotionTests {
    let cleaner: CopiedTextCleaner
    let reader: PageReader

    init() throws {
        let data = DataDirectory(root: repositoryRoot)
        cleaner = try CopiedTextCleaner.load(from: data)
        reader = try PageReader.load(from: data)
    }

    static let arabic = """
    استهدفت غارة جوية دراجة نارية في بلدة حدودية جنوبي لبنان صباح الثلاثاء، ما أدى إلى مقتل شخص وإصابة آخر بجروح، وفق ما أفادت وسائل إعلام محلية.
    تغطية متواصلة على قناة الموقع في "تليغرام"
    وقالت الوكالة الرسمية إن الغارة نفذتها طائرة مسيرة، وإن فرق الإسعاف نقلت المصاب إلى مستشفى قريب لتلقي العلاج اللازم.
    وتشهد المنطقة الحدودية منذ أيام تصعيدا ملحوظا في الضربات المتبادلة، وسط مخاوف من اتساع المواجهة خلال الأسابيع المقبلة.
    """

    @Test func aLineInvitingReadersToFollowTheSiteIsClutter() {
        let result = cleaner.clean(Self.arabic, language: "ar")
        #expect(result.labels[1] == .clutter)
        #expect(result.paragraphs.count == 3)
    }

    static let english = """
    Egypt in talks to buy fighter jets from China
    Egypt is in advanced talks with China to purchase a dozen multirole fighter jets, according to people familiar with the negotiations.
    The aircraft can fly at twice the speed of sound and carry a wide range of air-to-air and air-to-ground weapons.
    Book transfer in Turkey 728*90
    The purchase would further strain relations between Cairo and Washington, which has long supplied the Egyptian air force.
    Follow us on Telegram
    Telegram channel banned in Iraq over leaks
    """

    @Test func anAdSlotAndAFollowPromptAreClutter() {
        let result = cleaner.clean(Self.english, language: "en")
        #expect(result.labels[3] == .clutter)
        #expect(result.labels[5] == .clutter)
        #expect(result.title == "Egypt in talks to buy fighter jets from China")
        #expect(!result.text.contains("728"))
    }

    @Test func aHeadlineOfAnotherStoryAboveTheLeadIsNotTheTitle() throws {
        let text = """
        Trump signs executive order allowing sanctions on countries detaining Americans unlawfully
        The new Syrian administration announced on Tuesday an agreement to merge the armed factions into the defence ministry, ending years of division among the groups that fought the former government.
        Sources said the ministry would organise the fighters into brigades and that the factions would hand over their heavy weapons within weeks.
        The commander of one faction backed by Washington said his men would keep fighting drug smugglers along the border under the new command.
        """
        let page = try reader.read(text: text, language: "en")
        #expect(page.title == nil)
        #expect(page.paragraphs.count == 3)
        // The same text under its own headline keeps it.
        let own = try reader.read(text: "Syrian factions agree to merge into the defence ministry\n" + text.split(separator: "\n").dropFirst().joined(separator: "\n"), language: "en")
        #expect(own.title == "Syrian factions agree to merge into the defence ministry")
    }

    @Test func aTranscriptWithoutFullStopsComesOutWhole() throws {
        let text = """
        00:00أيضا سوريا وفي سباق مع الزمن من أجل دمج الفصائل المسلحة تحت لواء وزارة الدفاع السورية الجديدة
        00:06مهلة العشرة أيام التي منحتها دمشق لهذه الفصائل من أجل مراجعتها والقيام بعملية الاندماج الكامل
        00:15فكما تابعنا أغلب الفصائل التي قاتلت النظام السابق انضمت للجيش السوري تحت رعاية وزارة الدفاع
        00:22ولكن نتجه إلى الشمال الشرقي حيث لا تزال قوات سوريا الديمقراطية تسيطر على مناطق واسعة هناك
        00:29في وقت توجد أيضا تشكيلات مسلحة متنوعة في درعا والسويداء ومنطقة التنف في الجنوب
        Comments
        """
        let page = try reader.read(text: text, language: "ar")
        #expect(page.paragraphs.count == 5)
        #expect(page.paragraphs.allSatisfy { !$0.contains(":") })
        #expect(page.title == nil)
    }

    @Test func aTickerOfHeadlinesRunTogetherIsClutter() {
        let ticker = (["Minister opens new shooting club in the western desert", "Electricity minister receives senate committee on energy strategy",
                       "Club signs national team player for the coming season", "Three air strikes hit vehicles in the south this morning",
                       "Artificial intelligence raises big questions on privacy and content"]).joined(separator: " ")
        let text = """
        \(ticker)
        The health ministry said on Monday that it had opened an inquiry into the treatment of a patient at a public hospital, after his family complained to the press.
        Officials told reporters that the patient had been restrained for his own safety and that the hospital would publish its findings within a week.
        """
        let result = cleaner.clean(text, language: "en")
        #expect(result.labels[0] == .clutter)
        #expect(result.paragraphs.count == 2)
    }

    @Test func aPostInAnotherLanguageInsideTheArticleIsClutter() {
        let text = """
        Le siège de la zone sud des Forces armées royales à Agadir a accueilli une réunion de planification de l'exercice militaire conjoint, en présence d'officiers des deux pays et de représentants de plusieurs armées partenaires.
        Get ready for the exercise! Planning for the return of the largest military exercise in Africa is getting started this week with the teams that will take part in it.
        Les manœuvres doivent se dérouler au printemps prochain dans plusieurs régions du Royaume, selon un communiqué publié à l'issue de la réunion par l'état-major.
        """
        let result = cleaner.clean(text, language: "fr")
        #expect(result.labels[1] == .clutter)
        #expect(result.paragraphs.count == 2)
    }

    @Test func teasersCutWithAnEllipsisAfterTheBodyAreNotBody() {
        let text = """
        A spokesperson for the group said on Sunday that a missile fired from a warship had exploded near a merchant vessel in the Red Sea, without causing casualties.
        The ship was travelling from the Black Sea to a port in East Africa, the spokesperson said, adding that the crew had been warned beforehand.
        The capital witnessed a series of air strikes that targeted multiple sites, leaving one person dead and thirteen others injured, according to…
        The maritime trade agency said on Tuesday that it had received a report of an incident involving a vessel a hundred nautical miles east of the coast…
        """
        let result = cleaner.clean(text, language: "en")
        #expect(result.paragraphs.count == 2)
        #expect(!result.text.contains("…"))
        // One paragraph that ends with an ellipsis is the article's own.
        let one = text.split(separator: "\n").dropLast().joined(separator: "\n")
        #expect(cleaner.clean(one, language: "en").paragraphs.count == 3)
    }
}

