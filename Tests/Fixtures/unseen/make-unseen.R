# Unseen edge-case datasets for `readout estimate --profile r` and their R gold values.
# Run from this folder:  Rscript make-unseen.R   (R 4.2.2, survival 3.5.3, cmprsk 2.2.11)
#
# Writes <dataset>/{adsl.csv, adtte.csv, expected.json} for eleven hand-made and 30 randomized
# (random/<seed>) small ADaM-style datasets, in the
# CSV layout of Tests/Fixtures/reference (UTF-8, LF, RFC 4180 quoting only where needed, empty =
# missing; AVAL written with %.17g so every double is exact). Deterministic: set.seed below, and the
# gold values are computed from the CSV files read back exactly as they are shipped, with the calls
# and conventions of Tests/Fixtures/reference/*/expected.json (meta.r_calls, meta.conventions).
# Every R call that produced a number is evaluated from its recorded text (`r_calls` in the JSON).
# It also writes reference_full/<dataset>/expected.json: the same full-contract gold for the four
# reference datasets (../reference/<dataset>/*.csv, read in place), whose own expected.json has a
# different layout.
#
# JSON encoding: numbers %.17g; NA -> null; NaN -> "NaN"; Inf -> "Inf"; -Inf -> "-Inf".
# Derived-by-formula blocks (from R's own numbers, as reference binomial$difference is):
#   landmark_differences, competing_risks$cuminc$ci_loglog, competing_risks$differences,
#   binomial[*]$difference (Newcombe method 10 from prop.test Wilson limits).
suppressPackageStartupMessages({ library(survival); library(cmprsk) })

# ---------------------------------------------------------------- JSON and CSV writers
num <- function(x) {
  x <- as.numeric(x)
  ifelse(is.nan(x), "\"NaN\"", ifelse(is.na(x), "null",
         ifelse(is.infinite(x), ifelse(x > 0, "\"Inf\"", "\"-Inf\""), sprintf("%.17g", x))))
}
arr <- function(x) { attr(x, "array") <- TRUE; x }  # a JSON array even when of length 0 or 1
json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    items <- vapply(seq_along(x), function(i) json(x[[i]], inner), "")
    if (is.null(names(x))) return(paste0("[\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n", indent, "]"))
    keys <- gsub("\"", "\\\\\"", names(x))
    return(paste0("{\n", inner, paste(paste0("\"", keys, "\": ", items), collapse = paste0(",\n", inner)), "\n", indent, "}"))
  }
  one <- length(x) == 1 && is.null(attr(x, "array"))
  if (is.character(x)) {
    s <- ifelse(is.na(x), "null", paste0("\"", gsub("\"", "\\\\\"", gsub("\\\\", "\\\\\\\\", x)), "\""))
  } else if (is.logical(x)) {
    s <- ifelse(is.na(x), "null", ifelse(x, "true", "false"))
  } else {
    s <- num(x)
  }
  if (one) s else paste0("[", paste(s, collapse = ", "), "]")
}
csv_field <- function(x) {
  x <- ifelse(is.na(x), "", as.character(x))
  q <- grepl("[\",\n]", x)
  x[q] <- paste0("\"", gsub("\"", "\"\"", x[q]), "\"")
  x
}
write_csv <- function(df, path) {
  body <- do.call(paste, c(lapply(df, csv_field), sep = ","))
  con <- file(path, open = "wb")
  writeLines(c(paste(names(df), collapse = ","), body), con, sep = "\n", useBytes = TRUE)
  close(con)
}

# ---------------------------------------------------------------- dataset builders
make_adsl <- function(study, ids, arm, strat, itt = rep("Y", length(ids)), extra = list()) {
  df <- data.frame(STUDYID = study, USUBJID = ids, TRT01P = arm, TRT01A = arm, RANDFL = "Y", ITTFL = itt, SAFFL = itt,
                   AGE = sample(25:75, length(ids), replace = TRUE), SEX = sample(c("F", "M"), length(ids), replace = TRUE),
                   STRAT1 = strat, stringsAsFactors = FALSE)
  for (k in names(extra)) df[[k]] <- extra[[k]]
  df
}
make_adtte <- function(study, ids, paramcd, param, aval, unit, cnsr, evntdesc) {
  data.frame(STUDYID = study, USUBJID = ids, PARAMCD = paramcd, PARAM = param, AVAL = sprintf("%.17g", aval), AVALU = unit,
             CNSR = as.character(cnsr), EVNTDESC = ifelse(cnsr == 0, evntdesc, NA),
             CNSDTDSC = ifelse(cnsr == 1, "LAST KNOWN ALIVE AND EVENT-FREE", NA), stringsAsFactors = FALSE)
}
ids <- function(prefix, n) sprintf("%s-%03d", prefix, seq_len(n))

# ---------------------------------------------------------------- analysis (reference calls)
calls <- character()
ev <- function(code, env = parent.frame()) { calls <<- c(calls, code); eval(parse(text = code), envir = env) }
quietly <- function(expr_code, env = parent.frame()) {
  w <- character()
  value <- withCallingHandlers(ev(expr_code, env), warning = function(x) { w <<- c(w, conditionMessage(x)); invokeRestart("muffleWarning") })
  list(value = value, warnings = w)
}
vec <- function(x) paste0("c(", paste(sprintf("%.17g", x), collapse = ", "), ")")
strs <- function(x) paste0("c(", paste(sprintf("\"%s\"", x), collapse = ", "), ")")
z975 <- qnorm(0.975)
fin <- function(x) !is.na(x) & is.finite(x)

