# Gold values for CoxModel on small invented data sets (R 4.2.2, survival 3.5.3).
# Run from this folder:  Rscript make_cases.R   (writes cases.json; deterministic)
# Every case lists its inputs (time, event, the numeric covariate columns coxph used, strata) and
# the coxph results for ties = "efron" and "breslow". Numbers are printed with %.17g; NA is null.
suppressPackageStartupMessages(library(survival))

num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- ifelse(is.na(x) & !is.nan(x), "null",
       ifelse(is.nan(x), "\"NaN\"",
       ifelse(is.infinite(x), ifelse(x > 0, "\"Inf\"", "\"-Inf\""), sprintf("%.17g", x))))
  s
}
str1 <- function(x) paste0("\"", gsub("\"", "\\\\\"", gsub("\\\\", "\\\\\\\\", x)), "\"")
arr <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
sarr <- function(x) paste0("[", paste(vapply(x, str1, ""), collapse = ","), "]")
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste0(str1(names(kv)), ":", unlist(kv), collapse = ","), "}")
}
test <- function(stat, df) obj(stat = num(stat), df = num(df), p = num(pchisq(stat, df, lower.tail = FALSE)))

fit_case <- function(formula, data, ties, iter.max = 20) {
  warns <- character(0)
  fit <- withCallingHandlers(
    coxph(formula, data = data, ties = ties, control = coxph.control(iter.max = iter.max)),
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  s <- summary(fit)
  b <- coef(fit)
  se <- sqrt(diag(fit$var))
  se[is.na(b)] <- NA
  z <- b / se
  df <- sum(!is.na(b))
  obj(
    call = str1(paste(deparse(formula), "ties =", ties, "iter.max =", iter.max)),
    n = num(fit$n), nevent = num(fit$nevent),
    coef = arr(b), se = arr(se), hr = arr(exp(b)), z = arr(z),
    p_wald = arr(pchisq(z^2, 1, lower.tail = FALSE)),
    hr_lower_95 = arr(exp(b - qnorm(0.975) * se)), hr_upper_95 = arr(exp(b + qnorm(0.975) * se)),
    var = paste0("[", paste(apply(fit$var, 1, arr), collapse = ","), "]"),
    loglik_null = num(fit$loglik[1]), loglik = num(fit$loglik[2]),
    lrt = test(2 * (fit$loglik[2] - fit$loglik[1]), df),
    wald = test(fit$wald.test, df), score = test(fit$score, df),
    iter = num(fit$iter), warnings = sarr(warns),
    non_estimable_flag = if (any(grepl("infinite", warns)) || any(is.na(b))) "true" else "false")
}

cases <- list()
add_case <- function(name, description, data, rhs, strata = NULL, iter.max = 20) {
  f <- as.formula(paste("Surv(time, event) ~", rhs, if (!is.null(strata)) "+ strata(stratum)" else ""))
  mm <- model.matrix(as.formula(paste("~", rhs)), data)[, -1, drop = FALSE]
  cols <- paste0("[", paste(apply(mm, 2, arr), collapse = ","), "]")
  stratum <- if (is.null(strata)) "null" else arr(as.integer(data$stratum))
  cases[[length(cases) + 1]] <<- obj(
    name = str1(name), description = str1(description),
    time = arr(data$time), event = arr(data$event), covariate_names = sarr(colnames(mm)),
    covariates = cols, strata = stratum, iter_max = num(iter.max),
    efron = fit_case(f, data, "efron", iter.max), breslow = fit_case(f, data, "breslow", iter.max))
}

# Several covariates: arm + age + a three-level factor, times rounded to create ties.
set.seed(20240601)
n <- 150
multi <- data.frame(arm = rbinom(n, 1, 0.5), age = round(rnorm(n, 55, 10)),
                    stage = factor(sample(c("I", "II", "III"), n, TRUE)), stratum = sample(1:3, n, TRUE))
lp <- -0.5 * multi$arm + 0.03 * (multi$age - 55) + c(0, 0.4, 0.9)[as.integer(multi$stage)]
tt <- rexp(n, 0.1 * exp(lp)); cc <- runif(n, 2, 25)
multi$time <- round(pmin(tt, cc), 1); multi$event <- as.integer(tt <= cc)
add_case("multi", "arm + age + stage (3 levels), ties from rounding to 0.1", multi, "arm + age + stage")
add_case("multi_strata", "arm + age + stage, stratified by a 3-level stratum", multi, "arm + age + stage", strata = TRUE)
add_case("multi_iter2", "arm + age + stage with iter.max = 2: runs out of iterations", multi, "arm + age + stage", iter.max = 2)

# An arm with no events: every subject of arm 1 is censored, interleaved with arm 0's times.
set.seed(7)
ne <- data.frame(time = c(round(rexp(20, 0.1), 1) + 0.1, round(runif(12, 1, 20), 1) + 0.05),
                 event = c(rbinom(20, 1, 0.8), rep(0, 12)), arm = c(rep(0, 20), rep(1, 12)))
ne$event[1] <- 1
add_case("no_events_arm", "arm 1 has no events (coefficient -> -Inf)", ne, "arm")
ne2 <- ne; ne2$arm <- 1 - ne2$arm
add_case("no_events_reference", "the reference arm has no events (coefficient -> +Inf)", ne2, "arm")
set.seed(8)
ne3 <- ne; ne3$age <- round(rnorm(nrow(ne3), 60, 8))
add_case("no_events_arm_age", "arm 1 has no events, with age as a second covariate", ne3, "arm + age")

# A single subject in arm 1.
base <- data.frame(time = c(2, 3, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 20, 22),
                   event = c(1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1))
s1 <- rbind(base, data.frame(time = 13, event = 1)); s1$arm <- c(rep(0, 14), 1)
add_case("single_finite", "one subject in arm 1, event at 13 after earlier deaths in arm 0", s1, "arm")
s2 <- rbind(base, data.frame(time = 1, event = 1)); s2$arm <- c(rep(0, 14), 1)
add_case("single_first", "one subject in arm 1, the first event of all (coefficient -> +Inf)", s2, "arm")
s3 <- rbind(base, data.frame(time = 10, event = 0)); s3$arm <- c(rep(0, 14), 1)
add_case("single_censored", "one subject in arm 1, censored at 10 (no events in arm 1)", s3, "arm")

# Heavy ties: integer times 1..6, Efron and Breslow differ.
set.seed(11)
ti <- data.frame(time = sample(1:6, 60, TRUE), event = rbinom(60, 1, 0.75), arm = rep(0:1, 30))
ti$time[ti$arm == 1] <- pmin(6, ti$time[ti$arm == 1] + 1)
add_case("ties_heavy", "integer times 1..6 with many tied deaths", ti, "arm")

# Strata where one stratum has no events.
set.seed(12)
se <- data.frame(time = round(rexp(45, 0.08), 1) + 0.1, event = rbinom(45, 1, 0.7),
                 arm = rep(0:1, length.out = 45), stratum = rep(1:3, each = 15))
se$event[se$stratum == 2] <- 0
add_case("strata_empty", "three strata, stratum 2 without events", se, "arm", strata = TRUE)

# A redundant covariate: x2 = 2 * arm + 1 (R returns NA for it).
co <- multi[1:60, ]; co$x2 <- 2 * co$arm + 1
add_case("collinear", "x2 = 2 arm + 1 is redundant", co, "arm + x2")

# Identical arms: the score at beta = 0 is exactly 0.
id <- data.frame(time = rep(c(1, 2, 3, 4, 5, 6, 7, 8), 2), event = rep(c(1, 0, 1, 1, 0, 1, 1, 0), 2),
                 arm = rep(0:1, each = 8))
add_case("identical_arms", "both arms have identical times and events (score 0 at beta = 0)", id, "arm")

# Near-tied times: coxph's timefix (aeqSurv) merges times closer than sqrt(.Machine$double.eps).
nt <- data.frame(time = c(1, 1 + 1e-10, 2, 2, 3 - 1e-12, 3, 4, 5, 6, 7), event = c(1, 1, 1, 0, 1, 1, 0, 1, 1, 0),
                 arm = c(0, 1, 1, 0, 0, 1, 1, 0, 1, 0))
add_case("near_ties", "times differing by 1e-10 and 1e-12 are ties for coxph (timefix)", nt, "arm")

writeLines(paste0("{\"generator\":\"make_cases.R\",\"r_version\":", str1(R.version.string),
                  ",\"survival\":", str1(as.character(packageVersion("survival"))),
                  ",\"cases\":[\n", paste(unlist(cases), collapse = ",\n"), "\n]}"), "cases.json")
