# Generates the ZEN-301 test trial (seeded): Rscript generate.R from this folder writes ../data/*.csv.
set.seed(4242)
n <- 420
id <- sprintf("ZEN-301-%03d-%04d", sample(10:25, n, TRUE), 1:n)
scr <- c(rep("Y", n), rep("Y", 60))
# 60 screen failures
sf_id <- sprintf("ZEN-301-%03d-%04d", sample(10:25, 60, TRUE), (n+1):(n+60))
arm <- ifelse(runif(n) < 2/3, "Zenatinib 40 mg", "Placebo")
# off-arm: 8 subjects treated on the other arm, 6 never treated
act <- arm
off <- sample(n, 8); act[off] <- ifelse(arm[off] == "Placebo", "Zenatinib 40 mg", "Placebo")
nt <- sample(setdiff(1:n, off), 6); act[nt] <- ""
saffl <- ifelse(act == "", "N", "Y")
age <- round(rnorm(n, 61, 9)); sex <- sample(c("F","M"), n, TRUE, prob=c(.45,.55))
ecog <- sample(0:1, n, TRUE)
region <- sample(c("Europe","North America","Asia"), n, TRUE, prob=c(.5,.3,.2))
stage <- sample(c("III","IV"), n, TRUE, prob=c(.35,.65))
wt <- round(rnorm(n, 74, 13), 1)
hr <- ifelse(arm == "Placebo", 1, 0.7)
# PFS: progression vs death competing
rate_prog <- 1/420 * hr * ifelse(stage=="IV", 1.3, 1)
rate_death <- 1/1500
tp <- rexp(n, rate_prog); td0 <- rexp(n, rate_death)
cens <- runif(n, 200, 1100)
pfs_t <- pmin(tp, td0, cens); pfs_c <- ifelse(pfs_t == cens, 1, 0)
cause <- ifelse(pfs_c == 1, "", ifelse(tp < td0, "PROGRESSION", "DEATH"))
# OS: death after progression
post <- rexp(n, 1/500)
os_death <- ifelse(tp < td0, tp + post, td0)
os_t <- pmin(os_death, cens); os_c <- ifelse(os_t == cens, 1, 0)
pfs_t <- round(pfs_t); os_t <- pmax(round(os_t), pfs_t)
resp <- ifelse(runif(n) < ifelse(arm == "Placebo", .22, .38), "Y", "N")
eos <- ifelse(os_c == 0, "DISCONTINUED", ifelse(runif(n) < .1, "DISCONTINUED", "ONGOING"))
dcs <- ifelse(eos == "ONGOING", "", ifelse(os_c == 0, "DEATH", sample(c("WITHDRAWAL BY SUBJECT","LOST TO FOLLOW-UP","ADVERSE EVENT"), n, TRUE)))
adsl <- data.frame(STUDYID="ZEN-301", USUBJID=c(id, sf_id), AGE=c(age, round(rnorm(60,63,9))),
  SEX=c(sex, sample(c("F","M"),60,TRUE)), ECOGBL=c(ecog, sample(0:2,60,TRUE)),
  REGION=c(region, sample(c("Europe","North America","Asia"),60,TRUE)), STAGE=c(stage, sample(c("III","IV"),60,TRUE)),
  WEIGHTBL=c(wt, round(rnorm(60,74,13),1)),
  SCRNFL="Y", SCRFREAS=c(rep("",n), sample(c("Inclusion criteria not met","Withdrew consent"),60,TRUE)),
  RANDFL=c(rep("Y",n), rep("N",60)), ITTFL=c(rep("Y",n), rep("N",60)), SAFFL=c(saffl, rep("N",60)),
  TRT01P=c(arm, rep("",60)), TRT01A=c(act, rep("",60)), RESPFL=c(resp, rep("",60)),
  EOSSTT=c(eos, rep("",60)), DCSREAS=c(dcs, rep("",60)), stringsAsFactors=FALSE)
adtte <- rbind(
  data.frame(STUDYID="ZEN-301", USUBJID=id, PARAMCD="PFS", PARAM="Progression-free survival (days)", AVAL=pfs_t, CNSR=pfs_c, EVNTDESC=cause),
  data.frame(STUDYID="ZEN-301", USUBJID=id, PARAMCD="OS", PARAM="Overall survival (days)", AVAL=os_t, CNSR=os_c, EVNTDESC=ifelse(os_c==0,"DEATH","")))
# AEs on treated
terms <- data.frame(AEDECOD=c("Nausea","Diarrhoea","Fatigue","Rash","Neutropenia","Hypertension","Pneumonia","Headache"),
  AEBODSYS=c("Gastrointestinal disorders","Gastrointestinal disorders","General disorders and administration site conditions",
   "Skin and subcutaneous tissue disorders","Blood and lymphatic system disorders","Vascular disorders","Infections and infestations","Nervous system disorders"))
rows <- list()
for (i in which(saffl == "Y")) {
  k <- rpois(1, ifelse(act[i] == "Placebo", 2, 3.2))
  if (k == 0) next
  t <- terms[sample(nrow(terms), k, TRUE), ]
  g <- sample(1:5, k, TRUE, prob=c(.45,.3,.17,.06,.02))
  rows[[length(rows)+1]] <- data.frame(STUDYID="ZEN-301", USUBJID=id[i], AEDECOD=t$AEDECOD, AEBODSYS=t$AEBODSYS,
    AETOXGR=g, AESER=ifelse(g >= 3 & runif(k) < .5, "Y", "N"), TRTEMFL=ifelse(runif(k) < .93, "Y", "N"),
    AEACN=ifelse(g >= 3 & runif(k) < .3, "DRUG WITHDRAWN", "DOSE NOT CHANGED"),
    AEREL=sample(c("RELATED","NOT RELATED","POSSIBLE"), k, TRUE))
}
adae <- do.call(rbind, rows)
write.csv(adsl, "../data/adsl.csv", row.names=FALSE, na="")
write.csv(adtte, "../data/adtte.csv", row.names=FALSE, na="")
write.csv(adae, "../data/adae.csv", row.names=FALSE, na="")
cat(nrow(adsl), nrow(adtte), nrow(adae), "\n")
