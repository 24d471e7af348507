// A worker thread of `alliance analyze`: analyses the batches of files it is sent and answers each with
// the outcomes as JSON text (text crosses threads far cheaper than object graphs).

import { parentPort, workerData } from "node:worker_threads";
import { type AnalyzeOptions, analyzeFile } from "./analyze-file.ts";

const options = workerData as AnalyzeOptions;
parentPort?.on("message", (job: { start: number; files: string[] }) => {
  const json = job.files.map((file) => JSON.stringify(analyzeFile(file, options)));
  parentPort?.postMessage({ start: job.start, json });
});
