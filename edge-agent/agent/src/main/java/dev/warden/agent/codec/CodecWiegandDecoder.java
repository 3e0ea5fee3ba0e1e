package dev.warden.agent.codec;

import dev.warden.agent.door.DecodeWiegand;
import dev.warden.agent.door.WiegandOutcome;
import dev.warden.codec.wiegand.WiegandDecoder;
import dev.warden.codec.wiegand.WiegandFormats;
import dev.warden.codec.wiegand.WiegandResult;
import dev.warden.contract.CardData;

/**
 * {@link DecodeWiegand} backed by the shared device codecs, knowing the standard formats (H10301, H10306, H10304,
 * CORP1000). Reasons use the controller's rejection codes: {@code WIEGAND_PARITY_ERROR}, {@code WIEGAND_UNKNOWN_LENGTH},
 * {@code WIEGAND_NOT_BINARY}, {@code WIEGAND_EMPTY}.
 */
public final class CodecWiegandDecoder implements DecodeWiegand {

    private final WiegandDecoder decoder;

    public CodecWiegandDecoder() {
        this(WiegandFormats.standard());
    }

    public CodecWiegandDecoder(WiegandFormats formats) {
        this.decoder = new WiegandDecoder(formats);
    }

    @Override
    public WiegandOutcome decode(String bits) {
        WiegandResult result = decoder.decode(bits);
        if (result instanceof WiegandResult.Decoded(String format, long facility, long number)) {
            return new WiegandOutcome.Card(new CardData(format, facility, number));
        }
        if (result instanceof WiegandResult.Invalid(var reason, String detail)) {
            return new WiegandOutcome.Unreadable("WIEGAND_" + reason.name(), detail);
        }
        return new WiegandOutcome.Unreadable("WIEGAND_UNDECODABLE", "the codec returned " + result.getClass().getSimpleName());
    }
}
