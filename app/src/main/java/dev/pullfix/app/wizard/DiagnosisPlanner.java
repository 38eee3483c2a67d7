package dev.pullfix.app.wizard;

import dev.pullfix.model.cluster.PodInfo;
import java.util.List;

/** Turns a failing pod into the steps of its diagnosis. Cheap (no I/O): the steps' checks do the work. */
public interface DiagnosisPlanner {
    List<DiagnosisStep> plan(PodInfo pod);
}
