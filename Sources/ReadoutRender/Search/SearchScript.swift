/// The one script of Readout's pages: the search box of `search.html` (a version) and of the site home (every
/// version). It reads the index inlined as `<script type="application/json" id="search-index">`, shows the box
/// (hidden without JavaScript, when the plain link list is the whole page) and lists matching sections with
/// `textContent` only. Pages allow exactly this script: its SHA-256 is in their Content-Security-Policy
/// (`script-src 'sha256-…'`); `SearchScriptTests` checks the hash against the text.
public enum SearchScript {
    /// The script, exactly as it appears between `<script>` and `</script>`.
    public static let source = #"""
(function () {
  var data = document.getElementById("search-index"), box = document.getElementById("search-box");
  if (!data || !box) return;
  var entries = JSON.parse(data.textContent), input = document.getElementById("search-input");
  var list = document.getElementById("search-results"), status = document.getElementById("search-status");
  var all = document.getElementById("search-all");
  box.hidden = false;
  function snippet(text, term) {
    var i = text.toLowerCase().indexOf(term), start = Math.max(0, i - 60);
    return (start > 0 ? "\u2026" : "") + text.slice(start, start + 180) + (start + 180 < text.length ? "\u2026" : "");
  }
  function run() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    while (list.firstChild) list.removeChild(list.firstChild);
    if (all) all.hidden = terms.length > 0;
    if (terms.length === 0) { status.textContent = ""; return; }
    var found = entries.filter(function (e) {
      var hay = (e.title + " " + e.section + " " + e.text).toLowerCase();
      return terms.every(function (t) { return hay.indexOf(t) >= 0; });
    });
    status.textContent = found.length + (found.length === 1 ? " result" : " results");
    found.slice(0, 100).forEach(function (e) {
      var li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
      a.href = e.href;
      a.textContent = e.title + (e.section && e.section !== e.title ? " \u2014 " + e.section : "");
      p.textContent = snippet(e.text, terms[0]);
      li.appendChild(a); li.appendChild(p); list.appendChild(li);
    });
  }
  input.addEventListener("input", run);
  run();
})();
"""#

    /// `sha256-<base64 of SHA-256(source)>`, the CSP hash source of `source`.
    public static let hash = "sha256-9D36+Dk3QwHMEjeCnvCetF7OUKHfN5eG8PUQg+DR0p0="
}