arm_rows <- function(fit) {
  nm <- sub("^TRT01P=", "", names(fit$strata))
  rep(nm, fit$strata)
}

cox_block <- function(code, env) {
  r <- quietly(code, env)
  fit <- r$value
  s <- summary(fit)
  coef <- unname(fit$coefficients)
  se <- unname(sqrt(diag(fit$var)))
  infinite <- rep(FALSE, length(coef))
  for (w in r$warnings) {
    m <- regmatches(w, regexec("before variable +([0-9, ]+) ;", w))[[1]]
    if (length(m) == 2) infinite[as.integer(strsplit(gsub(" ", "", m[2]), ",")[[1]])] <- TRUE
    if (grepl("one or more coefficients may be infinite", w)) infinite[!is.na(coef)] <- TRUE
  }
  df <- sum(!is.na(coef))
  wald <- as.vector(fit$wald.test)
  list(call = code, n = fit$n, nevent = fit$nevent, terms = arr(names(fit$coefficients)),
       coef = arr(coef), se = arr(se), hr = arr(exp(coef)),
       hr_lower_95 = arr(exp(coef - z975 * se)), hr_upper_95 = arr(exp(coef + z975 * se)),
       p_wald = arr(unname(s$coefficients[, "Pr(>|z|)"])),
       non_estimable = arr(is.na(coef) | infinite),
       loglik_null = fit$loglik[1], loglik = fit$loglik[2],
       lrt = list(stat = unname(s$logtest["test"]), df = unname(s$logtest["df"]), p = unname(s$logtest["pvalue"])),
       wald = list(stat = wald, df = df, p = pchisq(wald, df, lower.tail = FALSE)),
       score = list(stat = unname(s$sctest["test"]), df = unname(s$sctest["df"]), p = unname(s$sctest["pvalue"])),
       iter = fit$iter, converged = !any(grepl("Ran out of iterations", r$warnings)),
       warnings = arr(r$warnings))
}

logrank_block <- function(sdf, excluded = NULL) {
  o <- if (is.matrix(sdf$obs)) rowSums(sdf$obs) else sdf$obs
  e <- if (is.matrix(sdf$exp)) rowSums(sdf$exp) else sdf$exp
  out <- list(chisq = sdf$chisq, df = sum(e > 0) - 1, p = sdf$pvalue, observed = arr(unname(o)), expected = arr(unname(e)))
  if (!is.null(excluded)) out$n_excluded <- excluded
  out
}

