package dev.pullfix.cli;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.fix.Backup;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.planner.UndoPlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pullfix undo [BACKUP_ID] [--yes] [--json]}: puts back the state a fix backed up (the latest backup, or the
 * one named) through the same write path and confirmation as the fix: preview, "Apply? [y/N]", backup of the state
 * being replaced, apply, verify, audit. {@code --list} shows the backups.
 */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Undo a fix: restore the latest backup (or BACKUP_ID) through the write path, with the same "
                + "preview and confirmation as the fix.",
        footer = {"", "JSON fields: backup (id, time, kind, target), status, plan (kind, target, summary, apiCalls, "
                + "equivalentCommands, dryRun, changes, diff, outcome). With --list: backups[] (id, time, kind, target)."})
public final class UndoCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "BACKUP_ID", description = "The backup to restore "
            + "(default: the latest; pullfix undo --list shows them).")
    String backupId;

    @Option(names = "--list", description = "List the backups, newest first, and restore nothing.")
    boolean list;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    WriteOptions write;

    @Mixin
    AwsOptions aws;

    @Mixin
    OutputOptions output;

    @Mixin
    TimeoutOption timeout;

    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    private final Prompter prompter;

    public UndoCommand() {
        this(Prompter.terminal());
    }

    UndoCommand(Prompter prompter) {
        this.prompter = prompter;
    }

    record BackupInfo(String id, String time, String kind, String target) {}

    record Backups(List<BackupInfo> backups) {}

    record Result(BackupInfo backup, String status, WriteReport.Plan plan) {}

    @Override
    public Integer call() throws Exception {
        Output o = Output.of(spec, output);
        BackupStore store = new BackupStore(write.dataDir());
        List<Backup> all = store.all();
        if (list) {
            List<BackupInfo> infos = all.stream().map(UndoCommand::info).toList();
            if (o.json()) {
                o.printJson(new Backups(infos));
            } else {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"ID", "TIME", "KIND", "TARGET"});
                infos.forEach(b -> rows.add(new String[] {b.id(), b.time(), b.kind(), b.target()}));
                Table.print(o.out(), rows);
            }
            return ExitCode.OK;
        }
        Backup backup = (backupId == null ? UndoPlanner.nextToUndo(all) : store.find(backupId)).orElse(null);
        if (backup == null) {
            o.warn(backupId == null ? o.t("cli", "cli.undo.none", write.dataDir())
                    : o.t("cli", "cli.undo.notFound", backupId, write.dataDir()));
            return ExitCode.NOT_FOUND;
        }
        String context = cluster.context() != null ? cluster.context() : UndoPlanner.contextOf(backup.target());
        Duration perCall = timeout.perCall();
        try (ClusterConnection conn = cluster.connect(perCall, context)) {
            Workspace w = Workspaces.of(conn, aws, perCall);
            try (UndoPlanner planner = UndoPlanner.of(w)) {
                return undo(o, backup, planner, write.writePath("pullfix undo", w.context(),
                        parent != null && parent.readOnly));
            }
        }
    }

    private int undo(Output o, Backup backup, UndoPlanner planner, WritePath path) throws Exception {
        BackupInfo info = info(backup);
        Preview preview = timeout.start().run(() -> {
            FixPlan plan = planner.restore(backup);
            return path.preview(plan);
        });
        WriteReport.Plan shown = WriteReport.plan(preview);
        if (!o.json()) {
            o.line(o.t("cli", "cli.undo.backup", info.id(), info.time(), info.kind(), info.target()));
            WriteReport.print(o, 1, 1, shown);
        }
        Confirmation c = Confirmation.ask(o, write, prompter, path);
        Outcome out = c.confirmed() ? timeout.start().run(() -> path.apply(preview, x -> true))
                : path.apply(preview, x -> false);
        WriteReport.Result r = WriteReport.result(o, out);
        if (!c.confirmed()) {
            o.warn(c.why(o, out));
        } else if (!o.json()) {
            WriteReport.print(o, r);
        }
        if (o.json()) {
            o.printJson(new Result(info, out.status().name(), shown.withOutcome(r)));
        }
        return out.wrote() || out.status() == Outcome.Status.NOTHING_TO_DO ? ExitCode.OK : 1;
    }

    private static BackupInfo info(Backup b) {
        return new BackupInfo(b.id(), b.time().toString(), b.kind(), b.target().toString());
    }
}
