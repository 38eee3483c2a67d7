/**
 * The practice lab's state: the scenario as data ({@link dev.pullfix.model.lab.world.Scenario}) and the AWS/registry
 * side of the lab's world ({@link dev.pullfix.model.lab.world.LabWorld}) that the lab's servers serve and a fix changes.
 *
 * <p>May not: depend on the lab's servers or session (they depend on it), the engine, fabric8, the AWS SDK or JavaFX.
 */
package dev.pullfix.model.lab.world;
