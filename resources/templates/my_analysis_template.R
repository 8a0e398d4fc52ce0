#!/usr/bin/env Rscript
# Template for your own analysis script (R). Needs the jsonlite package.
#
# hpsearch runs it once per hyperparameter combination as
#     Rscript my_analysis_template.R {save_folder}/input.json
# with save_folder as the working directory. To try it by hand:
#     Rscript my_analysis_template.R my_input_template.json
#
# Replace the toy computation with your analysis; keep the reading of
# input.json and the writing of output.json.

if (!requireNamespace("jsonlite", quietly = TRUE)) {
  stop("this script needs the jsonlite package: install.packages(\"jsonlite\")")
}

# 1. Read the settings. input.json holds every key of model_config.json, with
#    one concrete value chosen by hpsearch for each hyperparameter.
args <- commandArgs(trailingOnly = TRUE)
input_path <- args[1]
cfg <- jsonlite::fromJSON(input_path)
# hpsearch always sets save_folder; by hand, default to input.json's folder.
# (Use cfg[["key"]], not cfg$key: `$` would silently match a longer key name.)
save_folder <- cfg[["save_folder"]]
if (is.null(save_folder) || save_folder == "") {
  save_folder <- dirname(normalizePath(input_path))
}

for (key in c("x", "y", "method", "offset")) {
  if (is.null(cfg[[key]])) stop("input.json has no value for \"", key, "\"")
}
x <- as.numeric(cfg[["x"]])            # continuous hyperparameter (> 0)
y <- as.numeric(cfg[["y"]])            # discrete hyperparameter
method <- cfg[["method"]]              # categorical: "square" or "abs"
offset <- as.numeric(cfg[["offset"]])  # a constant, passed through unchanged

# 2. The "analysis": a toy loss, smallest at x = 10, y = 3.
dx <- log10(x) - 1
dy <- y - 3
if (method == "square") {
  loss <- dx^2 + dy^2
} else if (method == "abs") {
  loss <- abs(dx) + abs(dy)
} else {
  stop("unknown method: ", method)     # stop() exits non-zero = failed run
}
objective <- offset + loss
if (!is.finite(objective)) stop("objective is not a finite number")

# 3. Write the score. hpsearch reads "objective" (lower is better); any other
#    numeric entries are kept as extra metrics. Never write NaN or Inf.
#    auto_unbox writes 1.5 rather than [1.5]; digits = NA keeps full precision.
# save_folder exists: hpsearch creates it (on a cluster, the folder there). Not creating it here
# makes a wrong path fail loudly instead of hiding the score in a stray folder.
jsonlite::write_json(list(objective = objective),
                     file.path(save_folder, "output.json"),
                     auto_unbox = TRUE, digits = NA)
cat("objective =", objective, "\n")
