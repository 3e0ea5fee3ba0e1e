package dev.warden.contract;

/**
 * Agent → controller, on {@link Topics#agentKeyRequest} with MQTT 5 response topic {@link Topics#agentKeyResponse}
 * and correlation data: "give me the OSDP Secure Channel base key (SCBK) of this reader". The controller answers
 * with a {@link ReaderKeyResponse}, and only for a reader of a door that the asking agent serves.
 */
public record ReaderKeyRequest(String requestId, String readerId) {
    public ReaderKeyRequest {
        Messages.requireRequestId(requestId);
        Messages.requireId("readerId", readerId);
    }
}