analyse <- function(adsl, adtte, param, landmarks, strata, causes) {
  lm <- vec(landmarks)
  keep <- if ("STRAT1" %in% names(adsl)) "c(\"USUBJID\", \"TRT01P\", \"STRAT1\")" else "c(\"USUBJID\", \"TRT01P\")"
  ev(sprintf("d <- merge(adtte[adtte$PARAMCD == \"%s\", ], adsl[, %s], by = \"USUBJID\")", param, keep))
  ev("d$TRT01P <- factor(d$TRT01P, levels = sort(unique(d$TRT01P), method = \"radix\"))")
  arms <- levels(d$TRT01P)
  out <- list(paramcd = param, arms = arr(arms), reference_arm = arms[1], landmark_times = arr(landmarks),
              strata_variable = if (strata) "STRAT1" else NULL, causes = arr(causes), n = nrow(d), events = sum(1 - d$CNSR))
  groups <- lapply(arms, function(a) list(n = sum(d$TRT01P == a), events = sum(d$TRT01P == a & d$CNSR == 0),
                                          survfit = list(), median = list(), landmarks = list()))
  names(groups) <- arms
  for (ct in c("log", "log-log", "plain")) {
    fit <- ev(sprintf("survfit(Surv(AVAL, 1 - CNSR) ~ TRT01P, data = d, conf.type = \"%s\")", ct))
    tab <- ev(sprintf("summary(survfit(Surv(AVAL, 1 - CNSR) ~ TRT01P, data = d, conf.type = \"%s\"))$table", ct))
    lms <- ev(sprintf("summary(survfit(Surv(AVAL, 1 - CNSR) ~ TRT01P, data = d, conf.type = \"%s\"), times = %s, extend = FALSE)", ct, lm))
    rows <- arm_rows(fit)
    lm_arm <- sub("^TRT01P=", "", as.character(lms$strata))
    for (a in arms) {
      i <- rows == a
      if (ct == "log") {
        groups[[a]]$survfit <- list(time = arr(fit$time[i]), n.risk = arr(fit$n.risk[i]), n.event = arr(fit$n.event[i]),
                                    n.censor = arr(fit$n.censor[i]), surv = arr(fit$surv[i]), std.err = arr(fit$std.err[i]),
                                    lower = list(), upper = list())
      }
      groups[[a]]$survfit$lower[[ct]] <- arr(fit$lower[i])
      groups[[a]]$survfit$upper[[ct]] <- arr(fit$upper[i])
      r <- paste0("TRT01P=", a)
      groups[[a]]$median[[ct]] <- list(median = unname(tab[r, "median"]), lower = unname(tab[r, "0.95LCL"]), upper = unname(tab[r, "0.95UCL"]))
      groups[[a]]$landmarks[[ct]] <- lapply(landmarks, function(t) {
        j <- which(lm_arm == a & lms$time == t)
        if (length(j) == 0) return(list(time = t, available = FALSE, n.risk = NA, surv = NA, std.err.surv = NA, lower = NA, upper = NA))
        list(time = t, available = TRUE, n.risk = lms$n.risk[j], surv = lms$surv[j], std.err.surv = lms$std.err[j],
             lower = lms$lower[j], upper = lms$upper[j])
      })
    }
  }
  fu <- ev("summary(survfit(Surv(AVAL, CNSR) ~ TRT01P, data = d, conf.type = \"log-log\"))$table")
  for (a in arms) {
    r <- paste0("TRT01P=", a)
    groups[[a]]$followup <- list(median = unname(fu[r, "median"]), lower = unname(fu[r, "0.95LCL"]), upper = unname(fu[r, "0.95UCL"]))
  }
  out$groups <- groups

  # S(other) - S(reference) at each landmark, Wald from the two std.err.surv (formula).
  diffs <- list()
  for (a in arms[-1]) for (k in seq_along(landmarks)) {
    o <- groups[[a]]$landmarks$log[[k]]; r <- groups[[arms[1]]]$landmarks$log[[k]]
    ok <- all(fin(c(o$surv, r$surv, o$std.err.surv, r$std.err.surv)))
    dd <- if (ok) o$surv - r$surv else NA
    se <- if (ok) sqrt(o$std.err.surv^2 + r$std.err.surv^2) else NA
    diffs[[length(diffs) + 1]] <- list(time = landmarks[k], arm = a, versus = arms[1], estimate = dd, standard_error = se,
                                       lower = dd - z975 * se, upper = dd + z975 * se)
  }
  out$landmark_differences <- arr(diffs)

  out$logrank <- list(unstratified = logrank_block(ev("survdiff(Surv(AVAL, 1 - CNSR) ~ TRT01P, data = d)")), stratified = NULL)
  out$cox <- list()
  for (ties in c("efron", "breslow")) {
    out$cox[[ties]] <- cox_block(sprintf("coxph(Surv(AVAL, 1 - CNSR) ~ TRT01P, data = d, ties = \"%s\")", ties), environment())
  }
  if (strata) {
    ev("ds <- d[!is.na(d$STRAT1), ]")
    out$logrank$stratified <- logrank_block(ev("survdiff(Surv(AVAL, 1 - CNSR) ~ TRT01P + strata(STRAT1), data = ds)"), nrow(d) - nrow(ds))
    out$cox_stratified <- list()
    for (ties in c("efron", "breslow")) {
      out$cox_stratified[[ties]] <- cox_block(sprintf("coxph(Surv(AVAL, 1 - CNSR) ~ TRT01P + strata(STRAT1), data = ds, ties = \"%s\")", ties), environment())
    }
    out$n_excluded_stratified <- nrow(d) - nrow(ds)
  } else {
    out$cox_stratified <- NULL
  }

  out$competing_risks <- NULL
  if (length(causes) > 0) {
    ev(sprintf("d$CAUSE <- ifelse(d$CNSR == 1, 0L, match(d$EVNTDESC, %s))", strs(causes)))
    ci <- ev("cuminc(ftime = d$AVAL, fstatus = d$CAUSE, group = d$TRT01P, cencode = 0)")
    tp <- ev(sprintf("timepoints(cuminc(ftime = d$AVAL, fstatus = d$CAUSE, group = d$TRT01P, cencode = 0), times = %s)", lm))
    cr <- list(causes = arr(causes), landmarks = list(), curves = list(), ci_loglog = list(), gray = list(),
               gray_stratified = NULL, fine_gray = list(), differences = list())
    for (a in arms) {
      cr$landmarks[[a]] <- list(); cr$curves[[a]] <- list(); cr$ci_loglog[[a]] <- list()
      for (k in seq_along(causes)) {
        key <- paste(a, k)
        est <- unname(tp$est[key, ]); var <- unname(tp$var[key, ])
        cr$landmarks[[a]][[causes[k]]] <- list(time = arr(landmarks), est = arr(est), var = arr(var),
                                               events = sum(d$TRT01P == a & d$CAUSE == k))
        # cuminc's own step representation (every jump appears twice; the last point is the group's last time).
        cr$curves[[a]][[causes[k]]] <- list(time = arr(ci[[key]]$time), est = arr(ci[[key]]$est))
        # log-log pointwise CI (Pintilie 2006 §4.2.2; SAS LIFETEST CIF default) from cuminc's est/var (formula).
        a1 <- z975 * sqrt(var) / (est * log(est))
        ok <- fin(est) & est > 0 & est < 1
        cr$ci_loglog[[a]][[causes[k]]] <- list(lower = arr(ifelse(ok, est^exp(-a1), NA)), upper = arr(ifelse(ok, est^exp(a1), NA)))
      }
    }
    for (k in seq_along(causes)) {
      row <- as.character(k)
      cr$gray[[causes[k]]] <- list(stat = unname(ci$Tests[row, "stat"]), df = unname(ci$Tests[row, "df"]), p = unname(ci$Tests[row, "pv"]))
    }
    if (strata) {
      ev("ds <- d[!is.na(d$STRAT1), ]")
      cs <- ev("cuminc(ftime = ds$AVAL, fstatus = ds$CAUSE, group = ds$TRT01P, strata = ds$STRAT1, cencode = 0)")
      cr$gray_stratified <- list()
      for (k in seq_along(causes)) {
        row <- as.character(k)
        cr$gray_stratified[[causes[k]]] <- list(stat = unname(cs$Tests[row, "stat"]), df = unname(cs$Tests[row, "df"]), p = unname(cs$Tests[row, "pv"]))
      }
    }
    ev("X <- model.matrix(~ TRT01P, data = d)[, -1, drop = FALSE]")
    for (k in seq_along(causes)) {
      r <- quietly(sprintf("crr(ftime = d$AVAL, fstatus = d$CAUSE, cov1 = X, failcode = %d, cencode = 0)", k))
      fg <- r$value
      se <- sqrt(diag(fg$var)); zz <- fg$coef / se
      cr$fine_gray[[causes[k]]] <- list(coef = arr(unname(fg$coef)), se = arr(unname(se)), shr = arr(unname(exp(fg$coef))),
                                        shr_lower_95 = arr(unname(exp(fg$coef - z975 * se))), shr_upper_95 = arr(unname(exp(fg$coef + z975 * se))),
                                        p = arr(unname(2 * (1 - pnorm(abs(zz))))), converged = fg$converged,
                                        loglik = fg$loglik, loglik_null = fg$loglik.null, warnings = arr(r$warnings))
    }
    # CIF(other) - CIF(reference) per cause and landmark, Wald from cuminc variances (formula).
    for (cause in causes) for (a in arms[-1]) for (k in seq_along(landmarks)) {
      o <- cr$landmarks[[a]][[cause]]; r <- cr$landmarks[[arms[1]]][[cause]]
      ok <- all(fin(c(o$est[k], r$est[k], o$var[k], r$var[k])))
      dd <- if (ok) o$est[k] - r$est[k] else NA
      se <- if (ok) sqrt(o$var[k] + r$var[k]) else NA
      cr$differences[[length(cr$differences) + 1]] <- list(cause = cause, time = landmarks[k], arm = a, versus = arms[1],
                                                           estimate = dd, standard_error = se, lower = dd - z975 * se, upper = dd + z975 * se)
    }
    cr$differences <- arr(cr$differences)
    out$competing_risks <- cr
  }
  out
}

