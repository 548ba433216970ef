/**
 * The local server of `maillage serve`: the built page, and the document at `graph.json`. It binds
 * to a loopback address only, unless the caller explicitly allows another one: the graph may hold
 * confidential relationships.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export class BindError extends Error {
  override name = "BindError";
}

/** Loopback: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface ServeOptions {
  /** Folder of the built page (`index.html` + `assets/`). */
  appDir: string;
  /** The document, already serialised (served at `graph.json`). */
  graphJson: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 5173; 0 picks a free port. */
  port?: number;
  /** Allow a non-loopback host. Default false. */
  allowRemote?: boolean;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveViz(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopback(host) && !options.allowRemote)
    throw new BindError(
      `refusing to listen on ${host}: the server only binds to a loopback address (127.0.0.1, ::1) unless --allow-remote is given.`,
    );
  const root = normalize(options.appDir);
  if (!existsSync(join(root, "index.html")))
    throw new BindError(`no built page in ${root} (index.html missing).`);
  const graph = Buffer.from(options.graphJson, "utf8");
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405).end();
      return;
    }
    if (path === "/graph.json") {
      response.writeHead(200, { "content-type": TYPES[".json"], "cache-control": "no-store" });
      response.end(request.method === "HEAD" ? undefined : graph);
      return;
    }
    const file = normalize(join(root, path === "/" ? "index.html" : path));
    if (
      !(file === root || file.startsWith(root.endsWith(sep) ? root : root + sep)) ||
      !existsSync(file) ||
      !statSync(file).isFile()
    ) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(request.method === "HEAD" ? undefined : readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new BindError(`port ${options.port ?? 5173} on ${host} is already in use (try --port).`)
          : error,
      ),
    );
    server.listen(options.port ?? 5173, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
