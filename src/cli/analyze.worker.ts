// A worker thread of `alliance analyze`: analyses the batches of files it is sent and answers each with
// the files' texts as UTF-8 bytes, moved to the calling thread rather than copied; that thread only writes
// them out.

import { parentPort, workerData } from "node:worker_threads";
import { type EncodedFile, encodeFile, renderFile, type WorkerSetup } from "./analyze-file.ts";

const { options, renderings } = workerData as WorkerSetup;
parentPort?.on("message", (job: { start: number; files: string[] }) => {
  const results: EncodedFile[] = job.files.map((file) => encodeFile(renderFile(file, options, renderings)));
  const buffers = results.flatMap((result) => [
    result.line.buffer,
    ...(result.pretty ? [result.pretty.buffer] : []),
  ]);
  parentPort?.postMessage({ start: job.start, results }, buffers as ArrayBuffer[]);
});
