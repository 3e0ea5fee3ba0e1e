package dev.warden.sim.fingerprint;

import dev.warden.agent.device.DeviceEvents;
import java.util.ArrayList;
import java.util.List;

/** Records online/offline calls as {@code "online id"} / {@code "offline id REASON"}, in order. */
final class RecordingDeviceEvents implements DeviceEvents {

    private final List<String> calls = new ArrayList<>();

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized String last(String deviceId) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).split(" ")[1].equals(deviceId)) {
                return calls.get(i);
            }
        }
        return "";
    }

    @Override
    public void cardRead(String readerId, String bits) {
        throw new AssertionError("a fingerprint bus reads no cards");
    }

    @Override
    public void keypad(String readerId, String keys) {
        throw new AssertionError("a fingerprint bus has no keypad");
    }

    @Override
    public void input(String deviceId, String input, boolean active) {
        throw new AssertionError("a fingerprint bus has no inputs");
    }

    @Override
    public void reading(String deviceId, String quantity, double value, String unit) {
        throw new AssertionError("a fingerprint bus has no readings");
    }

    @Override
    public synchronized void online(String deviceId) {
        calls.add("online " + deviceId);
    }

    @Override
    public synchronized void security(String deviceId, String code) {
        calls.add("security " + deviceId + " " + code);
    }

    @Override
    public synchronized void offline(String deviceId, String reason) {
        calls.add("offline " + deviceId + " " + reason);
    }
}
