/** The JMH benchmarks, the evaluation harness and the {@code gnn4j} command line. */
package io.gnn4j.bench;
