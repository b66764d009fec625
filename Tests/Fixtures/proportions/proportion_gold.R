# Gold values for Tests/ReadoutStatsTests/Proportions/*Tests.swift, printed as Swift array literals.
# Run: Rscript proportion_gold.R   (R 4.2.2)
g <- function(v) {
  s <- sprintf("%.17g", v)
  s[is.infinite(v) & v > 0] <- ".infinity"; s[is.infinite(v) & v < 0] <- "-.infinity"
  s
}
row <- function(...) cat("        (", paste(g(c(...)), collapse = ", "), "),\n", sep = "")
open <- function(comment, decl) cat("    // ", comment, "\n    static let ", decl, " = [\n", sep = "")
close <- function() cat("    ]\n\n")

cases <- list(c(0, 10), c(10, 10), c(1, 1), c(0, 1), c(3, 17), c(71, 89), c(55, 91), c(1, 5000), c(2500, 5000),
              c(4990, 5000), c(5000, 5000))
open("binom.test(x, n, conf.level = level)$conf.int and prop.test(x, n, correct = FALSE, conf.level = level)$conf.int",
     "binomial: [(x: Int, n: Int, level: Double, cpLower: Double, cpUpper: Double, wilsonLower: Double, wilsonUpper: Double)]")
for (level in c(0.95, 0.9, 0.99)) for (s in cases) {
  cp <- binom.test(s[1], s[2], conf.level = level)$conf.int
  w <- prop.test(s[1], s[2], correct = FALSE, conf.level = level)$conf.int
  row(s, level, cp, w)
}
close()

# Newcombe (1998) method 10 from the two prop.test(correct = FALSE) intervals; arm 1 = other, arm 0 = reference.
newcombe <- function(x0, n0, x1, n1, level) {
  w0 <- suppressWarnings(prop.test(x0, n0, correct = FALSE, conf.level = level)$conf.int)
  w1 <- suppressWarnings(prop.test(x1, n1, correct = FALSE, conf.level = level)$conf.int)
  p0 <- x0 / n0; p1 <- x1 / n1; d <- p1 - p0
  c(d, d - sqrt((p1 - w1[1])^2 + (w0[2] - p0)^2), d + sqrt((w1[2] - p1)^2 + (p0 - w0[1])^2))
}
open("newcombe(x0, n0, x1, n1, level) above: estimate, lower, upper",
     "newcombe: [(x0: Int, n0: Int, x1: Int, n1: Int, level: Double, estimate: Double, lower: Double, upper: Double)]")
for (s in list(c(71, 89, 55, 91, 0.95), c(55, 91, 71, 89, 0.95), c(0, 20, 0, 25, 0.95), c(20, 20, 0, 25, 0.95),
               c(1, 1, 0, 1, 0.9), c(2500, 5000, 2600, 5000, 0.95), c(3, 17, 9, 12, 0.99)))
  row(s, newcombe(s[1], s[2], s[3], s[4], s[5]))
close()

# fisher.test's own 2x2 code with the three uniroot calls replaced by a tight solve on log(odds ratio).
fisher_precise <- function(x, conf.level = 0.95) {
  m <- sum(x[, 1L]); n <- sum(x[, 2L]); k <- sum(x[1L, ]); x <- x[1L, 1L]
  lo <- max(0L, k - n); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dnhyper <- function(ncp) { d <- logdc + log(ncp) * support; d <- exp(d - max(d)); d / sum(d) }
  mnhyper <- function(ncp) sum(support * dnhyper(ncp))
  pnhyper <- function(q, ncp, upper.tail = FALSE) sum(dnhyper(ncp)[if (upper.tail) support >= q else support <= q])
  solve <- function(f) exp(uniroot(f, c(-60, 60), tol = 1e-14, maxiter = 10000)$root)
  mle <- if (x == lo) 0 else if (x == hi) Inf else solve(function(t) mnhyper(exp(t)) - x)
  alpha <- (1 - conf.level) / 2
  lower <- if (x == lo) 0 else solve(function(t) pnhyper(x, exp(t), upper.tail = TRUE) - alpha)
  upper <- if (x == hi) Inf else solve(function(t) pnhyper(x, exp(t)) - alpha)
  c(mle, lower, upper)
}
open(paste("r <- fisher.test(matrix(c(a, c, b, d), 2), conf.level = level): r$p.value, r$estimate, r$conf.int;",
           "then fisher_precise(matrix(c(a, c, b, d), 2), level) (estimate, lower, upper)"),
     "fisher: [(a: Int, b: Int, c: Int, d: Int, level: Double, p: Double, estimate: Double, lower: Double, upper: Double, preciseEstimate: Double, preciseLower: Double, preciseUpper: Double)]")
for (t in list(c(18, 71, 36, 55), c(0, 10, 5, 5), c(10, 0, 5, 5), c(5, 5, 0, 10), c(3, 0, 0, 4), c(0, 0, 0, 0),
               c(0, 5, 0, 5), c(1, 1, 1, 1), c(7, 2, 3, 8), c(2, 7, 8, 3), c(12, 5, 4, 20), c(1, 30, 1, 30),
               c(2500, 2500, 2400, 2600), c(4990, 10, 4980, 20))) for (level in c(0.95, 0.9)) {
  mat <- matrix(c(t[1], t[3], t[2], t[4]), 2)
  r <- fisher.test(mat, conf.level = level)
  row(t, level, r$p.value, r$estimate, r$conf.int, fisher_precise(mat, level))
}
close()

# Large-n Clopper-Pearson cases (BinomialIntervalTests.largeTrials).
f <- function(x, n, lv = 0.95) { ci <- binom.test(x, n, conf.level = lv)$conf.int
  cat(sprintf("        (%d, %d, %.17g, %.17g, %.17g),\n", x, n, lv, ci[1], ci[2])) }
f(0, 1000000); f(2, 1000000, 0.8); f(10, 1000000, 0.999); f(546, 1000000); f(500000, 1000000); f(999998, 1000000, 0.8); f(3, 65000)