binomial <- function(adsl, flag) {
  ev("arms <- sort(unique(adsl$TRT01P), method = \"radix\")")
  bt <- ev(sprintf("table(factor(adsl$TRT01P, levels = arms), factor(adsl$%s, levels = c(\"N\", \"Y\")))", flag))
  by <- list()
  for (a in arms) {
    x <- bt[a, "Y"]; n <- sum(bt[a, ])
    cp <- ev(sprintf("binom.test(%d, %d, conf.level = 0.95)$conf.int", x, n))
    wi <- ev(sprintf("suppressWarnings(prop.test(%d, %d, correct = FALSE, conf.level = 0.95)$conf.int)", x, n))
    by[[a]] <- list(x = x, n = n, proportion = x / n, clopper_pearson = list(lower = cp[1], upper = cp[2]),
                    wilson = list(lower = wi[1], upper = wi[2]))
  }
  p0 <- by[[arms[1]]]; p1 <- by[[arms[2]]]
  dd <- p1$proportion - p0$proportion
  diff <- list(estimate = dd,
               lower = dd - sqrt((p1$proportion - p1$wilson$lower)^2 + (p0$wilson$upper - p0$proportion)^2),
               upper = dd + sqrt((p1$wilson$upper - p1$proportion)^2 + (p0$proportion - p0$wilson$lower)^2))
  ft <- ev("fisher.test(bt)", environment())
  list(variable = flag, arms = arr(arms), reference_arm = arms[1], by_arm = by, difference = diff,
       fisher = list(p = ft$p.value, odds_ratio = unname(ft$estimate), lower = ft$conf.int[1], upper = ft$conf.int[2],
                     table = lapply(arms, function(a) arr(as.numeric(bt[a, ])))))
}

gold <- function(name, description, analyses, flags = character(), data_dir = name, out_dir = name) {
  setup <- c("adsl <- read.csv(\"adsl.csv\", colClasses = \"character\", na.strings = \"\", encoding = \"UTF-8\")",
             "adtte <- read.csv(\"adtte.csv\", colClasses = \"character\", na.strings = \"\", encoding = \"UTF-8\")",
             "adtte$AVAL <- as.numeric(adtte$AVAL)",
             "adtte$CNSR <- as.integer(adtte$CNSR)",
             "adsl <- adsl[adsl$ITTFL == \"Y\", ]")
  dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
  out_file <- file.path(normalizePath(out_dir), "expected.json")
  owd <- setwd(data_dir); on.exit(setwd(owd))
  for (code in setup) eval(parse(text = code))
  r_calls <- list(setup = arr(setup))
  results <- list()
  for (a in analyses) {
    calls <<- character()
    results[[a$param]] <- analyse(adsl, adtte, a$param, a$landmarks, a$strata, a$causes)
    r_calls[[a$param]] <- arr(calls)
  }
  bins <- list()
  for (f in flags) {
    calls <<- character()
    bins[[f]] <- binomial(adsl, f)
    r_calls[[paste0("binomial ", f)]] <- arr(calls)
  }
  out <- list(dataset = name, description = description,
              meta = list(r_version = R.version.string, packages = list(survival = as.character(packageVersion("survival")),
                          cmprsk = as.character(packageVersion("cmprsk"))), seed = 20261201L, r_calls = r_calls),
              parameters = results, binomial = if (length(flags)) bins else NULL)
  con <- file(out_file, open = "wb")
  writeLines(json(out), con, sep = "\n", useBytes = TRUE)
  close(con)
}

write_dataset <- function(name, adsl, adtte) {
  dir.create(name, showWarnings = FALSE)
  write_csv(adsl, file.path(name, "adsl.csv"))
  write_csv(adtte, file.path(name, "adtte.csv"))
}

set.seed(20261201)

