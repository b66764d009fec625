/// Who a report is for (`report.audience`, docs/audiences.md): `closed` — the data monitoring committee,
/// everything by arm (the default) — or `open` — everyone else, pooled results only.
public enum Audience: String, PlanEnum {
    case open, closed
}
