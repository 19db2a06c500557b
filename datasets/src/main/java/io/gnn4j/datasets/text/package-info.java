/**
 * Strict line-oriented parsing shared by the text-format loaders ({@link io.gnn4j.datasets.text.TextCursor}) and
 * the sources their files come from: a directory or the data bundled in the jar ({@link
 * io.gnn4j.datasets.text.DataSource}).
 */
package io.gnn4j.datasets.text;
