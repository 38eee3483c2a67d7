package dev.pullfix.model.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's folder holds its API token and AWS keys: owner-only while the lab runs, gone when it stops. Before: every
 * start left a {@code pullfix-lab-*} folder with a kubeconfig and credentials in the temp directory.
 */
class LabFolderTest {

    @Test
    void aLabInTheTempDirectoryIsOwnerOnlyAndLeavesNothingWhenItStops() throws Exception {
        Path dir;
        try (LabSession lab = LabSession.start("S1", LabSession.Options.defaults())) {
            dir = lab.dir();
            assertThat(dir.getFileName().toString()).startsWith("pullfix-lab-");
            assertThat(dir.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")).toRealPath());
            assertThat(lab.kubeconfig()).exists();
            assertThat(Files.readString(lab.awsCredentialsFile())).contains(LabSession.ACCESS_KEY);
            if (Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lab.awsCredentialsFile())))
                        .isEqualTo("rw-------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lab.kubeconfig())))
                        .isEqualTo("rw-------");
            }
            lab.reset();
            assertThat(lab.dir()).isEqualTo(dir).exists();
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void aFolderTheUserNamedKeepsTheUsersFilesButLosesTheLabsCredentials(@TempDir Path tmp) throws Exception {
        Path mine = Files.writeString(tmp.resolve("notes.txt"), "mine");
        LabSession lab = LabSession.start("S1", LabSession.Options.defaults().withDir(tmp));
        assertThat(lab.awsCredentialsFile()).exists();
        lab.close();
        assertThat(tmp).exists();
        assertThat(mine).hasContent("mine");
        assertThat(tmp.resolve("aws-credentials")).doesNotExist();
        assertThat(tmp.resolve("kubeconfig")).doesNotExist();
        assertThat(tmp.resolve("aws-config")).doesNotExist();
        assertThat(tmp.resolve("env.sh")).doesNotExist();
    }

    @Test
    void aFolderTheLabCreatedUnderAGivenPathGoesWithIt(@TempDir Path tmp) {
        Path dir = tmp.resolve("a/lab");
        LabSession lab = LabSession.start("S1", LabSession.Options.defaults().withDir(dir));
        assertThat(dir.resolve("kubeconfig")).exists();
        lab.close();
        assertThat(dir).doesNotExist();
        assertThat(tmp.resolve("a")).exists();
    }
}
