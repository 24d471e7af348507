// A worker thread of `alliance analyze`: analyses the files it is sent, one message each, in turn.

import { parentPort, workerData } from "node:worker_threads";
import { type AnalyzeOptions, analyzeFile } from "./analyze-file.ts";

const options = workerData as AnalyzeOptions;
parentPort?.on("message", (job: { index: number; file: string }) => {
  parentPort?.postMessage({ index: job.index, outcome: analyzeFile(job.file, options) });
});
