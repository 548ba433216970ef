#!/usr/bin/env node
// Entry point of the `maillage` command: runs the TypeScript sources through tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("../engine/cli/run.ts");
