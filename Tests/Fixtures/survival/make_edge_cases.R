# Gold values for the Kaplan-Meier / log-rank edge cases in edge_cases.json.
# Run from this folder with R 4.2 and survival 3.5-3:  Rscript make_edge_cases.R
# Every number is written with sprintf("%.17g"); NA -> null, NaN -> "NaN", Inf -> "Inf".
# The calls mirror the reference generator (see ../reference/README.md):
#   survfit(Surv(time, event) ~ arm, conf.type = <type>)   (timefix = TRUE: aeqSurv on all rows)
#   summary(fit)$table, quantile(fit, c(.25, .5, .75)), summary(fit, times, extend = FALSE)
#   survdiff(Surv(time, event) ~ arm [+ strata(stratum)])
#   survfit(Surv(time, 1 - event) ~ arm | ~ 1, conf.type = "log-log") for median follow-up
suppressPackageStartupMessages(library(survival))
stopifnot(packageVersion("survival") == "3.5.3")

# ---- a minimal JSON writer -------------------------------------------------
arr <- function(x) structure(list(x), class = "jarr")      # force an array even for length 1
num1 <- function(v) {
  if (is.logical(v)) return(if (is.na(v)) "null" else if (v) "true" else "false")
  if (is.character(v)) return(if (is.na(v)) "null" else paste0("\"", gsub("\"", "\\\\\"", v), "\""))
  if (is.nan(v)) return("\"NaN\"")
  if (is.na(v)) return("null")
  if (is.infinite(v)) return(if (v > 0) "\"Inf\"" else "\"-Inf\"")
  sprintf("%.17g", v)
}
tojson <- function(x) {
  if (inherits(x, "jarr")) {
    v <- x[[1]]
    return(paste0("[", paste(vapply(seq_along(v), function(i) num1(v[[i]]), ""), collapse = ", "), "]"))
  }
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      items <- vapply(names(x), function(k) paste0("\"", k, "\": ", tojson(x[[k]])), "")
      return(paste0("{", paste(items, collapse = ", "), "}"))
    }
    return(paste0("[", paste(vapply(x, tojson, ""), collapse = ", "), "]"))
  }
  if (length(x) == 1) return(num1(x))
  paste0("[", paste(vapply(seq_along(x), function(i) num1(x[[i]]), ""), collapse = ", "), "]")
}

types <- c("log", "log-log", "plain")
probs <- c(0.25, 0.5, 0.75)

arm_results <- function(d, arms, landmarks) {
  fits <- lapply(types, function(ct) survfit(Surv(time, event) ~ arm, data = d, conf.type = ct))
  names(fits) <- types
  out <- list()
  for (a in seq_along(arms)) {
    one <- lapply(fits, function(f) f[a])
    f1 <- one[["log"]]
    g <- list(n = sum(d$arm == arms[a]), events = sum(d$event[d$arm == arms[a]]))
    g$survfit <- list(time = arr(f1$time), n.risk = arr(f1$n.risk), n.event = arr(f1$n.event),
                      n.censor = arr(f1$n.censor), surv = arr(f1$surv), std.err = arr(f1$std.err),
                      cumhaz = arr(f1$cumhaz), std.chaz = arr(f1$std.chaz),
                      lower = lapply(one, function(f) arr(f$lower)),
                      upper = lapply(one, function(f) arr(f$upper)))
    g$median <- lapply(types, function(ct) {
      tab <- summary(fits[[ct]])$table
      row <- if (is.matrix(tab)) tab[a, ] else tab
      list(median = unname(row["median"]), lower = unname(row["0.95LCL"]), upper = unname(row["0.95UCL"]))
    })
    names(g$median) <- types
    g$quantiles <- c(list(probs = arr(probs)), lapply(types, function(ct) {
      q <- quantile(fits[[ct]], probs = probs, conf.int = TRUE)
      list(quantile = arr(unname(q$quantile[a, ])), lower = arr(unname(q$lower[a, ])),
           upper = arr(unname(q$upper[a, ])))
    }))
    names(g$quantiles) <- c("probs", types)
    g$landmarks <- lapply(landmarks, function(tt) {
      # summary() stops with "no points selected" when tt is after the last time: not available.
      s <- lapply(types, function(ct)
        tryCatch(summary(one[[ct]], times = tt, extend = FALSE), error = function(e) NULL))
      names(s) <- types
      if (is.null(s[["log"]]) || length(s[["log"]]$time) == 0)
        return(list(time = tt, available = FALSE, n.risk = NA, surv = NA, std.err.surv = NA,
                    ci = lapply(setNames(types, types), function(ct) list(lower = NA, upper = NA))))
      list(time = tt, available = TRUE, n.risk = s[["log"]]$n.risk, surv = s[["log"]]$surv,
           std.err.surv = s[["log"]]$std.err,
           ci = lapply(s, function(x) list(lower = x$lower, upper = x$upper)))
    })
    out[[arms[a]]] <- g
  }
  out
}

