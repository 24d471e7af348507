// A worker thread of `alliance analyze`: analyses the batches of files it is sent and answers each with
// the files' texts (JSON and, when asked, the report): text crosses threads far cheaper than object graphs.

import { parentPort, workerData } from "node:worker_threads";
import { type AnalyzedFile, renderFile, type WorkerSetup } from "./analyze-file.ts";

const { options, renderings } = workerData as WorkerSetup;
parentPort?.on("message", (job: { start: number; files: string[] }) => {
  const results: AnalyzedFile[] = job.files.map((file) => renderFile(file, options, renderings));
  parentPort?.postMessage({ start: job.start, results });
});
