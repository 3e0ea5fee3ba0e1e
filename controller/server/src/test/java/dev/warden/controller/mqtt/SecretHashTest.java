package dev.warden.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretHashTest {

    @Test
    void verifiesOnlyTheSameSecretAndSaltsEveryHash() {
        SecretHash a = SecretHash.create("correct horse battery", 10_000);
        SecretHash b = SecretHash.create("correct horse battery", 10_000);
        assertThat(a.verify("correct horse battery")).isTrue();
        assertThat(a.verify("correct horse batterY")).isFalse();
        assertThat(a.verify("")).isFalse();
        assertThat(a.verify(null)).isFalse();
        assertThat(a.saltB64()).isNotEqualTo(b.saltB64());
        assertThat(a.hashB64()).isNotEqualTo(b.hashB64());
        assertThat(a.toString()).doesNotContain(a.hashB64()).doesNotContain(a.saltB64());
    }

    @Test
    void aStoredHashVerifiesAfterARoundTripThroughItsText() {
        SecretHash stored = SecretHash.create("reader-secret", 12_345);
        SecretHash loaded = new SecretHash(stored.saltB64(), stored.iterations(), stored.hashB64());
        assertThat(loaded.verify("reader-secret")).isTrue();
        assertThat(new SecretHash(stored.saltB64(), 12_344, stored.hashB64()).verify("reader-secret")).isFalse();
    }
}
