package dev.warden.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies the per-account ACL decisions the broker applies to every publish and subscribe. */
class MqttAccountTest {

    private final DeviceAcls.Acl readerAcl = DeviceAcls.reader("R1");
    private final MqttAccount reader = new MqttAccount("reader-R1", readerAcl.publish(), readerAcl.subscribe(), true);

    @Test
    void aReaderPublishesOnlyItsReads() {
        assertThat(reader.mayPublish(Topics.readerRead("R1"))).isTrue();
        assertThat(reader.mayPublish(Topics.readerRead("R2"))).isFalse();
        assertThat(reader.mayPublish(Topics.readerDecision("R1"))).isFalse();
        assertThat(reader.mayPublish("warden/v1/readers/+/read")).isFalse();
    }

    @Test
    void aReaderSubscribesOnlyInsideItsSubtree() {
        assertThat(reader.maySubscribe(Topics.readerDecision("R1"))).isTrue();
        assertThat(reader.maySubscribe("warden/v1/readers/R1/replies/x")).isTrue();
        assertThat(reader.maySubscribe("$share/mine/" + Topics.readerDecision("R1"))).isTrue();
        assertThat(reader.maySubscribe("$share/mine/" + Topics.readerDecision("R2"))).isFalse();
        assertThat(reader.maySubscribe("#")).isFalse();
        assertThat(reader.maySubscribe("warden/v1/readers/+/decision")).isFalse();
        assertThat(reader.maySubscribe("$share/a/$share/b/x")).isFalse();
        assertThat(reader.maySubscribe("warden/v1/readers/R1/#/x")).isFalse();
    }

    @Test
    void aDisabledAccountMayDoNothing() {
        MqttAccount disabled = new MqttAccount("reader-R1", readerAcl.publish(), readerAcl.subscribe(), false);
        assertThat(disabled.mayPublish(Topics.readerRead("R1"))).isFalse();
        assertThat(disabled.maySubscribe(Topics.readerDecision("R1"))).isFalse();
    }

    @Test
    void agentAndDeviceAclsFollowTheContract() {
        DeviceAcls.Acl agent = DeviceAcls.agent("A1", List.of("D1"));
        MqttAccount a = new MqttAccount("agent-A1", agent.publish(), agent.subscribe(), true);
        assertThat(a.mayPublish(Topics.agentEvents("A1"))).isTrue();
        assertThat(a.mayPublish(Topics.agentAccessRequest("A1"))).isTrue();
        assertThat(a.mayPublish(Topics.agentStatus("A1"))).isTrue();
        assertThat(a.mayPublish(Topics.agentEvents("A2"))).isFalse();
        assertThat(a.mayPublish(Topics.agentCommands("A1"))).as("only the controller sends commands").isFalse();
        assertThat(a.mayPublish(Topics.deviceCommand("D1"))).isTrue();
        assertThat(a.maySubscribe(Topics.agentAccessResponse("A1"))).isTrue();
        assertThat(a.maySubscribe(Topics.agentCommands("A1"))).isTrue();
        assertThat(a.maySubscribe(Topics.deviceRead("D1"))).isTrue();
        assertThat(a.maySubscribe(Topics.deviceRead("D2"))).isFalse();

        DeviceAcls.Acl device = DeviceAcls.device("D1");
        MqttAccount d = new MqttAccount("device-D1", device.publish(), device.subscribe(), true);
        assertThat(d.mayPublish(Topics.deviceState("D1"))).isTrue();
        assertThat(d.mayPublish(Topics.deviceCommand("D1"))).isFalse();
        assertThat(d.maySubscribe(Topics.deviceCommand("D1"))).isTrue();
    }
}
