package dev.pullfix.model.lab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorsTest {
    private static StoredObject pod(String labelsJson, String phase) {
        return StoredObject.of(ResourceTypes.PODS, Json.parseObject(("{\"metadata\":{\"name\":\"p\",\"namespace\":\"ns\",\"labels\":"
                + labelsJson + "},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}],\"nodeName\":\"n1\"},\"status\":{\"phase\":\""
                + phase + "\"}}").getBytes()));
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource(delimiter = '|', value = {
            "app=web|true", "app==web|true", "app=db|false", "app!=db|true", "app!=web|false",
            "app in (web,db)|true", "app in (db)|false", "app notin (db)|true", "app notin (web, db)|false",
            "tier|true", "!tier|false", "missing|false", "!missing|true", "app=web,tier=front|true",
            "app=web,tier=back|false", "version>2|true", "version<2|false", "''|true"})
    void labelSelectorsFollowKubernetesSemantics(String selector, boolean expected) {
        StoredObject o = pod("{\"app\":\"web\",\"tier\":\"front\",\"version\":\"3\"}", "Running");
        assertThat(Selectors.labels(selector).test(o)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource(delimiter = '|', value = {
            "status.phase=Pending|true", "status.phase!=Pending|false", "spec.nodeName=n1|true",
            "metadata.name=p,metadata.namespace=ns|true", "metadata.namespace=other|false", "status.phase==Running|false"})
    void fieldSelectorsUseTheExtractedFields(String selector, boolean expected) {
        assertThat(Selectors.fields(ResourceTypes.PODS, selector).test(pod("{}", "Pending"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"spec.image=x", "involvedObject.name=x"})
    void unsupportedFieldLabelsAreABadRequest(String selector) {
        assertThatThrownBy(() -> Selectors.fields(ResourceTypes.PODS, selector))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("field label not supported: ");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"app in web", "=x", "bad key!=1", "app in (a"})
    void malformedLabelSelectorsAreABadRequest(String selector) {
        assertThatThrownBy(() -> Selectors.labels(selector)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(400));
    }
}
