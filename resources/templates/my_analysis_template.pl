#!/usr/bin/env perl
# Template for your own analysis script (Perl 5, core modules only).
#
# hpsearch runs it once per hyperparameter combination as
#     perl my_analysis_template.pl {save_folder}/input.json
# with save_folder as the working directory. To try it by hand:
#     perl my_analysis_template.pl my_input_template.json
#
# Replace the toy computation with your analysis; keep the reading of
# input.json and the writing of output.json.
use strict;
use warnings;
use JSON::PP;                       # core since Perl 5.14
use File::Basename qw(dirname);
use File::Spec;
use Cwd qw(abs_path);

# 1. Read the settings. input.json holds every key of model_config.json, with
#    one concrete value chosen by hpsearch for each hyperparameter.
my $input_path = shift @ARGV or die "usage: $0 path/to/input.json\n";
open my $in, '<:raw', $input_path or die "cannot read $input_path: $!\n";
my $cfg = decode_json(do { local $/; <$in> });
close $in;
# hpsearch always sets save_folder; by hand, default to input.json's folder.
my $save_folder = $cfg->{save_folder};
$save_folder = dirname(abs_path($input_path))
    if !defined $save_folder || $save_folder eq '';

for my $key (qw(x y method offset)) {
    die "input.json has no value for \"$key\"\n" unless defined $cfg->{$key};
}
my $x      = $cfg->{x};             # continuous hyperparameter (> 0)
my $y      = $cfg->{y};             # discrete hyperparameter
my $method = $cfg->{method};        # categorical: "square" or "abs"
my $offset = $cfg->{offset};        # a constant, passed through unchanged

# 2. The "analysis": a toy loss, smallest at x = 10, y = 3.
my $dx = log($x) / log(10) - 1;
my $dy = $y - 3;
my $loss;
if    ($method eq 'square') { $loss = $dx**2 + $dy**2 }
elsif ($method eq 'abs')    { $loss = abs($dx) + abs($dy) }
else  { die "unknown method: $method\n" }   # die exits non-zero = failed run
my $objective = $offset + $loss;
die "objective is not a finite number\n"
    if $objective != $objective || abs($objective) == 9**9**9;   # NaN, inf

# 3. Write the score. hpsearch reads "objective" (lower is better); any other
#    numeric keys are kept as extra metrics. Never write NaN or Inf.
# save_folder exists: hpsearch creates it (on a cluster, the folder there). Not creating it here
# makes a wrong path fail loudly instead of hiding the score in a stray folder.
my $out_path = File::Spec->catfile($save_folder, 'output.json');
open my $out, '>:raw', $out_path or die "cannot write $out_path: $!\n";
print {$out} JSON::PP->new->canonical->encode({ objective => $objective + 0 }), "\n";
close $out or die "cannot write $out_path: $!\n";
print "objective = $objective\n";