# ---------------------------------------------------------------- 1. heavy ties
# 40 subjects, integer months 1-6: many events of two causes and censorings share each time; arm A
# has four events and two censorings at month 3.
study <- "UNS-TIES"; n <- 40
arm <- rep(c("Arm A", "Arm B"), each = 20)
time <- c(sample(1:6, 20, TRUE, prob = c(.25, .2, .2, .15, .1, .1)), sample(1:6, 20, TRUE, prob = c(.1, .15, .2, .2, .15, .2)))
cnsr <- rbinom(n, 1, 0.25)
time[1:6] <- 3; cnsr[1:6] <- c(0, 0, 0, 0, 1, 1)
cause <- sample(c("PROGRESSION", "DEATH"), n, TRUE, prob = c(.6, .4))
id <- ids("TIES", n)
write_dataset("heavy_ties", make_adsl(study, id, arm, sample(c("X", "Y"), n, TRUE)),
              make_adtte(study, id, "PFS", "Progression-free survival", time, "MONTHS", cnsr, cause))
gold("heavy_ties", "Heavy ties: integer times 1-6 months, events of two causes and censorings tied at most times.",
     list(list(param = "PFS", landmarks = c(2, 3, 4.5), strata = TRUE, causes = c("PROGRESSION", "DEATH"))))

# ---------------------------------------------------------------- 2. plateau at 0.5
# Control: S = 5/6 * 3/5 = 0.5 (in floating point 0.5000000000000001) after month 2, flat until a
# drop at 5: median is the midpoint 3.5. Treatment: S = 7/8 * 6/7 * 5/6 * 4/5 = 0.5 after month 6
# and flat to the last (censored) time 10: median is 6 itself and the upper band never reaches 0.5.
study <- "UNS-PLAT"
arm <- c(rep("Control", 6), rep("Treatment", 8))
time <- c(1, 2, 2, 3, 5, 7, 1, 3, 4, 6, 7, 8, 9, 10)
cnsr <- c(0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 1, 1, 1)
id <- ids("PLAT", length(arm))
write_dataset("plateau", make_adsl(study, id, arm, NA),
              make_adtte(study, id, "OS", "Overall survival", time, "DAYS", cnsr, "DEATH"))
gold("plateau", "Flat plateau at S = 0.5: midpoint median (Control) and a plateau to the end (Treatment).",
     list(list(param = "OS", landmarks = c(2, 3.5, 6, 9.5, 10), strata = FALSE, causes = character())))

# ---------------------------------------------------------------- 3. empty stratum
# STRAT1 "HIGH" only in DRUG; one PLACEBO subject with missing STRAT1; a non-ITT subject (ITTFL N)
# with the ADSL-only level "EXTRA" and an RFS record; one ITT DRUG subject without an RFS record.
study <- "UNS-STRAT"
arm <- c(rep("DRUG", 16), rep("PLACEBO", 14), "PLACEBO", "DRUG")
strat <- c(sample(c("LOW", "MID", "HIGH"), 16, TRUE), sample(c("LOW", "MID"), 14, TRUE), "EXTRA", "LOW")
strat[c(1, 2, 3)] <- "HIGH"; strat[20] <- NA
itt <- c(rep("Y", 30), "N", "Y")
id <- ids("STRAT", 32)
n <- 31
time <- round(rexp(n, c(rep(0.06, 16), rep(0.1, 14), 0.1)) * 2) / 2 + 0.5
cnsr <- rbinom(n, 1, 0.3); cnsr[1:2] <- 0
cause <- sample(c("RELAPSE", "DEATH"), n, TRUE, prob = c(.65, .35))
write_dataset("empty_stratum", make_adsl(study, id, arm, strat, itt),
              make_adtte(study, id[1:n], "RFS", "Relapse-free survival", time, "MONTHS", cnsr, cause))
gold("empty_stratum", "A stratum level (HIGH) with subjects in one arm only, a subject with missing STRAT1, an ADSL-only level in a non-ITT subject, and an ITT subject without a record.",
     list(list(param = "RFS", landmarks = c(6, 12), strata = TRUE, causes = c("RELAPSE", "DEATH"))))

# ---------------------------------------------------------------- 4. an arm with no events
# Arms "Placebo" and "blinatumomab": byte order puts "Placebo" first (reference), unlike a locale
# sort. blinatumomab has no events: infinite Cox coefficient. MRDNEGFL has a zero cell (no "Y" on
# Placebo), CRFL a full cell (every blinatumomab subject "Y").
study <- "UNS-NOEV"
arm <- c(rep("Placebo", 10), rep("blinatumomab", 9))
time <- c(2, 3, 3, 5, 6, 8, 9, 12, 14, 15, 1, 3, 4, 6, 7, 9, 12, 13, 16)
cnsr <- c(0, 0, 1, 0, 0, 1, 0, 0, 1, 1, rep(1, 9))
id <- ids("NOEV", length(arm))
mrd <- c(rep("N", 10), "Y", "N", "Y", "Y", "N", "Y", "Y", "N", "Y")
crfl <- c("Y", "N", "N", "Y", "N", "Y", "N", "N", "Y", "N", rep("Y", 9))
write_dataset("no_events", make_adsl(study, id, arm, sample(c("CR1", "CR2"), length(arm), TRUE), extra = list(MRDNEGFL = mrd, CRFL = crfl)),
              make_adtte(study, id, "RFS", "Relapse-free survival", time, "MONTHS", cnsr, "RELAPSE"))
gold("no_events", "One arm without events (infinite Cox coefficient), byte-order reference arm, binary flags with a zero and a full cell.",
     list(list(param = "RFS", landmarks = c(3, 6, 12), strata = TRUE, causes = character())), flags = c("MRDNEGFL", "CRFL"))

