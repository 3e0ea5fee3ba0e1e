package dev.warden.agent.osdp;

import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.codec.osdp.OsdpDecoded;
import dev.warden.codec.osdp.OsdpFrame;
import dev.warden.codec.osdp.OsdpFrameEncoder;
import dev.warden.codec.osdp.OsdpHandshakeStep;
import dev.warden.codec.osdp.OsdpMessageDecoder;
import dev.warden.codec.osdp.OsdpNakCode;
import dev.warden.codec.osdp.OsdpOpenResult;
import dev.warden.codec.osdp.OsdpPdHandshake;
import dev.warden.codec.osdp.OsdpReply;
import dev.warden.codec.osdp.OsdpSecureChannel;
import dev.warden.codec.osdp.OsdpSecureSession;
import dev.warden.codec.osdp.SecurityBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test double of one OSDP reader (peripheral device), built on the codec: answers ID, CAP, LSTAT, ISTAT, OSTAT,
 * POLL (queued cards and keys first, then tamper/input changes), records LED/BUZ/OUT, runs the PD side of Secure
 * Channel (SCBK-D only in install mode, KEYSET stores a new key), and resends its last reply when a command is
 * repeated with the same sequence number. Fault switches: silence, dropped replies, a corrupted MAC (once or always),
 * BUSY to everything, answering only ID and CAP, a plaintext NAK to every challenge.
 */
final class FakeReader {

    static final byte[] CLIENT_UID = {(byte) 0xB2, (byte) 0xA1, 2, 1, 0x78, 0x56, 0x34, 0x12};

    final int address;
    final AtomicReference<byte[]> scbk;
    volatile boolean installMode;
    volatile boolean silent;
    /** NAK plaintext commands other than ID and CAP, like a reader configured for Secure Channel only. */
    volatile boolean requireSecure;
    final AtomicInteger dropReplies = new AtomicInteger();
    final AtomicBoolean corruptNextMac = new AtomicBoolean();
    /** Corrupt the MAC of the next reply that carries a card. */
    final AtomicBoolean corruptNextCard = new AtomicBoolean();
    /** Answer POLL with queued cards in plaintext even inside a session (a rogue or broken device). */
    volatile boolean plaintextCards;
    /** NAK every security block (a reader without Secure Channel). */
    volatile boolean noSecureChannel;
    /** Corrupt the MAC of every reply inside a session (sessions keep breaking: an injector, or a broken line). */
    volatile boolean corruptEveryMac;
    /** Answer every command with osdp_BUSY (sequence 0), like a device that never gets ready. */
    volatile boolean alwaysBusy;
    /** Answer osdp_ID and osdp_CAP, stay silent to everything else (a swapped device without Secure Channel). */
    volatile boolean onlyIdAndCap;
    /** When ≥ 0: answer every osdp_CHLNG with a plaintext NAK of this code (a rogue device). */
    volatile int nakChallenges = -1;
    /** Bytes sent in front of every reply (line noise, the start of a frame cut short). */
    volatile byte[] noiseBeforeReply = new byte[0];
    final ConcurrentLinkedQueue<String> cards = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> keys = new ConcurrentLinkedQueue<>();
    volatile boolean tamper;
    final boolean[] inputs = new boolean[4];

    /** Every command received (after Secure Channel opening), typed. */
    final List<OsdpCommand> commands = new CopyOnWriteArrayList<>();
    /** Every command frame as it came off the wire (before opening). */
    final List<OsdpFrame> wireFrames = new CopyOnWriteArrayList<>();
    final AtomicInteger sessions = new AtomicInteger();
    /** Sessions established with SCBK-D. */
    final AtomicInteger defaultKeySessions = new AtomicInteger();
    final AtomicInteger keySets = new AtomicInteger();
    final AtomicInteger repeats = new AtomicInteger();
    /** Optional log shared by the readers of one line: the address of every command frame, in line order. */
    volatile List<Integer> lineOrder;

    private final Random random = new Random(42);
    private OsdpPdHandshake handshake;
    private boolean handshakeWithDefaultKey;
    private OsdpSecureSession session;
    private OsdpFrame lastCommand;
    private byte[] lastReply;
    private boolean reportedTamper;
    private final boolean[] reportedInputs = new boolean[4];

    FakeReader(int address, byte[] scbk, boolean installMode) {
        this.address = address;
        this.scbk = new AtomicReference<>(scbk == null ? null : scbk.clone());
        this.installMode = installMode;
    }

