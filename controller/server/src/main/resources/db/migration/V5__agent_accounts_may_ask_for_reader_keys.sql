-- Agent MQTT accounts stored before reader keys existed (V4) may now also publish key requests and receive key
-- responses on their own topics (see DeviceAcls.agent). An agent account is recognised by its own access-request
-- topic among its publish filters; accounts that already have the key topics are left alone.
-- Portable between H2 and PostgreSQL: || and CHR(10) (the filters are newline-separated).
UPDATE mqtt_account
   SET publish_filters   = publish_filters || CHR(10) || 'warden/v1/agents/' || username || '/keys/request',
       subscribe_filters = subscribe_filters || CHR(10) || 'warden/v1/agents/' || username || '/keys/response'
 WHERE publish_filters LIKE '%warden/v1/agents/' || username || '/access/request%'
   AND publish_filters NOT LIKE '%warden/v1/agents/' || username || '/keys/request%';