# ---------------------------------------------------------------- 5. a single-subject arm
# Beta has one subject: OS event at month 5 (its curve drops to 0, log and log-log limits NA, plain
# NaN); EFS censored at month 3 (no events: infinite coefficient).
study <- "UNS-SING"
arm <- c(rep("Alpha", 12), "Beta")
id <- ids("SING", 13)
os_t <- c(1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 12, 5); os_c <- c(0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0)
efs_t <- c(1, 2, 2, 3, 4, 5, 6, 6, 7, 8, 9, 11, 3); efs_c <- c(0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1)
write_dataset("single_subject", make_adsl(study, id, arm, NA),
              rbind(make_adtte(study, id, "OS", "Overall survival", os_t, "MONTHS", os_c, "DEATH"),
                    make_adtte(study, id, "EFS", "Event-free survival", efs_t, "MONTHS", efs_c, "EVENT")))
gold("single_subject", "An arm with a single subject: an event (OS) and a censoring (EFS).",
     list(list(param = "OS", landmarks = c(2, 5, 8), strata = FALSE, causes = character()),
          list(param = "EFS", landmarks = c(2, 5, 8), strata = FALSE, causes = character())))

# ---------------------------------------------------------------- 6. landmarks past follow-up
# Early ends with a censoring at 10; Late ends with an event at 14 (S = 0). Landmarks before the
# first time (0.5), at an event time (4), at Early's last time (10), past Early (12), at Late's
# last event (14) and past both (20).
study <- "UNS-LMK"
arm <- c(rep("Early", 10), rep("Late", 10))
time <- c(1, 2, 4, 4, 5, 6, 7, 8, 9, 10, 2, 4, 5, 7, 8, 9, 11, 12, 13, 14)
cnsr <- c(0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0)
cause <- c("RELAPSE", NA, "NRM", "RELAPSE", NA, "RELAPSE", NA, "NRM", "RELAPSE", NA,
           "RELAPSE", "RELAPSE", NA, "NRM", "RELAPSE", NA, "RELAPSE", "NRM", NA, "RELAPSE")
id <- ids("LMK", 20)
write_dataset("landmark_edges", make_adsl(study, id, arm, NA),
              make_adtte(study, id, "RFS", "Relapse-free survival", time, "MONTHS", cnsr, cause))
gold("landmark_edges", "Landmarks before the first time, at event times, at and past the last censored time of one arm and the last event (S = 0) of the other.",
     list(list(param = "RFS", landmarks = c(0.5, 4, 10, 12, 14, 20), strata = FALSE, causes = c("RELAPSE", "NRM"))))

# ---------------------------------------------------------------- 7. three arms
# Arm names with a comma (quoted in the CSV); reference "Drug 10 mg" (first in byte order); a
# non-ITT subject; 0.5-month grid with ties.
study <- "UNS-3ARM"
arm <- c(rep("Drug 10 mg", 20), rep("Drug 20 mg, weekly", 20), rep("Placebo", 20), "Placebo")
n <- 61
rate <- ifelse(arm == "Placebo", 0.09, ifelse(arm == "Drug 10 mg", 0.07, 0.05))
time <- pmin(round(rexp(n, rate) * 2) / 2 + 0.5, 24)
cnsr <- ifelse(time >= 24, 1, rbinom(n, 1, 0.2))
cause <- sample(c("RELAPSE", "DEATH WITHOUT RELAPSE"), n, TRUE, prob = c(.7, .3))
id <- ids("3ARM", n)
# EFS: "Drug 20 mg, weekly" has no events, so one of the two Cox coefficients is infinite (own
# seed, so that the datasets below keep their random stream).
main_stream <- .Random.seed
set.seed(20261202)
efs_t <- pmin(round(rexp(n, rate) * 2) / 2 + 0.5, 24)
efs_c <- ifelse(arm == "Drug 20 mg, weekly" | efs_t >= 24, 1, rbinom(n, 1, 0.2))
.Random.seed <- main_stream
write_dataset("three_arms", make_adsl(study, id, arm, sample(c("A", "B"), n, TRUE), c(rep("Y", 60), "N")),
              rbind(make_adtte(study, id, "RFS", "Relapse-free survival", time, "MONTHS", cnsr, cause),
                    make_adtte(study, id, "EFS", "Event-free survival", efs_t, "MONTHS", efs_c, "EVENT")))
gold("three_arms", "Three arms (one name with a comma), two strata, two competing causes; EFS: one arm without events.",
     list(list(param = "RFS", landmarks = c(6, 12, 18), strata = TRUE, causes = c("RELAPSE", "DEATH WITHOUT RELAPSE")),
          list(param = "EFS", landmarks = c(6, 12, 18), strata = TRUE, causes = character())))

# ---------------------------------------------------------------- 8. three competing causes
# SECOND MALIGNANCY occurs only in Control (none in Experimental): its cuminc curve is 0 there and
# its Fine-Gray coefficient diverges. Landmark 60 lies past every follow-up (timepoints NA).
study <- "UNS-CR3"
arm <- rep(c("Control", "Experimental"), each = 25)
n <- 50
time <- pmin(round(rexp(n, ifelse(arm == "Control", 0.05, 0.035)), 1) + 0.1, 48)
cnsr <- ifelse(time >= 48, 1, rbinom(n, 1, 0.25))
causes3 <- c("RELAPSE", "NON-RELAPSE MORTALITY", "SECOND MALIGNANCY")
cause <- ifelse(arm == "Control", sample(causes3, n, TRUE, prob = c(.55, .3, .15)),
                sample(causes3[1:2], n, TRUE, prob = c(.6, .4)))
