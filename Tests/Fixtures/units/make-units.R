# Gold values for `readout estimate --time-unit days --display-unit months` (EstimateUnitsTests).
# R >= 4.2, survival >= 3.5. Run from this folder: Rscript make-units.R  (writes lung_months.json)
# The lung reference data (AVAL in days) analysed in months: time / (365.25 / 12), landmarks 6, 12, 24 months,
# R profile conventions (log CI for the curve, log-log for follow-up as in the reference files).
suppressPackageStartupMessages(library(survival))
adsl <- read.csv("../reference/lung/adsl.csv", stringsAsFactors = FALSE)
adtte <- read.csv("../reference/lung/adtte.csv", stringsAsFactors = FALSE)
d <- merge(adtte[adtte$PARAMCD == "OS", ], adsl[adsl$ITTFL == "Y", c("USUBJID", "TRT01P")], by = "USUBJID")
d$time <- d$AVAL / (365.25 / 12)
d$status <- 1 - d$CNSR
d$arm <- factor(d$TRT01P, levels = sort(unique(d$TRT01P), method = "radix"))
marks <- c(6, 12, 24)
out <- list(unit = "MONTHS", landmarks = marks, groups = list())
for (a in levels(d$arm)) {
  s <- d[d$arm == a, ]
  fit <- survfit(Surv(time, status) ~ 1, data = s, conf.type = "log")
  q <- quantile(fit, probs = 0.5)
  sm <- summary(fit, times = marks, extend = TRUE)
  out$groups[[a]] <- list(
    time = fit$time, surv = fit$surv,
    median = unname(c(q$quantile, q$lower, q$upper)),
    landmark_surv = sm$surv, landmark_se = sm$std.err
  )
}
cx <- coxph(Surv(time, status) ~ arm, data = d, ties = "efron")
out$cox_hr <- unname(exp(coef(cx)))
writeLines(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "lung_months.json")
