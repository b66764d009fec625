# Gold values for RestrictedMean, ProportionalHazardsTest and SubgroupCox (R 4.2.2, survival 3.5.3).
# Run from this folder:  Rscript make_gold.R   (writes gold.json; deterministic)
# Inputs are the reference datasets (../reference) and the sample trial (../../../content/blinatumomab-mrd),
# analysed exactly as Readout binds them; every case lists its inputs so the Swift tests need no CSV reader.
#   RMST:      print(survfit(Surv(time, event) ~ 1), rmean = tau) per arm -> rmean, se(rmean)
#   cox.zph:   cox.zph(coxph(...), transform = "km", terms = TRUE)$table
#   subgroups: coxph(Surv ~ arm) within each level; anova(coxph(Surv ~ arm + g), coxph(Surv ~ arm * g));
#              Wald b' V^-1 b over the arm:g coefficients of the full model.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
options(digits = 17)

ref <- function(name, param, divisor = 1) {
  adsl <- read.csv(file.path("..", "reference", name, "adsl.csv"), stringsAsFactors = FALSE, na.strings = "")
  adtte <- read.csv(file.path("..", "reference", name, "adtte.csv"), stringsAsFactors = FALSE, na.strings = "")
  d <- merge(adtte[adtte$PARAMCD == param, ], adsl[, setdiff(names(adsl), c("STUDYID"))], by = "USUBJID")
  d <- d[order(d$USUBJID), ]
  d$time <- d$AVAL / divisor
  d$event <- as.integer(d$CNSR == 0)
  d
}
sample_trial <- function(param) {
  base <- file.path("..", "..", "..", "content", "blinatumomab-mrd", "data")
  adsl <- read.csv(file.path(base, "adsl.csv"), stringsAsFactors = FALSE, na.strings = "")
  adtte <- read.csv(file.path(base, "adtte.csv"), stringsAsFactors = FALSE, na.strings = "")
  adsl <- adsl[adsl$ITTFL %in% "Y" & adsl$HSCTFL %in% "Y", ]
  d <- merge(adtte[adtte$PARAMCD == param, c("USUBJID", "AVAL", "CNSR")], adsl, by = "USUBJID")
  d <- d[order(d$USUBJID), ]
  d$time <- d$AVAL / (365.25 / 12)
  d$event <- as.integer(d$CNSR == 0)
  d
}
# Arms as 0-based indices in the given order (reference first in R's factor).
armf <- function(d, arms) factor(d$TRT01P, levels = arms)

rmst_case <- function(name, d, arms, taus) {
  fit <- survfit(Surv(time, event) ~ armf(d, arms), data = d)
  per_tau <- lapply(taus, function(tau) {
    tab <- summary(fit, rmean = tau)$table
    list(tau = tau, rmean = unname(tab[, "rmean"]), se = unname(tab[, "se(rmean)"]),
         difference = unname(tab[2, "rmean"] - tab[1, "rmean"]),
         difference_se = unname(sqrt(tab[2, "se(rmean)"]^2 + tab[1, "se(rmean)"]^2)))
  })
  list(name = name, arms = arms, time = d$time, event = d$event,
       arm = as.integer(armf(d, arms)) - 1L, results = per_tau)
}

zph_case <- function(name, d, arms, extra = NULL, strata = NULL, factor_term = NULL) {
  d$arm <- armf(d, arms)
  rhs <- c("arm", extra, if (!is.null(factor_term)) paste0("factor(", factor_term, ")"))
  if (!is.null(strata)) d <- d[!is.na(d[[strata]]), ]
  if (!is.null(factor_term)) d <- d[!is.na(d[[factor_term]]), ]
  f <- as.formula(paste("Surv(time, event) ~", paste(rhs, collapse = " + "),
                        if (!is.null(strata)) paste0("+ strata(", strata, ")") else ""))
  mm <- model.matrix(as.formula(paste("~", paste(rhs, collapse = " + "))), d)
  assign <- attr(mm, "assign")[-1]
  mm <- mm[, -1, drop = FALSE]
  out <- list(name = name, time = d$time, event = d$event,
              covariates = lapply(seq_len(ncol(mm)), function(j) unname(mm[, j])),
              terms = lapply(sort(unique(assign)), function(a) which(assign == a) - 1L),
              term_names = rhs,
              strata = if (is.null(strata)) NULL else as.integer(factor(d[[strata]])) - 1L)
  for (ties in c("efron", "breslow")) {
    fit <- coxph(f, data = d, ties = ties)
    z <- cox.zph(fit, transform = "km", terms = TRUE)$table
    out[[ties]] <- list(coef = unname(coef(fit)), chisq = unname(z[, "chisq"]), df = unname(z[, "df"]),
                        p = unname(z[, "p"]), rows = rownames(z))
  }
  out
}