logrank <- function(sdf, arms) {
  otmp <- if (is.matrix(sdf$obs)) rowSums(sdf$obs) else sdf$obs
  etmp <- if (is.matrix(sdf$exp)) rowSums(sdf$exp) else sdf$exp
  list(chisq = sdf$chisq, df = sum(etmp > 0) - 1, p = sdf$pvalue, arms = arms,
       n = arr(as.vector(sdf$n)), observed = arr(unname(otmp)), expected = arr(unname(etmp)),
       variance = lapply(seq_len(nrow(sdf$var)), function(i) arr(sdf$var[i, ])))
}

followup <- function(d, arms) {
  fu <- survfit(Surv(time, 1 - event) ~ arm, data = d, conf.type = "log-log")
  tab <- summary(fu)$table
  by <- lapply(seq_along(arms), function(a) {
    row <- if (is.matrix(tab)) tab[a, ] else tab
    list(n = sum(d$arm == arms[a]), n_censored_used_as_events = sum(1 - d$event[d$arm == arms[a]]),
         median = unname(row["median"]), lower = unname(row["0.95LCL"]), upper = unname(row["0.95UCL"]))
  })
  names(by) <- arms
  all <- summary(survfit(Surv(time, 1 - event) ~ 1, data = d, conf.type = "log-log"))$table
  list(by_arm = by, overall = list(n = nrow(d), n_censored_used_as_events = sum(1 - d$event),
                                   median = unname(all["median"]), lower = unname(all["0.95LCL"]),
                                   upper = unname(all["0.95UCL"])))
}

make_case <- function(name, description, time, event, arm, stratum = NULL, landmarks) {
  arms <- sort(unique(arm), method = "radix")
  d <- data.frame(time = time, event = event, arm = factor(arm, levels = arms))
  res <- list(name = name, description = description,
              time = arr(time), event = arr(event), arm = arr(match(arm, arms) - 1L), arms = arr(arms),
              stratum = if (is.null(stratum)) NULL else arr(stratum),
              landmarks = arr(landmarks))
  res$groups <- arm_results(d, arms, landmarks)
  res$logrank <- list(unstratified = logrank(survdiff(Surv(time, event) ~ arm, data = d), arms))
  if (!is.null(stratum)) {
    d$stratum <- factor(stratum, levels = c(sort(unique(stratum[!is.na(stratum)])), 99L))  # 99: empty level
    ds <- d[!is.na(d$stratum), ]
    res$logrank$stratified <- logrank(survdiff(Surv(time, event) ~ arm + strata(stratum), data = ds), arms)
    res$logrank$stratified$excluded <- sum(is.na(d$stratum))
  } else res$logrank$stratified <- NULL
  res$followup <- followup(d, arms)
  res
}

cases <- list()

# 1. Ties: exact ties of events and censorings at one time, and floating-point near-ties
#    (0.1 + 0.2 vs 0.3, 1 - 0.9 vs 0.1, 3 * 0.1 vs 0.3) that aeqSurv merges; some cross arms.
cases[[1]] <- make_case("ties",
  "exact and floating-point near ties of events and censorings, within and across arms",
  time  = c(0.1 + 0.2, 0.3, 0.3, 1 - 0.9, 0.1, 1, 1, 1, 1, 2, 2, 2.5, 3 * 0.1, 4, 4, 4, 5, 6, 6, 7,
            0.3, 0.1 + 0.2, 1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 7, 8, 8),
  event = c(1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 0, 0, 1, 0, 1,
            1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 0),
  arm   = c(rep("A", 20), rep("B", 16)),
  stratum = c(rep(1:2, 10), rep(1:2, 8)),
  landmarks = c(0.3, 1, 2.25, 4, 8))

