package dev.warden.codec.bench;

import dev.warden.codec.modbus.ModbusRequest;
import dev.warden.codec.modbus.ModbusRequestReader;
import dev.warden.codec.modbus.RequestEvent;
import dev.warden.codec.modbus.ResponseResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Modbus RTU, as average time per frame in nanoseconds: the master decoding the environment sensor's
 * read-input-registers reply (2 registers, 9 bytes) with {@code ModbusResponseDecoder}, and the device side finding
 * that read request (8 bytes) with a long-lived {@link ModbusRequestReader}. Each frame arrives in one read.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class ModbusBenchmark {

    private ModbusRequest sent;
    private byte[] replyWire;
    private byte[] replyBuffer;
    private byte[] requestWire;
    private byte[] readBuffer;
    private ModbusRequestReader reader;

    @Setup(Level.Trial)
    public void setUp() {
        sent = DeviceFrames.SENSOR_POLL;
        replyWire = DeviceFrames.sensorReplyWire();
        replyBuffer = new byte[256];
        requestWire = DeviceFrames.sensorRequestWire();
        readBuffer = new byte[256];
        reader = new ModbusRequestReader();
        if (!(sensorReply() instanceof ResponseResult.Accepted)) {
            throw new IllegalStateException("the benchmark reply is not accepted: " + sensorReply());
        }
        if (!(sensorRequest() instanceof RequestEvent.Received(ModbusRequest request)) || !request.equals(sent)) {
            throw new IllegalStateException("the benchmark request is not received: " + sensorRequest());
        }
    }

    @Benchmark
    public ResponseResult sensorReply() {
        return DevicePaths.readResponse(sent, replyWire, replyBuffer);
    }

    @Benchmark
    public RequestEvent sensorRequest() {
        return DevicePaths.readRequest(reader, requestWire, readBuffer);
    }
}
