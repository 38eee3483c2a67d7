package dev.pullfix.model.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullfix.model.image.InvalidImageReferenceException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    private static final String D = "sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1";

    @ParameterizedTest(name = "{0} normalises to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nginx                                                  | docker.io/library/nginx:latest
            nginx:1.25                                             | docker.io/library/nginx:1.25
            nginx:foo                                              | docker.io/library/nginx:foo
            library/nginx                                          | docker.io/library/nginx:latest
            docker.io/nginx                                        | docker.io/library/nginx:latest
            index.docker.io/library/nginx:stable                   | docker.io/library/nginx:stable
            bitnami/redis:7.2                                      | docker.io/bitnami/redis:7.2
            nginx@sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1                                               | docker.io/library/nginx@sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1
            nginx:1.25@sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1                                          | docker.io/library/nginx:1.25@sha256:b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1
            localhost/app                                          | localhost/app:latest
            localhost:5000/team/app:dev                            | localhost:5000/team/app:dev
            registry.example.com:8443/a/b/c:v1.0.0-rc.1            | registry.example.com:8443/a/b/c:v1.0.0-rc.1
            127.0.0.1:5000/foo_bar/baz__qux                        | 127.0.0.1:5000/foo_bar/baz__qux:latest
            [::1]:5000/app:1                                       | [::1]:5000/app:1
            682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0 | 682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0
            public.ecr.aws/eks-distro/kubernetes/pause:3.9         | public.ecr.aws/eks-distro/kubernetes/pause:3.9
            ghcr.io/owner/image:sha-abc123                         | ghcr.io/owner/image:sha-abc123
            us-docker.pkg.dev/proj/repo/img                        | us-docker.pkg.dev/proj/repo/img:latest
            quay.io/prometheus/node-exporter:v1.8.1                | quay.io/prometheus/node-exporter:v1.8.1
            myacr.azurecr.io/team/api:2024.01.05                   | myacr.azurecr.io/team/api:2024.01.05
            a-b--c/d.e:_tag                                        | docker.io/a-b--c/d.e:_tag
            Registry.Example.COM/app:1                             | Registry.Example.COM/app:1
            localhost:5000                                         | docker.io/library/localhost:5000
            """)
    void normalisesValidReferences(String input, String expected) {
        assertThat(ImageReference.parse(input).normalized()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is rejected because {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                          | EMPTY
            ':latest'                                   | EMPTY
            Nginx                                       | UPPERCASE
            docker.io/Library/nginx                     | UPPERCASE
            'nginx latest'                              | WHITESPACE
            https://registry.example.com/app            | SCHEME
            nginx:                                      | EMPTY_TAG
            nginx:.hidden                               | INVALID_TAG
            nginx:-dash                                 | INVALID_TAG
            nginx:tag+plus                              | INVALID_TAG
            nginx@                                      | EMPTY_DIGEST
            nginx@sha256                                | INVALID_DIGEST
            nginx@sha256:abc                            | INVALID_DIGEST
            nginx@sha256:0123456789abcdef0123456789abcdef | DIGEST_LENGTH
            nginx@md5:0123456789abcdef0123456789abcdef  | UNSUPPORTED_DIGEST
            a@b@c                                       | MULTIPLE_AT
            registry.example.com//app                   | EMPTY_PATH_COMPONENT
            team/app/                                   | EMPTY_PATH_COMPONENT
            team/-app                                   | INVALID_PATH_COMPONENT
            team/app_                                   | INVALID_PATH_COMPONENT
            team/a___b                                  | INVALID_PATH_COMPONENT
            -registry.example.com/app                   | INVALID_DOMAIN
            registry..example.com/app                   | INVALID_DOMAIN
            registry.example.com:/app                   | INVALID_PORT
            registry.example.com:99999/app              | INVALID_PORT
            registry.example.com:https/app              | INVALID_PORT
            b338785abbf5a5d7e0f6ebeb8b8fc66e2ef08c05b2b48e5dfe89d03710eec2c1 | HEX_64
            """)
    void rejectsMalformedReferencesWithAPreciseReason(String input, Reason reason) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOfSatisfying(InvalidImageReferenceException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageStartingWith("invalid reference format: ");
    }

    @Test
    void rejectsNamesLongerThan255Characters() {
        String longName = "a".repeat(256);
        assertThatThrownBy(() -> ImageReference.parse(longName))
                .isInstanceOfSatisfying(InvalidImageReferenceException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NAME_TOO_LONG));
        // the limit holds for the normalized name, as in Docker's ParseNormalizedNamed: docker.io/library/ + 237
        assertThat(ImageReference.tryParse("a".repeat(237))).isPresent();
        assertThat(ImageReference.tryParse("a".repeat(238))).isEmpty();
        assertThat(ImageReference.tryParse("registry.example.com/" + "a".repeat(234))).isPresent();
        assertThat(ImageReference.tryParse("registry.example.com/" + "a".repeat(235))).isEmpty();
    }

    @Test
    void rejectsNullAsEmpty() {
        assertThat(ImageReference.problem(null)).get().extracting(InvalidImageReferenceException::reason)
                .isEqualTo(Reason.EMPTY);
    }

    @Test
    void splitsTheReferenceIntoItsParts() {
        ImageReference ref = ImageReference.parse("localhost:5000/team/app:dev@" + D);
        assertThat(ref.domain()).isEqualTo("localhost:5000");
        assertThat(ref.path()).isEqualTo("team/app");
        assertThat(ref.tag()).isEqualTo("dev");
        assertThat(ref.digest()).isEqualTo(D);
        assertThat(ref.tagDefaulted()).isFalse();
        assertThat(ref.original()).isEqualTo("localhost:5000/team/app:dev@" + D);
    }

    @Test
    void appliesTheLatestTagOnlyWhenNeitherTagNorDigestIsGiven() {
        assertThat(ImageReference.parse("nginx").tagDefaulted()).isTrue();
        ImageReference byDigest = ImageReference.parse("nginx@" + D);
        assertThat(byDigest.tag()).isNull();
        assertThat(byDigest.tagDefaulted()).isFalse();
    }

    @ParameterizedTest(name = "{0} is familiar as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            docker.io/library/nginx:latest   | nginx:latest
            nginx                            | nginx:latest
            bitnami/redis:7.2                | bitnami/redis:7.2
            ghcr.io/owner/image:1            | ghcr.io/owner/image:1
            docker.io/library/a/b:1          | library/a/b:1
            """)
    void printsTheFamiliarShortForm(String input, String familiar) {
        assertThat(ImageReference.parse(input).familiar()).isEqualTo(familiar);
    }

    @Test
    void givesTheEcrRepositoryFactsOfAPrivateEcrImage() {
        ImageReference ref = ImageReference.parse("682844965773.dkr.ecr.us-west-2.amazonaws.com/team/retail-ui:0.4.0");
        assertThat(ref.registry().kind()).isEqualTo(RegistryKind.ECR_PRIVATE);
        assertThat(ref.registry().account()).isEqualTo("682844965773");
        assertThat(ref.registry().region()).isEqualTo("us-west-2");
        assertThat(ref.repository()).isEqualTo("team/retail-ui");
        assertThat(ref.ecrRepositoryArn()).contains("arn:aws:ecr:us-west-2:682844965773:repository/team/retail-ui");
    }

    @Test
    void hasNoEcrArnOutsideEcr() {
        assertThat(ImageReference.parse("nginx").ecrRepositoryArn()).isEmpty();
        assertThat(ImageReference.parse("public.ecr.aws/nginx/nginx").ecrRepositoryArn()).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} with tag {1} is {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            "nginx:foo, 1.27.3, nginx:1.27.3",
            "nginx, stable, nginx:stable",
            "docker.io/library/nginx:foo, stable, docker.io/library/nginx:stable",
            "localhost:5000/team/app, v2, localhost:5000/team/app:v2",
            "registry.example.com:8443/app:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, 2, registry.example.com:8443/app:2",
            "682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.1, 0.4.0, 682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0"})
    void anotherTagKeepsTheNameAsWrittenAndDropsTheDigest(String image, String tag, String expected) {
        assertThat(ImageReference.parse(image).withTag(tag)).isEqualTo(expected);
    }

    @Test
    void anInvalidNewTagIsRefused() {
        assertThatThrownBy(() -> ImageReference.parse("nginx:foo").withTag("-x"))
                .isInstanceOfSatisfying(InvalidImageReferenceException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidImageReferenceException.Reason.INVALID_TAG));
        assertThatThrownBy(() -> ImageReference.parse("nginx:foo").withTag(""))
                .isInstanceOfSatisfying(InvalidImageReferenceException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidImageReferenceException.Reason.EMPTY_TAG));
    }
}
