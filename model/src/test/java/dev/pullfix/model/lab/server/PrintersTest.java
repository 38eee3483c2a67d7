package dev.pullfix.model.lab.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrintersTest {
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"phase\":\"Pending\",\"containerStatuses\":[{\"ready\":false,\"restartCount\":0,\"state\":{\"waiting\":{\"reason\":\"ImagePullBackOff\"}}}]}|0/1|ImagePullBackOff|0",
            "{\"phase\":\"Pending\",\"containerStatuses\":[{\"ready\":false,\"restartCount\":0,\"state\":{\"waiting\":{\"reason\":\"ErrImagePull\"}}}]}|0/1|ErrImagePull|0",
            "{\"phase\":\"Running\",\"containerStatuses\":[{\"ready\":true,\"restartCount\":2,\"state\":{\"running\":{}}}]}|1/1|Running|2",
            "{\"phase\":\"Running\",\"containerStatuses\":[{\"ready\":false,\"restartCount\":5,\"state\":{\"waiting\":{\"reason\":\"CrashLoopBackOff\"}}}]}|0/1|CrashLoopBackOff|5",
            "{\"phase\":\"Succeeded\",\"containerStatuses\":[{\"ready\":false,\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\"}}}]}|0/1|Completed|0",
            "{\"phase\":\"Failed\",\"containerStatuses\":[{\"ready\":false,\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":137}}}]}|0/1|ExitCode:137|0",
            "{\"phase\":\"Pending\",\"initContainerStatuses\":[{\"restartCount\":0,\"state\":{\"waiting\":{\"reason\":\"ImagePullBackOff\"}}}]}|0/1|Init:ImagePullBackOff|0",
            "{\"phase\":\"Pending\"}|0/1|Pending|0"})
    void podStatusColumnFollowsKubectl(String status, String ready, String expectedStatus, String restarts) {
        String pod = "{\"metadata\":{\"name\":\"p\",\"creationTimestamp\":\"2026-11-25T22:00:00Z\"},\"spec\":{\"initContainers\":[{\"name\":\"i\"}],"
                + "\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]},\"status\":" + status + "}";
        Object[] cells = Printers.podCells(Json.parseObject(pod.getBytes()));
        assertThat(cells[1]).isEqualTo(ready);
        assertThat(cells[2]).isEqualTo(expectedStatus);
        assertThat(cells[3]).isEqualTo(restarts);
    }

    @ParameterizedTest(name = "{0} s → {1}")
    @CsvSource({"0,0s", "42,42s", "119,119s", "282,4m42s", "300,5m", "4500,75m", "11000,3h3m", "86400,24h", "180000,2d2h",
            "864000,10d", "63072000,2y", "70000000,2y80d"})
    void agesReadAsKubectlPrintsThem(long seconds, String expected) {
        assertThat(Durations.human(seconds * 1000)).isEqualTo(expected);
    }
}
