package dev.warden.agent.osdp;

import dev.warden.agent.device.DeviceEvents;
import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.codec.osdp.OsdpCpHandshake;
import dev.warden.codec.osdp.OsdpDecoded;
import dev.warden.codec.osdp.OsdpFrame;
import dev.warden.codec.osdp.OsdpFrameEncoder;
import dev.warden.codec.osdp.OsdpHandshakeStep;
import dev.warden.codec.osdp.OsdpMessageDecoder;
import dev.warden.codec.osdp.OsdpNakCode;
import dev.warden.codec.osdp.OsdpOpenResult;
import dev.warden.codec.osdp.OsdpReply;
import dev.warden.codec.osdp.OsdpSecureChannel;
import dev.warden.codec.osdp.OsdpSecureSession;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control panel's state for one PD: what to send next (ID, CAP, the Secure Channel handshake, KEYSET, then queued
 * commands or POLL), how to take its replies, its sequence number, session and online/offline status. Driven by the
 * bus thread only, except {@link #enqueue} and {@link #enqueueRelease}, which any thread may call. No I/O here (the
 * key comes from a {@link KeyCache}, which never blocks; the keyed set may write its small state file).
 *
 * <p>Rules that keep a device on the reader's address from doing harm:
 * <ul>
 *   <li>With Secure Channel required, nothing is sent before the reader's key is at hand; while it is fetched the PD
 *       waits without using the line.</li>
 *   <li>SCBK-D is tried only when the reader answers the challenge for its own key with a well-formed osdp_CCRYPT made
 *       with SCBK-D ({@link OsdpHandshakeStep.Failure#PD_USES_DEFAULT_KEY}), the reader is in install mode, and it is
 *       not known to be keyed ({@link KeyedReaders}); each use raises {@code INSTALL_KEY_USED}, an accepted KEYSET
 *       {@code READER_KEYED}. A NAK to the challenge, or a cryptogram of another key, is {@code SECURE_CHANNEL_FAILED}.
 *       </li>
 *   <li>Only a valid reply in the online phase (MAC-checked inside a session) is progress: the offline deadline
 *       ({@code offlineAfter}) is checked on no reply, BUSY, bad or unexpected replies and broken sessions, and the
 *       reader is reported online only on such a reply. A broken session raises {@code SECURE_CHANNEL_LOST} (at most
 *       once a minute).</li>
 *   <li>Cards and keys naming another reader number than 0 are rejected.</li>
 * </ul>
 */
final class Peripheral {

    private static final Logger LOG = LoggerFactory.getLogger(OsdpBus.class);
    private static final int QUEUE_CAPACITY = 32;
    private static final int MAX_PROBE_DOUBLINGS = 5;
    private static final Duration LOST_NOTICE_INTERVAL = Duration.ofMinutes(1);

    private enum Phase { START, CAPABILITIES, SC_CHALLENGE, SC_CRYPTOGRAM, KEYSET, ONLINE }

    private enum KeyChoice { OWN, DEFAULT }

    private enum Status { UNKNOWN, ONLINE, OFFLINE }

    /** Bytes to send, their sequence number, and whether they are a resend of an unanswered frame. */
    record Outgoing(byte[] bytes, int sequence, boolean resend) {}

    private record Queued(OsdpCommand command, Instant enqueued) {}

    private final OsdpReaderSettings settings;
    private final boolean secureChannelRequired;
    private final DeviceEvents events;
    private final KeyCache keys;
    private final KeyedReaders keyed;
    private final OsdpTimings timings;
    private final BusCounters counters;
    private final SecureRandom random;
    private final LinkedBlockingDeque<Queued> queue = new LinkedBlockingDeque<>(QUEUE_CAPACITY);
    /** Relay releases: sent before anything else, never expired or dropped, removed only once answered. */
    private final ConcurrentLinkedDeque<OsdpCommand.Output> releases = new ConcurrentLinkedDeque<>();
    /** The release in {@link #pending}, if that frame is one. */
    private OsdpCommand.Output releaseInFlight;

    private Phase phase = Phase.START;
    private KeyChoice keyChoice = KeyChoice.OWN;
    private int nextSequence;
    private Outgoing pending;
    /** Unanswered sends of {@link #pending}. */
    private int unanswered;
    private OsdpFrame prepared;
    private int lastCommandCode;
    private OsdpCpHandshake handshake;
    private OsdpSecureSession session;
    private byte[] key;
    private Status status = Status.UNKNOWN;
    private String offlineReason = "";
    private Instant lastProgress;
    private Instant nextProbe = Instant.MIN;
    private final Deque<OsdpCommand> statusQueries = new ArrayDeque<>();
    private String lastWarning = "";
    private int failedProbes;
    private Instant lastLostNotice;
    private Boolean tamper;
    private final List<Boolean> inputs = new ArrayList<>();

    Peripheral(OsdpReaderSettings settings, boolean secureChannelRequired, DeviceEvents events, KeyCache keys,
            KeyedReaders keyed, OsdpTimings timings, BusCounters counters, SecureRandom random, Instant now) {
        this.settings = settings;
        this.secureChannelRequired = secureChannelRequired;
        this.events = events;
        this.keys = keys;
        this.keyed = keyed;
        this.timings = timings;
        this.counters = counters;
        this.random = random;
        this.lastProgress = now;
    }

    /** A PD on its own: keys looked up in the calling thread, the keyed set in memory only. */
    Peripheral(OsdpReaderSettings settings, boolean secureChannelRequired, DeviceEvents events, ReaderKeys keys,
            OsdpTimings timings, BusCounters counters, SecureRandom random, Instant now) {
        this(settings, secureChannelRequired, events, KeyCache.direct(keys, counters), KeyedReaders.inMemory(counters),
                timings, counters, random, now);
    }

    String readerId() {
        return settings.readerId();
    }

    int address() {
        return settings.address();
    }

    /** Queues a command for the next turn of this PD in place of a POLL; {@code false} when the queue is full. */
    boolean enqueue(OsdpCommand command, Instant now) {
        return queue.offerLast(new Queued(command, now));
    }

    /**
     * Queues a relay release ahead of every other command: it is never dropped or expired, survives the reader being
     * offline, and is sent again until the reader answers it. A pulse of the same outputs still waiting in the queue
     * is cancelled (a "lock now" must not be followed by an unlock asked for before it).
     */
    void enqueueRelease(OsdpCommand.Output release) {
        Set<Integer> outputs = release.outputs().stream().map(OsdpCommand.OutputControl::output).collect(Collectors.toSet());
        boolean cancelled = queue.removeIf(q -> q.command() instanceof OsdpCommand.Output out
                && out.outputs().stream().allMatch(c -> outputs.contains(c.output())));
        if (cancelled) {
            counters.increment("pulse_cancelled");
        }
        synchronized (releases) {
            if (!releases.contains(release)) {
                releases.addLast(release);
            }
        }
    }

    /** {@code false} while an offline PD waits for its next probe. */
    boolean due(Instant now) {
        return status != Status.OFFLINE || phase != Phase.START || pending != null || !now.isBefore(nextProbe);
    }

    /** The line was (re)opened: start every PD over (sequence 0, no session). */
    void lineUp(Instant now) {
        restart();
        lastProgress = now;
    }

    /** The line is gone. */
    void lineDown(Instant now) {
        goOffline("LINK_DOWN", now);
    }

    /**
     * What to send now; empty when nothing can be sent this turn (the key is still being fetched, or there is none:
     * reported offline). An unanswered frame is sent again, byte for byte (same sequence number), so the PD answers it
     * again rather than a new command.
     */
    Optional<Outgoing> next(Instant now) {
        if (pending != null) {
            return Optional.of(new Outgoing(pending.bytes(), pending.sequence(), true));
        }
        OsdpFrame frame;
        switch (phase) {
            case START -> {
                if (secureChannelRequired && key == null && !takeKey(now)) {
                    return Optional.empty();
                }
                nextSequence = 0;
                frame = OsdpFrame.command(address(), 0, new OsdpCommand.Id(0));
            }
            case CAPABILITIES -> frame = OsdpFrame.command(address(), nextSequence, new OsdpCommand.Cap(0));
            case SC_CHALLENGE -> frame = challenge();
            case SC_CRYPTOGRAM -> frame = prepared;
            case KEYSET -> frame = session.seal(OsdpFrame.command(address(), nextSequence, OsdpCommand.KeySet.scbk(key)));
            case ONLINE -> frame = onlineFrame(now);
            default -> throw new IllegalStateException("phase " + phase);
        }
        lastCommandCode = frame.code();
        pending = new Outgoing(OsdpFrameEncoder.encode(frame), frame.sequence(), false);
        unanswered = 0;
        return Optional.of(pending);
    }

    /**
     * Takes the reader's key for this attempt from the cache; {@code false} (nothing sent) while it is fetched, or
     * when there is none or it is unusable (offline {@code NO_KEY} / {@code BAD_KEY}).
     */
    private boolean takeKey(Instant now) {
        switch (keys.lookup(readerId())) {
            case KeyCache.Lookup.Found(byte[] own) -> {
                if (own.length != OsdpSecureChannel.KEY_LENGTH || OsdpSecureChannel.isDefaultKey(own)) {
                    Arrays.fill(own, (byte) 0);
                    keys.forget(readerId());
                    warn("reader {}: its Secure Channel key is not a usable 16-byte SCBK (or is SCBK-D)", readerId());
                    goOffline("BAD_KEY", now);
                    return false;
                }
                key = own;
                return true;
            }
            case KeyCache.Lookup.Missing missing -> {
                warn("reader {}: no Secure Channel key available", readerId());
                goOffline("NO_KEY", now);
                return false;
            }
            case KeyCache.Lookup.Pending waiting -> {
                if (status == Status.OFFLINE) {
                    nextProbe = now.plus(timings.offlineProbeInterval()); // look again at the next probe
                } else if (overdue(now)) {
                    warn("reader {}: its Secure Channel key did not arrive in time", readerId());
                    goOffline("NO_KEY", now);
                }
                return false;
            }
        }
    }

    private OsdpFrame challenge() {
        handshake = keyChoice == KeyChoice.OWN
                ? new OsdpCpHandshake(key, false, random8())
                : new OsdpCpHandshake(OsdpSecureChannel.defaultKey(), true, random8());
        return handshake.challenge(address(), nextSequence);
    }

    private OsdpFrame onlineFrame(Instant now) {
        OsdpCommand.Output release = releases.peekFirst();
        if (release != null) {
            releaseInFlight = release;
            OsdpFrame frame = OsdpFrame.command(address(), nextSequence, release);
            return session != null ? session.seal(frame) : frame;
        }
        OsdpCommand command = statusQueries.pollFirst();
        while (command == null) {
            Queued queued = queue.pollFirst();
            if (queued == null) {
                command = new OsdpCommand.Poll();
            } else if (Duration.between(queued.enqueued(), now).compareTo(timings.commandTtl()) > 0) {
                counters.increment("command_expired");
                warn("reader {}: dropped command 0x{} queued {} ms ago", readerId(),
                        Integer.toHexString(queued.command().code()), Duration.between(queued.enqueued(), now).toMillis());
            } else {
                command = queued.command();
            }
        }
        OsdpFrame frame = OsdpFrame.command(address(), nextSequence, command);
        return session != null ? session.seal(frame) : frame;
    }

    /**
     * No reply within the reply timeout. The frame stays pending and goes again on this PD's next turn (one attempt
     * per turn, so a PD that stopped answering costs the others one reply timeout per round, not several); after
     * {@code retries} resends the PD starts over at sequence 0; offline after {@code offlineAfter} without progress.
     */
    void onNoReply(Instant now) {
        counters.increment("no_reply");
        if (status == Status.OFFLINE) {
            restart();
            nextProbe = now.plus(timings.offlineProbeInterval());
            return;
        }
        if (overdue(now)) {
            goOffline("NO_REPLY", now);
            return;
        }
        unanswered++;
        if (unanswered > timings.retries()) {
            counters.increment("restart_after_retries");
            LOG.debug("reader {}: no reply to {} sends of the same frame; starting over", readerId(), unanswered);
            restart();
        }
    }

    /** A well-formed reply frame from this PD's address with the expected sequence number (or a BUSY). */
    void onReply(OsdpFrame reply, Instant now) {
        if (reply.code() == OsdpReply.BUSY && reply.securityBlock().isEmpty()) {
            counters.increment("busy");
            if (overdue(now)) {
                goOffline("BUSY", now); // BUSY is unauthenticated and no progress: it cannot keep a reader online
            }
            return; // same command, same sequence, next turn
        }
        int sequence = pending == null ? nextSequence : pending.sequence();
        pending = null;
        nextSequence = sequence >= 3 ? 1 : sequence + 1;
        switch (phase) {
            case START -> onIdReply(reply, now);
            case CAPABILITIES -> onCapReply(reply, now);
            case SC_CHALLENGE -> onClientCryptogram(reply, now);
            case SC_CRYPTOGRAM -> onInitialRmac(reply, now);
            case KEYSET -> onKeySetReply(reply, now);
            case ONLINE -> onOnlineReply(reply, now);
            default -> throw new IllegalStateException("phase " + phase);
        }
    }

    private void onIdReply(OsdpFrame reply, Instant now) {
        if (reply.securityBlock().isEmpty() && OsdpMessageDecoder.reply(reply) instanceof OsdpDecoded.Ok<OsdpReply>(OsdpReply.PdId id)) {
            LOG.debug("reader {}: vendor {} model {} version {} serial {} firmware {}.{}.{}", readerId(),
                    Integer.toHexString(id.vendorCode()), id.model(), id.version(), Long.toHexString(id.serialNumber()),
                    id.firmwareMajor(), id.firmwareMinor(), id.firmwareBuild());
            phase = Phase.CAPABILITIES;
        } else {
            setupFailed("osdp_ID", reply, now);
        }
    }

    private void onCapReply(OsdpFrame reply, Instant now) {
        if (reply.securityBlock().isPresent() || reply.code() != OsdpReply.PDCAP && reply.code() != OsdpReply.NAK) {
            setupFailed("osdp_CAP", reply, now);
            return;
        }
        if (secureChannelRequired) {
            keyChoice = KeyChoice.OWN;
            phase = Phase.SC_CHALLENGE;
        } else {
            enterOnlinePhase();
        }
    }

    private void onClientCryptogram(OsdpFrame reply, Instant now) {
        if (reply.code() == OsdpReply.NAK && reply.securityBlock().isEmpty()) {
            OsdpNakCode code = reply.dataLength() > 0 ? OsdpNakCode.of(reply.data()[0] & 0xFF) : OsdpNakCode.NONE;
            if (code == OsdpNakCode.SECURITY_BLOCK_UNSUPPORTED || code == OsdpNakCode.UNKNOWN_COMMAND) {
                warn("reader {}: does not support Secure Channel (NAK {})", readerId(), code);
                goOffline("SECURE_CHANNEL_UNSUPPORTED", now);
            } else {
                // an unauthenticated NAK proves nothing about the reader's key: never a reason to try SCBK-D
                counters.increment("challenge_refused");
                warn("reader {}: refused the Secure Channel challenge (NAK {})", readerId(), code);
                goOffline("SECURE_CHANNEL_FAILED", now);
            }
            return;
        }
        switch (handshake.onClientCryptogram(reply, nextSequence)) {
            case OsdpHandshakeStep.Proceed<OsdpFrame>(OsdpFrame scrypt) -> {
                prepared = scrypt;
                phase = Phase.SC_CRYPTOGRAM;
            }
            case OsdpHandshakeStep.Refused<OsdpFrame>(OsdpHandshakeStep.Failure failure, String detail) -> {
                if (failure == OsdpHandshakeStep.Failure.PD_USES_DEFAULT_KEY) {
                    answeredWithInstallKey(now);
                } else if (failure == OsdpHandshakeStep.Failure.CRYPTOGRAM_MISMATCH && keyChoice == KeyChoice.OWN) {
                    warn("reader {}: holds another key than its SCBK", readerId());
                    keys.forget(readerId()); // the controller may hold a newer key: fetch it again next time
                    goOffline("SECURE_CHANNEL_FAILED", now);
                } else {
                    warn("reader {}: Secure Channel handshake failed: {}", readerId(), detail);
                    goOffline("SECURE_CHANNEL_FAILED", now);
                }
            }
        }
    }

    private void onInitialRmac(OsdpFrame reply, Instant now) {
        prepared = null;
        switch (handshake.onInitialRmac(reply)) {
            case OsdpHandshakeStep.Proceed<OsdpSecureSession>(OsdpSecureSession established) -> {
                session = established;
                handshake = null;
                if (keyChoice == KeyChoice.DEFAULT) {
                    counters.increment("scbk_d_session");
                    warn("reader {}: Secure Channel with SCBK-D (install mode); sending the reader its own key",
                            readerId());
                    phase = Phase.KEYSET;
                } else {
                    LOG.info("reader {}: Secure Channel established", readerId());
                    forgetKey();
                    markKeyed();
                    enterOnlinePhase();
                }
            }
            case OsdpHandshakeStep.Refused<OsdpSecureSession>(OsdpHandshakeStep.Failure failure, String detail) -> {
                warn("reader {}: Secure Channel handshake failed: {}", readerId(), detail);
                goOffline("SECURE_CHANNEL_FAILED", now);
            }
        }
    }

    private void onKeySetReply(OsdpFrame reply, Instant now) {
        OsdpFrame plain = reply;
        if (reply.secured()) {
            if (!(session.open(reply) instanceof OsdpOpenResult.Opened(OsdpFrame opened))) {
                warn("reader {}: the answer to osdp_KEYSET failed its MAC", readerId());
                goOffline("SECURE_CHANNEL_FAILED", now);
                return;
            }
            plain = opened;
        }
        if (plain.securityBlock().isEmpty() && plain.code() == OsdpReply.ACK) {
            // a PD may answer KEYSET in plaintext after dropping the old session; either way start over with the new key
            counters.increment("keyset");
            LOG.info("reader {}: accepted its own SCBK; restarting Secure Channel with it", readerId());
            markKeyed();
            emit(() -> events.security(readerId(), "READER_KEYED"));
            session = null;
            keyChoice = KeyChoice.OWN;
            phase = Phase.SC_CHALLENGE;
        } else {
            warn("reader {}: did not accept osdp_KEYSET (reply 0x{})", readerId(), Integer.toHexString(plain.code()));
            goOffline("KEYSET_REFUSED", now);
        }
    }

    private void onOnlineReply(OsdpFrame reply, Instant now) {
        OsdpFrame plain;
        if (session != null) {
            if (!reply.secured()) {
                if (reply.code() == OsdpReply.NAK) {
                    LOG.info("reader {}: dropped the Secure Channel (plaintext NAK); restarting it", readerId());
                } else {
                    counters.increment("plaintext_in_session");
                    warn("reader {}: plaintext reply 0x{} inside Secure Channel ignored; restarting the session",
                            readerId(), Integer.toHexString(reply.code()));
                }
                sessionLost(now);
                return;
            }
            switch (session.open(reply)) {
                case OsdpOpenResult.Opened(OsdpFrame opened) -> plain = opened;
                case OsdpOpenResult.Refused(OsdpOpenResult.Reason reason) -> {
                    counters.increment("secure_channel_" + reason.name().toLowerCase(Locale.ROOT));
                    warn("reader {}: {} in Secure Channel; dropping the session and starting a new one", readerId(), reason);
                    sessionLost(now);
                    return;
                }
            }
        } else {
            if (reply.securityBlock().isPresent()) {
                counters.increment("unexpected_secure_reply");
                warn("reader {}: secured reply on a plaintext bus; restarting", readerId());
                restartUnlessOverdue("BAD_REPLY", now);
                return;
            }
            plain = reply;
        }
        switch (OsdpMessageDecoder.reply(plain)) {
            case OsdpDecoded.Ok<OsdpReply>(OsdpReply message) -> {
                if (message instanceof OsdpReply.Nak nak && restartsTheLink(nak.kind())) {
                    onLinkNak(nak.kind(), now);
                    return;
                }
                if (message instanceof OsdpReply.Busy) {
                    counters.increment("busy");
                    if (overdue(now)) {
                        goOffline("BUSY", now);
                    }
                    return;
                }
                answered(now);
                onMessage(message);
            }
            case OsdpDecoded.Invalid<OsdpReply>(OsdpDecoded.Reason reason, String detail) -> {
                counters.increment("bad_reply");
                warn("reader {}: reply 0x{} rejected: {} ({})", readerId(), Integer.toHexString(plain.code()), reason, detail);
                if (overdue(now)) {
                    goOffline("BAD_REPLY", now);
                }
            }
        }
    }

    /** A valid reply in the online phase (MAC-checked inside a session): progress; the reader is online. */
    private void answered(Instant now) {
        lastProgress = now;
        if (releaseInFlight != null) {
            releases.remove(releaseInFlight);
            releaseInFlight = null;
        }
        if (status != Status.ONLINE) {
            status = Status.ONLINE;
            offlineReason = "";
            failedProbes = 0;
            lastWarning = "";
            LOG.info("reader {} online{}", readerId(), session != null ? " (Secure Channel)" : "");
            emit(() -> events.online(readerId()));
        }
    }

    private void onMessage(OsdpReply message) {
        switch (message) {
            case OsdpReply.Ack ack -> { }
            case OsdpReply.RawCard card -> {
                if (card.reader() != 0) {
                    otherReaderNumber("card", card.reader());
                } else {
                    counters.increment("card");
                    emit(() -> events.cardRead(readerId(), card.bits()));
                }
            }
            case OsdpReply.Keypad keypad -> {
                String keysPressed = keypad.keys().replaceAll("[^0-9*#]", "");
                if (keypad.reader() != 0) {
                    otherReaderNumber("keypad", keypad.reader());
                } else if (!keysPressed.isEmpty()) {
                    emit(() -> events.keypad(readerId(), keysPressed));
                }
            }
            case OsdpReply.LocalStatus local -> {
                if (tamper == null ? local.tamper() : tamper != local.tamper()) {
                    emit(() -> events.input(readerId(), "tamper", local.tamper()));
                }
                tamper = local.tamper();
            }
            case OsdpReply.InputStatus status -> onInputs(status.inputs());
            case OsdpReply.Nak nak -> onNak(nak);
            default -> LOG.debug("reader {}: reply {} ignored", readerId(), message);
        }
    }

    private void onInputs(List<Boolean> reported) {
        for (int i = 0; i < reported.size(); i++) {
            int index = i;
            boolean active = reported.get(i);
            Boolean before = i < inputs.size() ? inputs.get(i) : null;
            if (before == null ? active : before != active) {
                emit(() -> events.input(readerId(), "input" + index, active));
            }
            if (i < inputs.size()) {
                inputs.set(i, active);
            } else {
                inputs.add(active);
            }
        }
    }

    private void otherReaderNumber(String what, int number) {
        counters.increment("wrong_reader_number");
        warn("reader {}: {} from reader number {} rejected (only reader 0 is configured at this address)", readerId(),
                what, number);
    }

    private static boolean restartsTheLink(OsdpNakCode code) {
        return code == OsdpNakCode.SEQUENCE || code == OsdpNakCode.SECURE_CHANNEL_REQUIRED
                || code == OsdpNakCode.SECURITY_BLOCK_UNSUPPORTED;
    }

    /** A NAK that means the link or session must start over: no progress. */
    private void onLinkNak(OsdpNakCode code, Instant now) {
        counters.increment("nak_" + code.name().toLowerCase(Locale.ROOT));
        if (code == OsdpNakCode.SEQUENCE) {
            LOG.info("reader {}: sequence NAK; restarting the link", readerId());
            restartUnlessOverdue("BAD_REPLY", now);
        } else if (secureChannelRequired) {
            LOG.info("reader {}: Secure Channel NAK ({}); restarting it", readerId(), code);
            restartUnlessOverdue("SECURE_CHANNEL_FAILED", now);
        } else {
            warn("reader {}: requires Secure Channel, which this bus does not run", readerId());
            goOffline("SECURE_CHANNEL_REQUIRED", now);
        }
    }

    private void onNak(OsdpReply.Nak nak) {
        OsdpNakCode code = nak.kind();
        counters.increment("nak_" + code.name().toLowerCase(Locale.ROOT));
        LOG.info("reader {}: NAK {} (0x{}) to command 0x{}", readerId(), code, Integer.toHexString(nak.errorCode()),
                Integer.toHexString(lastCommandCode));
    }

    private void setupFailed(String step, OsdpFrame reply, Instant now) {
        counters.increment("unexpected_reply");
        LOG.debug("reader {}: unexpected reply 0x{} to {}", readerId(), Integer.toHexString(reply.code()), step);
        restartUnlessOverdue("BAD_REPLY", now);
    }

    /**
     * Asked for its own key, the reader answered with a well-formed osdp_CCRYPT made with SCBK-D. Used only in install
     * mode and only for a reader not known to be keyed; each use is reported ({@code INSTALL_KEY_USED}).
     */
    private void answeredWithInstallKey(Instant now) {
        if (!settings.installMode()) {
            counters.increment("scbk_d_refused");
            warn("reader {}: answers with SCBK-D and is not in install mode; SCBK-D refused", readerId());
            goOffline("SCBK_D_REFUSED", now);
        } else if (keyed.contains(readerId())) {
            counters.increment("scbk_d_refused");
            counters.increment("scbk_d_refused_keyed");
            warn("reader {}: answers with SCBK-D although it was keyed before (replaced, reset, or impersonated); SCBK-D "
                    + "refused even in install mode", readerId());
            goOffline("SCBK_D_REFUSED", now);
        } else {
            counters.increment("install_key_used");
            warn("reader {}: answers with SCBK-D; install mode: using it once to give the reader its own key", readerId());
            emit(() -> events.security(readerId(), "INSTALL_KEY_USED"));
            keyChoice = KeyChoice.DEFAULT;
            handshake = null;
            phase = Phase.SC_CHALLENGE;
        }
    }

    private void markKeyed() {
        if (keyed.add(readerId())) {
            LOG.info("reader {}: holds its own key; SCBK-D is refused for it from now on", readerId());
        }
    }

    /**
     * A session broke (MAC failure, plaintext inside it): reported {@code SECURE_CHANNEL_LOST} at most once a minute;
     * a new session is set up unless the reader has been without progress for the offline time.
     */
    private void sessionLost(Instant now) {
        counters.increment("secure_channel_lost");
        if (lastLostNotice == null || Duration.between(lastLostNotice, now).compareTo(LOST_NOTICE_INTERVAL) >= 0) {
            lastLostNotice = now;
            emit(() -> events.security(readerId(), "SECURE_CHANNEL_LOST"));
        }
        restartUnlessOverdue("SECURE_CHANNEL_FAILED", now);
    }

    private void restartUnlessOverdue(String reason, Instant now) {
        restart();
        if (overdue(now)) {
            goOffline(reason, now);
        }
    }

    /** No progress for {@code offlineAfter}. */
    private boolean overdue(Instant now) {
        return Duration.between(lastProgress, now).compareTo(timings.offlineAfter()) >= 0;
    }

    /** Online phase: the status queries first, then commands or POLL; online status waits for a valid reply. */
    private void enterOnlinePhase() {
        phase = Phase.ONLINE;
        statusQueries.clear();
        statusQueries.add(new OsdpCommand.LocalStatus());
        statusQueries.add(new OsdpCommand.InputStatus());
    }

    private void goOffline(String reason, Instant now) {
        restart();
        // a reader that answers but fails (no key, key refused, no Secure Channel) is probed less and less often
        // (each probe asks the controller for the key); a silent one or a dead line at the base interval
        boolean answers = !reason.equals("NO_REPLY") && !reason.equals("LINK_DOWN");
        failedProbes = status == Status.OFFLINE && answers ? Math.min(failedProbes + 1, MAX_PROBE_DOUBLINGS) : 0;
        nextProbe = now.plus(timings.offlineProbeInterval().multipliedBy(1L << failedProbes));
        int dropped = queue.size(); // releases stay: they go out when the reader is back
        queue.clear();
        if (dropped > 0) {
            counters.increment("command_dropped_offline");
        }
        if (status != Status.OFFLINE || !offlineReason.equals(reason)) {
            status = Status.OFFLINE;
            offlineReason = reason;
            warn("reader {} offline: {}", readerId(), reason);
            emit(() -> events.offline(readerId(), reason));
        }
    }

    /** Back to the start: sequence 0, ID, CAP, handshake; no session, nothing pending. */
    private void restart() {
        phase = Phase.START;
        keyChoice = KeyChoice.OWN;
        pending = null;
        releaseInFlight = null;
        unanswered = 0;
        prepared = null;
        handshake = null;
        session = null;
        statusQueries.clear();
        forgetKey();
    }

    private void forgetKey() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
            key = null;
        }
    }

    /** Calls the event port; an exception there is logged and counted, never allowed to stop the bus. */
    private void emit(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            counters.increment("event_failed");
            LOG.warn("reader {}: the event port failed: {}", readerId(), e.toString());
        }
    }

    /** WARN a message the first time in a row (probes of an offline reader repeat the same failure), then DEBUG. */
    private void warn(String format, Object... args) {
        String message = org.slf4j.helpers.MessageFormatter.arrayFormat(format, args).getMessage();
        if (message.equals(lastWarning)) {
            LOG.debug(message);
        } else {
            lastWarning = message;
            LOG.warn(message);
        }
    }

    private byte[] random8() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return b;
    }
}
