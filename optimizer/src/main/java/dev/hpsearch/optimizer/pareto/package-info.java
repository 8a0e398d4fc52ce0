/**
 * Several objectives: Pareto dominance, the front, its hypervolume, and feasibility under constraints
 * (docs/decisions/0025). Pure computation, no I/O.
 */
package dev.hpsearch.optimizer.pareto;
