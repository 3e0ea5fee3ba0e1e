/**
 * The edge/device ↔ controller contract: MQTT topic names and JSON payloads, one record per message,
 * and {@link dev.warden.contract.ContractJson}, the one parser every side uses. Specified for
 * integrators in {@code docs/mqtt-contract.md} and {@code docs/asyncapi.yaml}.
 *
 * <p>Records validate their own invariants in compact constructors; the parser turns any violation into a
 * {@link dev.warden.contract.Parsed.Rejected} with a reason code, so no side ever sees a half-valid message.
 */
package dev.warden.contract;
