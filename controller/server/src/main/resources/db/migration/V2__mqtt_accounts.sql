-- MQTT device accounts checked by the embedded broker (owned by dev.warden.controller.mqtt.MqttAccounts).
-- Portable between H2 and PostgreSQL. Secrets are stored only as PBKDF2WithHmacSHA256 hashes (Base64).
-- Topic filters are newline-separated lists of MQTT topic filters.
CREATE TABLE mqtt_account (
    username          VARCHAR(64)   NOT NULL,
    secret_hash       VARCHAR(64)   NOT NULL,
    secret_salt       VARCHAR(32)   NOT NULL,
    secret_iterations INTEGER       NOT NULL,
    publish_filters   VARCHAR(8000) NOT NULL,
    subscribe_filters VARCHAR(8000) NOT NULL,
    enabled           BOOLEAN       NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_mqtt_account PRIMARY KEY (username)
);