# 2. Plateaus at exactly 0.25 / 0.5 / 0.75 that later drop (midpoint rules), and a curve that
#    stays at 0.5 until its last (censored) observation (table median vs quantile()).
cases[[2]] <- make_case("plateau",
  "curves flat at exactly 1 - p: later drop (midpoints) and flat until the last observation",
  time  = c(1, 2, 3, 4, 2, 4, 6, 8, 10, 12, 14, 16, 1, 3, 5, 7, 9),
  event = c(1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0),
  arm   = c(rep("Drop", 4), rep("EndsAtHalf", 8), rep("HalfEarly", 5)),
  landmarks = c(0, 2, 4.5, 9, 16, 17))

# 3. Degenerate arms: all censored (no events), a single subject with an event, a single
#    subject censored before any event (expected 0 in the log-rank: not counted in df).
cases[[3]] <- make_case("degenerate",
  "all-censored arm, single-subject arms (event / censored before any event), regular arm",
  time  = c(2, 4, 6, 8, 10, 3, 0.5, 1, 2, 3, 3, 5, 7, 9, 11),
  event = c(0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0),
  arm   = c(rep("AllCensored", 5), "OneEvent", "OneCensored", rep("Regular", 8)),
  landmarks = c(0.25, 3, 8, 11, 12))

# 4. Landmarks: before the first time, at time 0 with an event at 0, exactly at event and
#    censoring times, between times, at and after the last time (event with S = 0 / censored).
cases[[4]] <- make_case("landmarks",
  "landmarks at 0, at and between times, at and past the last follow-up; event at time 0",
  time  = c(0, 1, 2, 2, 3, 5, 8, 1, 2, 4, 4, 6, 9, 10),
  event = c(1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0),
  arm   = c(rep("EndsWithEvent", 7), rep("EndsCensored", 7)),
  landmarks = c(0, 0.5, 2, 3.5, 8, 9, 10, 10.5, 50))

# 5. Stratified log-rank with a stratum holding one arm only, a stratum with no events, a
#    subject with a missing stratum (left out of the stratified test only) and an unused level.
cases[[5]] <- make_case("strata",
  "stratum with one arm only, stratum without events, missing stratum, empty factor level",
  time  = c(1, 3, 5, 7, 9, 2, 4, 6, 8, 10, 11, 12, 13, 14, 6, 15, 16, 3.5),
  event = c(1, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1),
  arm   = c("Control", "Control", "Control", "Control", "Control", "Test", "Test", "Test", "Test",
            "Test", "Control", "Test", "Control", "Test", "Test", "Test", "Test", "Control"),
  stratum = c(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, NA),
  landmarks = c(5, 10))

# 6. Relative near-ties: times around 1e9 that differ by less than sqrt(eps) * mean|t| chain
#    together (1e9, 1e9 + 1, 1e9 + 2 -> 1e9); 1e9 + 100 does not.
base <- 1e9
cases[[6]] <- make_case("relative_ties",
  "large times whose differences are below sqrt(eps) relative to the mean time",
  time  = base + c(0, 1, 2, 100, 100, 1000, 5000, 5001, 9000, 0, 2, 100.5, 1000, 4999, 9000, 12000),
  event = c(1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0),
  arm   = c(rep("A", 9), rep("B", 7)),
  landmarks = base + c(1, 150, 5000.5, 9000, 20000))

json <- paste0("{\"generator\": \"make_edge_cases.R\", \"r_version\": \"", R.version$major, ".",
               R.version$minor, "\", \"survival\": \"", as.character(packageVersion("survival")),
               "\", \"cases\": [\n", paste(vapply(cases, tojson, ""), collapse = ",\n"), "\n]}\n")
writeLines(json, "edge_cases.json", useBytes = TRUE)
