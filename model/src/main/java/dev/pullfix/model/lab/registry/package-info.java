/**
 * The practice lab's registries outside AWS as real loopback HTTP registries (registry API v2, Docker Hub's token
 * flow and pull budget, Basic auth, unreachable hosts), asked by the same registry client as any registry.
 *
 * <p>May not: depend on the lab session ({@code lab}) or the engine; JavaFX.
 */
package dev.pullfix.model.lab.registry;
