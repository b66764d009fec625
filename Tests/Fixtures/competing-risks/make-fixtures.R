# Gold values for the competing-risks estimators on invented datasets.
# Run from this folder:  Rscript make-fixtures.R   (R 4.2.2, cmprsk 2.2.11, survival 3.5.3)
# Writes one <name>.json per dataset: the inputs (group codes 0-based, cause 0 = censored) and
# cmprsk's outputs, every number printed with sprintf("%.17g") (NA -> null).
suppressPackageStartupMessages({ library(cmprsk); library(survival) })

num <- function(x) ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "\"Inf\"", "\"-Inf\""), sprintf("%.17g", x)))
json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    items <- vapply(seq_along(x), function(i) json(x[[i]], inner), "")
    if (is.null(names(x))) return(paste0("[\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n", indent, "]"))
    return(paste0("{\n", inner, paste(paste0("\"", names(x), "\": ", items), collapse = paste0(",\n", inner)), "\n", indent, "}"))
  }
  if (is.character(x)) {
    s <- paste0("\"", gsub("\"", "\\\\\"", x), "\"")
    return(if (length(x) == 1 && is.null(attr(x, "array"))) s else paste0("[", paste(s, collapse = ", "), "]"))
  }
  if (is.logical(x) && length(x) == 1) return(if (isTRUE(x)) "true" else "false")
  v <- num(as.numeric(x))
  if (length(x) == 1 && is.null(attr(x, "array"))) v else paste0("[", paste(v, collapse = ", "), "]")
}
arr <- function(x) { attr(x, "array") <- TRUE; x }   # always a JSON array, even of length 1

gold <- function(name, description, time, cause, group, stratum = NULL, covariates = NULL, landmarks, calls) {
  groups <- sort(unique(group)); causes <- sort(unique(cause[cause != 0]))
  out <- list(name = name, description = description, r_calls = arr(calls),
              r_versions = list(R = R.version.string, cmprsk = as.character(packageVersion("cmprsk")),
                                survival = as.character(packageVersion("survival"))),
              cause_count = length(causes), group_count = length(groups),
              input = list(time = arr(time), cause = arr(cause), group = arr(group)))
  if (!is.null(stratum)) out$input$stratum <- arr(stratum)
  if (!is.null(covariates)) out$input$covariates <- list(names = arr(colnames(covariates)),
    columns = lapply(seq_len(ncol(covariates)), function(j) arr(covariates[, j])))
  out$landmarks <- arr(landmarks)

  ci <- cuminc(ftime = time, fstatus = cause, group = group, cencode = 0)
  tp <- timepoints(ci, times = landmarks)
  curves <- list(); points <- list()
  for (g in groups) for (k in causes) {
    key <- paste(g, k)
    curves[[key]] <- list(group = g, cause = k, time = arr(ci[[key]]$time), est = arr(ci[[key]]$est), var = arr(ci[[key]]$var))
    points[[key]] <- list(group = g, cause = k, time = arr(as.numeric(colnames(tp$est))),
                          est = arr(unname(tp$est[key, ])), var = arr(unname(tp$var[key, ])))
  }
  out$cuminc <- list(curves = unname(curves), timepoints = unname(points))
  tests <- function(t) lapply(seq_len(nrow(t)), function(i) list(cause = as.numeric(rownames(t)[i]),
    stat = t[i, "stat"], p_cmprsk = t[i, "pv"], p_upper = pchisq(t[i, "stat"], t[i, "df"], lower.tail = FALSE), df = t[i, "df"]))
  out$gray <- tests(ci$Tests)
  out$gray_rho1 <- tests(cuminc(ftime = time, fstatus = cause, group = group, rho = 1, cencode = 0)$Tests)
  if (!is.null(stratum)) out$gray_stratified <- tests(cuminc(ftime = time, fstatus = cause, group = group,
                                                              strata = stratum, cencode = 0)$Tests)
  if (!is.null(covariates)) {
    out$crr <- lapply(causes, function(k) {
      fit <- suppressWarnings(crr(ftime = time, fstatus = cause, cov1 = covariates, failcode = k, cencode = 0))
      se <- sqrt(diag(fit$var)); z <- fit$coef / se
      list(cause = k, converged = fit$converged, coef = arr(unname(fit$coef)), se = arr(unname(se)), z = arr(unname(z)),
           p = arr(unname(2 * (1 - pnorm(abs(z))))), p_upper = arr(unname(2 * pnorm(abs(z), lower.tail = FALSE))),
           shr_lower_95 = arr(unname(exp(fit$coef + qnorm(0.025) * se))), shr_upper_95 = arr(unname(exp(fit$coef + qnorm(0.975) * se))),
           var = arr(as.numeric(fit$var)), loglik = fit$loglik, loglik_null = fit$loglik.null)
    })
  }
  writeLines(json(out), paste0(name, ".json"))
}