    /** The bytes to send back for a command frame addressed to this reader, if any. */
    synchronized Optional<byte[]> handle(OsdpFrame command) {
        wireFrames.add(command);
        List<Integer> order = lineOrder;
        if (order != null) {
            order.add(address);
        }
        if (silent || onlyIdAndCap && command.code() != OsdpCommand.ID && command.code() != OsdpCommand.CAP) {
            return Optional.empty();
        }
        if (alwaysBusy) {
            return reply(OsdpFrameEncoder.encode(OsdpFrame.reply(address, 0, new OsdpReply.Busy())));
        }
        if (nakChallenges >= 0 && command.code() == OsdpCommand.CHLNG) {
            return reply(OsdpFrameEncoder.encode(OsdpFrame.reply(address, command.sequence(),
                    new OsdpReply.Nak(nakChallenges, new byte[0]))));
        }
        if (command.sequence() != 0 && command.equals(lastCommand) && lastReply != null) {
            repeats.incrementAndGet();
            return reply(lastReply);
        }
        if (command.sequence() == 0) {
            session = null;
        }
        OsdpFrame answer = respond(command);
        lastCommand = command;
        lastReply = OsdpFrameEncoder.encode(answer);
        return reply(lastReply);
    }

    private Optional<byte[]> reply(byte[] bytes) {
        if (dropReplies.get() > 0) {
            dropReplies.decrementAndGet();
            return Optional.empty();
        }
        byte[] noise = noiseBeforeReply;
        byte[] out = java.util.Arrays.copyOf(noise, noise.length + bytes.length);
        System.arraycopy(bytes, 0, out, noise.length, bytes.length);
        return Optional.of(out);
    }

    private OsdpFrame respond(OsdpFrame command) {
        Optional<SecurityBlock> block = command.securityBlock();
        if (block.isPresent() && noSecureChannel) {
            return nak(command, OsdpNakCode.SECURITY_BLOCK_UNSUPPORTED);
        }
        if (block.isEmpty()) {
            if (session != null) {
                session = null;
                return nak(command, OsdpNakCode.SECURE_CHANNEL_REQUIRED);
            }
            if (requireSecure && command.code() != OsdpCommand.ID && command.code() != OsdpCommand.CAP) {
                return nak(command, OsdpNakCode.SECURE_CHANNEL_REQUIRED);
            }
            return OsdpFrame.reply(address, command.sequence(), process(command, false));
        }
        switch (block.get().type()) {
            case SecurityBlock.SCS_11 -> {
                // like real PDs (and the simulator): without a key of its own, a reader in install mode answers any
                // challenge with SCBK-D and says so (security block data 0)
                boolean useDefault = installMode && (block.get().firstDataByte() == 0 || scbk.get() == null);
                byte[] key = useDefault ? OsdpSecureChannel.defaultKey() : scbk.get();
                if (key == null) {
                    return nak(command, OsdpNakCode.SECURE_CHANNEL_REQUIRED);
                }
                session = null;
                byte[] rndB = new byte[8];
                random.nextBytes(rndB);
                handshake = new OsdpPdHandshake(key, useDefault, CLIENT_UID, rndB);
                handshakeWithDefaultKey = useDefault;
                if (handshake.onChallenge(command) instanceof OsdpHandshakeStep.Proceed<OsdpFrame>(OsdpFrame ccrypt)) {
                    return ccrypt;
                }
                return nak(command, OsdpNakCode.SECURE_CHANNEL_REQUIRED);
            }
            case SecurityBlock.SCS_13 -> {
                if (handshake != null && handshake.onServerCryptogram(command)
                        instanceof OsdpHandshakeStep.Proceed<OsdpPdHandshake.Established>(var established)) {
                    session = established.session();
                    handshake = null;
                    sessions.incrementAndGet();
                    if (handshakeWithDefaultKey) {
                        defaultKeySessions.incrementAndGet();
                    }
                    return established.reply();
                }
                return nak(command, OsdpNakCode.SECURE_CHANNEL_REQUIRED);
            }
            case SecurityBlock.SCS_15, SecurityBlock.SCS_17 -> {
                if (session == null) {
                    return nak(command, OsdpNakCode.SECURE_CHANNEL_REQUIRED);
                }
                if (!(session.open(command) instanceof OsdpOpenResult.Opened(OsdpFrame plain))) {
                    session = null;
                    return nak(command, OsdpNakCode.SECURE_CHANNEL_REQUIRED);
                }
                if (plaintextCards && plain.code() == OsdpCommand.POLL && !cards.isEmpty()) {
                    return OsdpFrame.reply(address, command.sequence(), OsdpReply.RawCard.wiegand(0, cards.poll()));
                }
                OsdpReply reply = process(plain, true);
                OsdpFrame sealed = session.seal(OsdpFrame.reply(address, command.sequence(), reply));
                boolean corruptCard = reply instanceof OsdpReply.RawCard && corruptNextCard.getAndSet(false);
                if (corruptNextMac.getAndSet(false) || corruptCard || corruptEveryMac) {
                    byte[] mac = sealed.mac();
                    mac[0] ^= 0x5A;
                    sealed = sealed.withMac(mac);
                }
                return sealed;
            }
            default -> {
                return nak(command, OsdpNakCode.SECURITY_BLOCK_UNSUPPORTED);
            }
        }
    }

