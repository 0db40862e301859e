import net from 'node:net';

/** A TCP proxy in front of a server that can cut the network as a push runs through it. */
export interface CuttingProxy {
  /** The proxy's port on 127.0.0.1. */
  port: number;
  /**
   * From now on, counts the requests whose start matches `request`; the `nth` one is sent only in
   * part, then every connection is cut and new ones are refused until `heal`.
   */
  cutAt(request: RegExp, nth: number): void;
  /** Requests seen matching `request` since the last `cutAt` (the cut one included). */
  seen(): number;
  /** Forwards everything again. */
  heal(): void;
  /** Closes the proxy and every connection through it. */
  close(): Promise<void>;
}

/**
 * Starts a proxy on a free port of 127.0.0.1 forwarding to `targetPort`. Requests are recognised in
 * the bytes the client sends (an HTTP request line with its query string), so a cut can fall after
 * some statements were answered and inside another, as a dropped network does.
 */
export async function startCuttingProxy(targetPort: number): Promise<CuttingProxy> {
  const sockets = new Set<net.Socket>();
  let rule: { request: RegExp; nth: number } | undefined;
  let count = 0;
  let cut = false;
  const cutAll = () => {
    cut = true;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('data', (chunk: Buffer) => {
      if (cut) return;
      const starts = rule ? [...chunk.toString('latin1').matchAll(/^POST \S+/gm)].filter((m) => rule!.request.test(m[0])) : [];
      for (const start of starts) {
        count++;
        if (count === rule!.nth) {
          // Half of this request reaches the server, then the network is gone.
          upstream.write(chunk.subarray(0, start.index! + Math.ceil((chunk.length - start.index!) / 2)), () => cutAll());
          return;
        }
      }
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cutAt(request, nth) {
      rule = { request, nth };
      count = 0;
    },
    seen: () => count,
    heal() {
      rule = undefined;
      cut = false;
    },
    async close() {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