cause[c(3, 7)] <- "SECOND MALIGNANCY"; cnsr[c(3, 7)] <- 0
id <- ids("CR3", n)
write_dataset("competing_three", make_adsl(study, id, arm, sample(c("CR1", "CR2"), n, TRUE)),
              make_adtte(study, id, "RFS", "Relapse-free survival", time, "MONTHS", cnsr, cause))
gold("competing_three", "Three competing causes, one without events in one arm; a landmark past all follow-up.",
     list(list(param = "RFS", landmarks = c(12, 24, 60), strata = TRUE, causes = causes3)))

# ---------------------------------------------------------------- 9. floating-point near-ties
# 0.1 + 0.2 (0.30000000000000004) next to 0.3 (0.29999999999999999), 0.7 + 0.1 (0.79999999999999993)
# next to 0.8, 1.1 + 2.2 (3.3000000000000003) next to 3.3, across arms and statuses. survival's
# aeqSurv merges them (timefix); cmprsk does not.
study <- "UNS-NEAR"
arm <- rep(c("A", "B"), each = 12)
time <- c(0.3, 0.1 + 0.2, 0.8, 0.7 + 0.1, 1.5, 2, 3.3, 1.1 + 2.2, 4, 5, 6, 7,
          0.1 + 0.2, 0.3, 0.7 + 0.1, 0.8, 1, 2.5, 1.1 + 2.2, 3.3, 4.5, 5.5, 6.5, 8)
cnsr <- c(0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1,
          0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1)
cause <- c("RELAPSE", "DEATH", NA, "RELAPSE", "DEATH", NA, "RELAPSE", NA, "RELAPSE", NA, "DEATH", NA,
           "RELAPSE", NA, NA, "DEATH", "RELAPSE", "RELAPSE", "DEATH", "RELAPSE", NA, "RELAPSE", NA, NA)
id <- ids("NEAR", 24)
write_dataset("near_ties", make_adsl(study, id, arm, sample(c("P", "Q"), 24, TRUE)),
              make_adtte(study, id, "RFS", "Relapse-free survival", time, "MONTHS", cnsr, cause))
gold("near_ties", "Times equal up to floating-point noise (0.1 + 0.2 vs 0.3, written with 17 digits) across arms and statuses.",
     list(list(param = "RFS", landmarks = c(0.3, 0.8, 3.3), strata = TRUE, causes = c("RELAPSE", "DEATH"))))

# ---------------------------------------------------------------- reference datasets, full contract
# The shipped reference CSVs, analysed exactly as in their expected.json (same landmarks, strata and
# causes), with every number of the endpoint object in this script's layout.
ref <- function(ds) file.path("..", "reference", ds)
gold("aml", "survival::aml (reference dataset), full endpoint contract.",
     list(list(param = "RFS", landmarks = c(12, 24, 36), strata = FALSE, causes = character())),
     data_dir = ref("aml"), out_dir = file.path("reference_full", "aml"))
gold("lung", "survival::lung (reference dataset), full endpoint contract.",
     list(list(param = "OS", landmarks = c(180, 365, 730), strata = TRUE, causes = character())),
     data_dir = ref("lung"), out_dir = file.path("reference_full", "lung"))
gold("mgus2", "survival::mgus2 (reference dataset), full endpoint contract.",
     list(list(param = "PFS", landmarks = c(60, 120, 240), strata = FALSE, causes = c("PROGRESSION", "DEATH WITHOUT PROGRESSION"))),
     data_dir = ref("mgus2"), out_dir = file.path("reference_full", "mgus2"))
gold("ball_synth", "Simulated B-ALL trial (reference dataset), full endpoint contract.",
     list(list(param = "RFS", landmarks = c(12, 24), strata = TRUE, causes = c("RELAPSE", "DEATH WITHOUT RELAPSE")),
          list(param = "OS", landmarks = c(12, 24), strata = TRUE, causes = character())),
     flags = "MRDNEGFL", data_dir = ref("ball_synth"), out_dir = file.path("reference_full", "ball_synth"))

# ---------------------------------------------------------------- 10. time zero and one event time
# X has an event and a censoring at time 0; every event of Y falls at month 5 (S drops from 1 to 0
# there). STRAT1 S3 holds a single subject and S4 only censorings. X-008 has a missing ITTFL (not
# in the population) but an RFS record. Landmarks at 0 and at 5.
study <- "UNS-EDGE"
arm <- c(rep("X", 8), rep("Y", 5))
time <- c(0, 0, 1, 2, 3, 4, 6, 2, 4, 5, 5, 5, 5)
cnsr <- c(0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0)
cause <- c("RELAPSE", NA, "DEATH", NA, "RELAPSE", "RELAPSE", NA, "DEATH", NA, "RELAPSE", "RELAPSE", "DEATH", "DEATH")
strat <- c("S1", "S2", "S1", "S4", "S1", "S1", "S3", "S1", "S4", "S1", "S1", "S2", "S1")
id <- ids("EDGE", 13)
write_dataset("edge_times", make_adsl(study, id, arm, strat, c(rep("Y", 7), NA, rep("Y", 5))),
              make_adtte(study, id, "RFS", "Relapse-free survival", time, "MONTHS", cnsr, cause))
gold("edge_times", "An event and a censoring at time 0, all events of one arm at a single time, a single-subject stratum, an event-free stratum, a missing ITTFL.",
     list(list(param = "RFS", landmarks = c(0, 5, 6), strata = TRUE, causes = c("RELAPSE", "DEATH"))))

