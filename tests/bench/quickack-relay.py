"""The virtual card's link to vpcd without the delayed-ACK stall (bench:card).

vpcd sends each command to the card in two TCP writes (length, then body) on a socket with Nagle
on, so the body waits for the card side's ACK of the length, which Linux delays by ~40 ms. Node has
no TCP_QUICKACK; Python does. This relay sits between the virtual card (Node, TCP on 127.0.0.1)
and vpcd: it sets TCP_QUICKACK after every read from vpcd (Linux clears it), TCP_NODELAY both ways,
and forwards bytes as they come. One card connection at a time: the card placed is the connection
up; the card lifted is the connection closed (then vpcd's side closes too).
Prints the port it listens on, then serves until stdin closes.
"""
import select
import socket
import sys

VPCD = ('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 35963)
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(('127.0.0.1', 0))
listener.listen(1)
print(listener.getsockname()[1], flush=True)


def quick(sock):
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)


card = vpcd = None
while True:
    watched = [sys.stdin, listener] + [s for s in (card, vpcd) if s is not None]
    ready, _, _ = select.select(watched, [], [])
    if sys.stdin in ready and not sys.stdin.readline():
        break
    if listener in ready:
        if card is not None:
            card.close()
            vpcd.close()
        card, _ = listener.accept()
        quick(card)
        vpcd = socket.create_connection(VPCD)
        quick(vpcd)
        continue
    for source, target in ((vpcd, card), (card, vpcd)):
        if source is None or source not in ready:
            continue
        data = source.recv(65536)
        quick(source)  # Linux clears QUICKACK: set it again after every read
        if not data:
            card.close()
            vpcd.close()
            card = vpcd = None
            break
        target.sendall(data)
