"""The coordinated-omission target: answers at once, except that it holds every answer during the last second of
each 5 s cycle (counted from its start) and sends them when the cycle ends. HTTP/1.1 keep-alive, 127.0.0.1 only.
Usage: stall_server.py PORT SECONDS (it exits after SECONDS). Prints the requests it answered when it exits."""
import asyncio
import sys
import time

START = time.monotonic()
answered = 0


async def handle(reader, writer):
    global answered
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                pass
            phase = (time.monotonic() - START) % 5.0
            if phase >= 4.0:
                await asyncio.sleep(5.0 - phase)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok")
            await writer.drain()
            answered += 1
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def main(port, seconds):
    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=4096)
    async with server:
        await asyncio.sleep(seconds)
    print(f"answered {answered}", flush=True)


asyncio.run(main(int(sys.argv[1]), float(sys.argv[2])))
