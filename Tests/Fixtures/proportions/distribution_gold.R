# Gold values for Tests/ReadoutStatsTests/Numerics/*Tests.swift, printed as Swift array literals.
# Run: Rscript distribution_gold.R > /tmp/gold.swift   (R 4.2.2)
g <- function(v) {
  s <- sprintf("%.17g", v)
  s[is.infinite(v) & v > 0] <- ".infinity"; s[is.infinite(v) & v < 0] <- "-.infinity"
  s
}
row <- function(...) cat("        (", paste(g(c(...)), collapse = ", "), "),\n", sep = "")
open <- function(comment, decl) cat("    // ", comment, "\n    static let ", decl, " = [\n", sep = "")
close <- function() cat("    ]\n\n")
normal <- 2.2250738585072014e-308  # smallest normal double: subnormal results carry too few digits to compare

open("pnorm(x), pnorm(x, lower.tail = FALSE)", "normalTails: [(x: Double, lower: Double, upper: Double)]")
for (x in c(-37.5, -30, -20, -10, -8, -6, -5, -4, -3.5, -3.0000001, -3, -2.5, -1.96, -1, -0.5, -1e-10, 0,
            1e-10, 0.3, 1, 2.9, 3, 3.1, 5, 8, 10, 20, 30, 37.5))
  row(x, pnorm(x), pnorm(x, lower.tail = FALSE))
close()

open("qnorm(p)", "normalQuantiles: [(p: Double, x: Double)]")
for (p in c(1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-16, 1e-10, 1e-5, 0.001, 0.025, 0.05, 0.1, 0.3, 0.4999,
            0.5001, 0.7, 0.9, 0.975, 0.999, 1 - 1e-10, 1 - 1e-15, 1 - 1e-16))
  row(p, qnorm(p))
close()

open("pchisq(x, df), pchisq(x, df, lower.tail = FALSE)", "chiSquare: [(x: Double, df: Double, lower: Double, upper: Double)]")
for (df in c(1:10, 50)) for (x in c(1e-8, 1e-4, 0.01, 0.5, 1, 3.84, 10, 30, 100, 200, 500, 1000)) {
  lo <- pchisq(x, df); up <- pchisq(x, df, lower.tail = FALSE)
  if (lo >= normal && up >= normal) row(x, df, lo, up)
}
close()

shapes <- list(c(0.5, 0.5), c(1, 1), c(2, 3), c(0.5, 1000), c(1000, 0.5), c(10, 10), c(71, 19), c(0.1, 5),
               c(100, 200), c(1, 5000), c(4999, 2), c(2500, 2501), c(0.01, 1), c(30, 0.8))
open("pbeta(x, a, b), pbeta(x, a, b, lower.tail = FALSE); results below the smallest normal double left out",
     "betaTails: [(x: Double, a: Double, b: Double, lower: Double, upper: Double)]")
for (s in shapes) for (x in c(1e-300, 1e-20, 1e-6, 1e-3, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999, 1 - 1e-10)) {
  lo <- pbeta(x, s[1], s[2]); up <- pbeta(x, s[1], s[2], lower.tail = FALSE)
  if (lo >= normal && up >= normal) row(x, s[1], s[2], lo, up)
}
close()

open("qbeta(p, a, b), qbeta(p, a, b, lower.tail = FALSE)", "betaQuantiles: [(p: Double, a: Double, b: Double, lower: Double, upper: Double)]")
for (s in shapes) for (p in c(1e-300, 1e-20, 1e-5, 0.025, 0.5, 0.975, 1 - 1e-10)) {
  lo <- qbeta(p, s[1], s[2]); up <- qbeta(p, s[1], s[2], lower.tail = FALSE)
  if (lo >= normal && up >= normal) row(p, s[1], s[2], lo, up)
}
close()

open("dhyper(x, m, n, k), dhyper(x, m, n, k, log = TRUE), phyper(x, m, n, k), phyper(x, m, n, k, lower.tail = FALSE)",
     "hypergeometric: [(x: Int, m: Int, n: Int, k: Int, density: Double, logDensity: Double, lower: Double, upper: Double)]")
for (h in list(c(54, 126, 89), c(10, 7, 8), c(5000, 5000, 4000), c(3, 1000, 5), c(1000, 30, 40), c(20000, 1, 10000), c(0, 10, 5))) {
  lo <- max(0, h[3] - h[2]); hi <- min(h[3], h[1])
  xs <- unique(round(c(lo, lo + 1, lo + (hi - lo) * c(0.01, 0.1, 0.3, 0.45, 0.5, 0.55, 0.7, 0.9, 0.99), hi - 1, hi)))
  for (x in xs[xs >= lo & xs <= hi]) {
    d <- dhyper(x, h[1], h[2], h[3]); pl <- phyper(x, h[1], h[2], h[3]); pu <- phyper(x, h[1], h[2], h[3], lower.tail = FALSE)
    if (d >= normal && pl >= normal && (pu >= normal || pu == 0))
      row(x, h, d, dhyper(x, h[1], h[2], h[3], log = TRUE), pl, pu)
  }
}
close()
