package dev.pullfix.model.aws;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One WireMock AWS stub and one session per test class (SDK start-up is the slow part), reset before each test. */
abstract class AwsStubTest {
    static AwsStub stub;
    static AwsSession session;

    @BeforeAll
    static void startStub() {
        stub = new AwsStub();
        session = stub.session();
    }

    @AfterAll
    static void stopStub() {
        session.close();
        stub.close();
    }

    @BeforeEach
    void resetStub() {
        stub.reset();
    }
}
