# R gold for the ZEN-301 test trial (Tests/Fixtures/trials/zen301): every value as a pair
# (path into Readout's results.json, value). Path segments: a key, or key=value selecting the array
# element whose key has that value (key=value&key2=value2: both). Run from this folder: Rscript gold.R > gold.json
suppressMessages({library(survival); library(cmprsk); library(jsonlite)})
adsl <- read.csv("../data/adsl.csv", stringsAsFactors=FALSE, na.strings="")
adtte <- read.csv("../data/adtte.csv", stringsAsFactors=FALSE, na.strings="")
adae <- read.csv("../data/adae.csv", stringsAsFactors=FALSE, na.strings="")
itt <- adsl[adsl$ITTFL == "Y",]
gold <- list()
put <- function(path, value) gold[[length(gold) + 1]] <<- list(path=path, value=unname(value))
arms <- c("Zenatinib 40 mg", "Placebo")
tte <- function(p) { d <- merge(adtte[adtte$PARAMCD==p,], itt[,c("USUBJID","TRT01P","STAGE","SEX","REGION","ECOGBL")], by="USUBJID")
  d$t <- d$AVAL/30.4375; d$ev <- 1 - d$CNSR; d$arm <- factor(d$TRT01P, levels=c("Placebo","Zenatinib 40 mg")); d }
for (e in list(list("pfs","PFS",c(6,12,24)), list("os","OS",c(12,24)))) {
  id <- e[[1]]; d <- tte(e[[2]]); lm <- e[[3]]; ep <- paste0("endpoints/endpoint=", id)
  for (a in arms) {
    da <- d[d$TRT01P==a,]; pa <- paste0(ep, "/arms/arm=", a)
    s <- survfit(Surv(t, ev) ~ 1, data=da, conf.type="log")       # profile r: log CI
    q <- quantile(s, 0.5)
    put(paste0(pa, "/n"), nrow(da)); put(paste0(pa, "/events"), sum(da$ev))
    put(paste0(pa, "/median/estimate"), q$quantile); put(paste0(pa, "/median/lower"), q$lower); put(paste0(pa, "/median/upper"), q$upper)
    sm <- summary(s, times=lm)
    for (i in seq_along(lm)) { pl <- paste0(pa, "/landmarks/time=", lm[i])
      put(paste0(pl, "/estimate"), sm$surv[i]); put(paste0(pl, "/lower"), sm$lower[i]); put(paste0(pl, "/upper"), sm$upper[i])
      put(paste0(pl, "/standardError"), sm$std.err[i]); put(paste0(pl, "/atRisk"), sm$n.risk[i]) }
    fu <- quantile(survfit(Surv(t, 1-ev) ~ 1, data=da, conf.type="log-log"), .5)   # follow-up CI: log-log
    put(paste0(pa, "/followUp/median"), fu$quantile); put(paste0(pa, "/followUp/lower"), fu$lower); put(paste0(pa, "/followUp/upper"), fu$upper)
    rm <- summary(s, rmean=24)$table
    put(paste0(ep, "/restrictedMean/arms/arm=", a, "/estimate"), rm[["rmean"]])
    put(paste0(ep, "/restrictedMean/arms/arm=", a, "/standardError"), rm[["se(rmean)"]])
  }
  put(paste0(ep, "/logRank/chiSquare"), survdiff(Surv(t, ev) ~ arm, data=d)$chisq)
  cx <- coxph(Surv(t, ev) ~ arm, data=d, ties="efron"); sc <- summary(cx)
  ph <- paste0(ep, "/cox/hazardRatios/arm=Zenatinib 40 mg")
  put(paste0(ph, "/estimate"), sc$conf.int[1,1]); put(paste0(ph, "/lower"), sc$conf.int[1,3]); put(paste0(ph, "/upper"), sc$conf.int[1,4])
  put(paste0(ph, "/p"), sc$coefficients[1,5]); put(paste0(ph, "/standardError"), sc$coefficients[1,3])
  put(paste0(ep, "/cox/tests/likelihoodRatio/statistic"), 2 * diff(cx$loglik))
  put(paste0(ep, "/cox/tests/score/statistic"), cx$score)
  put(paste0(ep, "/cox/tests/wald/statistic"), cx$wald.test)
  put(paste0(ep, "/proportionalHazards/arm/statistic"), cox.zph(cx, transform="km")$table["arm", "chisq"])
  if (id == "pfs") {
    put(paste0(ep, "/logRank/stratified/chiSquare"), survdiff(Surv(t, ev) ~ arm + strata(STAGE), data=d)$chisq)
    cs <- coxph(Surv(t, ev) ~ arm + strata(STAGE), data=d, ties="efron")
    put(paste0(ep, "/cox/stratified/hazardRatios/arm=Zenatinib 40 mg/estimate"), exp(coef(cs)))
    put(paste0(ep, "/cox/stratified/hazardRatios/arm=Zenatinib 40 mg/standardError"), sqrt(vcov(cs)[1,1]))
    put(paste0(ep, "/proportionalHazards/stratified/arm/statistic"), cox.zph(cs, transform="km")$table["arm", "chisq"])
  }
  for (v in c("SEX","REGION","ECOGBL")) {
    ps <- paste0(ep, "/subgroups/variable=", v)
    for (l in sort(unique(as.character(d[[v]])))) {
      f <- coxph(Surv(t, ev) ~ arm, data=d[as.character(d[[v]])==l,], ties="efron")
      put(paste0(ps, "/levels/value=", l, "/hazardRatios/arm=Zenatinib 40 mg/estimate"), exp(coef(f)))
      put(paste0(ps, "/levels/value=", l, "/hazardRatios/arm=Zenatinib 40 mg/standardError"), sqrt(vcov(f)[1,1])) }
    d$g <- factor(as.character(d[[v]]))
    f0 <- coxph(Surv(t, ev) ~ arm + g, data=d, ties="efron"); f1 <- coxph(Surv(t, ev) ~ arm * g, data=d, ties="efron")
    put(paste0(ps, "/interaction/likelihoodRatio/statistic"), anova(f0, f1)[2, "Chisq"])
  }
}
# Competing risks: progression with death competing (cmprsk).
d <- tte("PFS"); cause <- ifelse(d$ev==0, 0, ifelse(d$EVNTDESC=="PROGRESSION", 1, 2))
ci <- cuminc(d$t, cause, d$TRT01P, cencode=0); tp <- timepoints(ci, c(12, 24))
for (a in arms) for (k in 1:2) { cz <- c("PROGRESSION","DEATH")[k]; row <- paste(a, k)
  for (j in 1:2) { pl <- paste0("endpoints/endpoint=prog/competingRisks/incidence/arm=", a, "&cause=", cz, "/landmarks/time=", c(12,24)[j])
    put(paste0(pl, "/estimate"), tp$est[row, j]); put(paste0(pl, "/variance"), tp$var[row, j]) } }
