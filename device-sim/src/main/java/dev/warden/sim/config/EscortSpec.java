package dev.warden.sim.config;

import java.util.List;

/**
 * A visitor the walker brings in with their escort: at each of {@code readers} it presents the escort's card, then the
 * visitor's card. {@code escort} and {@code visitor} are card numbers of configured {@link CardSpec cards}.
 */
public record EscortSpec(long escort, long visitor, List<String> readers) {
    public EscortSpec {
        if (escort == visitor) {
            throw new IllegalArgumentException("an escort cannot escort their own card");
        }
        readers = List.copyOf(readers);
        if (readers.isEmpty()) {
            throw new IllegalArgumentException("an escort needs at least one reader");
        }
    }
}