subgroup_case <- function(name, d, arms, variable, levels = NULL, arm_variable = "TRT01P") {
  d$arm <- factor(d[[arm_variable]], levels = arms)
  d <- d[!is.na(d$arm), ]
  values <- d[[variable]]
  levels <- if (is.null(levels)) sort(unique(values[!is.na(values)]), method = "radix") else levels
  d$g <- factor(values, levels = levels)
  out <- list(name = name, variable = variable, levels = levels, arms = arms, time = d$time, event = d$event,
              arm = as.integer(d$arm) - 1L, level = as.integer(d$g) - 1L)
  dc <- d[!is.na(d$g), ]
  for (ties in c("efron", "breslow")) {
    per <- lapply(seq_along(levels), function(k) {
      s <- dc[dc$g == levels[k], ]
      n <- as.integer(table(factor(s$arm, levels = arms)))
      ev <- as.integer(tapply(s$event, factor(s$arm, levels = arms), sum)); ev[is.na(ev)] <- 0L
      res <- list(level = levels[k], n = n, events = ev)
      if (all(n > 0) && all(ev > 0)) {
        w <- character(0)
        fit <- withCallingHandlers(coxph(Surv(time, event) ~ arm, data = s, ties = ties),
                                   warning = function(x) { w <<- c(w, conditionMessage(x)); invokeRestart("muffleWarning") })
        b <- coef(fit); se <- sqrt(diag(fit$var))
        res$coef <- unname(b); res$se <- unname(se)
        res$hr <- unname(exp(b)); res$lower <- unname(exp(b - qnorm(0.975) * se)); res$upper <- unname(exp(b + qnorm(0.975) * se))
        res$warnings <- w
      }
      res
    })
    fit0 <- coxph(Surv(time, event) ~ arm + g, data = dc, ties = ties)
    fit1 <- coxph(Surv(time, event) ~ arm * g, data = dc, ties = ties)
    a <- anova(fit0, fit1)
    b <- coef(fit1); inter <- grep(":", names(b)); inter <- inter[!is.na(b[inter])]
    wald <- drop(t(b[inter]) %*% solve(fit1$var[inter, inter, drop = FALSE]) %*% b[inter])
    out[[ties]] <- list(levels = per, lrt = a$Chisq[2], lrt_df = a$Df[2], lrt_p = a[["Pr(>|Chi|)"]][2],
                        wald = wald, wald_df = length(inter), wald_p = pchisq(wald, length(inter), lower.tail = FALSE))
  }
  out
}

aml <- ref("aml", "RFS"); lung <- ref("lung", "OS"); ball <- ref("ball_synth", "RFS"); mgus <- ref("mgus2", "PFS")
aml_arms <- c("Maintained", "Nonmaintained"); sex_arms <- c("Female", "Male")
ball_arms <- c("Direct allo-HSCT", "Blinatumomab then allo-HSCT")
rfs <- sample_trial("RFS"); os <- sample_trial("OS")
# An invented subgroup with no events in the reference arm of level "X": R warns that the coefficient
# may be infinite; Readout reports the hazard ratio as not estimable.
aml$GRP <- ifelse(aml$CNSR == 1 | (aml$TRT01P == "Nonmaintained" & aml$time < 10), "X", "Y")

gold <- list(
  rmst = list(
    rmst_case("aml", aml, aml_arms, c(12, 24, 36, 48, 200)),
    rmst_case("lung", lung, sex_arms, c(180, 365, 730, 2000)),
    rmst_case("ball_synth RFS", ball, ball_arms, c(12, 24, 36, 60)),
    rmst_case("mgus2 PFS", mgus, sex_arms, c(60, 120, 240)),
    rmst_case("sample RFS", rfs, ball_arms, c(12, 24, 36))),
  zph = list(
    zph_case("aml", aml, aml_arms),
    zph_case("lung", lung, sex_arms),
    zph_case("lung age", lung, sex_arms, extra = "AGE"),
    zph_case("lung strata", lung, sex_arms, strata = "STRAT1"),
    zph_case("lung factor", lung, sex_arms, extra = "AGE", factor_term = "STRAT1"),
    zph_case("ball_synth strata", ball, ball_arms, strata = "STRAT1"),
    zph_case("mgus2", mgus, sex_arms, extra = "AGE"),
    zph_case("sample RFS", rfs, ball_arms),
    zph_case("sample OS strata", os, ball_arms, strata = "STRAT1")),
  subgroups = list(
    subgroup_case("ball_synth STRAT1", ball, ball_arms, "STRAT1"),
    subgroup_case("ball_synth SEX", ball, ball_arms, "SEX"),
    subgroup_case("ball_synth MRDNEGFL", ball, ball_arms, "MRDNEGFL"),
    subgroup_case("lung STRAT1", lung, sex_arms, "STRAT1"),
    subgroup_case("sample RFS AGEGR1", rfs, ball_arms, "AGEGR1"),
    subgroup_case("sample RFS CRNUM", rfs, ball_arms, "CRNUM"),
    subgroup_case("sample RFS DONORTYP", rfs, ball_arms, "DONORTYP"),
    subgroup_case("sample RFS MRDMETH", rfs, ball_arms, "MRDMETH"),
    subgroup_case("sample RFS SEX", rfs, ball_arms, "SEX", levels = c("M", "F")),
    subgroup_case("sample OS DONORTYP", os, ball_arms, "DONORTYP"),
    subgroup_case("aml degenerate", aml, aml_arms, "GRP"),
    # Three arms (lung's ph.ecog 0, 1, 2 as arms; the one subject with 3 and the one missing left out) by sex.
    subgroup_case("lung three arms by sex", lung, c("0", "1", "2"), "TRT01P", arm_variable = "STRAT1")))
writeLines(toJSON(gold, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE), "gold.json")
