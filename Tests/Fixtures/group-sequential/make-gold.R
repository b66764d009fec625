# Gold values for Readout's group-sequential boundaries (ReadoutStats/GroupSequential), made with rpact.
# Run from this folder:  Rscript make-gold.R   (writes designs.json; deterministic)
# Each design lists its inputs as getDesignGroupSequential takes them and what rpact reports:
# criticalValues, alphaSpent, stageLevels, futilityBounds, betaSpent (getDesignGroupSequential) and
# shift, inflationFactor, power (getDesignCharacteristics). rpact's defaults otherwise: tolerance 1e-8,
# bindingFutility = FALSE, betaAdjustment = TRUE, twoSidedPower = FALSE. Numbers printed with %.17g.
suppressPackageStartupMessages(library(rpact))

num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
arr <- function(x) if (is.null(x) || all(is.na(x))) "null" else paste0("[", paste(num(x), collapse = ","), "]")
str1 <- function(x) paste0("\"", x, "\"")
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste0(str1(names(kv)), ":", unlist(kv), collapse = ","), "}")
}

designs <- list()
designs_made <- list()
add <- function(name, informationRates, alpha, sided, typeOfDesign, gammaA = NA,
                typeBetaSpending = "none", gammaB = NA, beta = 0.2) {
  args <- list(kMax = length(informationRates), informationRates = informationRates, alpha = alpha,
               sided = sided, typeOfDesign = typeOfDesign, beta = beta, typeBetaSpending = typeBetaSpending)
  if (!is.na(gammaA)) args$gammaA <- gammaA
  if (!is.na(gammaB)) args$gammaB <- gammaB
  d <- do.call(getDesignGroupSequential, args)
  designs_made[[name]] <<- d
  ch <- getDesignCharacteristics(d)
  futility <- typeBetaSpending != "none"
  designs[[length(designs) + 1]] <<- obj(
    name = str1(name),
    informationRates = arr(informationRates), alpha = num(alpha), sided = num(sided),
    typeOfDesign = str1(typeOfDesign), gammaA = num(gammaA),
    typeBetaSpending = str1(typeBetaSpending), gammaB = num(gammaB), beta = num(beta),
    criticalValues = arr(d$criticalValues), alphaSpent = arr(d$alphaSpent), stageLevels = arr(d$stageLevels),
    futilityBounds = if (futility) arr(d$futilityBounds) else "null",
    betaSpent = if (futility) arr(d$betaSpent) else "null",
    shift = num(ch$shift), inflationFactor = num(ch$inflationFactor), power = arr(ch$power))
}

# Efficacy only, one-sided
add("OF-3-equal-1s",        c(1, 2, 3) / 3,                 0.025, 1, "asOF", beta = 0.2)
add("P-4-equal-1s",         c(1, 2, 3, 4) / 4,              0.025, 1, "asP", beta = 0.1)
add("HSDm4-5-equal-1s",     c(1, 2, 3, 4, 5) / 5,           0.025, 1, "asHSD", gammaA = -4, beta = 0.2)
add("OF-2-half-1s-a05",     c(0.5, 1),                      0.05,  1, "asOF", beta = 0.1)
add("OF-5-early-1s",        c(0.1, 0.2, 0.5, 0.9, 1),       0.025, 1, "asOF", beta = 0.2)
add("HSD1-4-unequal-1s",    c(0.2, 0.45, 0.7, 1),           0.025, 1, "asHSD", gammaA = 1, beta = 0.1)
# Efficacy only, two-sided
add("HSDm2-2-half-2s",      c(0.5, 1),                      0.05,  2, "asHSD", gammaA = -2, beta = 0.2)
add("HSD1-3-unequal-2s",    c(0.3, 0.7, 1),                 0.05,  2, "asHSD", gammaA = 1, beta = 0.2)
add("OF-4-unequal-2s",      c(0.25, 0.5, 0.8, 1),           0.05,  2, "asOF", beta = 0.2)
add("P-5-unequal-2s",       c(0.2, 0.35, 0.6, 0.8, 1),      0.05,  2, "asP", beta = 0.1)
add("HSDm4-3-equal-2s",     c(1, 2, 3) / 3,                 0.05,  2, "asHSD", gammaA = -4, beta = 0.1)
# Non-binding futility by beta-spending, one-sided
add("OF-bsOF-3-equal",      c(1, 2, 3) / 3,                 0.025, 1, "asOF", typeBetaSpending = "bsOF", beta = 0.2)
add("OF-bsP-4-unequal",     c(0.3, 0.5, 0.75, 1),           0.025, 1, "asOF", typeBetaSpending = "bsP", beta = 0.1)
add("HSDm4-bsHSDm2-5",      c(0.15, 0.4, 0.6, 0.85, 1),     0.025, 1, "asHSD", gammaA = -4,
    typeBetaSpending = "bsHSD", gammaB = -2, beta = 0.2)
