# Rebuilds whas500.csv and bmt.csv, the inputs of the SAS runs in PSI AIMS CAMIS
# (github.com/PSIAIMS/CAMIS @ 74a06c12b0bd8cd0c74079725344014f2fbd5b90, data/whas500.sas7bdat and
# data/bmt.sas7bdat), from copies that ship in registry packages:
#   - WHAS500 (Hosmer, Lemeshow & May 2008, Applied Survival Analysis, 2nd ed.): the file
#     sksurv/datasets/data/whas500.arff of the PyPI wheel scikit-survival 0.28.0.
#   - BMT (Klein & Moeschberger 1997, section 1.3; Guo & So 2018): data(bmt) of the Debian package
#     r-cran-kmsurv 0.1-5-2 (R package KMsurv 0.1-5). CAMIS's columns: Group = group, T = t2,
#     Status = 1 relapse (d2 = 1), 2 death in remission (d3 = 1, d2 = 0), 0 otherwise; WaitTime = z7.
# Usage, from this folder (R 4.2.2 with foreign, KMsurv; haven only for the optional check):
#   Rscript make-data.R path/to/whas500.arff [path/to/CAMIS/data]
# With the second argument the script also checks that both files equal the CAMIS SAS data sets
# row for row (they do: verified 2026 with the CAMIS commit above).
library(foreign)
library(KMsurv)
args <- commandArgs(trailingOnly = TRUE)

a <- read.arff(args[1])
num <- function(x) as.numeric(as.character(x))
w <- data.frame(ID = seq_len(nrow(a)), LENFOL = num(a$lenfol), FSTAT = num(a$fstat),
                AFB = num(a$afb), GENDER = num(a$gender))
stopifnot(nrow(w) == 500, all(sapply(w, function(x) all(x == round(x)))))

data(bmt, package = "KMsurv")
b <- data.frame(Group = bmt$group, T = bmt$t2,
                Status = ifelse(bmt$d2 == 1, 1, ifelse(bmt$d3 == 1, 2, 0)), WaitTime = bmt$z7)
stopifnot(nrow(b) == 137, all(sapply(b, function(x) all(x == round(x)))))

if (length(args) > 1) {
  library(haven)
  cw <- as.data.frame(read_sas(file.path(args[2], "whas500.sas7bdat")))
  stopifnot(all(cw$ID == w$ID), all(cw$LENFOL == w$LENFOL), all(cw$FSTAT == w$FSTAT),
            all(cw$AFB == w$AFB), all(cw$GENDER == w$GENDER))
  cb <- as.data.frame(read_sas(file.path(args[2], "bmt.sas7bdat")))
  stopifnot(all(cb$Group == b$Group), all(cb$T == b$T), all(cb$Status == b$Status),
            all(cb$WaitTime == b$WaitTime))
  cat("both data sets equal the CAMIS SAS data sets\n")
}
write.csv(w, "whas500.csv", row.names = FALSE, quote = FALSE)
write.csv(b, "bmt.csv", row.names = FALSE, quote = FALSE)
