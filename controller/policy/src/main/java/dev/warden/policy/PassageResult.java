package dev.warden.policy;

import java.util.List;

/**
 * What {@link AccessEngine#applyPassage} answers for one passage through a gate.
 *
 * @param changes the presence changes (the oldest pending move of that gate), in order; empty when none was pending
 * @param signals what to raise alarms for (unescorted visitor, lone occupant, visit overstay), in order
 */
public record PassageResult(List<PresenceChange> changes, List<Signal> signals) {

    public PassageResult {
        changes = List.copyOf(Checks.nonNull(changes, "PassageResult.changes"));
        signals = List.copyOf(Checks.nonNull(signals, "PassageResult.signals"));
    }
}