add("P-bsHSD1-2",           c(0.6, 1),                      0.025, 1, "asP", typeBetaSpending = "bsHSD", gammaB = 1, beta = 0.1)
add("HSDm2-bsOF-3-a05",     c(0.4, 0.6, 1),                 0.05,  1, "asHSD", gammaA = -2, typeBetaSpending = "bsOF", beta = 0.2)
add("HSD1-bsP-5-equal",     c(1, 2, 3, 4, 5) / 5,           0.025, 1, "asHSD", gammaA = 1, typeBetaSpending = "bsP", beta = 0.2)
add("OF-bsHSDm4-4-equal",   c(1, 2, 3, 4) / 4,              0.05,  1, "asOF", typeBetaSpending = "bsHSD", gammaB = -4, beta = 0.1)
# Re-check on designs added later (issue 9): unequal looks, other alphas, gamma 0 and 2, close last looks,
# and the design the sample trial declares (content/blinatumomab-mrd/trial.yaml, `interim`) as its ia1
# build applies it: 85 of 170 planned events observed, a planned look at 0.75, then the final analysis.
add("P-3-unequal-1s-a01",   c(0.33, 0.67, 1),               0.01,  1, "asP", beta = 0.15)
add("HSD0-4-unequal-2s",    c(0.25, 0.55, 0.85, 1),         0.05,  2, "asHSD", gammaA = 0, beta = 0.2)
add("HSD2-3-close-2s",      c(0.8, 0.95, 1),                0.01,  2, "asHSD", gammaA = 2, beta = 0.1)
add("OF-bsOF-2-late",       c(0.9, 1),                      0.025, 1, "asOF", typeBetaSpending = "bsOF", beta = 0.2)
add("OF-bsHSDm2-sample",    c(0.5, 0.75, 1),                0.025, 1, "asOF", typeBetaSpending = "bsHSD", gammaB = -2, beta = 0.2)
add("HSDm3-bsHSD1-4",       c(0.2, 0.4, 0.65, 1),           0.02,  1, "asHSD", gammaA = -3,
    typeBetaSpending = "bsHSD", gammaB = 1, beta = 0.15)

# Conditional power after an interim look of a one-sided design: the probability of crossing a later
# efficacy boundary given Z_k = z, under drift theta (mean of Z at full information; by default the
# design's, sqrt(shift)), futility ignored (non-binding). Given Z_k = z, Z_j (j > k) is normal with mean
# (z*sqrt(t_k) + theta*(t_j - t_k))/sqrt(t_j) and Cov(Z_i, Z_j) = (min(t_i, t_j) - t_k)/sqrt(t_i*t_j), so
# it is 1 - P(Z_j < c_j for all j > k): mvtnorm's Miwa algorithm (deterministic) on rpact's boundaries.
suppressPackageStartupMessages(library(mvtnorm))
cps <- list()
add_cp <- function(name, look, z, theta = NA) {
  d <- designs_made[[name]]
  t <- d$informationRates; cv <- d$criticalValues; K <- length(t)
  if (is.na(theta)) theta <- sqrt(getDesignCharacteristics(d)$shift)
  j <- (look + 1):K
  m <- (z * sqrt(t[look]) + theta * (t[j] - t[look])) / sqrt(t[j])
  s <- outer(t[j], t[j], function(a, b) (pmin(a, b) - t[look]) / sqrt(a * b))
  p <- if (length(j) == 1) pnorm(cv[j], m, sqrt(s[1, 1])) else
    pmvnorm(upper = cv[j], mean = m, sigma = s, algorithm = Miwa(steps = 4096))[1]
  cps[[length(cps) + 1]] <<- obj(name = str1(name), look = num(look), z = num(z), theta = num(theta),
                                 conditionalPower = num(1 - p))
}
add_cp("OF-bsP-4-unequal", 1, 1.2)
add_cp("OF-bsP-4-unequal", 1, 1.2, theta = 1.2 / sqrt(0.3))
add_cp("OF-bsP-4-unequal", 2, 0.4)
add_cp("OF-bsP-4-unequal", 3, 2.1, theta = 0)
add_cp("HSDm4-5-equal-1s", 1, -0.5)
add_cp("HSDm4-5-equal-1s", 2, 1.9, theta = 1.9 / sqrt(0.4))
add_cp("OF-2-half-1s-a05", 1, 0.8)
add_cp("OF-5-early-1s", 3, 2.5, theta = 2.5 / sqrt(0.5))
# The sample's ia1: its stratified log-rank z (sqrt of the chi-square 4.4169237742940295 in its results.json, favouring
# the experimental arm), under the current trend and under the design HR 0.65 with 92 of 189 subjects in
# the experimental arm: theta = -log(0.65) * sqrt(170 * r * (1 - r)).
z_sample <- sqrt(4.4169237742940295); r_sample <- 92 / 189
add_cp("OF-bsHSDm2-sample", 1, z_sample, theta = z_sample / sqrt(0.5))
add_cp("OF-bsHSDm2-sample", 1, z_sample, theta = -log(0.65) * sqrt(170 * r_sample * (1 - r_sample)))
add_cp("HSDm3-bsHSD1-4", 2, -0.3)

cat(paste0("{\"generator\":\"make-gold.R\",\"r_version\":\"", R.version.string, "\",\"rpact\":\"",
           as.character(packageVersion("rpact")), "\",\"mvtnorm\":\"", as.character(packageVersion("mvtnorm")),
           "\",\"designs\":[\n", paste(designs, collapse = ",\n"),
           "\n],\"conditionalPower\":[\n", paste(cps, collapse = ",\n"), "\n]}\n"),
    file = "designs.json")
