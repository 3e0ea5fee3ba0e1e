package dev.warden.agent.modbus;

import java.util.concurrent.atomic.LongAdder;

/** The bus's counters, incremented by its thread, read by anyone through {@link ModbusBus#counters()}. */
final class BusCounters {
    final LongAdder requests = new LongAdder();
    final LongAdder answers = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder badReplies = new LongAdder();
    final LongAdder exceptions = new LongAdder();
    final LongAdder linkDowns = new LongAdder();
    final LongAdder unknownRelays = new LongAdder();

    ModbusBus.Counters snapshot() {
        return new ModbusBus.Counters(requests.sum(), answers.sum(), timeouts.sum(), badReplies.sum(),
                exceptions.sum(), linkDowns.sum(), unknownRelays.sum());
    }
}
