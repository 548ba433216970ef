/** Process entry of the `maillage` command (see `bin/maillage.js`). */
import { main } from "./main.ts";

process.exitCode = await main(process.argv.slice(2));
