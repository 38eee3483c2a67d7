package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.checks.CheckSupport.age;
import static dev.pullfix.model.diagnosis.checks.CheckSupport.compareInstants;
import static dev.pullfix.model.diagnosis.checks.CheckSupport.eventAge;
import static dev.pullfix.model.diagnosis.checks.CheckSupport.nz;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Facts;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason;
import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.image.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pod family: the pod's status, its kubelet events and its image reference (what {@code kubectl describe} shows). */
public final class PodChecks {
    private PodChecks() {
    }

    public static void register(CheckRegistry r) {
        r.register("pod.status", PodChecks::podStatus);
        r.register("pod.events", PodChecks::podEvents);
        r.register("pod.image", PodChecks::podImage);
    }

    static CheckOutcome podStatus(Facts f) throws CouldNotCheckException {
        PodFacts p = f.pod();
        int restarts = p.containers().stream().mapToInt(ContainerFacts::restarts).sum();
        Evidence table = Evidence.table(Show.TABLE, "evidence.pods", List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"),
                List.of(List.of(p.name(), p.readyColumn(), p.statusColumn(), Integer.toString(restarts),
                        age(p.created(), f))));
        Optional<ContainerFacts> failing = p.containers().stream().filter(ContainerFacts::pullFailing).findFirst();
        if (failing.isPresent()) {
            return CheckOutcome.problem(Finding.of("podWaiting", p.name(), failing.get().waitingReason(),
                    failing.get().name())).evidence(table).build();
        }
        boolean allReady = p.containers().stream().filter(c -> !c.init()).allMatch(ContainerFacts::ready);
        return CheckOutcome.ok(Finding.of(allReady ? "podRunning" : "podNotPulling", p.name(), p.statusColumn()))
                .evidence(table).build();
    }

    static CheckOutcome podEvents(Facts f) throws CouldNotCheckException {
        List<EventFacts> events = new ArrayList<>(f.events());
        events.sort((a, b) -> compareInstants(a.lastSeen(), b.lastSeen()));
        Evidence table = Evidence.table(Show.EVENTS_TABLE, "evidence.events",
                List.of("Type", "Reason", "Age", "From", "Message"),
                events.stream().map(e -> List.of(nz(e.type()), nz(e.reason()), eventAge(e, f), nz(e.source()),
                        nz(e.message()))).toList());
        List<EventFacts> failures = f.pullFailureEvents();
        if (!failures.isEmpty()) {
            String category = f.symptom().orElse("OTHER");
            return CheckOutcome.problem(Finding.cause(category, "eventsShowPullFailure", category))
                    .evidence(table).build();
        }
        Optional<String> fromWaiting = f.waitingMessageSymptom();
        Evidence waiting = Evidence.text(Show.TEXT, "evidence.waitingMessage", nz(f.container().waitingMessage()));
        if (fromWaiting.isPresent()) {
            return CheckOutcome.problem(Finding.cause(fromWaiting.get(), "waitingMessageShowsPullFailure",
                    fromWaiting.get())).evidence(table.rows().isEmpty() ? null : table).evidence(waiting).build();
        }
        return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.EVENTS_GONE,
                events.isEmpty() ? "no events" : "no Failed to pull image event"))
                .withEvidence(events.isEmpty() ? List.of(waiting) : List.of(table, waiting));
    }

    static CheckOutcome podImage(Facts f) throws CouldNotCheckException {
        PodFacts p = f.pod();
        ContainerFacts c = f.container();
        Evidence spec = Evidence.table(Show.TABLE, "evidence.containerImages", List.of("CONTAINER", "IMAGE"),
                p.containers().stream().map(x -> List.of(x.name(), nz(x.image()))).toList());
        ImageReference ref;
        try {
            ref = ImageReference.parse(c.image());
        } catch (InvalidImageReferenceException e) {
            return CheckOutcome.problem(Finding.cause("INVALID_IMAGE_NAME", "invalidImage", nz(c.image()),
                            e.reason().name()))
                    .evidence(spec)
                    .fix(Proposals.imageReferenceChange(c, p))
                    .build();
        }
        Registry r = ref.registry();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("image", ref.normalized()));
        rows.add(List.of("registry", r.host() + " (" + r.kind() + ")"));
        if (r.isEcrPrivate()) {
            rows.add(List.of("account", r.account()));
            rows.add(List.of("region", r.region()));
        }
        rows.add(List.of("repository", ref.repository()));
        rows.add(List.of(ref.digest() != null ? "digest" : "tag", ref.digest() != null ? ref.digest() : ref.tag()));
        return CheckOutcome.ok(Finding.of(r.isEcrPrivate() ? "imageIsEcr" : "imageParsed", ref.normalized(),
                        r.kind().name()))
                .evidence(spec).evidence(Evidence.table(Show.TEXT, "evidence.imageParts", List.of("", ""), rows))
                .build();
    }
}
