package dev.warden.serial;

import static dev.warden.serial.LinkTesting.allByteValues;
import static dev.warden.serial.LinkTesting.readExactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Verifies the TCP carrier end to end on loopback: a {@link TcpLinks} client (the agent's side of a serial device
 * server) against a {@link TcpSerialServer} (the simulator's side), with hang-ups in both directions, ser2net's
 * one-client rule and the bounded input buffer.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpSerialIT {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final BlockingQueue<SerialLink> accepted = new LinkedBlockingQueue<>();
    private TcpSerialServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = TcpSerialServer.start(0, "127.0.0.1", accepted::add);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private LinkOpener opener() {
        return TcpLinks.opener("127.0.0.1", server.port(), CONNECT_TIMEOUT);
    }

    private SerialLink nextAccepted() throws InterruptedException {
        SerialLink link = accepted.poll(5, TimeUnit.SECONDS);
        assertThat(link).as("a connection accepted by the server").isNotNull();
        return link;
    }

    @Test
    void everyByteValuePassesUnchangedInBothDirections() throws Exception {
        try (SerialLink client = opener().open(); SerialLink device = nextAccepted()) {
            byte[] all = allByteValues();
            client.write(all);
            assertThat(readExactly(device, all.length, WITHIN)).isEqualTo(all);
            device.write(all);
            assertThat(readExactly(client, all.length, WITHIN)).isEqualTo(all);
            assertThat(client.describe()).isEqualTo("tcp:127.0.0.1:" + server.port());
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void readReturnsZeroWhenNothingArrivesInTime() throws Exception {
        try (SerialLink client = opener().open(); SerialLink device = nextAccepted()) {
            long start = System.nanoTime();
            assertThat(client.read(new byte[16], Duration.ofMillis(100))).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(90), Duration.ofSeconds(2));
            assertThat(device.read(new byte[16], Duration.ZERO)).isZero();
        }
    }

    @Test
    void theServerHangingUpFailsTheClientWithLinkDown() throws Exception {
        try (SerialLink client = opener().open()) {
            SerialLink device = nextAccepted();
            long start = System.nanoTime();
            device.close();
            assertThatThrownBy(() -> client.read(new byte[16], Duration.ofSeconds(10))).isInstanceOf(LinkDownException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            await().atMost(WITHIN).untilAsserted(() ->
                    assertThatThrownBy(() -> client.write(new byte[] {1})).isInstanceOf(LinkDownException.class));
        }
    }

    @Test
    void bytesSentJustBeforeAHangUpAreStillDelivered() throws Exception {
        try (SerialLink client = opener().open()) {
            SerialLink device = nextAccepted();
            device.write(new byte[] {1, 2, 3});
            device.close();
            assertThat(readExactly(client, 3, WITHIN)).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> client.read(new byte[16], Duration.ofSeconds(10))).isInstanceOf(LinkDownException.class);
        }
    }

    @Test
    void theClientLeavingFailsTheServerSideWithLinkDown() throws Exception {
        SerialLink client = opener().open();
        try (SerialLink device = nextAccepted()) {
            client.close();
            assertThatThrownBy(() -> client.read(new byte[16], Duration.ofMillis(10))).isInstanceOf(LinkDownException.class);
            assertThatThrownBy(() -> device.read(new byte[16], Duration.ofSeconds(10))).isInstanceOf(LinkDownException.class);
        }
    }

    @Test
    void aSecondClientIsRefusedWhileTheLineIsInUseAndAcceptedAfterwards() throws Exception {
        SerialLink first = opener().open();
        SerialLink firstDevice = nextAccepted();

        try (SerialLink second = opener().open()) {
            assertThatThrownBy(() -> second.read(new byte[16], Duration.ofSeconds(10))).isInstanceOf(LinkDownException.class);
        }
        assertThat(server.refusedConnections()).isEqualTo(1);
        assertThat(accepted).isEmpty();
        first.write(new byte[] {42}); // the first client is unaffected
        assertThat(readExactly(firstDevice, 1, WITHIN)).containsExactly(42);

        first.close();
        assertThatThrownBy(() -> firstDevice.read(new byte[16], Duration.ofSeconds(10))).isInstanceOf(LinkDownException.class);
        SerialLink[] third = connectUntilAccepted();
        try (SerialLink client = third[0]; SerialLink device = third[1]) {
            client.write(new byte[] {43});
            assertThat(readExactly(device, 1, WITHIN)).containsExactly(43);
        }
    }

    /**
     * The server frees the line once it has seen the previous client's close, which may take a moment: connect until
     * a connection is accepted (a refused one never reaches the handler). Returns {client, device}.
     */
    private SerialLink[] connectUntilAccepted() {
        SerialLink[] pair = new SerialLink[2];
        await().atMost(WITHIN).until(() -> {
            SerialLink attempt = opener().open();
            SerialLink device = accepted.poll(200, TimeUnit.MILLISECONDS);
            if (device == null) {
                attempt.close();
                return false;
            }
            pair[0] = attempt;
            pair[1] = device;
            return true;
        });
        return pair;
    }

    @Test
    void aReaderFallingBehindLosesTheOldestBytesAndTheyAreCounted() throws Exception {
        int capacity = 1024;
        byte[] flood = new byte[4 * capacity + 100];
        new Random(3).nextBytes(flood);
        try (SerialLink client = TcpLinks.opener("127.0.0.1", server.port(), CONNECT_TIMEOUT, capacity).open();
                SerialLink device = nextAccepted()) {
            device.write(flood);
            NettyLink link = (NettyLink) client;
            await().atMost(WITHIN).until(() -> link.droppedBytes() == flood.length - capacity);

            byte[] kept = readExactly(client, capacity, WITHIN);
            assertThat(kept).isEqualTo(Arrays.copyOfRange(flood, flood.length - capacity, flood.length));
            assertThat(client.read(new byte[16], Duration.ofMillis(50))).isZero();
        }
    }

    @Test
    void discardInputDropsWhatArrivedBeforeIt() throws Exception {
        try (SerialLink client = opener().open(); SerialLink device = nextAccepted()) {
            device.write(new byte[] {1, 2, 3});
            await().atMost(WITHIN).until(() -> ((NettyLink) client).bufferedBytes() == 3);
            client.discardInput();
            assertThat(client.read(new byte[16], Duration.ofMillis(50))).isZero();
        }
    }

    @Test
    void closingFromAnotherThreadEndsAPendingReadWithLinkDown() throws Exception {
        SerialLink client = opener().open();
        try (SerialLink device = nextAccepted()) {
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.read(new byte[16], Duration.ofSeconds(20));
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
            client.close();
            assertThatThrownBy(() -> read.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(LinkDownException.class);
            assertThatThrownBy(() -> device.read(new byte[16], Duration.ofSeconds(10))).isInstanceOf(LinkDownException.class);
        }
    }

    @Test
    void nothingListeningFailsTheOpenWithTheAddress() throws IOException {
        // a socket bound but not listening holds the port: the kernel never hands it to another test's server, and
        // a connection to it is refused (closing a server and reusing its port raced with parallel builds)
        try (java.net.Socket holder = new java.net.Socket()) {
            holder.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            int port = holder.getLocalPort();
            assertThatThrownBy(() -> TcpLinks.opener("127.0.0.1", port, CONNECT_TIMEOUT).open())
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(LinkDownException.class)
                    .hasMessageContaining("tcp:127.0.0.1:" + port);
        }
    }

    @Test
    void aTakenPortFailsTheServerStartWithTheAddress() {
        assertThatThrownBy(() -> TcpSerialServer.start(server.port(), "127.0.0.1", link -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("127.0.0.1:" + server.port());
    }

    @Test
    void closingTheServerHangsUpItsClient() throws Exception {
        try (SerialLink client = opener().open()) {
            nextAccepted();
            server.close();
            assertThatThrownBy(() -> client.read(new byte[16], Duration.ofSeconds(10))).isInstanceOf(LinkDownException.class);
        }
    }

    @Test
    void badArgumentsAreRejectedUpFront() {
        assertThatThrownBy(() -> TcpLinks.opener("", 4001, CONNECT_TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TcpLinks.opener("127.0.0.1", 0, CONNECT_TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TcpLinks.opener("127.0.0.1", 4001, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TcpLinks.opener("127.0.0.1", 4001, Duration.ofDays(365))).isInstanceOf(IllegalArgumentException.class);
        assertThat(TcpLinks.opener("10.0.0.5", 4001, CONNECT_TIMEOUT).describe()).isEqualTo("tcp:10.0.0.5:4001");
    }
}
