# R's side of Benchmarks/estimate-vs-r.sh: the analysis `readout estimate --adsl A --adtte T --param P`
# does with its defaults (profile sas: log-log confidence intervals, Breslow ties; population ITTFL = "Y";
# arm TRT01P from ADSL; reference arm first in byte order, which is R's default factor order here):
# Kaplan-Meier per arm with medians, median follow-up by reverse Kaplan-Meier, log-rank, Cox.
#   Rscript Benchmarks/estimate-vs-r.R adsl.csv adtte.csv RFS
# Needs R with data.table and survival (Debian: apt-get install r-base-core r-cran-survival r-cran-data.table).
suppressPackageStartupMessages({ library(data.table); library(survival) })
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 3)
adsl <- fread(args[1])
adtte <- fread(args[2])
arms <- adsl[ITTFL == "Y", .(USUBJID, TRT01P)]
d <- merge(adtte[PARAMCD == args[3], .(USUBJID, AVAL, CNSR)], arms, by = "USUBJID")
d[, event := as.integer(CNSR == 0)]
d[, arm := factor(TRT01P, levels = sort(unique(TRT01P), method = "radix"))]
km <- survfit(Surv(AVAL, event) ~ arm, data = d, conf.type = "log-log")
fu <- survfit(Surv(AVAL, 1 - event) ~ arm, data = d, conf.type = "log-log")
lr <- survdiff(Surv(AVAL, event) ~ arm, data = d)
cx <- coxph(Surv(AVAL, event) ~ arm, data = d, ties = "breslow")
s <- summary(km)$table
f <- summary(fu)$table
for (i in seq_len(nrow(s))) {
  cat(sprintf("%s: n = %d, events = %d, median %.4f (%.4f, %.4f), median follow-up %.4f\n", levels(d$arm)[i],
              as.integer(s[i, "records"]), as.integer(s[i, "events"]), s[i, "median"], s[i, "0.95LCL"], s[i, "0.95UCL"], f[i, "median"]))
}
cat(sprintf("log-rank: chi-square %.4f on %d df, p = %.6f\n", lr$chisq, length(lr$n) - 1L,
            pchisq(lr$chisq, length(lr$n) - 1L, lower.tail = FALSE)))
ci <- exp(confint(cx))
cat(sprintf("Cox (breslow): HR = %.4f (%.4f, %.4f)\n", exp(coef(cx))[1], ci[1, 1], ci[1, 2]))
