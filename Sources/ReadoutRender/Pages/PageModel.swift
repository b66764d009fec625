/// A titled block of a page; `html` is trusted HTML produced by this module.
struct PageSection: Sendable {
    var id: String
    var heading: String?
    var html: String
}

/// One page of a trial version's site, and a chapter of report.html.
struct SitePage: Sendable {
    enum Kind: String, Sendable {
        case overview, consort, baseline, efficacy, safety, narrative
    }

    var kind: Kind
    var file: String
    var title: String
    var subtitle: String?
    var sections: [PageSection]
}
