/** `maillage serve`: the sigma visualiser on a local server, with the graph and its computed attributes. */
import type { Command } from "commander";
import { ensureBuilt } from "../../../viz/build.ts";
import { vizDocument } from "../../../viz/data.ts";
import { defaultGeo } from "../../../viz/exportHtml.ts";
import { BindError, isLoopback, serveViz } from "../../../viz/server.ts";
import { loadSourceNetwork } from "../network.ts";
import { addSourceOptions } from "../options.ts";
import { note, UsageError } from "../output.ts";
import { describeSource, resolveSource, type SourceOptions } from "../source.ts";

interface ServeOptions extends SourceOptions {
  port: string;
  host: string;
  allowRemote?: boolean;
  seed: string;
  columns?: string;
}

export async function runServe(options: ServeOptions) {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number (0–65535), not "${options.port}".`);
  if (!isLoopback(options.host) && !options.allowRemote)
    throw new UsageError(
      `refusing to listen on ${options.host}: only a loopback address (127.0.0.1, ::1) unless --allow-remote is given.`,
    );
  const source = resolveSource(options);
  const { graph } = await loadSourceNetwork(source);
  const described = describeSource(source);
  const geo = source.type === "dataset" ? (source.dataset.files.geo ?? defaultGeo()) : defaultGeo();
  const doc = vizDocument(graph, {
    title: "maillage",
    source: described,
    seed: options.seed,
    geo,
  });
  const appDir = await ensureBuilt();
  try {
    const running = await serveViz({
      appDir,
      graphJson: JSON.stringify(doc),
      host: options.host,
      port,
      allowRemote: options.allowRemote,
    });
    return { running, doc, source: described };
  } catch (error) {
    if (error instanceof BindError) throw new UsageError(error.message);
    throw error;
  }
}

export function registerServe(program: Command): void {
  const command = program
    .command("serve")
    .description("open the network in the browser: the sigma visualiser on a local server (127.0.0.1)")
    .option("--port <port>", "port to listen on (0: any free port)", "5173")
    .option("--host <address>", "address to bind; a loopback address unless --allow-remote", "127.0.0.1")
    .option(
      "--allow-remote",
      "allow binding a non-loopback address (the graph becomes visible on the network)",
    )
    .option("--seed <seed>", "seed of the layout's start and of the communities", "maillage")
    .addHelpText(
      "after",
      `
Examples:
  maillage serve                          the built-in rouen dataset at http://127.0.0.1:5173/
  maillage serve --db maillage.duckdb --port 8080
  maillage export --format html --out rouen.html   the same page as one file, no server needed`,
    );
  addSourceOptions(command).action(async (options: ServeOptions) => {
    const { running, doc, source } = await runServe(options);
    process.stdout.write(
      `maillage serve: ${source}, ${doc.nodes.length} actors, ${doc.edges.length} links\n  open ${running.url}  (Ctrl-C to stop)\n`,
    );
    note(`(listening on ${running.url} only)`);
  });
}
