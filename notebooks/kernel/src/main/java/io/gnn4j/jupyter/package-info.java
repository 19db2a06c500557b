/**
 * A thin Jupyter kernel for Java: JShell (in the JDK) evaluates the cells in the kernel's own JVM, JJava's kernel
 * library ({@code org.dflib.jjava:jjava-jupyter}) speaks the Jupyter protocol, and the IJava/JJava magics
 * {@code %maven}, {@code %jars} and {@code %classpath} load gnn4j. CI executes every notebook under
 * {@code notebooks/} with it; users run the same notebooks on the JJava or IJava kernel they install.
 */
package io.gnn4j.jupyter;
