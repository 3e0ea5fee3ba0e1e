package dev.warden.agent.modbus;

import dev.warden.agent.device.DeviceEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every device event as a line such as {@code input gate-1 contact true} or {@code reading env-1 temperature 23.5 C}. */
final class RecordingDeviceEvents implements DeviceEvents {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void cardRead(String readerId, String bits) {
        lines.add("card " + readerId + " " + bits);
    }

    @Override
    public void keypad(String readerId, String keys) {
        lines.add("keypad " + readerId + " " + keys);
    }

    @Override
    public void input(String deviceId, String input, boolean active) {
        lines.add("input " + deviceId + " " + input + " " + active);
    }

    @Override
    public void reading(String deviceId, String quantity, double value, String unit) {
        lines.add("reading " + deviceId + " " + quantity + " " + value + " " + unit);
    }

    @Override
    public void online(String deviceId) {
        lines.add("online " + deviceId);
    }

    @Override
    public void security(String deviceId, String code) {
        lines.add("security " + deviceId + " " + code);
    }

    @Override
    public void offline(String deviceId, String reason) {
        lines.add("offline " + deviceId + " " + reason);
    }

    long count(String line) {
        return lines.stream().filter(line::equals).count();
    }

    /** The lines of one device, in order. */
    List<String> of(String deviceId) {
        return lines.stream().filter(l -> l.split(" ")[1].equals(deviceId)).toList();
    }
}
