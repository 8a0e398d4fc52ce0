#!/usr/bin/env python3
"""Template for your own analysis script (Python 3, standard library only).

hpsearch runs it once per hyperparameter combination as
    {environment_path} my_analysis_template.py {save_folder}/input.json
with save_folder as the working directory. To try it by hand:
    python3 my_analysis_template.py my_input_template.json

Replace the toy computation with your analysis; keep the reading of
input.json and the writing of output.json.
"""
import json
import math
import os
import sys

# 1. Read the settings. input.json holds every key of model_config.json, with
#    one concrete value chosen by hpsearch for each hyperparameter.
input_path = sys.argv[1]
with open(input_path, "r", encoding="utf-8") as f:
    cfg = json.load(f)
# hpsearch always sets save_folder; by hand, default to input.json's folder.
save_folder = cfg.get("save_folder") or os.path.dirname(os.path.abspath(input_path))

for key in ("x", "y", "method", "offset"):
    if key not in cfg:
        sys.exit('input.json has no value for "%s"' % key)
x = float(cfg["x"])             # continuous hyperparameter (> 0)
y = float(cfg["y"])             # discrete hyperparameter
method = cfg["method"]          # categorical hyperparameter: "square" or "abs"
offset = float(cfg["offset"])   # a constant, passed through unchanged

# 2. The "analysis": a toy loss, smallest at x = 10, y = 3.
dx = math.log10(x) - 1.0
dy = y - 3.0
if method == "square":
    loss = dx * dx + dy * dy
elif method == "abs":
    loss = abs(dx) + abs(dy)
else:
    sys.exit("unknown method: %r" % (method,))   # non-zero exit = failed run
objective = offset + loss
if not math.isfinite(objective):
    sys.exit("objective is not a finite number")

# 3. Write the score. hpsearch reads "objective" (lower is better); any other
#    numeric keys are kept as extra metrics. Never write NaN or Infinity.
# save_folder exists: hpsearch creates it (on a cluster, the folder there). Not creating it here
# makes a wrong path fail loudly instead of hiding the score in a stray folder.
with open(os.path.join(save_folder, "output.json"), "w", encoding="utf-8") as f:
    json.dump({"objective": objective}, f)
print("objective =", objective)
