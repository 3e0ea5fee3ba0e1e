package dev.warden.controller.alarm;

import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.policy.alarm.AlarmType;
import dev.warden.policy.alarm.Thresholds;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The band each sensor quantity must stay in: a sensor's own row in {@code sensor_threshold}, else the configured
 * default of its quantity ({@code warden.alarms.temperature-*}, {@code humidity-*}, {@code hysteresis}). Only the
 * quantities {@code temperature} (°C) and {@code humidity} (%RH) are watched. The rows are cached and reloaded on
 * every change made through {@link #put} / {@link #delete}.
 */
@Singleton
public class SensorThresholds {
    private static final Logger LOG = LoggerFactory.getLogger(SensorThresholds.class);
    static final Map<String, AlarmType> QUANTITIES = Map.of("temperature", AlarmType.TEMPERATURE,
            "humidity", AlarmType.HUMIDITY);

    private final SensorThresholdRepository rows;
    private final Thresholds temperature;
    private final Thresholds humidity;
    private volatile Map<String, Thresholds> own;

    SensorThresholds(SensorThresholdRepository rows, AlarmSettings settings) {
        this.rows = rows;
        try {
            this.temperature = new Thresholds(settings.getTemperatureLow(), settings.getTemperatureHigh(),
                    settings.getHysteresis());
            this.humidity = new Thresholds(settings.getHumidityLow(), settings.getHumidityHigh(),
                    settings.getHysteresis());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("warden.alarms thresholds are invalid: " + e.getMessage(), e);
        }
    }

    /** The alarm type a quantity is watched by, if it is watched. */
    public static Optional<AlarmType> typeOf(String quantity) {
        return quantity == null ? Optional.empty()
                : Optional.ofNullable(QUANTITIES.get(quantity.strip().toLowerCase(Locale.ROOT)));
    }

    /** The band of a sensor's quantity (its own, or the default); empty for a quantity that is not watched. */
    public Optional<Thresholds> of(String deviceId, String quantity) {
        Optional<AlarmType> type = typeOf(quantity);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Thresholds specific = rows().get(key(deviceId, quantity.strip().toLowerCase(Locale.ROOT)));
        if (specific != null) {
            return Optional.of(specific);
        }
        return Optional.of(type.get() == AlarmType.TEMPERATURE ? temperature : humidity);
    }

    public List<SensorThresholdDto> list() {
        return rows.findAllOrderByDeviceIdAndQuantity().stream().map(SensorThresholdDto::of).toList();
    }

    /** Sets a sensor's own band (creates or replaces it). */
    public SensorThresholdDto put(String deviceId, String quantity, SensorThresholdDto body) {
        Input.id("deviceId", deviceId);
        String q = watched(quantity);
        Input.bodyPresent(body);
        Input.require(body.low() != null && body.high() != null && body.hysteresis() != null,
                "low, high and hysteresis are required");
        Thresholds t;
        try {
            t = new Thresholds(body.low(), body.high(), body.hysteresis());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        Optional<SensorThresholdRow> existing = rows.findByDeviceIdAndQuantity(deviceId, q);
        SensorThresholdRow row = new SensorThresholdRow(existing.map(SensorThresholdRow::id).orElse(null), deviceId, q,
                t.low(), t.high(), t.hysteresis());
        SensorThresholdRow saved = existing.isPresent() ? rows.update(row) : rows.save(row);
        reload();
        LOG.info("Thresholds of {} {} set to low {} high {} hysteresis {}", deviceId, q, t.low(), t.high(),
                t.hysteresis());
        return SensorThresholdDto.of(saved);
    }

    /** Removes a sensor's own band: the default applies again. */
    public void delete(String deviceId, String quantity) {
        String q = watched(quantity);
        SensorThresholdRow row = rows.findByDeviceIdAndQuantity(deviceId, q)
                .orElseThrow(() -> new NotFoundException("sensor threshold", deviceId + "/" + q));
        rows.delete(row);
        reload();
    }

    private static String watched(String quantity) {
        return typeOf(quantity).map(t -> quantity.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidInputException("quantity must be one of temperature, humidity"));
    }

    private Map<String, Thresholds> rows() {
        Map<String, Thresholds> current = own;
        if (current == null) {
            current = reload();
        }
        return current;
    }

    private synchronized Map<String, Thresholds> reload() {
        Map<String, Thresholds> next = new HashMap<>();
        for (SensorThresholdRow r : rows.findAll()) {
            try {
                next.put(key(r.deviceId(), r.quantity()), new Thresholds(r.low(), r.high(), r.hysteresis()));
            } catch (IllegalArgumentException e) {
                // a row stored before the hysteresis had to be less than half the band: the default applies
                LOG.error("Thresholds of {} {} are invalid ({}): the default band applies until they are replaced",
                        r.deviceId(), r.quantity(), e.getMessage());
            }
        }
        own = Map.copyOf(next);
        return own;
    }

    private static String key(String deviceId, String quantity) {
        return deviceId + "/" + quantity;
    }
}
