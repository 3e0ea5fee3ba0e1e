#!/usr/bin/python3
"""A Modbus RTU server (slave) from Debian's python3-pymodbus, for the agent's ModbusPymodbusIT.

usage: pymodbus_rtu_server.py SERIAL_PATH

Serves unit 1 (the demo turnstile map) and unit 2 (the demo environment sensor map) on SERIAL_PATH at 19200 8N1,
each with 16 coils, discrete inputs, input and holding registers, addressed from 0 (zero_mode). Prints "ready"
once the port is open. Reads commands on stdin, one per line, and answers each on stdout:
    set UNIT TABLE ADDRESS VALUE   ->  ok
    get UNIT TABLE ADDRESS         ->  value UNIT TABLE ADDRESS VALUE
TABLE is co, di, ir or hr. Exits when stdin closes.
Written against pymodbus 3.0.0 (Debian bookworm): pymodbus.server.StartAsyncSerialServer with ModbusRtuFramer.
No parity: a pseudo-terminal has no parity bit, and Linux refuses (EINVAL) the PARENB that pyserial would set.
"""
import asyncio
import os
import sys
import threading

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartAsyncSerialServer
from pymodbus.transaction import ModbusRtuFramer

FUNCTION_OF_TABLE = {"co": 1, "di": 2, "hr": 3, "ir": 4}


def unit_context():
    def block():
        return ModbusSequentialDataBlock(0, [0] * 16)
    return ModbusSlaveContext(di=block(), co=block(), hr=block(), ir=block(), zero_mode=True)


def commands(context):
    for line in sys.stdin:
        parts = line.split()
        try:
            if parts[0] == "set":
                unit, table, address, value = int(parts[1]), parts[2], int(parts[3]), int(parts[4])
                context[unit].setValues(FUNCTION_OF_TABLE[table], address, [value])
                print("ok", flush=True)
            elif parts[0] == "get":
                unit, table, address = int(parts[1]), parts[2], int(parts[3])
                value = context[unit].getValues(FUNCTION_OF_TABLE[table], address, 1)[0]
                print("value", unit, table, address, int(value), flush=True)
            else:
                print("error unknown command", flush=True)
        except (IndexError, KeyError, ValueError) as e:
            print("error", repr(e), flush=True)
    os._exit(0)


async def main(path):
    context = ModbusServerContext(slaves={1: unit_context(), 2: unit_context()}, single=False)
    server = await StartAsyncSerialServer(context=context, framer=ModbusRtuFramer, port=path, baudrate=19200,
                                          bytesize=8, parity="N", stopbits=1, defer_start=True)
    await server.start()
    if server.transport is None:
        print("error cannot open", path, flush=True)
        os._exit(2)
    threading.Thread(target=commands, args=(context,), daemon=True).start()
    print("ready", flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
