/**
 * The layout of {@code hp_search_data.txt} that its writer, its reader and the config validation share: the
 * table's own columns and how a value is written into a cell.
 */
package dev.hpsearch.optimizer.table;
