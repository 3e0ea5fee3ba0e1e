package dev.warden.policy.alarm;

import java.util.Objects;

/**
 * Where an alarm belongs. {@code key} identifies the place for de-duplication: at most one open alarm exists per
 * type and key. The other fields link the alarm to what it concerns; each may be null.
 *
 * @param key          e.g. {@code door:d-1}, {@code credential:c-7}, {@code device:a-1/rdr-1},
 *                     {@code sensor:a-1/env-1/temperature}, {@code agent:a-1}; a device's key names its agent, so
 *                     one agent's reports can never raise or clear an alarm of another agent's device
 * @param doorId       the door, if any
 * @param areaId       the area, if known
 * @param deviceId     the device, if any
 * @param agentId      the edge agent, if any
 * @param personId     the person, if any
 * @param credentialId the credential, if any
 */
public record AlarmPlace(String key, String doorId, String areaId, String deviceId, String agentId, String personId,
                         String credentialId) {
    /** Longest key stored. */
    public static final int MAX_KEY = 200;

    public AlarmPlace {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("key must be 1.." + MAX_KEY + " characters");
        }
    }

    public static AlarmPlace door(String doorId) {
        return new AlarmPlace("door:" + required(doorId, "doorId"), doorId, null, null, null, null, null);
    }

    /**
     * A device (reader, contact, sensor, gate) of an agent, optionally at a door. The key names the agent that
     * reported it: two agents with a device of the same name have two places.
     */
    public static AlarmPlace device(String agentId, String deviceId, String doorId) {
        return new AlarmPlace("device:" + required(agentId, "agentId") + "/" + required(deviceId, "deviceId"), doorId,
                null, deviceId, agentId, null, null);
    }

    /** One measured quantity of an agent's sensor: its temperature and its humidity are separate places. */
    public static AlarmPlace sensor(String agentId, String deviceId, String quantity, String doorId) {
        return new AlarmPlace("sensor:" + required(agentId, "agentId") + "/" + required(deviceId, "deviceId") + "/"
                + required(quantity, "quantity"), doorId, null, deviceId, agentId, null, null);
    }

    /** True for the places of an agent's devices and sensors (the ones an agent can open by its reports). */
    public boolean isAgentDevice() {
        return agentId != null && deviceId != null;
    }

    public static AlarmPlace agent(String agentId) {
        return new AlarmPlace("agent:" + required(agentId, "agentId"), null, null, null, agentId, null, null);
    }

    public static AlarmPlace credential(String credentialId, String personId, String doorId) {
        return new AlarmPlace("credential:" + required(credentialId, "credentialId"), doorId, null, null, null,
                personId, credentialId);
    }

    public static AlarmPlace person(String personId, String doorId, String areaId) {
        return new AlarmPlace("person:" + required(personId, "personId"), doorId, areaId, null, null, personId, null);
    }

    public static AlarmPlace area(String areaId, String doorId) {
        return new AlarmPlace("area:" + required(areaId, "areaId"), doorId, areaId, null, null, null, null);
    }

    /** The same place with its area filled in (e.g. the area of its door); the key is unchanged. */
    public AlarmPlace withArea(String area) {
        return new AlarmPlace(key, doorId, area, deviceId, agentId, personId, credentialId);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
