/**
 * Reading users' text files and saying what is wrong with them in plain words: UTF-8 decoding that names the
 * offending byte, and JSON and file-system errors described without a library's internal names.
 */
package dev.hpsearch.optimizer.text;
