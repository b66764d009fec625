# Gold values for Tests/ReadoutStatsTests/Descriptive/ContinuousSummaryTests.swift (R 4.2.2).
# Per case: mean, sd, quantile(type 7) at 0.5, 0.25, 0.75, min, max, all with na.rm = TRUE; NA printed as nil.
g <- function(v) {
  s <- sprintf("%.17g", v)
  s[is.na(v) & !is.nan(v)] <- "nil"; s[is.nan(v)] <- ".nan"
  s[is.infinite(v) & v > 0] <- ".infinity"; s[is.infinite(v) & v < 0] <- "-.infinity"
  s
}
summ <- function(name, x) {
  q <- quantile(x, c(0.5, 0.25, 0.75), na.rm = TRUE, names = FALSE, type = 7)
  v <- c(mean(x, na.rm = TRUE), sd(x, na.rm = TRUE), q, min(x, na.rm = TRUE), max(x, na.rm = TRUE))
  cat(sprintf('        ("%s", %d, %d, [%s]),\n', name, sum(!is.na(x)), sum(is.na(x)), paste(g(v), collapse = ", ")))
}
cases <- list(
  one = 5, two = c(1, 4), odd = c(3.1, 1.2, 9.9, 4.4, 5.5), evenTies = c(2, 2, 2, 5, 7, 7, 1, 10),
  allEqual = c(0.1, 0.1, 0.1), offset = 1e9 + c(0.1, 0.2, 0.3, 0.4), missing = c(NA, 1, NaN, 3, 8),
  infinite = c(1, Inf, 2), negative = c(-3.5, -1e-3, -7.25, 0, 2))
# 1001 values far from zero, the same doubles in Swift: 1e6 + ((i * 7919) mod 1009) / 7, i = 1…1001.
cases$offset1001 <- 1e6 + ((1:1001 * 7919) %% 1009) / 7
for (n in names(cases)) summ(n, cases[[n]])