    private OsdpFrame nak(OsdpFrame command, OsdpNakCode code) {
        return OsdpFrame.reply(address, command.sequence(), new OsdpReply.Nak(code));
    }

    private OsdpReply process(OsdpFrame plain, boolean secure) {
        OsdpDecoded<OsdpCommand> decoded = OsdpMessageDecoder.command(plain);
        if (decoded instanceof OsdpDecoded.Invalid<OsdpCommand>(OsdpDecoded.Reason reason, String detail)) {
            return new OsdpReply.Nak(reason == OsdpDecoded.Reason.UNKNOWN_CODE ? OsdpNakCode.UNKNOWN_COMMAND : OsdpNakCode.COMMAND_LENGTH);
        }
        OsdpCommand command = ((OsdpDecoded.Ok<OsdpCommand>) decoded).message();
        commands.add(command);
        return switch (command) {
            case OsdpCommand.Poll poll -> poll();
            case OsdpCommand.Id id -> new OsdpReply.PdId(0x00A1B2, 2, 1, 0x12345678L, 1, 2, 3);
            case OsdpCommand.Cap cap -> new OsdpReply.PdCap(List.of(
                    new OsdpReply.Capability(OsdpReply.Capability.COMMUNICATION_SECURITY, 1, 1),
                    new OsdpReply.Capability(OsdpReply.Capability.READER_LED_CONTROL, 1, 1),
                    new OsdpReply.Capability(OsdpReply.Capability.OUTPUT_CONTROL, 1, 2)));
            case OsdpCommand.LocalStatus l -> localStatus();
            case OsdpCommand.InputStatus i -> inputStatus();
            case OsdpCommand.OutputStatus o -> new OsdpReply.OutputStatus(List.of(false, false));
            case OsdpCommand.KeySet keySet -> {
                if (!secure) {
                    yield new OsdpReply.Nak(OsdpNakCode.SECURE_CHANNEL_REQUIRED);
                }
                scbk.set(keySet.key());
                keySets.incrementAndGet();
                yield new OsdpReply.Ack();
            }
            case OsdpCommand.ComSet comSet -> new OsdpReply.Com(comSet.address(), comSet.baudRate());
            case OsdpCommand.Challenge c -> new OsdpReply.Nak(OsdpNakCode.SECURITY_BLOCK_UNSUPPORTED);
            case OsdpCommand.ServerCryptogram s -> new OsdpReply.Nak(OsdpNakCode.SECURITY_BLOCK_UNSUPPORTED);
            case OsdpCommand.Led led -> new OsdpReply.Ack();
            case OsdpCommand.Buzzer buz -> new OsdpReply.Ack();
            case OsdpCommand.Output out -> new OsdpReply.Ack();
        };
    }

    private OsdpReply poll() {
        String card = cards.poll();
        if (card != null) {
            return OsdpReply.RawCard.wiegand(0, card);
        }
        String pressed = keys.poll();
        if (pressed != null) {
            return new OsdpReply.Keypad(0, pressed);
        }
        if (tamper != reportedTamper) {
            return localStatus();
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != reportedInputs[i]) {
                return inputStatus();
            }
        }
        return new OsdpReply.Ack();
    }

    private OsdpReply localStatus() {
        reportedTamper = tamper;
        return new OsdpReply.LocalStatus(reportedTamper, false);
    }

    private OsdpReply inputStatus() {
        List<Boolean> now = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            reportedInputs[i] = inputs[i];
            now.add(inputs[i]);
        }
        return new OsdpReply.InputStatus(now);
    }

    /** Typed commands of one kind received so far. */
    <T extends OsdpCommand> List<T> received(Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
