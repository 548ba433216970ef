/**
 * Progress bars on stderr for work that takes more than a second. Nothing is drawn when stderr is not
 * a terminal (CI logs, pipes) or under `--json` scripts that capture stderr, so output stays clean.
 */
import cliProgress from "cli-progress";

export interface Progress {
  update(done: number, total: number, stage: string): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

export function progressBar(enabled = true): Progress {
  if (!enabled || !process.stderr.isTTY) return SILENT;
  let bar: cliProgress.SingleBar | undefined;
  let shownStage = "";
  const started = Date.now();
  return {
    update(done, total, stage) {
      // Only work that lasts shows a bar.
      if (!bar && Date.now() - started < 1000) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: " {stage} [{bar}] {percentage}% | {value}/{total}",
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { stage });
        shownStage = stage;
      }
      if (stage !== shownStage) {
        bar.setTotal(total);
        shownStage = stage;
      }
      bar.update(done, { stage });
    },
    stop() {
      bar?.stop();
    },
  };
}