put("endpoints/endpoint=prog/competingRisks/gray/cause=PROGRESSION/statistic", ci$Tests["1", "stat"])
fg <- crr(d$t, cause, as.numeric(d$TRT01P=="Zenatinib 40 mg"), failcode=1, cencode=0)
put("endpoints/endpoint=prog/competingRisks/fineGray/cause=PROGRESSION/estimate", exp(fg$coef))
# Binary: objective response.
r <- table(itt$TRT01P, itt$RESPFL)
ft <- fisher.test(matrix(c(r["Zenatinib 40 mg","Y"], r["Zenatinib 40 mg","N"], r["Placebo","Y"], r["Placebo","N"]), 2, byrow=TRUE))
pb <- "endpoints/endpoint=orr/binary"
put(paste0(pb, "/fisher/oddsRatio"), ft$estimate); put(paste0(pb, "/fisher/lower"), ft$conf.int[1]); put(paste0(pb, "/fisher/upper"), ft$conf.int[2]); put(paste0(pb, "/fisher/p"), ft$p.value)
for (a in arms) { x <- r[a,"Y"]; n <- sum(r[a,]); pa <- paste0(pb, "/arms/arm=", a)
  put(paste0(pa, "/responders"), x); put(paste0(pa, "/n"), n)
  put(paste0(pa, "/clopperPearson/lower"), binom.test(x, n)$conf.int[1]); put(paste0(pa, "/clopperPearson/upper"), binom.test(x, n)$conf.int[2])
  w <- prop.test(x, n, correct=FALSE)$conf.int; put(paste0(pa, "/wilson/lower"), w[1]); put(paste0(pa, "/wilson/upper"), w[2]) }
# Adverse events: treatment-emergent, safety population, by actual treatment (TRT01A).
saf <- adsl[adsl$SAFFL=="Y",]
ae <- merge(adae[adae$TRTEMFL=="Y",], saf[,c("USUBJID","TRT01A")], by="USUBJID")
subjects <- function(keep) sapply(arms, function(a) length(unique(ae$USUBJID[keep & ae$TRT01A==a])))
pa <- "endpoints/endpoint=ae/adverseEvents"
put(paste0(pa, "/arms/arm=Zenatinib 40 mg/n"), sum(saf$TRT01A=="Zenatinib 40 mg")); put(paste0(pa, "/arms/arm=Placebo/n"), sum(saf$TRT01A=="Placebo"))
put(paste0(pa, "/overall/anyGrade"), subjects(TRUE)); put(paste0(pa, "/overall/grade3OrHigher"), subjects(ae$AETOXGR >= 3))
put(paste0(pa, "/overall/grade5"), subjects(ae$AETOXGR == 5)); put(paste0(pa, "/overall/serious"), subjects(ae$AESER == "Y"))
put(paste0(pa, "/leadingToDiscontinuation"), subjects(ae$AEACN == "DRUG WITHDRAWN")); put(paste0(pa, "/related"), subjects(ae$AEREL != "NOT RELATED"))
put(paste0(pa, "/counted"), nrow(ae)); put(paste0(pa, "/records"), nrow(adae))
for (t in unique(ae$AEDECOD)) { soc <- ae$AEBODSYS[ae$AEDECOD==t][1]
  put(paste0(pa, "/systemOrganClasses/systemOrganClass=", soc, "/terms/term=", t, "/counts/anyGrade"), subjects(ae$AEDECOD == t))
  put(paste0(pa, "/systemOrganClasses/systemOrganClass=", soc, "/terms/term=", t, "/counts/grade3OrHigher"), subjects(ae$AEDECOD == t & ae$AETOXGR >= 3)) }
# Baseline (ITT by TRT01P, then the total): mean, sd, quantile type 7.
for (v in c("AGE","WEIGHTBL")) { k <- 0
  for (g in list(itt[itt$TRT01P==arms[1],], itt[itt$TRT01P==arms[2],], itt)) { x <- g[[v]]
    p <- paste0("baseline/variables/variable=", v, "/continuous/", k)
    put(paste0(p, "/mean"), mean(x)); put(paste0(p, "/sd"), sd(x)); put(paste0(p, "/median"), median(x))
    put(paste0(p, "/q1"), quantile(x, .25)); put(paste0(p, "/q3"), quantile(x, .75)); k <- k + 1 } }
cat(toJSON(list(generatedBy=paste(R.version.string, "survival", packageVersion("survival"), "cmprsk", packageVersion("cmprsk")), values=gold), digits=NA, auto_unbox=TRUE, pretty=TRUE))
