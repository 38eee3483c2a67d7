package dev.pullfix.app.wizard;

import java.util.concurrent.Callable;

/**
 * One numbered step of a diagnosis as the wizard shows it: what is checked and why, the command a person would
 * type to check it by hand, and the check itself (run in a task, may call the cluster or AWS).
 */
public record DiagnosisStep(int number, String title, String explanation, String command, Callable<StepResult> check) {
}
