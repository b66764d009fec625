# Writes mini.xpt, a small SAS transport v5 file with the cases the XPT reader must handle:
# exact zero, negative, fractional, huge and tiny numbers, ordinary missing (.), special missing
# (.A, .Z), character values with trailing blanks, a blank character value, labels and a format.
# Run from Tests/Fixtures/data with R >= 4.2 and haven 2.5: Rscript make_mini_xpt.R
library(haven)
mini <- data.frame(
  USUBJID = c("S-001", "S-002  ", "", "S-004", "S-005"),
  AVAL = c(0, -12.5, 1/3, NA, 6.02214076e23),
  CNSR = c(0, 1, 0, 1, NA),
  TINY = c(1e-70, 2^-200, 123456789.125, -0.1, 5e-79),
  stringsAsFactors = FALSE
)
mini$CNSR[5] <- tagged_na("A")
mini$AVAL[4] <- tagged_na("Z")
attr(mini$USUBJID, "label") <- "Unique Subject Identifier"
attr(mini$AVAL, "label") <- "Analysis Value"
attr(mini$CNSR, "label") <- "Censor"
attr(mini$TINY, "format.sas") <- "BEST12"
write_xpt(mini, "mini.xpt", version = 5, name = "MINI")
