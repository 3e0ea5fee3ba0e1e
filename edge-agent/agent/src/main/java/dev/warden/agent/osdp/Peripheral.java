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
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control panel's state for one PD: what to send next (ID, CAP, the Secure Channel handshake, KEYSET, then queued
 * commands or POLL), how to take its replies, its sequence number, session and online/offline status. Driven by the
 * bus thread only, except {@link #enqueue}, which any thread may call. No I/O here.
 */
final class Peripheral {

    private static final Logger LOG = LoggerFactory.getLogger(OsdpBus.class);
    private static final int QUEUE_CAPACITY = 32;
    private static final int MAX_PROBE_DOUBLINGS = 5;

    private enum Phase { START, CAPABILITIES, SC_CHALLENGE, SC_CRYPTOGRAM, KEYSET, ONLINE }

    private enum KeyChoice { OWN, DEFAULT }

    private enum Status { UNKNOWN, ONLINE, OFFLINE }

    /** Bytes to send, their sequence number, and whether they are a resend of an unanswered frame. */
    record Outgoing(byte[] bytes, int sequence, boolean resend) {}

    private record Queued(OsdpCommand command, Instant enqueued) {}

    private final OsdpReaderSettings settings;
    private final boolean secureChannelRequired;
    private final DeviceEvents events;
    private final ReaderKeys keys;
    private final OsdpTimings timings;
    private final BusCounters counters;
    private final SecureRandom random;
    private final LinkedBlockingDeque<Queued> queue = new LinkedBlockingDeque<>(QUEUE_CAPACITY);

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
    private Boolean tamper;
    private final List<Boolean> inputs = new ArrayList<>();

    Peripheral(OsdpReaderSettings settings, boolean secureChannelRequired, DeviceEvents events, ReaderKeys keys,
            OsdpTimings timings, BusCounters counters, SecureRandom random, Instant now) {
        this.settings = settings;
        this.secureChannelRequired = secureChannelRequired;
        this.events = events;
        this.keys = keys;
        this.timings = timings;
        this.counters = counters;
        this.random = random;
        this.lastProgress = now;
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
     * What to send now; empty when nothing can be sent this turn (e.g. no key: reported offline). An unanswered frame
     * is sent again, byte for byte (same sequence number), so the PD answers it again rather than a new command.
     */
    Optional<Outgoing> next(Instant now) {
        if (pending != null) {
            return Optional.of(new Outgoing(pending.bytes(), pending.sequence(), true));
        }
        OsdpFrame frame;
        switch (phase) {
            case START -> {
                nextSequence = 0;
                frame = OsdpFrame.command(address(), 0, new OsdpCommand.Id(0));
            }
            case CAPABILITIES -> frame = OsdpFrame.command(address(), nextSequence, new OsdpCommand.Cap(0));
            case SC_CHALLENGE -> {
                Optional<OsdpFrame> challenge = challenge(now);
                if (challenge.isEmpty()) {
                    return Optional.empty();
                }
                frame = challenge.get();
            }
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

    private Optional<OsdpFrame> challenge(Instant now) {
        if (keyChoice == KeyChoice.OWN) {
            Optional<byte[]> own;
            try {
                own = keys.scbk(readerId());
            } catch (RuntimeException e) {
                warn("reader {}: asking for its Secure Channel key failed ({})", readerId(), e.getClass().getSimpleName());
                own = Optional.empty();
            }
            if (own.isEmpty()) {
                warn("reader {}: no Secure Channel key available", readerId());
                goOffline("NO_KEY", now);
                return Optional.empty();
            }
            if (own.get().length != OsdpSecureChannel.KEY_LENGTH || OsdpSecureChannel.isDefaultKey(own.get())) {
                warn("reader {}: its Secure Channel key is not a usable 16-byte SCBK (or is SCBK-D)", readerId());
                goOffline("BAD_KEY", now);
                return Optional.empty();
            }
            forgetKey();
            key = own.get().clone();
            handshake = new OsdpCpHandshake(key, false, random8());
        } else {
            handshake = new OsdpCpHandshake(OsdpSecureChannel.defaultKey(), true, random8());
        }
        return Optional.of(handshake.challenge(address(), nextSequence));
    }

    private OsdpFrame onlineFrame(Instant now) {
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
        if (Duration.between(lastProgress, now).compareTo(timings.offlineAfter()) >= 0) {
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
            progress(now);
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
        progress(now);
        if (secureChannelRequired) {
            keyChoice = KeyChoice.OWN;
            phase = Phase.SC_CHALLENGE;
        } else {
            goOnline(now);
        }
    }

    private void onClientCryptogram(OsdpFrame reply, Instant now) {
        if (reply.code() == OsdpReply.NAK && reply.securityBlock().isEmpty()) {
            OsdpNakCode code = reply.dataLength() > 0 ? OsdpNakCode.of(reply.data()[0] & 0xFF) : OsdpNakCode.NONE;
            if (code == OsdpNakCode.SECURITY_BLOCK_UNSUPPORTED || code == OsdpNakCode.UNKNOWN_COMMAND) {
                warn("reader {}: does not support Secure Channel (NAK {})", readerId(), code);
                goOffline("SECURE_CHANNEL_UNSUPPORTED", now);
            } else {
                warn("reader {}: refused the Secure Channel challenge (NAK {})", readerId(), code);
                keyRejected(now);
            }
            return;
        }
        switch (handshake.onClientCryptogram(reply, nextSequence)) {
            case OsdpHandshakeStep.Proceed<OsdpFrame>(OsdpFrame scrypt) -> {
                progress(now);
                prepared = scrypt;
                phase = Phase.SC_CRYPTOGRAM;
            }
            case OsdpHandshakeStep.Refused<OsdpFrame>(OsdpHandshakeStep.Failure failure, String detail) -> {
                if (failure == OsdpHandshakeStep.Failure.CRYPTOGRAM_MISMATCH) {
                    warn("reader {}: holds another key than {}", readerId(),
                            keyChoice == KeyChoice.OWN ? "its SCBK" : "SCBK-D");
                    keyRejected(now);
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
                progress(now);
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
                    goOnline(now);
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
            progress(now);
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
                restart();
                return;
            }
            switch (session.open(reply)) {
                case OsdpOpenResult.Opened(OsdpFrame opened) -> plain = opened;
                case OsdpOpenResult.Refused(OsdpOpenResult.Reason reason) -> {
                    counters.increment("secure_channel_" + reason.name().toLowerCase(java.util.Locale.ROOT));
                    warn("reader {}: {} in Secure Channel; dropping the session and starting a new one", readerId(), reason);
                    restart();
                    return;
                }
            }
        } else {
            if (reply.securityBlock().isPresent()) {
                counters.increment("unexpected_secure_reply");
                warn("reader {}: secured reply on a plaintext bus; restarting", readerId());
                restart();
                return;
            }
            plain = reply;
        }
        progress(now);
        switch (OsdpMessageDecoder.reply(plain)) {
            case OsdpDecoded.Ok<OsdpReply>(OsdpReply message) -> onMessage(message, now);
            case OsdpDecoded.Invalid<OsdpReply>(OsdpDecoded.Reason reason, String detail) -> {
                counters.increment("bad_reply");
                warn("reader {}: reply 0x{} rejected: {} ({})", readerId(), Integer.toHexString(plain.code()), reason, detail);
            }
        }
    }

    private void onMessage(OsdpReply message, Instant now) {
        switch (message) {
            case OsdpReply.Ack ack -> { }
            case OsdpReply.RawCard card -> {
                counters.increment("card");
                emit(() -> events.cardRead(readerId(), card.bits()));
            }
            case OsdpReply.Keypad keypad -> {
                String keysPressed = keypad.keys().replaceAll("[^0-9*#]", "");
                if (!keysPressed.isEmpty()) {
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
            case OsdpReply.Nak nak -> onNak(nak, now);
            case OsdpReply.Busy busy -> counters.increment("busy");
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

    private void onNak(OsdpReply.Nak nak, Instant now) {
        OsdpNakCode code = nak.kind();
        counters.increment("nak_" + code.name().toLowerCase(java.util.Locale.ROOT));
        switch (code) {
            case SEQUENCE -> {
                LOG.info("reader {}: sequence NAK; restarting the link", readerId());
                restart();
            }
            case SECURE_CHANNEL_REQUIRED, SECURITY_BLOCK_UNSUPPORTED -> {
                if (secureChannelRequired) {
                    LOG.info("reader {}: Secure Channel NAK ({}); restarting it", readerId(), code);
                    restart();
                } else {
                    warn("reader {}: requires Secure Channel, which this bus does not run", readerId());
                    goOffline("SECURE_CHANNEL_REQUIRED", now);
                }
            }
            default -> LOG.info("reader {}: NAK {} (0x{}) to command 0x{}", readerId(), code,
                    Integer.toHexString(nak.errorCode()), Integer.toHexString(lastCommandCode));
        }
    }

    private void setupFailed(String step, OsdpFrame reply, Instant now) {
        counters.increment("unexpected_reply");
        LOG.debug("reader {}: unexpected reply 0x{} to {}", readerId(), Integer.toHexString(reply.code()), step);
        restart();
        if (Duration.between(lastProgress, now).compareTo(timings.offlineAfter()) >= 0) {
            goOffline("BAD_REPLY", now);
        }
    }

    private void keyRejected(Instant now) {
        if (keyChoice == KeyChoice.OWN && settings.installMode()) {
            warn("reader {}: its SCBK was not accepted; install mode, trying SCBK-D", readerId());
            keyChoice = KeyChoice.DEFAULT;
            handshake = null;
            phase = Phase.SC_CHALLENGE;
        } else if (keyChoice == KeyChoice.OWN) {
            counters.increment("scbk_d_refused");
            warn("reader {}: does not accept its SCBK and is not in install mode; SCBK-D refused", readerId());
            goOffline("SCBK_D_REFUSED", now);
        } else {
            goOffline("SECURE_CHANNEL_FAILED", now);
        }
    }

    private void progress(Instant now) {
        lastProgress = now;
    }

    private void goOnline(Instant now) {
        phase = Phase.ONLINE;
        progress(now);
        statusQueries.clear();
        statusQueries.add(new OsdpCommand.LocalStatus());
        statusQueries.add(new OsdpCommand.InputStatus());
        failedProbes = 0;
        lastWarning = "";
        if (status != Status.ONLINE) {
            status = Status.ONLINE;
            offlineReason = "";
            LOG.info("reader {} online{}", readerId(), session != null ? " (Secure Channel)" : "");
            emit(() -> events.online(readerId()));
        }
    }

    private void goOffline(String reason, Instant now) {
        restart();
        // a reader that answers but fails (no key, key refused, no Secure Channel) is probed less and less often
        // (each probe asks the controller for the key); a silent one or a dead line at the base interval
        boolean answers = !reason.equals("NO_REPLY") && !reason.equals("LINK_DOWN");
        failedProbes = status == Status.OFFLINE && answers ? Math.min(failedProbes + 1, MAX_PROBE_DOUBLINGS) : 0;
        nextProbe = now.plus(timings.offlineProbeInterval().multipliedBy(1L << failedProbes));
        int dropped = queue.size();
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
