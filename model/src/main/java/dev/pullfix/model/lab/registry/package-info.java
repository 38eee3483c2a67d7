/**
 * The practice lab's registries: real HTTP registry endpoints on loopback, serving the images of the lab world
 * ({@code lab.world}) with the OCI distribution API the registry client speaks.
 *
 * <p>May not: depend on the lab session ({@code lab}) or the engine; JavaFX.
 */
package dev.pullfix.model.lab.registry;