# ---------------------------------------------------------------- 11. strong effect, tiny p-values
# 160 subjects, relapse hazard ratio 0.12: Gray's p (cmprsk: 1 - pchisq) and crr's p
# (2 * (1 - pnorm(|z|))) are far below 1e-7, where these lower-tail forms keep only a few digits,
# next to survdiff's and coxph's upper-tail p-values, which keep all of them.
set.seed(20261203)
study <- "UNS-STRONG"
arm <- rep(c("Control", "Experimental"), each = 80)
n <- 160
relapse <- rexp(n, ifelse(arm == "Control", 0.25, 0.03)); death <- rexp(n, 0.02); censor <- runif(n, 6, 36)
time <- round(pmin(relapse, death, censor), 2) + 0.01
cnsr <- ifelse(censor < pmin(relapse, death), 1, 0)
cause <- ifelse(relapse < death, "RELAPSE", "DEATH")
id <- ids("STRONG", n)
write_dataset("strong_effect", make_adsl(study, id, arm, sample(c("CR1", "CR2"), n, TRUE)),
              make_adtte(study, id, "RFS", "Relapse-free survival", time, "MONTHS", cnsr, cause))
gold("strong_effect", "A strong treatment effect: p-values far below 1e-7 (Gray's and crr's computed by cmprsk from the lower tail).",
     list(list(param = "RFS", landmarks = c(6, 12, 24), strata = TRUE, causes = c("RELAPSE", "DEATH"))))

# ---------------------------------------------------------------- 12. randomized small datasets
# random/<seed>: 2-3 arms of 1-60 subjects with random names (some with commas), times on an integer,
# half-month or 0.001 grid with occasional floating-point near-ties, 0-80% censoring, sometimes an
# arm without events, STRAT1 with an occasional missing value, 2-3 causes, landmarks including one
# past all follow-up, MRDNEGFL sometimes with a zero cell. The seeds below include the ones that
# exposed differences (see docs/methods/validation.md): Fisher's uniroot limits (1008, 1010, 1013),
# crr's lower-tail p (1015, 1023), cmprsk's singular Gray statistic -1 (1023), coxph running out of
# iterations (1038, 1044, 2063, 2117), every Cox coefficient NA (2038).
random_dataset <- function(s, large) {
  set.seed(s)
  k <- sample(2:3, 1, prob = c(.7, .3))
  sizes <- if (large) sample(c(2, 5, 12, 25, 40, 60), k, TRUE) else
    sample(c(1, 2, 3, 5, 8, 12, 20, 25), k, TRUE, prob = c(.05, .05, .1, .15, .2, .2, .15, .1))
  armnames <- sample(c("Arm A", "arm b", "Zeta", "Beta, weekly", "Placebo", "drug"), k)
  arm <- rep(armnames, sizes); n <- length(arm)
  grid <- sample(c("int", "half", "cont"), 1)
  rates <- if (large) exp(runif(k, log(0.01), log(0.5))) else runif(k, 0.05, 0.3)
  t <- rexp(n, rates[match(arm, armnames)])
  t <- switch(grid, int = ceiling(t), half = round(t * 2) / 2 + 0.5, cont = round(t, 3) + 0.001)
  if (runif(1) < 0.3) { j <- sample(n, min(n, 3)); t[j] <- c(0.1 + 0.2, 0.3, 0.7 + 0.1)[seq_along(j)] }
  pc <- sample(c(0, 0.2, 0.5, 0.8), 1)
  cnsr <- rbinom(n, 1, pc)
  if (runif(1) < 0.25) cnsr[arm == armnames[sample(k, 1)]] <- 1
  if (all(cnsr == 1)) cnsr[1] <- 0
  ncause <- sample(2:3, 1)
  causes <- c("RELAPSE", "DEATH", "OTHER")[1:ncause]
  cause <- sample(causes, n, TRUE)
  for (cc in causes) if (!any(cause[cnsr == 0] == cc)) { j <- which(cnsr == 0)[1]; if (!is.na(j)) cause[j] <- cc }
  use_cr <- length(unique(cause[cnsr == 0])) == ncause && runif(1) < 0.6
  strat <- sample(c("S1", "S2", "S3"), n, TRUE); if (runif(1) < 0.4) strat[sample(n, 1)] <- NA
  use_strata <- runif(1) < 0.6 && length(unique(na.omit(strat))) >= 1
  lms <- sort(unique(round(c(quantile(t, c(.25, .6)), max(t) + 1, sample(t, 1)), 3)))
  study <- sprintf("RANDOM-%d", s); id <- ids(sprintf("R%d", s), n)
  mrd <- sample(c("Y", "N"), n, TRUE); if (runif(1) < 0.3) mrd[arm == armnames[1]] <- "N"
  name <- file.path("random", as.character(s))
  write_dataset(name, make_adsl(study, id, arm, strat, extra = list(MRDNEGFL = mrd)),
                make_adtte(study, id, "RFS", "Relapse-free survival", t, "MONTHS", cnsr, cause))
  gold(name, sprintf("Randomized dataset, seed %d.", s),
       list(list(param = "RFS", landmarks = lms, strata = use_strata, causes = if (use_cr) causes else character())),
       flags = if (k == 2) "MRDNEGFL" else character())
}
dir.create("random", showWarnings = FALSE)
for (s in c(1001:1010, 1013, 1015, 1023, 1038, 1044)) random_dataset(s, large = FALSE)
for (s in c(2003:2008, 2010:2015, 2038, 2063, 2117)) random_dataset(s, large = TRUE)
