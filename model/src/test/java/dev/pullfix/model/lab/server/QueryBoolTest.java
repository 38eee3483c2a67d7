package dev.pullfix.model.lab.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Boolean query parameters read as kube-apiserver reads them (the Python client sends watch=True). */
class QueryBoolTest {
    @ParameterizedTest
    @ValueSource(strings = {"1", "t", "T", "TRUE", "true", "True"})
    void trueSpellings(String v) {
        assertThat(QueryBool.parse(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "f", "false", "False", "FALSE", "", "yes", "tRUE"})
    void everythingElseIsFalse(String v) {
        assertThat(QueryBool.parse(v)).isFalse();
    }
}
