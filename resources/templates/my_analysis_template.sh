#!/usr/bin/env bash
# Template for your own analysis script (bash).
#
# hpsearch runs it once per hyperparameter combination as
#     bash my_analysis_template.sh {save_folder}/input.json
# with save_folder as the working directory. To try it by hand:
#     bash my_analysis_template.sh my_input_template.json
#
# Replace the toy computation with your analysis (often: call your own
# program with the values read below); keep the reading of input.json and
# the writing of output.json.
set -euo pipefail

input_path=${1:?usage: $0 path/to/input.json}
[ -r "$input_path" ] || { echo "cannot read $input_path" >&2; exit 1; }

# json_get KEY: print the value of a top-level KEY of input.json (strings
# without their quotes), or nothing if the key is absent. Uses python3's JSON
# parser when python3 is available; otherwise a sed fallback that handles
# numbers and simple strings (no commas, quotes or braces inside them) and
# takes the first occurrence of KEY, so avoid nested keys of the same name.
json_get() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json, sys
v = json.load(open(sys.argv[1])).get(sys.argv[2])
print("" if v is None else v)' "$input_path" "$1"
  else
    tr -d '\r\n' < "$input_path" |
      grep -o "\"$1\"[[:space:]]*:[[:space:]]*[^,}]*" | head -n 1 |
      sed 's/^[^:]*:[[:space:]]*//; s/[[:space:]]*$//; s/^"\(.*\)"$/\1/' || true
  fi
}

# 1. Read the settings. input.json holds every key of model_config.json, with
#    one concrete value chosen by hpsearch for each hyperparameter.
x=$(json_get x)              # continuous hyperparameter (> 0)
y=$(json_get y)              # discrete hyperparameter
method=$(json_get method)    # categorical: "square" or "abs"
offset=$(json_get offset)    # a constant, passed through unchanged
for key in x y method offset; do
  [ -n "${!key}" ] || { echo "input.json has no value for \"$key\"" >&2; exit 1; }
done
# hpsearch always sets save_folder; by hand, default to input.json's folder.
save_folder=$(json_get save_folder)
[ -n "$save_folder" ] || save_folder=$(cd "$(dirname "$input_path")" && pwd)

# 2. The "analysis": a toy loss, smallest at x = 10, y = 3. bash has no
#    floating point, so awk does the arithmetic.
objective=$(awk -v x="$x" -v y="$y" -v m="$method" -v c="$offset" 'BEGIN {
  dx = log(x) / log(10) - 1; dy = y - 3
  if (m == "square")   loss = dx * dx + dy * dy
  else if (m == "abs") loss = (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy)
  else { print "unknown method: " m > "/dev/stderr"; exit 1 }
  v = c + loss
  if (!(v > -1e308 && v < 1e308)) { print "objective is not finite" > "/dev/stderr"; exit 1 }
  printf "%.17g\n", v
}')   # with set -e, a failing awk ends the script with a non-zero status

# 3. Write the score. hpsearch reads "objective" (lower is better); any other
#    numeric keys are kept as extra metrics. Never write nan or inf.
# save_folder exists: hpsearch creates it (on a cluster, the folder there). Not creating it here
# makes a wrong path fail loudly instead of hiding the score in a stray folder.
printf '{"objective": %s}\n' "$objective" > "$save_folder/output.json"
echo "objective = $objective"
