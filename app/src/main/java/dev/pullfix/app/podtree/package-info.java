/**
 * The pod tree (namespace › workload › pod › container) with failing counts, search and filters, patched row by row
 * by live changes; its view and view-model.
 *
 * <p>May use: {@code app.common}, {@code model.cluster} records. May not: other feature packages, cluster calls
 * (rows arrive from the shell), {@code javafx.scene} in the view-model.
 */
package dev.pullfix.app.podtree;
