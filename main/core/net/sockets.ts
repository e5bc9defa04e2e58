// The socket-creation seam: the client opens every TCP and UDP socket through one of
// these, always to an already-checked IP address. Tests wrap it to record (and assert
// the absence of) connection attempts.
import dgram from 'node:dgram';
import net from 'node:net';

export interface SocketFactory {
  tcp(address: string, port: number): net.Socket;
  udp(family: 4 | 6): dgram.Socket;
}

export const nodeSockets: SocketFactory = {
  tcp: (address, port) => net.connect({ host: address, port }),
  udp: (family) => dgram.createSocket(family === 6 ? 'udp6' : 'udp4'),
};

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Name resolution seam (defaults to the OS resolver); returns every address. */
export type HostLookup = (host: string) => Promise<ResolvedAddress[]>;