calls_common <- c(
  "ci <- cuminc(ftime = time, fstatus = cause, group = group, cencode = 0)",
  "tp <- timepoints(ci, times = landmarks)",
  "cuminc(ftime = time, fstatus = cause, group = group, rho = 1, cencode = 0)$Tests")

# 1. Three causes, three groups, two strata, times on a 0.5 grid (ties between causes and with
#    censorings), crr on two group dummies and a continuous covariate.
set.seed(20261126)
n <- 150
group <- sample(0:2, n, replace = TRUE)
stratum <- sample(0:1, n, replace = TRUE)
age <- round(rnorm(n, 55, 10))
t1 <- rexp(n, 0.04 * exp(0.5 * (group == 1) - 0.4 * (group == 2)))
t2 <- rexp(n, 0.025 * exp(0.03 * (age - 55)))
t3 <- rexp(n, 0.015)
tc <- runif(n, 6, 40)
tt <- pmin(t1, t2, t3, tc)
time <- round(tt * 2) / 2
cause <- ifelse(tc == tt, 0, ifelse(t1 == tt, 1, ifelse(t2 == tt, 2, 3)))
X <- cbind(group1 = as.numeric(group == 1), group2 = as.numeric(group == 2), age = age)
gold("three_causes", "150 subjects, 3 groups, 2 strata, causes 1-3, times rounded to 0.5 (ties across causes and censorings); landmarks at 0, between, on event times and after every group's last time",
     time, cause, group, stratum, X, landmarks = c(0, 0.25, 3, 7.5, 12, 20, 30, 38.5, 60),
     calls = c(calls_common,
               "cuminc(ftime = time, fstatus = cause, group = group, strata = stratum, cencode = 0)$Tests",
               "crr(ftime = time, fstatus = cause, cov1 = cbind(group1, group2, age), failcode = k, cencode = 0), k = 1, 2, 3"))

# 2. Heavy ties on integer times 0..6: events and censorings at time 0, several causes at one time,
#    and group 1 ends with every remaining subject failing from cause 1 (the curve's KM reaches 0).
time <- c(0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6,
          0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5)
cause <- c(1, 0, 2, 1, 1, 2, 0, 1, 2, 2, 0, 0, 1, 2, 0, 1, 0, 2, 0, 0,
           2, 1, 2, 0, 1, 1, 2, 2, 0, 1, 0, 1, 2, 0, 0, 1, 1, 1, 1, 1)
group <- rep(0:1, each = 20)
X <- cbind(group1 = as.numeric(group == 1))
gold("heavy_ties", "40 subjects on integer times 0-6: events and a censoring at 0, mixed causes and censorings at every time, group 1's last time is all cause-1 failures",
     time, cause, group, NULL, X, landmarks = c(0, 0.5, 1, 2.5, 4, 5, 5.5, 6, 7),
     calls = c(calls_common, "crr(ftime = time, fstatus = cause, cov1 = group1, failcode = k, cencode = 0), k = 1, 2"))

# 3. A group with no events of cause 2, and landmarks after each group's last time.
set.seed(7)
n <- 60
group <- rep(0:1, each = 30)
time <- round(rexp(n, 0.08), 1)
cause <- sample(c(0, 1, 2), n, replace = TRUE, prob = c(0.3, 0.45, 0.25))
cause[group == 1 & cause == 2] <- 1
X <- cbind(group1 = as.numeric(group == 1))
gold("empty_cause_group", "60 subjects, 2 groups; group 1 has no cause-2 events (its cause-2 curve is flat at 0)",
     time, cause, group, NULL, X, landmarks = c(1, 5, 10, 20, 30, 45, 100),
     calls = c(calls_common, "crr(ftime = time, fstatus = cause, cov1 = group1, failcode = k, cencode = 0), k = 1, 2"))

# 4. Larger, continuous times (no ties), two covariates: checks crr's sandwich at scale.
set.seed(99)
n <- 1500
group <- sample(0:1, n, replace = TRUE)
stratum <- sample(0:2, n, replace = TRUE)
x <- rnorm(n)
t1 <- rweibull(n, 1.3, 30 * exp(-0.3 * group - 0.2 * x))
t2 <- rexp(n, 0.02 * exp(0.25 * x))
tc <- runif(n, 5, 60)
tt <- pmin(t1, t2, tc)
time <- signif(tt, 12)
cause <- ifelse(tc == tt, 0, ifelse(t1 == tt, 1, 2))
X <- cbind(group1 = group, x = x)
gold("continuous_large", "1500 subjects, continuous times, 2 groups, 3 strata, crr on a group indicator and a normal covariate",
     time, cause, group, stratum, X, landmarks = c(5, 10, 20, 40),
     calls = c(calls_common,
               "cuminc(ftime = time, fstatus = cause, group = group, strata = stratum, cencode = 0)$Tests",
               "crr(ftime = time, fstatus = cause, cov1 = cbind(group1, x), failcode = k, cencode = 0), k = 1, 2"))
